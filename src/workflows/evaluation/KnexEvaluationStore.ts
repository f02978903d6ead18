import type { Knex } from 'knex';
import type { AreaRow, EvaluatedBody, EvaluationLevel, EvaluationRunRow, EvaluationStore, NewEvaluationRun, UnitScoreRow } from './EvaluationStore.js';
import type { EvaluationPeriod } from './parsePeriod.js';

// Instants as text with microseconds, so a watermark read back is exactly the one counted with.
const INSTANT = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;
const instant = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', ${INSTANT})`;
const RUN_COLUMNS = ['id', 'period', 'level', 'rule_version', 'computed_by', 'unit_count'];
const CHUNK = 1000;

/** The first instant of `day` and of the day after `day` in Shanghai time (ISO 8601), for timestamp columns. */
function dayBounds(period: EvaluationPeriod): [string, string] {
  const next = new Date(`${period.to}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return [`${period.from}T00:00:00+08:00`, `${next.toISOString().slice(0, 10)}T00:00:00+08:00`];
}

function toRun(row: Record<string, unknown>): EvaluationRunRow {
  return {
    id: String(row.id), period: String(row.period), level: row.level as EvaluationLevel, ruleVersion: String(row.rule_version),
    computedAt: String(row.computed_at_text), dataAsOf: String(row.data_as_of_text), computedBy: String(row.computed_by), unitCount: Number(row.unit_count),
  };
}

// numeric(7,2) arrives as a string from pg and may arrive as a number from PGlite: always two decimals.
const fixed2 = (raw: unknown): string => (typeof raw === 'number' ? raw.toFixed(2) : String(raw));

/** The EvaluationStore in the hub's database (see the interface for the contract). */
export class KnexEvaluationStore implements EvaluationStore {
  private constructor(private readonly knex: Knex) {}

  /** A store over `knex` (migrated). */
  static create(knex: Knex): KnexEvaluationStore {
    return new KnexEvaluationStore(knex);
  }

  async now(): Promise<string> {
    const result = await this.knex.raw(`SELECT ${instant('now()')} AS now`);
    return String((result.rows as { now: string }[])[0]!.now);
  }

  /** The canonical text of an instant the caller gave (as stored, microseconds, UTC). */
  async canonicalInstant(value: string): Promise<string> {
    const result = await this.knex.raw(`SELECT ${instant('?::timestamptz')} AS at`, [value]);
    return String((result.rows as { at: string }[])[0]!.at);
  }

  async evaluatedBodies(dataAsOf: string): Promise<EvaluatedBody[]> {
    const rows = await this.knex('organisations').where({ kind: 'GOVERNMENT_BODY' }).where('created_at', '<=', dataAsOf)
      .orderBy('uscc').select('uscc', 'name', 'district_code');
    return rows.map((r: Record<string, unknown>) => ({ uscc: String(r.uscc), name: String(r.name), districtCode: String(r.district_code) }));
  }

  async areas(): Promise<AreaRow[]> {
    const rows = await this.knex('districts').orderBy('code').select('code', 'name_zh', 'level');
    return rows.map((r: Record<string, unknown>) => ({ code: String(r.code), nameZh: String(r.name_zh), level: String(r.level) }));
  }

  async count(counter: string, parameters: Record<string, unknown>, period: EvaluationPeriod, dataAsOf: string): Promise<Map<string, number>> {
    const query = this.counterQuery(counter, parameters, period, dataAsOf);
    const rows = (await query) as { uscc: string; n: unknown }[];
    return new Map(rows.map((r) => [String(r.uscc), Number(r.n)]));
  }

  /** One grouped statement per counter, `uscc` and `n` per government body; see describeEvidence for the same conditions in words. */
  private counterQuery(counter: string, p: Record<string, unknown>, period: EvaluationPeriod, dataAsOf: string): Knex.QueryBuilder {
    const k = this.knex;
    const bodies = (table: string, column: string) => k(table).join('organisations as o', 'o.uscc', column).where('o.kind', 'GOVERNMENT_BODY');
    const [start, end] = dayBounds(period);
    switch (counter) {
      case 'creditRecords': {
        const q = bodies('credit_records as r', 'r.subject_uscc').whereIn('r.kind', p.kinds as string[])
          .whereBetween('r.decision_date', [period.from, period.to]).where('r.created_at', '<=', dataAsOf);
        const exclude = (p.excludeStatuses as string[] | undefined) ?? [];
        if (exclude.length) q.whereNotIn('r.status', exclude);
        return q.groupBy('r.subject_uscc').select({ uscc: 'r.subject_uscc' }).count({ n: '*' });
      }
      case 'reportedRecords':
      case 'reportedRecordsWithin': {
        const q = bodies('credit_records as r', 'r.source_unit_uscc').whereBetween('r.decision_date', [period.from, period.to]).where('r.created_at', '<=', dataAsOf);
        // Within N days: before the end (Shanghai time) of the Nth day after the decision.
        if (counter === 'reportedRecordsWithin') q.whereRaw(`r.created_at < ((r.decision_date + ?::int + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`, [Number(p.withinDays)]);
        return q.groupBy('r.source_unit_uscc').select({ uscc: 'r.source_unit_uscc' }).count({ n: '*' });
      }
      case 'overdueCommitments':
        return bodies('government_commitments as c', 'c.body_uscc').whereIn('c.kind', p.kinds as string[]).where('c.due_on', '<', period.to)
          .where((q) => q.whereNull('c.fulfilled_on').orWhere('c.fulfilled_on', '>', period.to)).where('c.created_at', '<=', dataAsOf)
          .groupBy('c.body_uscc').select({ uscc: 'c.body_uscc' }).count({ n: '*' });
      case 'openEnforcementCases':
        return bodies('enforcement_cases as e', 'e.body_uscc').where('e.filed_on', '<=', period.to)
          .where((q) => q.whereNull('e.closed_on').orWhere('e.closed_on', '>', period.to)).where('e.created_at', '<=', dataAsOf)
          .groupBy('e.body_uscc').select({ uscc: 'e.body_uscc' }).count({ n: '*' });
      case 'enforcementInterviews':
        return k('enforcement_interviews as i').join('enforcement_cases as e', 'e.id', 'i.case_id').join('organisations as o', 'o.uscc', 'e.body_uscc').where('o.kind', 'GOVERNMENT_BODY')
          .whereBetween('i.held_on', [period.from, period.to]).where('i.created_at', '<=', dataAsOf)
          .groupBy('e.body_uscc').select({ uscc: 'e.body_uscc' }).count({ n: '*' });
      case 'openMeasures': {
        // Measures (integrity_measures) on the body imposed by the period's end and not closed by then.
        const q = bodies('integrity_measures as m', 'm.subject_uscc').where('m.imposed_on', '<=', period.to)
          .where((w) => w.whereNull('m.closed_on').orWhere('m.closed_on', '>', period.to)).where('m.created_at', '<=', dataAsOf);
        if (Array.isArray(p.kinds)) q.whereIn('m.kind', p.kinds as string[]);
        return q.groupBy('m.subject_uscc').select({ uscc: 'm.subject_uscc' }).count({ n: '*' });
      }
      // Third-party evaluations of the period, in hundredths so that thirdPartyScores ÷ thirdPartyEvaluations is the mean overall score exactly.
      case 'thirdPartyScores':
        return bodies('third_party_evaluations as t', 't.body_uscc').where('t.period', period.label).where('t.created_at', '<=', dataAsOf)
          .groupBy('t.body_uscc').select({ uscc: 't.body_uscc', n: k.raw('sum(round(t.overall_score * 100))') });
      case 'thirdPartyEvaluations':
        return bodies('third_party_evaluations as t', 't.body_uscc').where('t.period', period.label).where('t.created_at', '<=', dataAsOf)
          .groupBy('t.body_uscc').select({ uscc: 't.body_uscc', n: k.raw('count(*) * 100') });
      case 'substantiatedComplaints':
        return bodies('integrity_complaints as c', 'c.body_uscc').where('c.status', 'SUBSTANTIATED')
          .whereBetween('c.concluded_on', [period.from, period.to]).where('c.created_at', '<=', dataAsOf)
          .groupBy('c.body_uscc').select({ uscc: 'c.body_uscc' }).count({ n: '*' });
      case 'ingestionRows': {
        const measure = p.measure === 'rejected' ? 'rejected' : 'total';
        return bodies('ingestion_batches as b', 'b.source_unit_uscc').where('b.received_at', '>=', start).where('b.received_at', '<', end)
          .where('b.received_at', '<=', dataAsOf).groupBy('b.source_unit_uscc').select({ uscc: 'b.source_unit_uscc' }).sum({ n: `b.${measure}` });
      }
      case 'dataQualityIssues':
        return bodies('data_quality_issues as d', 'd.source_unit_uscc').where('d.created_at', '>=', start).where('d.created_at', '<', end)
          .where('d.created_at', '<=', dataAsOf).groupBy('d.source_unit_uscc').select({ uscc: 'd.source_unit_uscc' }).count({ n: '*' });
      default:
        throw new Error(`KnexEvaluationStore: no counter "${counter}" (evaluationRules STORE_COUNTERS)`);
    }
  }

  async saveRun(run: NewEvaluationRun): Promise<string> {
    return this.knex.transaction(async (trx) => {
      const [created] = await trx('integrity_evaluation_runs').insert({
        period: run.period, level: run.level, rule_version: run.ruleVersion, data_as_of: run.dataAsOf, computed_by: run.computedBy, unit_count: run.units.length,
      }).returning('id');
      const runId = String((created as { id: unknown }).id);
      const scores = run.units.map((u) => ({ run_id: runId, unit_code: u.unitCode, unit_name: u.unitName, district_code: u.districtCode, bodies: u.bodies, rank: u.rank, score: u.score }));
      const indicators = run.units.flatMap((u) => u.indicators.map((i) => ({
        run_id: runId, unit_code: u.unitCode, indicator_id: i.indicatorId, value: i.value, score: i.score, weight: i.weight, count: i.count, out_of: i.outOf,
        platform_windows: i.platformWindows ? JSON.stringify(i.platformWindows) : null,
      })));
      for (let i = 0; i < scores.length; i += CHUNK) await trx('integrity_evaluation_scores').insert(scores.slice(i, i + CHUNK));
      for (let i = 0; i < indicators.length; i += CHUNK) await trx('integrity_evaluation_indicators').insert(indicators.slice(i, i + CHUNK));
      return runId;
    });
  }

  private runs(): Knex.QueryBuilder {
    return this.knex('integrity_evaluation_runs').select(RUN_COLUMNS)
      .select(this.knex.raw(`${instant('computed_at')} AS computed_at_text`), this.knex.raw(`${instant('data_as_of')} AS data_as_of_text`));
  }

  async latestRun(period: string, level: EvaluationLevel): Promise<EvaluationRunRow | null> {
    const row = await this.runs().where({ period, level }).orderBy('id', 'desc').first();
    return row ? toRun(row as Record<string, unknown>) : null;
  }

  async runById(id: string): Promise<EvaluationRunRow | null> {
    if (!/^\d{1,18}$/.test(id)) return null;
    const row = await this.runs().where({ id }).first();
    return row ? toRun(row as Record<string, unknown>) : null;
  }

  async unitsOf(runId: string, offset: number, limit: number, indicatorOrder: readonly string[]): Promise<UnitScoreRow[]> {
    const scores = await this.knex('integrity_evaluation_scores').where({ run_id: runId }).orderBy([{ column: 'rank' }, { column: 'unit_code' }]).offset(offset).limit(limit);
    if (scores.length === 0) return [];
    const codes = scores.map((s: Record<string, unknown>) => String(s.unit_code));
    const indicators = await this.knex('integrity_evaluation_indicators').where({ run_id: runId }).whereIn('unit_code', codes);
    const order = new Map(indicatorOrder.map((id, i) => [id, i]));
    return scores.map((s: Record<string, unknown>) => ({
      unitCode: String(s.unit_code), unitName: String(s.unit_name), districtCode: (s.district_code as string | null) ?? null, bodies: Number(s.bodies),
      rank: Number(s.rank), score: fixed2(s.score),
      indicators: indicators.filter((i: Record<string, unknown>) => i.unit_code === s.unit_code)
        .sort((a: Record<string, unknown>, b: Record<string, unknown>) => (order.get(String(a.indicator_id)) ?? 99) - (order.get(String(b.indicator_id)) ?? 99))
        .map((i: Record<string, unknown>) => ({
          indicatorId: String(i.indicator_id), value: (i.value as string | null) ?? null, score: i.score === null ? null : fixed2(i.score),
          weight: String(Number(i.weight)), count: i.count === null ? null : Number(i.count), outOf: i.out_of === null ? null : Number(i.out_of),
          platformWindows: (typeof i.platform_windows === 'string' ? JSON.parse(i.platform_windows) : i.platform_windows) as string[] | null,
        })),
    }));
  }
}
