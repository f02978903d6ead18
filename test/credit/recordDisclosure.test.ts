import 'reflect-metadata';
import { graphql, type GraphQLSchema } from 'graphql';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskCitizenId } from '../../src/codes/index.js';
import {
  buildCreditSchema, createCreditSubschema, createIdNumberVault, DEVELOPMENT_DATA_KEY, KnexCreditStore, todayInShanghai,
  type CreditRequestContext,
} from '../../src/credit/index.js';
import { composeHubSchema } from '../../src/hub/composeHubSchema.js';
import { createSeededKnex } from '../support/createTestStore.js';
import { TEST_DATABASES } from '../support/databases.js';
import { insertTestRecord } from '../support/insertTestRecord.js';

const vault = createIdNumberVault(DEVELOPMENT_DATA_KEY);
const ALL: CreditRequestContext = { creditVisibility: { records: 'ALL' } };

/** Adds days to an ISO date. */
const plusDays = (iso: string, days: number): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

interface Page {
  totalCount: number;
  edges: { cursor: string; node: { id: string; status: string; underObjection: boolean } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const CONNECTION = 'totalCount edges { cursor node { id status underObjection } } pageInfo { hasNextPage endCursor }';
const SUBJECT = `query ($u: USCC!, $first: Int, $after: String) { subject(uscc: $u) { creditRecords(first: $first, after: $after) { ${CONNECTION} } } }`;
const SUBJECTS = `query ($u: [USCC!]!, $first: Int) { subjects(usccs: $u) { uscc creditRecords(first: $first) { ${CONNECTION} } } }`;
const ALL_RECORDS = `query ($first: Int, $after: String) { creditRecords(first: $first, after: $after) { ${CONNECTION} } }`;
const SERVANT = `query ($id: ID!) { civilServant(id: $id) { idNumber idNumberMasked creditRecords(first: 100) { ${CONNECTION} } } }`;

// The situations of one subject's records, newest first, and whether the public sees each (today = T).
const SCENARIO = [
  { label: 'in publicity', status: 'IN_PUBLICITY', end: 365, disclosed: true },
  { label: 'repaired', status: 'REPAIRED', end: 365, disclosed: false },
  { label: 'under objection', status: 'UNDER_OBJECTION', end: 365, disclosed: true },
  { label: 'withdrawn', status: 'WITHDRAWN', end: 365, disclosed: false },
  { label: 'window ended yesterday', status: 'IN_PUBLICITY', end: -1, disclosed: false },
  { label: 'window ends today', status: 'IN_PUBLICITY', end: 0, disclosed: true },
  { label: 'expired', status: 'EXPIRED', end: -30, disclosed: false },
  { label: 'no window (a licence)', status: 'IN_PUBLICITY', end: null, disclosed: true },
] as const;

describe.each(TEST_DATABASES)('disclosure at query time on $name', (database) => {
  let knex: Knex;
  let close: () => Promise<void>;
  let schema: GraphQLSchema;
  let uscc: string;
  let other: string;
  /** The scenario subject's record ids, newest first, with the scenario row each plays (if any). */
  let subjectRecords: { id: string; disclosed: boolean; status: string }[];
  let servantId: string;
  let servantRecords: { id: string; disclosed: boolean }[];

  async function run<T>(source: string, variables: Record<string, unknown>, context: object = {}, over = schema) {
    const result = await graphql({ schema: over, source, variableValues: variables, contextValue: context });
    return result as { data?: T | null; errors?: readonly { message: string; path?: readonly (string | number)[] }[] };
  }

  /** Pages through a connection `first` at a time; returns the ids in order and the totalCount of each page. */
  async function pageAll(source: string, variables: Record<string, unknown>, pick: (data: never) => Page, first: number, context: object = {}) {
    const ids: string[] = [];
    const totals = new Set<number>();
    let after: string | null = null;
    for (let n = 0; n < 500; n += 1) {
      const result = await run(source, { ...variables, first, after }, context);
      expect(result.errors).toBeUndefined();
      const page = pick(result.data as never);
      totals.add(page.totalCount);
      ids.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) return { ids, totals: [...totals] };
      after = page.pageInfo.endCursor;
    }
    throw new Error('too many pages');
  }

  beforeAll(async () => {
    ({ knex, close } = await createSeededKnex(database));
    schema = await buildCreditSchema(KnexCreditStore.create(knex, { vault }));
    const today = todayInShanghai();
    // The organisation with the most records plays the scenario; each situation is written onto one record.
    const busiest = (await knex('credit_records').select('subject_uscc').count({ n: '*' }).whereNotNull('subject_uscc')
      .groupBy('subject_uscc').havingRaw("bool_and(disclosure = 'PUBLIC')")
      .orderBy([{ column: 'n', order: 'desc' }, { column: 'subject_uscc' }]).limit(2)) as { subject_uscc: string }[];
    uscc = busiest[0]!.subject_uscc;
    other = busiest[1]!.subject_uscc;
    const rows = (await knex('credit_records').select('id', 'status').where({ subject_uscc: uscc })
      .orderBy([{ column: 'decision_date', order: 'desc' }, { column: 'id', order: 'desc' }])) as { id: string | number; status: string }[];
    expect(rows.length).toBeGreaterThanOrEqual(SCENARIO.length + 2);
    subjectRecords = [];
    for (const [i, row] of rows.entries()) {
      const situation = SCENARIO[i];
      if (situation) {
        const end = situation.end === null ? null : plusDays(today, situation.end);
        await knex('credit_records').where({ id: row.id }).update({
          status: situation.status,
          publicity_end: end,
          // Keep the window well formed (start ≤ end) whatever the decision date.
          publicity_start: end === null ? null : knex.raw('LEAST(decision_date, ?::date)', [end]),
          publicity_min_end: end === null ? null : knex.raw('LEAST(decision_date, ?::date)', [end]),
        });
        subjectRecords.push({ id: String(row.id), disclosed: situation.disclosed, status: situation.status });
      } else {
        // The rest: in publicity for another year.
        await knex('credit_records').where({ id: row.id }).update({ status: 'IN_PUBLICITY', publicity_end: plusDays(today, 365) });
        subjectRecords.push({ id: String(row.id), disclosed: true, status: 'IN_PUBLICITY' });
      }
    }
    // A civil servant with two public records of its own (commendations), the newer withdrawn: the test owns them.
    const [servant] = (await knex('civil_servants').select('id').orderBy('id').limit(1)) as { id: string }[];
    servantId = servant!.id;
    await knex('credit_records').where({ civil_servant_id: servantId }).delete();
    for (const decisionDate of ['2025-03-14', '2026-05-20']) {
      await insertTestRecord(knex, { kind: 'COMMENDATION', civilServantId: servantId, decisionDate, title: '年度考核优秀' });
    }
    const servantRows = (await knex('credit_records').select('id').where({ civil_servant_id: servantId })
      .orderBy([{ column: 'decision_date', order: 'desc' }, { column: 'id', order: 'desc' }])) as { id: string | number }[];
    servantRecords = [];
    for (const [i, row] of servantRows.entries()) {
      await knex('credit_records').where({ id: row.id }).update({ status: i === 0 ? 'WITHDRAWN' : 'IN_PUBLICITY', publicity_end: plusDays(today, 100) });
      servantRecords.push({ id: String(row.id), disclosed: i > 0 });
    }
  });
  afterAll(async () => close?.());

  const disclosedIds = () => subjectRecords.filter((r) => r.disclosed).map((r) => r.id);

  it('shows the public only disclosed records of a subject, in order, with a matching totalCount', async () => {
    const result = await run<{ subject: { creditRecords: Page } }>(SUBJECT, { u: uscc, first: 100 });
    expect(result.errors).toBeUndefined();
    const connection = result.data!.subject.creditRecords;
    expect(connection.edges.map((e) => e.node.id)).toEqual(disclosedIds());
    expect(connection.totalCount).toBe(disclosedIds().length);
    expect(connection.edges.map((e) => e.node.status)).not.toContain('REPAIRED');
  });

  it('marks a record under objection and shows it', async () => {
    const result = await run<{ subject: { creditRecords: Page } }>(SUBJECT, { u: uscc, first: 100 });
    const marked = result.data!.subject.creditRecords.edges.filter((e) => e.node.underObjection).map((e) => e.node);
    expect(marked).toEqual([{ id: subjectRecords[2]!.id, status: 'UNDER_OBJECTION', underObjection: true }]);
  });

  it.each([1, 2, 3])('pages the public view %i at a time without gaps or repeats across hidden records', async (first) => {
    const { ids, totals } = await pageAll(SUBJECT, { u: uscc }, (d: { subject: { creditRecords: Page } }) => d.subject.creditRecords, first);
    expect(ids).toEqual(disclosedIds());
    expect(totals).toEqual([disclosedIds().length]);
  });

  it('hides the same records from batched pages and counts of several subjects', async () => {
    const result = await run<{ subjects: { uscc: string; creditRecords: Page }[] }>(SUBJECTS, { u: [other, uscc], first: 3 });
    expect(result.errors).toBeUndefined();
    const mine = result.data!.subjects[1]!.creditRecords;
    expect(mine.edges.map((e) => e.node.id)).toEqual(disclosedIds().slice(0, 3));
    expect(mine.totalCount).toBe(disclosedIds().length);
    expect(mine.pageInfo.hasNextPage).toBe(true);
  });

  it('shows every record, counted, with records ALL', async () => {
    const result = await run<{ subject: { creditRecords: Page } }>(SUBJECT, { u: uscc, first: 100 }, ALL);
    const connection = result.data!.subject.creditRecords;
    expect(connection.edges.map((e) => e.node.id)).toEqual(subjectRecords.map((r) => r.id));
    expect(connection.totalCount).toBe(subjectRecords.length);
    const { ids } = await pageAll(SUBJECT, { u: uscc }, (d: { subject: { creditRecords: Page } }) => d.subject.creditRecords, 2, ALL);
    expect(ids).toEqual(subjectRecords.map((r) => r.id));
  });

  it('pages all records of the store in the public view: exactly the disclosed ones, each once', async () => {
    const today = todayInShanghai();
    const rows = (await knex('credit_records').select('id', 'status', 'disclosure', knex.raw("to_char(publicity_end, 'YYYY-MM-DD') AS end_text"))
      .orderBy([{ column: 'decision_date', order: 'desc' }, { column: 'id', order: 'desc' }])) as { id: string | number; status: string; disclosure: string; end_text: string | null }[];
    // Only records of public catalogue items (公开属性 PUBLIC), inside their window and not taken out of view.
    const expected = rows
      .filter((r) => r.disclosure === 'PUBLIC')
      .filter((r) => !['REPAIRED', 'WITHDRAWN', 'EXPIRED'].includes(r.status) && (r.end_text === null || r.end_text >= today))
      .map((r) => String(r.id));
    expect(expected.length).toBeLessThan(rows.length);
    const { ids, totals } = await pageAll(ALL_RECORDS, {}, (d: { creditRecords: Page }) => d.creditRecords, 100);
    expect(ids).toEqual(expected);
    expect(totals).toEqual([expected.length]);
    const all = await run<{ creditRecords: Page }>(ALL_RECORDS, { first: 0 }, ALL);
    expect(all.data!.creditRecords.totalCount).toBe(rows.length);
  });

  it("masks an individual business operator's name and any ID number in the record's text unless the request may unmask", async () => {
    const [row] = (await knex('credit_records as r').join('organisations as o', 'o.uscc', 'r.subject_uscc')
      .select('r.id', 'o.uscc', 'o.legal_representative').where('o.kind', 'INDIVIDUAL_BUSINESS').where('r.disclosure', 'PUBLIC')
      .whereNotNull('o.legal_representative').orderBy('r.id').limit(1)) as { id: string | number; uscc: string; legal_representative: string }[];
    const name = row!.legal_representative;
    const written = { title: `${name}无照经营案`, content: `当事人${name}（公民身份号码11010519491231002X）无照经营。`, status: 'IN_PUBLICITY', publicity_end: null };
    await knex('credit_records').where({ id: row!.id }).update(written);
    const source = `query ($u: USCC!) { subject(uscc: $u) { creditRecords(first: 100) { edges { node { id title content } } } } }`;
    const pick = (r: { data?: { subject: { creditRecords: { edges: { node: { id: string } }[] } } } | null }) =>
      r.data!.subject.creditRecords.edges.map((e) => e.node).find((n) => n.id === String(row!.id));
    const masked = [...name][0] + '*'.repeat([...name].length - 1);
    expect(pick(await run(source, { u: row!.uscc }))).toEqual({
      id: String(row!.id), title: `${masked}无照经营案`, content: `当事人${masked}（公民身份号码1101051949****002X）无照经营。`,
    });
    expect(pick(await run(source, { u: row!.uscc }, { creditVisibility: { records: 'DISCLOSED', unmaskPersonalData: true } })))
      .toEqual({ id: String(row!.id), title: written.title, content: written.content });
  });

  it('shows a subject its own conditional records and no one else\'s, pages and counts agreeing', async () => {
    const owners = (await knex('credit_records').select('subject_uscc').count({ n: '*' }).where('disclosure', 'CONDITIONAL')
      .whereNotNull('subject_uscc').whereNotIn('status', ['REPAIRED', 'WITHDRAWN', 'EXPIRED'])
      .where((w) => w.whereNull('publicity_end').orWhere('publicity_end', '>=', todayInShanghai()))
      .groupBy('subject_uscc').orderBy('subject_uscc').limit(2)) as { subject_uscc: string; n: string | number }[];
    const [mine, theirs] = owners.map((o) => o.subject_uscc);
    const context = { creditVisibility: { records: 'DISCLOSED', disclosure: { classes: ['PUBLIC'], ownSubjectClasses: ['CONDITIONAL'], ownSubjects: [mine] } } };
    const count = async (u: string, ctx: object) =>
      (await run<{ subject: { creditRecords: Page } }>(SUBJECT, { u, first: 0 }, ctx)).data!.subject.creditRecords.totalCount;
    const publicCount = async (u: string) => count(u, {});
    expect(await count(mine!, context)).toBe(await publicCount(mine!) + Number(owners[0]!.n));
    expect(await count(theirs!, context)).toBe(await publicCount(theirs!));
    const { ids, totals } = await pageAll(SUBJECT, { u: mine }, (d: { subject: { creditRecords: Page } }) => d.subject.creditRecords, 2, context);
    expect(totals).toEqual([ids.length]);
    expect(ids.length).toBe(await count(mine!, context));
  });

  it('judges windows on the day the context names', async () => {
    // On the day before yesterday, the record whose window ended yesterday is still disclosed.
    const context = { creditVisibility: { records: 'DISCLOSED', today: plusDays(todayInShanghai(), -2) } };
    const result = await run<{ subject: { creditRecords: Page } }>(SUBJECT, { u: uscc, first: 100 }, context);
    expect(result.data!.subject.creditRecords.edges.map((e) => e.node.id)).toContain(subjectRecords[4]!.id);
  });

  it("hides a civil servant's withdrawn record, shows it with records ALL", async () => {
    const pub = await run<{ civilServant: { creditRecords: Page } }>(SERVANT, { id: servantId });
    expect(pub.errors).toBeUndefined();
    const shown = servantRecords.filter((r) => r.disclosed).map((r) => r.id);
    expect(pub.data!.civilServant.creditRecords.edges.map((e) => e.node.id)).toEqual(shown);
    expect(pub.data!.civilServant.creditRecords.totalCount).toBe(shown.length);
    const admin = await run<{ civilServant: { creditRecords: Page } }>(SERVANT, { id: servantId }, ALL);
    expect(admin.data!.civilServant.creditRecords.totalCount).toBe(servantRecords.length);
  });

  it('masks the ID number by default and shows it in full to a request allowed to unmask', async () => {
    const { id_number_ciphertext: sealed } = await knex('civil_servants').first('id_number_ciphertext').where({ id: servantId });
    const full = vault.decrypt(Buffer.from(sealed as Uint8Array));
    const masked = await run<{ civilServant: { idNumber: string; idNumberMasked: string } }>(SERVANT, { id: servantId }, ALL);
    expect(masked.data!.civilServant.idNumber).toBe(maskCitizenId(full));
    expect(masked.data!.civilServant.idNumber).toBe(masked.data!.civilServant.idNumberMasked);
    const unmasked = await run<{ civilServant: { idNumber: string } }>(SERVANT, { id: servantId }, {
      creditVisibility: { records: 'DISCLOSED', unmaskPersonalData: true },
    });
    expect(unmasked.errors).toBeUndefined();
    expect(unmasked.data!.civilServant.idNumber).toBe(full);
    expect(full).toMatch(/^\d{17}[\dX]$/);
  });

  it('decrypts the ID numbers of many civil servants in one statement', async () => {
    const ids = ((await knex('civil_servants').select('id').orderBy('id').limit(20)) as { id: string }[]).map((r) => r.id);
    const source = `{ ${ids.map((id, i) => `s${i}: civilServant(id: "${id}") { idNumber }`).join(' ')} }`;
    let statements = 0;
    const count = () => { statements += 1; };
    knex.on('query', count);
    try {
      const result = await run<Record<string, { idNumber: string }>>(source, {}, { creditVisibility: { records: 'ALL', unmaskPersonalData: true } });
      expect(result.errors).toBeUndefined();
      expect(Object.values(result.data!).every((s) => /^\d{17}[\dX]$/.test(s.idNumber))).toBe(true);
    } finally {
      knex.removeListener('query', count);
    }
    expect(statements).toBe(2); // the civil servants, then their ciphertexts
  });

  it('refuses to unmask, as a located field error, when the store has no vault', async () => {
    const noVault = await buildCreditSchema(KnexCreditStore.create(knex));
    const result = await run<{ civilServant: { idNumber: string | null; idNumberMasked: string } }>(
      'query ($id: ID!) { civilServant(id: $id) { idNumber idNumberMasked } }', { id: servantId },
      { creditVisibility: { records: 'ALL', unmaskPersonalData: true } }, noVault,
    );
    expect(result.data!.civilServant.idNumber).toBeNull();
    expect(result.data!.civilServant.idNumberMasked).toMatch(/\*{4}/);
    expect(result.errors!.map((e) => [e.path, e.message])).toEqual([
      [['civilServant', 'idNumber'], expect.stringContaining('no vault to decrypt ID numbers')],
    ]);
  });

  it('fails closed with a message naming the fix when the context visibility is malformed', async () => {
    const result = await run(SUBJECT, { u: uscc, first: 1 }, { creditVisibility: { records: 'all' } });
    expect(result.data).toEqual({ subject: null });
    expect(result.errors!.length).toBeGreaterThan(0);
    for (const error of result.errors!) expect(error.message).toMatch(/records must be 'DISCLOSED' or 'ALL', got "all"/);
  });

  it('reads the visibility from the context the stitched hub passes on', async () => {
    const hub = composeHubSchema({ credit: await createCreditSubschema(KnexCreditStore.create(knex, { vault })), adapters: [] });
    const pub = await run<{ subject: { creditRecords: Page } }>(SUBJECT, { u: uscc, first: 100 }, {}, hub);
    expect(pub.errors).toBeUndefined();
    expect(pub.data!.subject.creditRecords.edges.map((e) => e.node.id)).toEqual(disclosedIds());
    const admin = await run<{ subject: { creditRecords: Page } }>(SUBJECT, { u: uscc, first: 100 }, ALL, hub);
    expect(admin.data!.subject.creditRecords.totalCount).toBe(subjectRecords.length);
  });
});
