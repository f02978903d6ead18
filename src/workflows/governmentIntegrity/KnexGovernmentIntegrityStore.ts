import type { Knex } from 'knex';
import { badInput, conflict, decidedElsewhere, notAllowed, notFound } from './integrityErrors.js';
import type {
  ArrearsFeedRow, ArrearsQuery, CatalogItemRef, CommitmentPage, CommitmentRegisterFilter, DefaulterFeedRow, FeedOutcome,
  GovernmentIntegrityStore, Row,
} from './GovernmentIntegrityStore.js';
import { addDays, INTEGRITY_RULES } from './integrityRules.js';
import { storeArrearsFeed, storeDefaulterFeed } from './storeFeeds.js';
import { asDate, toRow } from './toRow.js';
import { subtractDecimal, sumDecimals } from './overdueInterest.js';

// Two batches with the same new key at once: the second waits on the unique index and then fails; nothing of it
// was stored (one transaction), and sent again its rows are UNCHANGED.
function concurrentBatch(error: { code?: string }): never {
  if (error.code === '23505') throw decidedElsewhere('another batch stored one of these rows at the same moment; nothing of this batch was stored: send it again (rows already stored are then UNCHANGED)');
  throw error;
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

  async complaintByReceipt(receiptCode: string): Promise<(Row & { body_name: string | null }) | undefined> {
    const row = await this.knex('integrity_complaints as c').leftJoin('organisations as o', 'o.uscc', 'c.body_uscc')
      .where('c.receipt_code', receiptCode).first('c.*', 'o.name as body_name');
    return row ? (toRow(row as Record<string, unknown>) as Row & { body_name: string | null }) : undefined;
  }

  async measuresOfComplaint(complaintId: string): Promise<Row[]> {
    return (await this.knex('integrity_measures').where({ complaint_id: complaintId }).orderBy('id')).map(toRow);
  }

  async organisationExists(uscc: string): Promise<boolean> {
    return (await this.knex('organisations').where({ uscc }).first('uscc')) !== undefined;
  }

  async organisationNames(usccs: readonly string[]): Promise<Map<string, string>> {
    if (usccs.length === 0) return new Map();
    return new Map((await this.knex('organisations').whereIn('uscc', [...new Set(usccs)]).select('uscc', 'name')).map((r: { uscc: string; name: string }) => [r.uscc, r.name]));
  }

  async catalogItem(code: string): Promise<CatalogItemRef | null> {
    return ((await this.knex('catalog_items').where({ code }).first('code', 'source_unit_uscc', 'legal_basis')) as CatalogItemRef | undefined) ?? null;
  }

  async declareBroken(id: string, version: number, fromStatuses: readonly string[], declaration: { brokenOn: string; reason: string; evidence: string[] },
    toRecord: (commitment: Row, tenures: Row[]) => Record<string, unknown>): Promise<Row> {
    return this.knex.transaction(async (trx) => {
      const current = await trx('government_commitments').where({ id }).forUpdate().first();
      if (!current) throw notFound(`commitment ${id}`);
      const row = toRow(current as Record<string, unknown>);
      if (row.version !== version) throw conflict(`commitment ${id}`, version, row.version);
      if (!fromStatuses.includes(String(row.status))) throw notAllowed(`commitment ${id}`, String(row.status), 'BROKEN', []);
      if (declaration.brokenOn < String(row.promised_on)) throw badInput('commitment', `commitment ${id} was made on ${String(row.promised_on)}, after today`);
      const tenures = (await trx('leadership_tenures').where({ body_uscc: row.body_uscc }).orderBy([{ column: 'started_on' }, { column: 'id' }]))
        .map((r: Record<string, unknown>) => toRow({ ...r, version: 0 }));
      const [record] = await trx('credit_records').insert(toRecord(row, tenures)).returning(['id']);
      const recordId = String((record as { id: unknown }).id);
      const [updated] = await trx('government_commitments').where({ id }).update({
        status: 'BROKEN', broken_on: declaration.brokenOn, broken_reason: declaration.reason, broken_evidence: JSON.stringify(declaration.evidence),
        dishonesty_record_id: recordId, version: row.version + 1,
      }).returning('*');
      await trx('integrity_alerts').insert({
        kind: 'COMMITMENT_BROKEN', body_uscc: row.body_uscc, record_id: recordId, raised_on: declaration.brokenOn,
        message: `Commitment ${id} (${String(row.title)}) declared broken; government-dishonesty record ${recordId} is in the body's archive`,
      });
      return toRow(updated as Record<string, unknown>);
    });
  }

  async tenuresOf(usccs: readonly string[]): Promise<Row[]> {
    return (await this.knex('leadership_tenures').whereIn('body_uscc', usccs).orderBy([{ column: 'started_on' }, { column: 'id' }]))
      .map((r: Record<string, unknown>) => toRow({ ...r, version: 0 }));
  }

  async recordLeadershipChange(values: { body_uscc: string; leader_name: string; post: string; started_on: string; recorded_by: string }): Promise<Row> {
    return this.knex.transaction(async (trx) => {
      // One change of a body at a time: the second waits here and then sees the first.
      const body = await trx('organisations').where({ uscc: values.body_uscc }).forNoKeyUpdate().first('uscc');
      if (!body) throw notFound(`organisation ${values.body_uscc}`);
      const latest = await trx('leadership_tenures').where({ body_uscc: values.body_uscc }).orderBy('started_on', 'desc').first();
      const current = latest ? toRow({ ...(latest as Record<string, unknown>), version: 0 }) : null;
      if (current && String(current.started_on) === values.started_on) {
        throw decidedElsewhere(`a leadership change of ${values.body_uscc} on ${values.started_on} is already recorded (${String(current.leader_name)}); read the body's leadership again`);
      }
      if (current && String(current.started_on) > values.started_on) {
        throw badInput('input.startedOn', `must be after ${String(current.started_on)}, when the current leader ${String(current.leader_name)} took office`);
      }
      if (current) await trx('leadership_tenures').where({ id: current.id }).update({ ended_on: addDays(values.started_on, -1) });
      const [inserted] = await trx('leadership_tenures').insert(values).returning('*');
      return toRow({ ...(inserted as Record<string, unknown>), version: 0 });
    });
  }

  async paymentsOf(ids: readonly string[]): Promise<Row[]> {
    return (await this.knex('commitment_payments').whereIn('commitment_id', ids).orderBy([{ column: 'paid_on' }, { column: 'id' }]))
      .map((r: Record<string, unknown>) => toRow({ ...r, commitment_id: String(r.commitment_id), version: 0 }));
  }

  async recordPayment(id: string, version: number, paidOn: string, amount: string, recordedBy: string): Promise<Row> {
    return this.knex.transaction(async (trx) => {
      const current = await trx('government_commitments').where({ id }).forUpdate().first();
      if (!current) throw notFound(`commitment ${id}`);
      const row = toRow(current as Record<string, unknown>);
      if (row.version !== version) throw conflict(`commitment ${id}`, version, row.version);
      if (row.kind !== 'PAYMENT') throw badInput('commitment', `commitment ${id} is a ${String(row.kind)}; only a PAYMENT is paid in parts`);
      if (row.status !== 'PENDING') throw notAllowed(`payment ${id}`, String(row.status), 'a further part paid', []);
      if (row.amount === null || row.amount === undefined) throw badInput('commitment', `payment ${id} has no amount, so no part of it can be recorded`);
      if (paidOn < String(row.promised_on)) throw badInput('paidOn', `must not be before the contract date ${String(row.promised_on)}`);
      const paid = (await trx('commitment_payments').where({ commitment_id: id }).select('amount')).map((p: { amount: unknown }) => String(p.amount));
      const outstanding = subtractDecimal(String(row.amount), sumDecimals(paid));
      const after = subtractDecimal(outstanding, amount);
      if (after.startsWith('-')) throw badInput('amount', `must be at most what is outstanding, ${outstanding} 万元, got ${amount}`);
      await trx('commitment_payments').insert({ commitment_id: id, paid_on: paidOn, amount, recorded_by: recordedBy });
      const settled = /^0(\.0*)?$/.test(after);
      const [updated] = await trx('government_commitments').where({ id })
        .update({ ...(settled ? { status: 'FULFILLED', fulfilled_on: paidOn } : {}), version: row.version + 1 }).returning('*');
      return toRow(updated as Record<string, unknown>);
    });
  }

  async smeArrears(query: ArrearsQuery): Promise<{ rows: Row[]; totalCount: number }> {
    const base = this.knex('government_commitments as c').join('organisations as o', 'o.uscc', 'c.body_uscc')
      .where('c.kind', 'PAYMENT').whereNotNull('c.payment_rule').whereNotNull('c.amount')
      .where('c.due_on', '<', query.asOf).where('c.promised_on', '<=', query.asOf)
      .where((q) => q.whereNull('c.fulfilled_on').orWhere('c.fulfilled_on', '>', query.asOf))
      .whereRaw('c.amount > coalesce((SELECT sum(p.amount) FROM commitment_payments p WHERE p.commitment_id = c.id AND p.paid_on <= ?), 0)', [query.asOf]);
    if (query.bodyUscc) base.where('c.body_uscc', query.bodyUscc);
    if (query.districtCode) base.where('o.district_code', query.districtCode);
    const [count] = await base.clone().count({ n: '*' });
    const page = base.clone().select('c.*', 'o.district_code').orderBy([{ column: 'c.due_on' }, { column: 'c.id' }]).limit(query.limit);
    if (query.after) page.whereRaw('(c.due_on, c.id) > (?::date, ?::bigint)', [query.after.dueOn, query.after.id]);
    return { rows: (await page).map(toRow), totalCount: Number((count as { n: unknown }).n) };
  }

  async storeArrearsFeed(sourceSystem: string, rows: readonly ArrearsFeedRow[], recordedBy: string): Promise<FeedOutcome[]> {
    return this.knex.transaction((trx) => storeArrearsFeed(trx, sourceSystem, rows, recordedBy)).catch(concurrentBatch);
  }

  async storeDefaulterFeed(court: string, rows: readonly DefaulterFeedRow[], recordedBy: string, today: string): Promise<FeedOutcome[]> {
    return this.knex.transaction((trx) => storeDefaulterFeed(trx, court, rows, recordedBy, today)).catch(concurrentBatch);
  }

  async alerts(kind: string | null): Promise<Row[]> {
    const query = this.knex('integrity_alerts').orderBy([{ column: 'raised_on', order: 'desc' }, { column: 'id', order: 'desc' }]).limit(500);
    if (kind) query.where({ kind });
    return (await query).map((r: Record<string, unknown>) => toRow({ ...r, version: 0 }));
  }
}
