import type { Knex } from 'knex';
import type { RecordFilter, StatisticsDimension, StatisticsOptions } from './CreditStore.js';
import { UNDISCLOSED_STATUSES } from './creditVisibility.js';

/** The SQL of each statistics dimension over credit_records aliased r; periods are of the decision date. */
export const RECORD_DIMENSION_SQL: Readonly<Record<StatisticsDimension, string>> = {
  DISTRICT: 'r.district_code',
  SUBJECT_KIND: 'r.subject_kind',
  RECORD_KIND: 'r.kind',
  SEVERITY: 'r.severity',
  STATUS: 'r.status',
  GOVERNANCE_FIELD: 'r.governance_field',
  SOURCE_UNIT: 'r.source_unit_uscc',
  CATALOG_ITEM: 'r.catalog_item_code',
  MONTH: "to_char(r.decision_date, 'YYYY-MM')",
  QUARTER: `to_char(r.decision_date, 'YYYY-"Q"Q')`,
  YEAR: "to_char(r.decision_date, 'YYYY')",
};

// The same over a rollup aliased c (migration 20261202010000): the month of decision stands for its day.
const ROLLUP_DIMENSION_SQL = Object.fromEntries(Object.entries(RECORD_DIMENSION_SQL)
  .map(([d, sql]) => [d, sql.replace('r.decision_date', 'c.decided_month').replace(/^r\./, 'c.')])) as Readonly<Record<StatisticsDimension, string>>;

const PERIODS: readonly StatisticsDimension[] = ['MONTH', 'QUARTER', 'YEAR'];
const UNDISCLOSED_SQL = `(${UNDISCLOSED_STATUSES.map((s) => `'${s}'`).join(', ')})`;

const toIso = (date: Date) => date.toISOString().slice(0, 10);
/** First day of the month of `day` (YYYY-MM-DD). */
const monthOf = (day: string) => `${day.slice(0, 7)}-01`;
/** First day of the month after that of `day`. */
function nextMonthOf(day: string): string {
  const date = new Date(`${monthOf(day)}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + 1);
  return toIso(date);
}
const isLastOfMonth = (day: string) => nextMonthOf(day) === toIso(new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000));

/**
 * One statement counting what `filtered(filter)` grouped by `groupBy` would count, read from the rollups kept by
 * migration 20261202010000's triggers where they answer exactly, and from credit_records for the rest: records
 * decided in a month the date range covers only in part, and (disclosure judged on a day) records whose publicity
 * ends in that day's month. Columns k0…, n, fine_total as the direct statement's. Null when the filter asks what
 * the rollups do not hold (records about the caller's own subjects).
 */
export function rollupStatisticsQuery(
  knex: Knex,
  filtered: (filter: RecordFilter) => Knex.QueryBuilder,
  groupBy: readonly StatisticsDimension[],
  filter: RecordFilter,
  options: StatisticsOptions,
): Knex.QueryBuilder | null {
  if (filter.ownSubjects?.length && filter.ownSubjectClasses?.length) return null;
  const dated = filter.decidedFrom !== undefined || filter.decidedTo !== undefined || groupBy.some((d) => PERIODS.includes(d));
  // The decision dates the rollup answers for: whole months inside [decidedFrom, decidedTo].
  const coveredFrom = filter.decidedFrom === undefined ? undefined : filter.decidedFrom.endsWith('-01') ? filter.decidedFrom : nextMonthOf(filter.decidedFrom);
  const coveredUntil = filter.decidedTo === undefined ? undefined : isLastOfMonth(filter.decidedTo) ? nextMonthOf(filter.decidedTo) : monthOf(filter.decidedTo);
  const judgedMonth = filter.disclosedOn === undefined ? undefined : monthOf(filter.disclosedOn);

  const rollup = knex(`${dated ? 'credit_record_counts' : 'credit_record_totals'} as c`);
  groupBy.forEach((d, i) => rollup.select(knex.raw(`${ROLLUP_DIMENSION_SQL[d]} AS k${i}`)));
  rollup.select({ n: 'c.record_count', fine_count: 'c.fine_count', fine_sum: 'c.fine_total' });
  const lists: readonly [keyof RecordFilter, string][] = [
    ['kinds', 'kind'], ['severities', 'severity'], ['statuses', 'status'], ['governanceFields', 'governance_field'],
    ['sourceUnits', 'source_unit_uscc'], ['subjectKinds', 'subject_kind'], ['districts', 'district_code'], ['disclosureClasses', 'disclosure'],
  ];
  for (const [key, column] of lists) {
    const values = filter[key];
    if (Array.isArray(values) && (values.length || key === 'disclosureClasses')) rollup.whereIn(`c.${column}`, values);
  }
  if (coveredFrom !== undefined) rollup.where('c.decided_month', '>=', coveredFrom);
  if (coveredUntil !== undefined) rollup.where('c.decided_month', '<', coveredUntil);
  if (judgedMonth !== undefined) {
    rollup.whereRaw(`c.status NOT IN ${UNDISCLOSED_SQL}`);
    // end_month is null for records without a window end: disclosed as long as their status says so.
    rollup.whereRaw('(c.end_month IS NULL OR c.end_month > ?::date)', [judgedMonth]);
  }

  // Where the range starts or ends on a month's edge, the filter alone keeps the records out of the partial months.
  const lowerEdge = coveredFrom !== undefined && coveredFrom !== filter.decidedFrom ? coveredFrom : undefined;
  const upperEdge = coveredUntil !== undefined && coveredUntil !== nextMonthOf(filter.decidedTo!) ? coveredUntil : undefined;
  const parts = [rollup];
  if (lowerEdge !== undefined || upperEdge !== undefined || judgedMonth !== undefined) {
    const records = filtered(filter);
    groupBy.forEach((d, i) => records.select(knex.raw(`${RECORD_DIMENSION_SQL[d]} AS k${i}`)));
    records.select(knex.raw('1 AS n, (r.fine_amount IS NOT NULL)::int AS fine_count, coalesce(r.fine_amount, 0) AS fine_sum'));
    records.where((w) => {
      if (lowerEdge !== undefined) w.orWhere('r.decision_date', '<', lowerEdge);
      if (upperEdge !== undefined) w.orWhere('r.decision_date', '>=', upperEdge);
      if (judgedMonth !== undefined) {
        w.orWhere((m) => m.whereRaw(`r.status NOT IN ${UNDISCLOSED_SQL}`)
          .where('r.publicity_end', '>=', judgedMonth).where('r.publicity_end', '<', nextMonthOf(judgedMonth)));
      }
    });
    parts.push(records);
  }

  const keys = groupBy.map((_d, i) => `k${i}`);
  const q = knex.from(knex.unionAll(parts, true).as('u')).select(keys).select(knex.raw('coalesce(sum(n), 0) AS n'));
  if (options.withFines) q.select(knex.raw('CASE WHEN sum(fine_count) > 0 THEN sum(fine_sum) END AS fine_total'));
  if (keys.length) {
    q.groupBy(keys).orderByRaw(keys.map((k) => `${k} NULLS LAST`).join(', ')).limit(options.maxRows + 1);
  }
  return q;
}
