import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Knex } from 'knex';
import { derivePenaltySectors } from '../../src/credit/derivePenaltySectors.js';
import { publicityWindow, type PublicityInput, type Severity } from '../../src/credit/publicityWindow.js';

/** A credit record a test needs; everything it does not state is filled in the way the sample generator would. */
export interface TestRecord {
  kind: string;
  /** The organisation the record is about, or `civilServantId` (exactly one of them). */
  subjectUscc?: string;
  civilServantId?: string;
  /** YYYY-MM-DD; for list entries and judgment defaulters the listing date. */
  decisionDate: string;
  /** The catalogue item; by default the first item of `kind` with disclosure `disclosure`. */
  catalogItemCode?: string;
  /** Which catalogue item to pick when none is named (公开属性); PUBLIC unless given. */
  disclosure?: 'PUBLIC' | 'CONDITIONAL' | 'NOT_PUBLIC';
  severity?: Severity | null;
  /** In 万元, as a decimal string ("0.09" is 900 yuan). */
  fineAmount?: string | null;
  confiscatedAmount?: string | null;
  /** IN_PUBLICITY unless given. */
  status?: string;
  /** Default: the catalogue item's source unit (a unit reporting its own decisions). */
  authorityUscc?: string;
  /** Default: a number unique for its authority, marked 测 so that it never meets a sample one. */
  documentNumber?: string;
  title?: string;
  content?: string | null;
  legalBasis?: string | null;
  /** Default: the field the kind always carries (governance-fields.json `kindFields`), else none. */
  governanceField?: string | null;
  details?: Record<string, unknown>;
  /** What else the kind's publicity window needs (conduct, sanction, measure, list, term, sectors, removal). */
  publicity?: Omit<PublicityInput, 'kind' | 'decisionDate' | 'severity'>;
}

const KIND_FIELDS = new Map(
  (JSON.parse(readFileSync(new URL('../../src/credit/rules/governance-fields.json', import.meta.url), 'utf8')) as {
    kindFields: { kind: string; field: string }[];
  }).kindFields.map((k) => [k.kind, k.field]),
);

let sequence = 0;
// Unique per process and per run, so that two suites or two tests on one database never collide.
const runMark = randomBytes(3).toString('hex').toUpperCase();

/**
 * Inserts one credit record and returns its id. Its publicity window comes from the real rule code
 * (`publicityWindow`, the version in force on the decision date; penalty sectors derived from the legal basis
 * and item as the generator does), so the row is what ingestion or the sample would hold. The database fills
 * `disclosure` (from the catalogue item) and `district_code` (from the subject) by trigger; the row passes every
 * constraint (judgment defaulters carry field JUDGMENT_NON_ENFORCEMENT, document numbers are unique per
 * authority). Throws when the catalogue has no fitting item or the named item is of another kind.
 */
export async function insertTestRecord(knex: Knex, record: TestRecord): Promise<string> {
  const item = record.catalogItemCode
    ? await knex('catalog_items').where({ code: record.catalogItemCode }).first('code', 'record_kind', 'source_unit_uscc', 'legal_basis')
    : await knex('catalog_items').where({ record_kind: record.kind, disclosure: record.disclosure ?? 'PUBLIC' }).orderBy('code')
      .first('code', 'record_kind', 'source_unit_uscc', 'legal_basis');
  if (!item) throw new Error(`no catalogue item ${record.catalogItemCode ?? `of kind ${record.kind} with disclosure ${record.disclosure ?? 'PUBLIC'}`}: load the catalogue first`);
  if (item.record_kind !== record.kind) throw new Error(`catalogue item ${item.code} is for ${item.record_kind} records, not ${record.kind}`);
  const legalBasis = record.legalBasis === undefined ? (item.legal_basis as string | null) : record.legalBasis;
  const sectors = record.publicity?.sectors ?? (record.kind === 'ADMINISTRATIVE_PENALTY' ? derivePenaltySectors(legalBasis, item.code) : []);
  const window = publicityWindow({ ...record.publicity, sectors, kind: record.kind, decisionDate: record.decisionDate, severity: record.severity ?? null });
  const year = record.decisionDate.slice(0, 4);
  sequence += 1;
  const [row] = await knex('credit_records').insert({
    kind: record.kind,
    subject_uscc: record.subjectUscc ?? null,
    civil_servant_id: record.civilServantId ?? null,
    authority_uscc: record.authorityUscc ?? item.source_unit_uscc,
    document_number: record.documentNumber ?? `深测〔${year}〕${runMark}-${sequence}号`,
    title: record.title ?? `测试记录 ${record.kind} ${record.decisionDate}`,
    content: record.content ?? null,
    legal_basis: legalBasis,
    decision_date: record.decisionDate,
    severity: record.severity ?? null,
    fine_amount: record.fineAmount ?? null,
    confiscated_amount: record.confiscatedAmount ?? null,
    source_unit_uscc: item.source_unit_uscc,
    catalog_item_code: item.code,
    governance_field: record.governanceField === undefined ? KIND_FIELDS.get(record.kind) ?? null : record.governanceField,
    publicity_start: window?.start ?? null,
    publicity_min_end: window?.minimumEnd ?? null,
    publicity_end: window?.end ?? null,
    rule_version: window?.ruleVersion ?? null,
    status: record.status ?? 'IN_PUBLICITY',
    details: JSON.stringify({ ...(sectors.length > 0 ? { sectors } : {}), ...record.details }),
  }).returning('id');
  return String((row as { id: string | number }).id);
}
