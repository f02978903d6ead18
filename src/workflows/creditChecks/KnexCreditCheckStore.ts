import type { Knex } from 'knex';
import { UNDISCLOSED_STATUSES } from '../../credit/index.js';
import {
  FeedbackExistsError,
  type CheckedOrganisation, type CheckListQuery, type CheckPage, type CreditCheckStore, type FeedbackWithCheck, type NewCheck, type NewFeedback,
  type StoredCheck, type StoredFeedback,
} from './CreditCheckStore.js';
import type { RecordState } from './rules/decideSubjectVerdict.js';
import type { CheckPublicKey } from '../signing/index.js';

const iso = (value: Date | string): string => new Date(value).toISOString();
const json = (value: unknown): string => JSON.stringify(value);
// jsonb arrives parsed from pg; parse it if a driver hands back text.
const parsed = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

interface VersionRow {
  record_id: string;
  subject_uscc: string;
  kind: string;
  document_number: string;
  authority_uscc: string;
  authority_name: string | null;
  decision_date: string;
  severity: string | null;
  catalog_item_code: string;
  catalog_item_name: string | null;
  governance_field: string | null;
  status: string;
  publicity_end: string | null;
}

const toRecordState = (row: VersionRow): RecordState => ({
  recordId: String(row.record_id),
  kind: row.kind,
  documentNumber: row.document_number,
  authorityUscc: row.authority_uscc,
  authorityName: row.authority_name,
  decisionDate: row.decision_date,
  severity: row.severity,
  catalogItemCode: row.catalog_item_code,
  catalogItemName: row.catalog_item_name,
  governanceField: row.governance_field,
  status: row.status,
  publicityEnd: row.publicity_end,
});

interface FeedbackRow {
  id: string | number;
  supersedes: string | number | null;
  superseded_by?: string | number | null;
  check_id: string;
  subject_uscc: string;
  usage: string;
  note: string | null;
  recorded_at: Date | string;
}

const idOrNull = (value: string | number | null | undefined): string | null => (value == null ? null : String(value));

const toFeedback = (row: FeedbackRow): StoredFeedback => ({
  id: String(row.id), supersedes: idOrNull(row.supersedes), supersededBy: idOrNull(row.superseded_by),
  checkId: row.check_id, subjectUscc: row.subject_uscc, usage: row.usage, note: row.note, recordedAt: iso(row.recorded_at),
});

const FEEDBACK_COLUMNS = ['f.id', 'f.supersedes', 'f.check_id', 'f.subject_uscc', 'f.usage', 'f.note', 'f.recorded_at'];

interface CheckRow { id: string; consumer_id: string; result: Record<string, unknown>; jws: string; kid: string; issued_at: Date | string }

// PostgreSQL's unique_violation: another writer recorded the same first answer or correction at the same time.
const isUniqueViolation = (error: unknown): boolean => (error as { code?: unknown }).code === '23505';

/** The CreditCheckStore in the hub's database (credit_record_versions, credit_checks, credit_check_feedback, credit_check_keys). */
export class KnexCreditCheckStore implements CreditCheckStore {
  private constructor(private readonly knex: Knex) {}

  /** A store over `knex`; sends nothing until first used. */
  static create(knex: Knex): KnexCreditCheckStore {
    return new KnexCreditCheckStore(knex);
  }

  /** The organisations among `usccs` the hub knows, by USCC. */
  async organisations(usccs: readonly string[]): Promise<Map<string, CheckedOrganisation>> {
    const rows = (await this.knex('organisations').whereIn('uscc', [...usccs])
      .select('uscc', 'name', 'kind', 'district_code')) as { uscc: string; name: string; kind: string; district_code: string }[];
    return new Map(rows.map((r) => [r.uscc, { uscc: r.uscc, name: r.name, kind: r.kind, districtCode: r.district_code }]));
  }

  /**
   * Every record of the subjects `usccs` as it stood at `asOf` (the version of credit_record_versions valid
   * then), grouped by subject; records the hub did not yet know at `asOf` are absent.
   *
   * With `inViewOn` (YYYY-MM-DD), only records that are in public view NOW, judged on that day, are kept:
   * a record whose current state is REPAIRED, WITHDRAWN or EXPIRED (a STOP_DISCLOSURE or REMOVE_FROM_LIST
   * objection decision withdraws it), whose publicity window ended before that day, or that no longer exists,
   * is absent whatever it was at `asOf`. Without it, the full history (the credit office's and auditors'
   * reproducibility).
   */
  async recordStatesAsOf(usccs: readonly string[], asOf: Date, options: { inViewOn?: string } = {}): Promise<Map<string, RecordState[]>> {
    const query = this.knex('credit_record_versions as v')
      .leftJoin('organisations as a', 'a.uscc', 'v.authority_uscc')
      .leftJoin('catalog_items as c', 'c.code', 'v.catalog_item_code')
      .whereIn('v.subject_uscc', [...usccs])
      .where('v.valid_from', '<=', asOf)
      .where((q) => q.whereNull('v.valid_to').orWhere('v.valid_to', '>', asOf));
    if (options.inViewOn !== undefined) {
      const day = options.inViewOn;
      // The record's current row decides, not the version: taking a record out of view is never undone by asking about the past.
      query.join('credit_records as now_r', 'now_r.id', 'v.record_id')
        .whereNotIn('now_r.status', [...UNDISCLOSED_STATUSES])
        .where((q) => q.whereNull('now_r.publicity_end').orWhere('now_r.publicity_end', '>=', day));
    }
    const rows = (await query
      .orderBy([{ column: 'v.decision_date', order: 'desc' }, { column: 'v.record_id', order: 'desc' }])
      .select(
        'v.record_id', 'v.subject_uscc', 'v.kind', 'v.document_number', 'v.authority_uscc', 'a.name as authority_name',
        this.knex.raw("to_char(v.decision_date, 'YYYY-MM-DD') as decision_date"), 'v.severity', 'v.catalog_item_code',
        'c.name_zh as catalog_item_name', 'v.governance_field', 'v.status',
        this.knex.raw("to_char(v.publicity_end, 'YYYY-MM-DD') as publicity_end"),
      )) as VersionRow[];
    const bySubject = new Map<string, RecordState[]>();
    for (const row of rows) {
      const list = bySubject.get(row.subject_uscc) ?? [];
      list.push(toRecordState(row));
      bySubject.set(row.subject_uscc, list);
    }
    return bySubject;
  }

  /** Stores a signed check, and the public key that signed it if it is new, in one transaction. */
  async saveCheck(check: NewCheck): Promise<void> {
    await this.knex.transaction(async (trx) => {
      await trx('credit_check_keys').insert({ kid: check.key.kid, public_jwk: json(check.key) }).onConflict('kid').ignore();
      await trx('credit_checks').insert({
        id: check.id, issued_at: check.issuedAt, consumer_id: check.consumerId, consumer_name: check.consumerName,
        purpose: check.purpose, reference: check.reference, tender_code: check.tenderCode, overall_verdict: check.overallVerdict,
        as_of: check.asOf, input: json(check.input),
        result: json(check.result), kid: check.key.kid, jws: check.jws,
      });
    });
  }

  /** A stored check by id, or undefined. */
  async findCheck(id: string): Promise<StoredCheck | undefined> {
    const row = (await this.knex('credit_checks').where({ id }).first('id', 'consumer_id', 'result', 'jws', 'kid')) as
      { id: string; consumer_id: string; result: Record<string, unknown>; jws: string; kid: string } | undefined;
    return row && { id: row.id, consumerId: row.consumer_id, result: parsed(row.result), jws: row.jws, kid: row.kid };
  }

  /** The stored checks the query selects, newest first (issued_at, then id), one page. */
  async listChecks(query: CheckListQuery): Promise<CheckPage> {
    const base = this.knex('credit_checks as c');
    if (query.consumerId !== null) base.where('c.consumer_id', query.consumerId);
    if (query.reference != null) base.where('c.reference', query.reference);
    if (query.tenderCode != null) base.where('c.tender_code', query.tenderCode);
    if (query.from != null) base.where('c.issued_at', '>=', query.from);
    if (query.to != null) base.where('c.issued_at', '<', query.to);
    if (query.verdict != null) base.where('c.overall_verdict', query.verdict);
    const [{ n }] = (await base.clone().count({ n: '*' })) as [{ n: string | number }];
    const page = base.clone();
    if (query.after) {
      const { issuedAt, id } = query.after;
      page.where((q) => q.where('c.issued_at', '<', issuedAt).orWhere((r) => r.where('c.issued_at', '=', issuedAt).where('c.id', '<', id)));
    }
    const rows = (await page.orderBy([{ column: 'c.issued_at', order: 'desc' }, { column: 'c.id', order: 'desc' }])
      .limit(query.first + 1).select('c.id', 'c.consumer_id', 'c.result', 'c.jws', 'c.kid', 'c.issued_at')) as CheckRow[];
    return {
      checks: rows.slice(0, query.first).map((row) => ({
        id: row.id, consumerId: row.consumer_id, result: parsed(row.result), jws: row.jws, kid: row.kid, issuedAt: iso(row.issued_at),
      })),
      hasNextPage: rows.length > query.first,
      totalCount: Number(n),
    };
  }

  /** Every feedback entry on the checks `checkIds`, corrected ones included (with the entry that corrected them), oldest first. */
  async feedbackOf(checkIds: readonly string[]): Promise<StoredFeedback[]> {
    const rows = (await this.knex('credit_check_feedback as f').leftJoin('credit_check_feedback as n', 'n.supersedes', 'f.id')
      .whereIn('f.check_id', [...checkIds]).orderBy('f.id').select(...FEEDBACK_COLUMNS, 'n.id as superseded_by')) as FeedbackRow[];
    return rows.map(toFeedback);
  }

  /**
   * Appends a feedback entry: the first answer for the subject, or a correction of the current entry (the one
   * nobody supersedes). Throws FeedbackExistsError naming the current entry otherwise; the unique indexes on
   * first answers and on `supersedes` make a concurrent writer lose the same way.
   */
  async recordFeedback(feedback: NewFeedback): Promise<StoredFeedback> {
    const where = `on check ${feedback.checkId} for ${feedback.subjectUscc}`;
    try {
      return await this.knex.transaction(async (trx) => {
        const current = (await trx('credit_check_feedback as f').where({ 'f.check_id': feedback.checkId, 'f.subject_uscc': feedback.subjectUscc })
          .whereNotExists(trx('credit_check_feedback as n').whereRaw('n.supersedes = f.id')).first('f.id')) as { id: string | number } | undefined;
        const currentId = current ? String(current.id) : null;
        if (feedback.corrects === null && currentId !== null) {
          throw new FeedbackExistsError(`feedback ${where} is already recorded (entry ${currentId})`, currentId);
        }
        if (feedback.corrects !== null && feedback.corrects !== currentId) {
          throw new FeedbackExistsError(currentId === null
            ? `there is no feedback ${where} to correct`
            : `entry ${feedback.corrects} is not the current feedback ${where} (the current one is entry ${currentId})`, currentId);
        }
        const [row] = (await trx('credit_check_feedback')
          .insert({
            check_id: feedback.checkId, subject_uscc: feedback.subjectUscc, usage: feedback.usage, note: feedback.note,
            consumer_id: feedback.consumerId, supersedes: feedback.corrects,
          })
          .returning(['id', 'supersedes', 'check_id', 'subject_uscc', 'usage', 'note', 'recorded_at'])) as FeedbackRow[];
        return toFeedback(row!);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new FeedbackExistsError(`feedback ${where} was recorded by another request at the same time; read the check and correct its current entry`, null);
      throw error;
    }
  }

  /** The newest `limit` current feedback entries (corrected ones left out) with their checks' results. */
  async latestFeedback(limit: number): Promise<FeedbackWithCheck[]> {
    const rows = await this.knex('credit_check_feedback as f').join('credit_checks as c', 'c.id', 'f.check_id')
      .whereNotExists(this.knex('credit_check_feedback as n').whereRaw('n.supersedes = f.id'))
      .orderBy([{ column: 'f.recorded_at', order: 'desc' }, { column: 'f.id', order: 'desc' }]).limit(limit)
      .select(...FEEDBACK_COLUMNS, 'c.result');
    return rows.map((row: { result: Record<string, unknown> } & FeedbackRow) => ({ ...toFeedback(row), result: parsed(row.result) }));
  }

  /** Districts' Chinese names by code. */
  async districtNames(codes: readonly string[]): Promise<Map<string, string>> {
    const rows = (await this.knex('districts').whereIn('code', [...codes]).select('code', 'name_zh')) as { code: string; name_zh: string }[];
    return new Map(rows.map((r) => [r.code, r.name_zh]));
  }

  /** The public key of every key that ever signed a check, oldest first. */
  async signingKeys(): Promise<CheckPublicKey[]> {
    const rows = (await this.knex('credit_check_keys').orderBy('first_used_at').select('public_jwk')) as { public_jwk: CheckPublicKey }[];
    return rows.map((r) => parsed(r.public_jwk));
  }
}
