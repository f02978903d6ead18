import type { Knex } from 'knex';
import { conflict, notAllowed, notFound } from './integrityErrors.js';
import type { CommitmentPage, CommitmentRegisterFilter, GovernmentIntegrityStore, Row } from './GovernmentIntegrityStore.js';
import { INTEGRITY_RULES } from './integrityRules.js';

const asDate = (value: unknown): string | null => (value instanceof Date ? value.toISOString().slice(0, 10) : (value as string | null));
// Rows from pg and PGlite differ (Date vs string, bigint as string): normalise ids, dates and amounts.
function toRow(raw: Record<string, unknown>): Row {
  const row: Record<string, unknown> = { ...raw, id: String(raw.id), version: Number(raw.version) };
  for (const key of ['promised_on', 'delivered_on', 'accepted_on', 'settled_on', 'due_on', 'fulfilled_on', 'filed_on', 'closed_on', 'superior_notified_on', 'received_on', 'concluded_on', 'held_on']) {
    if (key in row) row[key] = asDate(row[key]);
  }
  for (const key of ['amount', 'agreed_daily_interest_rate']) {
    if (row[key] !== null && row[key] !== undefined) row[key] = String(row[key]).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
  }
  return row as Row;
}

/** The GovernmentIntegrityStore in the hub's database (see the interface for the contract). */
export class KnexGovernmentIntegrityStore implements GovernmentIntegrityStore {
  private constructor(private readonly knex: Knex) {}

  /** A store over `knex` (migrated). */
  static create(knex: Knex): KnexGovernmentIntegrityStore {
    return new KnexGovernmentIntegrityStore(knex);
  }

  async insert(table: string, values: Record<string, unknown>): Promise<Row> {
    const [row] = await this.knex(table).insert(values).returning('*');
    return toRow(row as Record<string, unknown>);
  }

  /** Locks the row, checks the version and lets `change` return the new values (or throw); bumps the version. */
  async change(table: string, what: string, id: string, version: number | null, change: (row: Row) => Record<string, unknown>): Promise<Row> {
    return this.knex.transaction(async (trx) => {
      const current = await trx(table).where({ id }).forUpdate().first();
      if (!current) throw notFound(`${what} ${id}`);
      const row = toRow(current as Record<string, unknown>);
      if (version !== null && row.version !== version) throw conflict(`${what} ${id}`, version, row.version);
      const [updated] = await trx(table).where({ id }).update({ ...change(row), version: row.version + 1 }).returning('*');
      return toRow(updated as Record<string, unknown>);
    });
  }

  async fulfilCommitment(id: string, fulfilledOn: string, version: number): Promise<Row> {
    return this.change('government_commitments', 'commitment', id, version, (row) => {
      if (row.status !== 'PENDING') throw notAllowed(`commitment ${id}`, String(row.status), 'FULFILLED', []);
      return { status: 'FULFILLED', fulfilled_on: fulfilledOn };
    });
  }

  async advanceComplaint(id: string, to: string, outcome: string | null, concludedOn: string, version: number): Promise<Row> {
    return this.change('integrity_complaints', 'complaint', id, version, (row) => {
      const allowed = INTEGRITY_RULES.complaints.transitions[String(row.status)] ?? [];
      if (!allowed.includes(to)) throw notAllowed(`complaint ${id}`, String(row.status), to, allowed);
      const final = to === 'SUBSTANTIATED' || to === 'UNSUBSTANTIATED';
      return { status: to, ...(final ? { outcome, concluded_on: concludedOn } : {}) };
    });
  }

  async commitmentsOf(usccs: readonly string[], status: string | null): Promise<Row[]> {
    const query = this.knex('government_commitments').whereIn('body_uscc', usccs).orderBy([{ column: 'due_on' }, { column: 'id' }]);
    if (status) query.where({ status });
    return (await query).map(toRow);
  }

  async commitmentsOwedTo(usccs: readonly string[], status: string | null, offset: number, limit: number): Promise<CommitmentPage[]> {
    const owed = () => {
      const query = this.knex('government_commitments').whereIn('counterparty_uscc', usccs);
      if (status) query.where({ status });
      return query;
    };
    // Positions per enterprise in the field's order; the window is cut in the database for every key at once.
    const ranked = owed().select('*', this.knex.raw('row_number() over (partition by counterparty_uscc order by due_on, id) as position'));
    const [counts, rows] = await Promise.all([
      owed().groupBy('counterparty_uscc').select('counterparty_uscc', this.knex.raw('count(*) as total')),
      limit === 0 ? [] : this.knex.from(ranked.as('ranked')).where('position', '>', offset).andWhere('position', '<=', offset + limit).orderBy([{ column: 'counterparty_uscc' }, { column: 'position' }]),
    ]);
    const totals = new Map((counts as { counterparty_uscc: string; total: unknown }[]).map((c) => [c.counterparty_uscc, Number(c.total)]));
    return usccs.map((uscc) => ({
      total: totals.get(uscc) ?? 0,
      rows: (rows as Record<string, unknown>[]).filter((r) => r.counterparty_uscc === uscc).map(({ position: _position, ...r }) => toRow(r)),
    }));
  }

  async commitmentRegister(filter: CommitmentRegisterFilter, offset: number, limit: number): Promise<CommitmentPage> {
    const admitted = () => {
      const query = this.knex('government_commitments as c');
      if (filter.districts) query.join('organisations as o', 'o.uscc', 'c.body_uscc').whereIn('o.district_code', filter.districts);
      if (filter.kinds) query.whereIn('c.kind', filter.kinds);
      if (filter.statuses) query.whereIn('c.status', filter.statuses);
      if (filter.overdue === true) query.where('c.status', 'PENDING').where('c.due_on', '<', filter.today);
      if (filter.overdue === false) query.where((q) => q.whereNot('c.status', 'PENDING').orWhere('c.due_on', '>=', filter.today));
      return query;
    };
    const [count, rows] = await Promise.all([
      admitted().count({ total: '*' }).first(),
      limit === 0 ? [] : admitted().select('c.*').orderBy([{ column: 'c.due_on' }, { column: 'c.id' }]).offset(offset).limit(limit),
    ]);
    return { total: Number((count as { total: unknown } | undefined)?.total ?? 0), rows: (rows as Record<string, unknown>[]).map(toRow) };
  }

  async overdueCommitments(today: string, districtCode: string | null): Promise<Row[]> {
    const query = this.knex('government_commitments as c').join('organisations as o', 'o.uscc', 'c.body_uscc')
      .where('c.status', 'PENDING').where('c.due_on', '<', today).orderBy([{ column: 'c.due_on' }, { column: 'c.id' }]).select('c.*');
    if (districtCode) query.where('o.district_code', districtCode);
    return (await query).map(toRow);
  }

  async casesOf(usccs: readonly string[]): Promise<Row[]> {
    return (await this.knex('enforcement_cases').whereIn('body_uscc', usccs).orderBy([{ column: 'filed_on', order: 'desc' }, { column: 'id', order: 'desc' }])).map(toRow);
  }

  async interviewsOf(caseIds: readonly string[]): Promise<Row[]> {
    return (await this.knex('enforcement_interviews').whereIn('case_id', caseIds).orderBy([{ column: 'held_on' }, { column: 'id' }])).map((r: Record<string, unknown>) => toRow({ ...r, version: 0 }));
  }

  /** Cases filed on or before `until`, with their body's district, for the monthly indicator. */
  async casesForIndicator(until: string, districtCode: string | null): Promise<{ filed_on: string; closed_on: string | null }[]> {
    const query = this.knex('enforcement_cases as e').join('organisations as o', 'o.uscc', 'e.body_uscc').where('e.filed_on', '<=', until).select('e.filed_on', 'e.closed_on');
    if (districtCode) query.where('o.district_code', districtCode);
    return (await query).map((r: Record<string, unknown>) => ({ filed_on: asDate(r.filed_on)!, closed_on: asDate(r.closed_on) }));
  }

  /**
   * New listings of `kind` (judgment defaulters) whose subject's USCC starts with one of `prefixes`, listed
   * from `from` to `until` inclusive, with the listing date and subject; `districtCode` narrows to one area.
   */
  async listingsForIndicator(kind: string, prefixes: readonly string[], from: string, until: string, districtCode: string | null): Promise<{ listed_on: string; subject_uscc: string }[]> {
    const query = this.knex('credit_records as r').join('organisations as o', 'o.uscc', 'r.subject_uscc')
      .where('r.kind', kind).whereBetween('r.decision_date', [from, until])
      .where((q) => { for (const prefix of prefixes) q.orWhere('r.subject_uscc', 'like', `${prefix}%`); })
      .select('r.decision_date', 'r.subject_uscc');
    if (districtCode) query.where('o.district_code', districtCode);
    return (await query).map((r: Record<string, unknown>) => ({ listed_on: asDate(r.decision_date)!, subject_uscc: String(r.subject_uscc) }));
  }

  async complaints(status: string | null): Promise<Row[]> {
    const query = this.knex('integrity_complaints').orderBy([{ column: 'received_on', order: 'desc' }, { column: 'id', order: 'desc' }]);
    if (status) query.where({ status });
    return (await query).map(toRow);
  }

  async organisationExists(uscc: string): Promise<boolean> {
    return (await this.knex('organisations').where({ uscc }).first('uscc')) !== undefined;
  }
}
