import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Directive, Info, Query, Resolver } from 'type-graphql';
import { districtByCode } from '../../codes/index.js';
import { assertGroupBy, MAX_GROUP_BY } from '../assertGroupBy.js';
import type { CreditDeps } from '../CreditDeps.js';
import type { StatisticsDimension, StatisticsRow } from '../CreditStore.js';
import { badUserInput } from '../errors.js';
import { selectsField } from '../selectsField.js';
import { sumDecimals } from '../sumDecimals.js';
import { CreditRecordFilter } from '../types/CreditRecord.js';
import { CreditStatistics, StatisticsDimension as StatisticsDimensionEnum, type CreditStatisticsKeys } from '../types/CreditStatistics.js';
import { RECORD_STATISTICS, shareDirective } from '../types/shareDirective.js';
import { visibleTo } from '../visibleTo.js';
import { toRecordFilter } from './connectionSource.js';

/** The most groups one `creditStatistics` call answers; more is refused with the fix, not cut. */
export const MAX_STATISTICS_ROWS = 5000;

const KEY_OF: Readonly<Record<StatisticsDimension, keyof CreditStatisticsKeys>> = {
  DISTRICT: 'district', SUBJECT_KIND: 'subjectKind', RECORD_KIND: 'recordKind', SEVERITY: 'severity', STATUS: 'status',
  GOVERNANCE_FIELD: 'governanceField', SOURCE_UNIT: 'sourceUnit', CATALOG_ITEM: 'catalogItem', MONTH: 'period', QUARTER: 'period',
  YEAR: 'period',
};

function toKeys(row: StatisticsRow): CreditStatisticsKeys {
  const keys: CreditStatisticsKeys = {
    district: null, districtName: null, subjectKind: null, recordKind: null, severity: null, status: null, governanceField: null,
    sourceUnit: null, catalogItem: null, period: null,
  };
  for (const [dimension, value] of Object.entries(row.keys) as [StatisticsDimension, string | null][]) keys[KEY_OF[dimension]] = value;
  // The area's name from the reference data the districts table is loaded from: no statement.
  if (keys.district !== null) keys.districtName = districtByCode(keys.district)?.nameZh ?? null;
  return keys;
}

@Resolver()
export class StatisticsResolver {
  constructor(private readonly deps: CreditDeps) {}

  @Directive(shareDirective(RECORD_STATISTICS))
  @Query(() => CreditStatistics, {
    description: `Credit records counted (and their fines summed) by groups (信用信息统计): grouped by up to ${MAX_GROUP_BY} dimensions, e.g. [DISTRICT, RECORD_KIND] for the district × kind matrix or [MONTH] with \`filter: { subjectKinds: [GOVERNMENT_BODY] }\` for a time series, in one SQL statement. The filter means exactly what it means for \`creditRecords\`, and so does disclosure: every count covers exactly the records \`creditRecords(filter:)\` would list to the same caller, so the rows add up to its totalCount. The public counts only records disclosed today (not repaired, withdrawn or expired, inside their publicity window) of PUBLIC catalogue items; a repaired or withdrawn record leaves its counts at once. A count follows the share level of the records it counts: civil servants' records (subjectKind CIVIL_SERVANT: sanctions, Party discipline, accountability) come from NOT_PUBLIC or CONDITIONAL catalogue items, so they are counted only for callers who may read those records themselves (the credit office, auditors, a personnel office for cadre selection, a consumer granted the conditional class for its purpose); no dimension names a person, and no count discloses a record its reader could not list. At most ${MAX_STATISTICS_ROWS} groups.`,
  })
  async creditStatistics(
    @Arg('groupBy', () => [StatisticsDimensionEnum], { description: `Dimensions to group by, in the order the rows are sorted; each at most once, at most one of MONTH, QUARTER, YEAR, at most ${MAX_GROUP_BY}. Empty: one row with the total.` }) groupBy: StatisticsDimension[],
    @Arg('filter', () => CreditRecordFilter, { nullable: true, description: 'Which records to count, as for `creditRecords`.' }) filter: CreditRecordFilter | null,
    @Ctx() ctx: object,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CreditStatistics> {
    assertGroupBy(groupBy);
    const recordFilter = visibleTo(ctx, toRecordFilter(filter));
    const rows = await this.deps.store.recordStatistics(groupBy, recordFilter, {
      withFines: selectsField(info, 'fineTotal'),
      maxRows: MAX_STATISTICS_ROWS,
    });
    if (rows.length > MAX_STATISTICS_ROWS) {
      throw badUserInput('groupBy', `more than ${MAX_STATISTICS_ROWS} groups; group by fewer dimensions, a coarser period (QUARTER, YEAR) or narrow the filter`);
    }
    return {
      groupBy,
      rows: rows.map((row) => ({ keys: toKeys(row), count: row.count, fineTotal: row.fineTotal })),
      totalCount: rows.reduce((sum, row) => sum + row.count, 0),
      fineTotal: sumDecimals(rows.map((row) => row.fineTotal)),
    };
  }
}
