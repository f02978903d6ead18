import { readFileSync } from 'node:fs';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKnex, migrateToLatest } from '../../db/connection.js';
import { generateSampleData } from '../../db/seed/generateSampleData.js';
import { isDatabaseEmpty, loadSampleData } from '../../db/seed/loadSampleData.js';
import type { SampleDataSummary } from '../../db/seed/loadSampleData.js';
import { DEFAULT_AS_OF } from '../../db/seed/sampleDataPlans.js';
import { SHENZHEN_DISTRICTS, maskCitizenId, validateCitizenId, validateUscc } from '../../src/codes/index.js';
import { createIdNumberVault, DEVELOPMENT_DATA_KEY } from '../../src/credit/idNumberVault.js';
import { TEST_DATABASES } from '../support/databases.js';

const readRule = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../../src/credit/rules/${name}`, import.meta.url), 'utf8')) as T;
const RECORD_KINDS = readRule<{ kinds: { kind: string; subjects: string }[] }>('record-kinds.json').kinds;
const GOVERNANCE_FIELDS = readRule<{ fields: { code: string }[] }>('governance-fields.json').fields.map((f) => f.code);
const NOT_NEGATIVE = ['ADMINISTRATIVE_LICENCE', 'COMMENDATION', 'CREDIT_COMMITMENT'];
const vault = createIdNumberVault(DEVELOPMENT_DATA_KEY);

async function rows<T>(knex: Knex, sql: string, bindings: readonly unknown[] = []): Promise<T[]> {
  return ((await knex.raw(sql, bindings as Knex.RawBinding[])) as { rows: T[] }).rows;
}
const column = async (knex: Knex, sql: string, bindings: readonly unknown[] = []): Promise<string[]> =>
  (await rows<{ v: string }>(knex, sql, bindings)).map((r) => r.v);
const countOf = async (knex: Knex, sql: string, bindings: readonly unknown[] = []): Promise<number> =>
  Number((await rows<{ n: string | number }>(knex, sql, bindings))[0]?.n);

describe.each(TEST_DATABASES)('small sample data on $name', (database) => {
  let knex: Knex;
  let summary: SampleDataSummary;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const db = await database.create();
    drop = db.drop;
    knex = db.url ? createKnex({ kind: 'postgres', url: db.url }) : createKnex({ kind: 'pglite' });
    await migrateToLatest(knex);
    expect(await isDatabaseEmpty(knex)).toBe(true);
    summary = await loadSampleData(knex, 'small', vault);
  });
  afterAll(async () => {
    await knex?.destroy();
    await drop?.();
  });

  it('reports what it inserted, and the database is no longer empty', async () => {
    expect(summary.asOf).toBe(DEFAULT_AS_OF);
    expect(summary.counts).toEqual({
      organisations: await countOf(knex, 'select count(*) as n from organisations'),
      civilServants: 300,
      catalogItems: await countOf(knex, 'select count(*) as n from catalog_items'),
      creditRecords: 4_000,
    });
    expect(summary.counts.organisations).toBeGreaterThan(500);
    expect(await isDatabaseEmpty(knex)).toBe(false);
  });

  it('gives every organisation a valid USCC and covers every kind and district', async () => {
    const invalid = (await column(knex, 'select uscc as v from organisations')).filter((u) => !validateUscc(u).ok);
    expect(invalid).toEqual([]);
    const kinds = await column(knex, 'select distinct kind as v from organisations');
    expect(kinds).toEqual(expect.arrayContaining(['GOVERNMENT_BODY', 'PUBLIC_INSTITUTION', 'SOCIAL_ORGANISATION', 'ENTERPRISE', 'INDIVIDUAL_BUSINESS']));
    const districts = SHENZHEN_DISTRICTS.filter((d) => d.level === 'DISTRICT').map((d) => d.code);
    const withEnterprises = await column(knex, "select distinct district_code as v from organisations where kind = 'ENTERPRISE'");
    expect(withEnterprises).toEqual(expect.arrayContaining(districts));
    // City-level bodies carry the city's area code, district bodies their district's.
    const misplaced = await countOf(knex, `select count(*) as n from organisations
      where kind = 'GOVERNMENT_BODY' and substr(uscc, 3, 6) <> district_code`);
    expect(misplaced).toBe(0);
  });

  it('employs civil servants at government bodies and keeps their ID numbers sealed', async () => {
    const employers = await column(knex, 'select distinct o.kind as v from civil_servants c join organisations o on o.uscc = c.employer_uscc');
    expect(employers).toEqual(['GOVERNMENT_BODY']);
    const servants = await rows<{ id: string; id_number_ciphertext: Uint8Array; id_number_hash: string; id_number_masked: string }>(
      knex, 'select id, id_number_ciphertext, id_number_hash, id_number_masked from civil_servants');
    for (const servant of servants) {
      expect(servant.id).toMatch(/^cs_[a-z2-7]{12}$/);
      const idNumber = vault.decrypt(Buffer.from(servant.id_number_ciphertext));
      expect(validateCitizenId(idNumber, { today: '20261101' }).ok).toBe(true);
      expect(vault.hash(idNumber)).toBe(servant.id_number_hash);
      expect(maskCitizenId(idNumber)).toBe(servant.id_number_masked);
    }
  });

  it('has records of every kind and every governance field, about the right subjects', async () => {
    expect(await column(knex, 'select distinct kind as v from credit_records')).toEqual(
      expect.arrayContaining(RECORD_KINDS.map((k) => k.kind)));
    expect(await column(knex, 'select distinct governance_field as v from credit_records where governance_field is not null'))
      .toEqual(expect.arrayContaining(GOVERNANCE_FIELDS));
    for (const { kind, subjects } of RECORD_KINDS) {
      const wrong = subjects === 'ORGANISATION' ? 'subject_uscc is null' : subjects === 'CIVIL_SERVANT' ? 'civil_servant_id is null' : 'false';
      expect(await countOf(knex, `select count(*) as n from credit_records where kind = ? and ${wrong}`, [kind])).toBe(0);
    }
    // Some negative records concern government bodies and public institutions too.
    expect(await countOf(knex, `select count(*) as n from credit_records r join organisations o on o.uscc = r.subject_uscc
      where o.kind in ('GOVERNMENT_BODY', 'PUBLIC_INSTITUTION') and r.kind in ('JUDGMENT_DEFAULTER', 'ACCOUNTABILITY')`)).toBeGreaterThan(0);
  });

  it('tags every judgment-defaulter record with field 11, 法院判决不执行问题 (guiding opinion 三.5)', async () => {
    const fields = await column(knex, `select distinct coalesce(governance_field, 'none') as v from credit_records where kind = 'JUDGMENT_DEFAULTER'`);
    expect(fields).toEqual(['JUDGMENT_NON_ENFORCEMENT']);
    expect(await countOf(knex, `select count(*) as n from credit_records where kind = 'JUDGMENT_DEFAULTER'`)).toBeGreaterThan(0);
  });

  it('dates decisions between the subject founding and as-of', async () => {
    expect(await countOf(knex, 'select count(*) as n from credit_records where decision_date > ?::date or decision_date < ?::date',
      [DEFAULT_AS_OF, '2019-01-01'])).toBe(0);
    expect(await countOf(knex, `select count(*) as n from credit_records r join organisations o on o.uscc = r.subject_uscc
      where r.decision_date < o.established_on`)).toBe(0);
  });

  it('numbers documents uniquely per authority and ties each record to its catalogue item', async () => {
    expect(await countOf(knex, `select count(*) as n from (select 1 from credit_records
      group by authority_uscc, document_number having count(*) > 1) d`)).toBe(0);
    expect(await countOf(knex, `select count(*) as n from credit_records r join catalog_items c on c.code = r.catalog_item_code
      where c.source_unit_uscc <> r.source_unit_uscc or c.record_kind <> r.kind`)).toBe(0);
    const courtNumbers = await column(knex, `select document_number as v from credit_records where kind = 'JUDGMENT_DEFAULTER'`);
    for (const number of courtNumbers) expect(number).toMatch(/^（20\d\d）粤03(0\d|1[01])?执\d+号$/);
  });

  it('keeps amounts, severity and publicity windows consistent with the kind and status', async () => {
    expect(await countOf(knex, `select count(*) as n from credit_records where kind <> 'ADMINISTRATIVE_PENALTY'
      and (fine_amount is not null or confiscated_amount is not null)`)).toBe(0);
    expect(await countOf(knex, `select count(*) as n from credit_records
      where (kind = any(?)) <> (severity is null and publicity_start is null and rule_version is null)`, [NOT_NEGATIVE])).toBe(0);
    expect(await countOf(knex, `select count(*) as n from credit_records where publicity_start is not null
      and ((publicity_end < ?::date) <> (status = 'EXPIRED'))`, [DEFAULT_AS_OF])).toBe(0);
    expect(await countOf(knex, `select count(*) as n from credit_records where status = 'REPAIRED'
      and (details->'repair'->>'decidedOn')::date < publicity_min_end`)).toBe(0);
    expect(await countOf(knex, `select count(*) as n from credit_records where status = 'WITHDRAWN'
      and details->>'withdrawalReason' is null`)).toBe(0);
    const statuses = await column(knex, 'select distinct status as v from credit_records');
    expect(statuses.sort()).toEqual(['EXPIRED', 'IN_PUBLICITY', 'REPAIRED', 'UNDER_OBJECTION', 'WITHDRAWN']);
  });
});

describe('generateSampleData', () => {
  const firstRows = <T>(chunks: Iterable<T[]>, n: number): T[] => {
    const out: T[] = [];
    for (const chunk of chunks) {
      out.push(...chunk.slice(0, n - out.length));
      if (out.length >= n) break;
    }
    return out;
  };

  it('generates the same rows for the same seed and different ones for another seed', () => {
    const [a, b, other] = [generateSampleData('small'), generateSampleData('small'), generateSampleData('small', { seed: 7 })];
    for (const table of ['organisations', 'civilServants', 'catalogItems', 'creditRecords'] as const) {
      expect(firstRows<unknown>(a[table], 200)).toEqual(firstRows<unknown>(b[table], 200));
    }
    expect(firstRows(a.creditRecords, 50)).toEqual(firstRows(a.creditRecords, 50));
    expect(firstRows(other.organisations, 50)).not.toEqual(firstRows(a.organisations, 50));
  });

  it('emits parents before children and amounts as exact decimal strings', () => {
    const data = generateSampleData('small');
    const seen = new Set<string>();
    for (const chunk of data.organisations) {
      for (const org of chunk) {
        if (org.parentUscc !== null) expect(seen.has(org.parentUscc)).toBe(true);
        seen.add(org.uscc);
      }
    }
    const amounts = firstRows(data.creditRecords, 4_000).flatMap((r) => [r.fineAmount, r.confiscatedAmount]).filter((a) => a !== null);
    expect(amounts.length).toBeGreaterThan(100);
    for (const amount of amounts) expect(amount).toMatch(/^\d+\.\d{4}$/);
  });

  it('rejects an unknown size and an as-of date before the records start', () => {
    expect(() => generateSampleData('medium' as 'small')).toThrow(/unknown sample data size/);
    expect(() => generateSampleData('small', { asOf: '2018-12-31' })).toThrow(/asOf/);
  });
});
