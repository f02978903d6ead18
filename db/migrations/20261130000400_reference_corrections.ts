import type { Knex } from 'knex';

// Migrations are snapshots: the values are spelled out here rather than read from the rule files, so that
// replaying this migration never depends on today's data.

/**
 * Shenzhen's areas as of this migration: nine GB/T 2260 districts, the city, and three functional areas
 * with local codes that are NOT GB/T 2260 codes (Qianhai as reported by some systems; Dapeng New Area and
 * the Shenzhen-Shanwei Special Cooperation Zone with codes of this project).
 */
const AREAS = [
  ['440300', 'Shenzhen', '深圳市', 'CITY', 'CITY', null],
  ['440303', 'Luohu', '罗湖区', 'DISTRICT', 'DISTRICT', null],
  ['440304', 'Futian', '福田区', 'DISTRICT', 'DISTRICT', null],
  ['440305', 'Nanshan', '南山区', 'DISTRICT', 'DISTRICT', null],
  ['440306', "Bao'an", '宝安区', 'DISTRICT', 'DISTRICT', null],
  ['440307', 'Longgang', '龙岗区', 'DISTRICT', 'DISTRICT', null],
  ['440308', 'Yantian', '盐田区', 'DISTRICT', 'DISTRICT', null],
  ['440309', 'Longhua', '龙华区', 'DISTRICT', 'DISTRICT', null],
  ['440310', 'Pingshan', '坪山区', 'DISTRICT', 'DISTRICT', null],
  ['440311', 'Guangming', '光明区', 'DISTRICT', 'DISTRICT', null],
  ['440313', 'Qianhai', '前海', 'ZONE', 'FUNCTIONAL_AREA',
    'Not a GB/T 2260 code: 440313 is how some local systems report Qianhai (unconfirmed); never used in a USCC.'],
  ['4403DP', 'Dapeng New Area', '大鹏新区', 'ZONE', 'FUNCTIONAL_AREA',
    'Project-local code of Chengxin Hub, not a GB/T 2260 code: Dapeng New Area is a functional area with no administrative division code of its own; its letters keep it from ever colliding with a GB/T 2260 code. Never used in a USCC.'],
  ['4403SS', 'Shenzhen-Shanwei Special Cooperation Zone', '深汕特别合作区', 'ZONE', 'FUNCTIONAL_AREA',
    'Project-local code of Chengxin Hub, not a GB/T 2260 code: the Shenzhen-Shanwei Special Cooperation Zone is a functional area administered by Shenzhen with no Shenzhen administrative division code; its letters keep it from ever colliding with a GB/T 2260 code. Never used in a USCC.'],
] as const;
const NEW_AREAS = ['4403DP', '4403SS'];

/** The 19 fields in the policy's own wording (guiding opinion 三.5), and the names they had before. */
const FIELD_NAMES: [code: string, nameEn: string, nameZh: string, oldEn: string, oldZh: string][] = [
  ['TELECOM_FRAUD', 'Telecom and online fraud', '电信网络诈骗', 'Telecom and online fraud', '电信网络诈骗'],
  ['ONLINE_RUMOURS', 'False information, rumour-making and rumour-spreading on the internet', '互联网虚假信息、造谣传谣', 'Online false information and rumours', '互联网虚假信息造谣传谣'],
  ['FINANCIAL_DISHONESTY', 'Dishonesty in the financial sector and internet finance risk', '涉金融领域失信问题和互联网金融风险', 'Financial dishonesty and internet finance risk', '金融领域失信和互联网金融风险'],
  ['ENVIRONMENTAL_DISHONESTY', 'Dishonest conduct in ecological and environmental protection', '生态环境保护失信行为', 'Environmental-protection dishonesty', '生态环境保护领域失信'],
  ['POVERTY_ALLEVIATION_FRAUD', 'Dishonesty in poverty alleviation', '扶贫脱贫失信问题', 'Poverty-alleviation fraud', '扶贫脱贫失信'],
  ['MEDICAL_FRAUD', 'Illegal medical practice; medical fraud', '非法行医，医疗欺诈', 'Illegal medical practice and medical fraud', '非法医疗和医疗欺诈'],
  ['COUNTERFEIT_DRUGS', 'Counterfeit drugs', '假药问题', 'Counterfeit drugs', '假药劣药'],
  ['UNPAID_WAGES', 'Unpaid wages', '拖欠工资问题', 'Unpaid wages', '拖欠工资'],
  ['CHEAP_TOURS', '"Unreasonably cheap tours"', '“不合理低价游”', 'Unreasonably cheap tours', '不合理低价游'],
  ['TAX_EVASION', 'Tax evasion, tax refund fraud and "fake invoices"', '逃税骗税和“假发票”问题', 'Tax evasion and fake invoices', '偷逃税和虚开发票'],
  ['JUDGMENT_NON_ENFORCEMENT', 'Non-enforcement of court judgments', '法院判决不执行问题', 'Non-enforcement of court judgments', '法院判决不执行'],
  ['TRANSPORT_DISHONESTY', 'Dishonesty in transport', '交通运输失信问题', 'Transport dishonesty', '交通运输领域失信'],
  ['ACADEMIC_FRAUD', 'Falsified papers, exam cheating', '论文造假、考试作弊', 'Academic fraud and exam cheating', '学术不端和考试作弊'],
  ['INSURANCE_FRAUD', 'Insurance fraud', '骗取保险问题', 'Insurance fraud', '保险领域失信'],
  ['ILLEGAL_SOCIAL_ORGANISATIONS', 'Illegal social organisations', '非法社会组织', 'Illegal social organisations', '非法社会组织'],
  ['CHARITY_FRAUD', 'Dishonesty in charitable donations', '慈善捐助失信问题', 'Charity fraud', '慈善捐赠失信'],
  ['PERFORMANCE_FALSE_ADVERTISING', 'False advertising and ticket scalping in the commercial performance market', '营业性演出市场虚假宣传及炒票问题', 'False advertising and ticket scalping in commercial performances', '营业性演出虚假宣传和倒卖票证'],
  ['FAKE_LOTTERY', '"Fake lottery tickets"', '“假彩票”问题', 'Fake lottery tickets', '假彩票'],
  ['SPORTS_CORRUPTION', 'Match fixing and corrupt refereeing, use of doping', '假球黑哨、使用兴奋剂问题', 'Match fixing, corrupt refereeing and doping', '假球黑哨和使用兴奋剂'],
];

/**
 * Reference data corrected against the sources (issue 9 item 3):
 * - areas get their type (CITY / DISTRICT / FUNCTIONAL_AREA) and a flag and note for local codes, and
 *   Dapeng New Area and the Shenzhen-Shanwei Special Cooperation Zone are added with local codes;
 * - the 19 special-governance fields take the policy's own wording;
 * - every judgment-defaulter record carries field 11 (法院判决不执行问题), enforced by a check.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('districts', (t) => {
    t.text('area_type').nullable();
    t.boolean('local_code').notNullable().defaultTo(false);
    t.text('code_note').nullable();
  });
  await knex('districts')
    .insert(AREAS.map(([code, nameEn, nameZh, level, areaType, note]) => ({
      code, name_en: nameEn, name_zh: nameZh, level, area_type: areaType, local_code: note !== null, code_note: note,
    })))
    .onConflict('code').merge(['area_type', 'local_code', 'code_note']);
  await knex.raw(`ALTER TABLE districts ALTER COLUMN area_type SET NOT NULL,
    ADD CONSTRAINT districts_area_type CHECK (area_type IN ('CITY', 'DISTRICT', 'FUNCTIONAL_AREA') AND (local_code = (code_note IS NOT NULL)))`);

  for (const [code, nameEn, nameZh] of FIELD_NAMES) {
    await knex('governance_fields').where({ code }).update({ name_en: nameEn, name_zh: nameZh });
  }

  await knex('credit_records').where({ kind: 'JUDGMENT_DEFAULTER' })
    .whereRaw("governance_field IS DISTINCT FROM 'JUDGMENT_NON_ENFORCEMENT'")
    .update({ governance_field: 'JUDGMENT_NON_ENFORCEMENT' });
  await knex.raw(`ALTER TABLE credit_records ADD CONSTRAINT credit_records_defaulter_field
    CHECK (kind <> 'JUDGMENT_DEFAULTER' OR governance_field = 'JUDGMENT_NON_ENFORCEMENT')`);
}

/** Drops the additions. Defaulter records keep field 11 (their earlier, wrong fields are not kept). */
export async function down(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE credit_records DROP CONSTRAINT credit_records_defaulter_field');
  for (const [code, , , oldEn, oldZh] of FIELD_NAMES) {
    await knex('governance_fields').where({ code }).update({ name_en: oldEn, name_zh: oldZh });
  }
  const used = await knex('organisations').whereIn('district_code', NEW_AREAS).first('uscc');
  if (used) throw new Error(`cannot remove areas ${NEW_AREAS.join(', ')}: organisation ${String(used.uscc)} is registered there; move it first`);
  await knex('districts').whereIn('code', NEW_AREAS).delete();
  await knex.raw('ALTER TABLE districts DROP CONSTRAINT districts_area_type');
  await knex.schema.alterTable('districts', (t) => {
    t.dropColumn('area_type');
    t.dropColumn('local_code');
    t.dropColumn('code_note');
  });
}
