import type { Knex } from 'knex';
import type { EligibilityMeasure, EligibilityRecord } from './decideEligibility.js';
import {
  EligibilityFeedbackExistsError,
  type EligibilityFeedback, type EligibilityStore, type EligibleCivilServant, type EligibleOrganisation, type NewEligibilityCheck, type StoredEligibilityCheck,
} from './EligibilityStore.js';

const dateOf = (value: unknown): string | null => (value == null ? null : value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10));
const parsed = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);
const iso = (value: unknown): string => new Date(value as string).toISOString();

const SERVANT_COLUMNS = ['cs.id', 'cs.name', 'cs.id_number_masked', 'cs.employer_uscc', 'cs.id_number_hash', 'o.district_code'];
const toServant = (r: Record<string, unknown>): EligibleCivilServant => ({
  id: String(r.id), name: String(r.name), idNumberMasked: String(r.id_number_masked), employerUscc: String(r.employer_uscc), districtCode: (r.district_code as string | null) ?? null,
});
const toFeedback = (r: Record<string, unknown>): EligibilityFeedback => ({
  checkId: String(r.check_id), subjectIndex: Number(r.subject_key), usage: String(r.usage), note: (r.note as string | null) ?? null, recordedAt: iso(r.recorded_at),
});

function group<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(keyOf(row), [...(map.get(keyOf(row)) ?? []), row]);
  return map;
}

/** The EligibilityStore in the hub's database (credit_records, integrity_measures, eligibility_checks, eligibility_check_feedback). */
export class KnexEligibilityStore implements EligibilityStore {
  private constructor(private readonly knex: Knex) {}

  /** A store over `knex` (migrated); sends nothing until used. */
  static create(knex: Knex): KnexEligibilityStore {
    return new KnexEligibilityStore(knex);
  }

  async organisations(usccs: readonly string[]): Promise<Map<string, EligibleOrganisation>> {
    if (usccs.length === 0) return new Map();
    const rows = (await this.knex('organisations').whereIn('uscc', [...usccs]).select('uscc', 'name', 'kind', 'district_code')) as Record<string, string>[];
    return new Map(rows.map((r) => [r.uscc!, { uscc: r.uscc!, name: r.name!, kind: r.kind!, districtCode: r.district_code ?? null }]));
  }

  async civilServantsById(ids: readonly string[]): Promise<Map<string, EligibleCivilServant>> {
    if (ids.length === 0) return new Map();
    const rows = await this.knex('civil_servants as cs').leftJoin('organisations as o', 'o.uscc', 'cs.employer_uscc').whereIn('cs.id', [...ids]).select(SERVANT_COLUMNS);
    return new Map(rows.map((r: Record<string, unknown>) => [String(r.id), toServant(r)]));
  }

  async civilServantsByHash(hashes: readonly string[]): Promise<Map<string, EligibleCivilServant>> {
    if (hashes.length === 0) return new Map();
    const rows = await this.knex('civil_servants as cs').leftJoin('organisations as o', 'o.uscc', 'cs.employer_uscc').whereIn('cs.id_number_hash', [...hashes]).select(SERVANT_COLUMNS);
    return new Map(rows.map((r: Record<string, unknown>) => [String(r.id_number_hash), toServant(r)]));
  }

  async records(usccs: readonly string[], civilServantIds: readonly string[], until: string): Promise<Map<string, EligibilityRecord[]>> {
    if (usccs.length === 0 && civilServantIds.length === 0) return new Map();
    const rows = await this.knex('credit_records as r').leftJoin('organisations as a', 'a.uscc', 'r.authority_uscc')
      .where((q) => q.whereIn('r.subject_uscc', [...usccs]).orWhereIn('r.civil_servant_id', [...civilServantIds]))
      .where('r.decision_date', '<=', until)
      .orderBy([{ column: 'r.decision_date', order: 'desc' }, { column: 'r.id', order: 'desc' }])
      .select('r.id', 'r.subject_uscc', 'r.civil_servant_id', 'r.kind', 'r.document_number', 'a.name as authority_name', 'r.decision_date', 'r.severity', 'r.status', 'r.publicity_end', 'r.details');
    const records = rows.map((r: Record<string, unknown>) => ({
      key: String(r.subject_uscc ?? r.civil_servant_id),
      record: {
        recordId: String(r.id), kind: String(r.kind), documentNumber: String(r.document_number), authorityName: (r.authority_name as string | null) ?? null,
        decisionDate: dateOf(r.decision_date)!, severity: (r.severity as string | null) ?? null, status: String(r.status), publicityEnd: dateOf(r.publicity_end),
        details: parsed((r.details ?? {}) as Record<string, unknown>),
      } satisfies EligibilityRecord,
    }));
    return new Map([...group(records, (r) => r.key)].map(([key, list]) => [key, list.map((r) => r.record)]));
  }

  async measures(usccs: readonly string[], civilServantIds: readonly string[], until: string): Promise<Map<string, EligibilityMeasure[]>> {
    if (usccs.length === 0 && civilServantIds.length === 0) return new Map();
    const rows = await this.knex('integrity_measures')
      .where((q) => q.whereIn('subject_uscc', [...usccs]).orWhereIn('civil_servant_id', [...civilServantIds]))
      .where('imposed_on', '<=', until).orderBy([{ column: 'imposed_on', order: 'desc' }, { column: 'id', order: 'desc' }])
      .select('id', 'subject_uscc', 'civil_servant_id', 'kind', 'imposed_on', 'closed_on', 'effect_ends_on', 'status');
    const measures = rows.map((r: Record<string, unknown>) => ({
      key: String(r.subject_uscc ?? r.civil_servant_id),
      measure: {
        measureId: String(r.id), kind: String(r.kind), imposedOn: dateOf(r.imposed_on)!, closedOn: dateOf(r.closed_on), effectEndsOn: dateOf(r.effect_ends_on), status: String(r.status),
      } satisfies EligibilityMeasure,
    }));
    return new Map([...group(measures, (m) => m.key)].map(([key, list]) => [key, list.map((m) => m.measure)]));
  }

  async saveCheck(check: NewEligibilityCheck): Promise<void> {
    await this.knex.transaction(async (trx) => {
      await trx('credit_check_keys').insert({ kid: check.key.kid, public_jwk: JSON.stringify(check.key) }).onConflict('kid').ignore();
      await trx('eligibility_checks').insert({
        id: check.id, issued_at: check.issuedAt, consumer_id: check.consumerId, consumer_name: check.consumerName, purpose: check.purpose,
        reference: check.reference, overall_verdict: check.overallVerdict, as_of: check.asOf, rules_version: check.rulesVersion,
        result: JSON.stringify(check.result), kid: check.key.kid, jws: check.jws,
      });
    });
  }

  async findCheck(id: string): Promise<StoredEligibilityCheck | undefined> {
    const row = (await this.knex('eligibility_checks').where({ id }).first('id', 'consumer_id', 'result', 'jws', 'kid')) as Record<string, unknown> | undefined;
    return row && { id: String(row.id), consumerId: String(row.consumer_id), result: parsed(row.result as Record<string, unknown>), jws: String(row.jws), kid: String(row.kid) };
  }

  async recordFeedback(entry: Omit<EligibilityFeedback, 'recordedAt'> & { consumerId: string }): Promise<EligibilityFeedback> {
    try {
      const [row] = await this.knex('eligibility_check_feedback').insert({
        check_id: entry.checkId, subject_key: String(entry.subjectIndex), usage: entry.usage, note: entry.note, consumer_id: entry.consumerId,
      }).returning('*');
      return toFeedback(row as Record<string, unknown>);
    } catch (error) {
      // unique_violation: this subject has feedback already (perhaps from a concurrent request).
      if ((error as { code?: unknown }).code === '23505') throw new EligibilityFeedbackExistsError(`subject ${entry.subjectIndex} of eligibility check ${entry.checkId} has feedback already`);
      throw error;
    }
  }

  async feedbackOf(checkIds: readonly string[]): Promise<EligibilityFeedback[]> {
    const rows = await this.knex('eligibility_check_feedback').whereIn('check_id', [...checkIds]).orderBy('id').select('*');
    return rows.map(toFeedback);
  }

  async latestFeedback(limit: number): Promise<(EligibilityFeedback & { result: Record<string, unknown> })[]> {
    const rows = await this.knex('eligibility_check_feedback as f').join('eligibility_checks as c', 'c.id', 'f.check_id')
      .orderBy('f.id', 'desc').limit(limit).select('f.*', 'c.result');
    return rows.map((r: Record<string, unknown>) => ({ ...toFeedback(r), result: parsed(r.result as Record<string, unknown>) }));
  }
}
