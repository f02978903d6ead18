import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UsccScalar } from '../../codes/index.js';
import { STATISTICS_DIMENSIONS } from '../CreditStore.js';
import { CreditRecordKind, GovernanceField, RecordStatus, RecordSubjectKind, Severity } from '../enums.js';
import { DecimalScalar } from '../scalars.js';
import { RECORD_STATISTICS, shareDirective } from './shareDirective.js';

/** GraphQL enum object of the statistics dimensions. */
export const StatisticsDimension = Object.fromEntries(STATISTICS_DIMENSIONS.map((d) => [d, d])) as {
  [D in (typeof STATISTICS_DIMENSIONS)[number]]: D;
};
registerEnumType(StatisticsDimension, {
  name: 'StatisticsDimension',
  description: 'What credit records can be grouped by in `creditStatistics` (统计维度). At most one of MONTH, QUARTER, YEAR per call.',
  valuesConfig: {
    DISTRICT: { description: "The record's district (行政区; the subject's, for a civil servant the employer's): keys.district, keys.districtName." },
    SUBJECT_KIND: { description: 'Kind of subject the record is about (主体类别): keys.subjectKind.' },
    RECORD_KIND: { description: 'Kind of record (信用信息类别): keys.recordKind.' },
    SEVERITY: { description: 'Severity (失信程度): keys.severity, null for records without one (licences, commendations, commitments).' },
    STATUS: { description: 'Disclosure status (状态): keys.status.' },
    GOVERNANCE_FIELD: { description: 'Special-governance field (专项治理领域): keys.governanceField, null for records outside the 19 fields.' },
    SOURCE_UNIT: { description: 'Source unit that reported the record (数据来源单位): keys.sourceUnit.' },
    CATALOG_ITEM: { description: 'Catalogue item (目录条目): keys.catalogItem.' },
    MONTH: { description: 'Month of the decision date (决定月份): keys.period such as 2026-07.' },
    QUARTER: { description: 'Quarter of the decision date (决定季度): keys.period such as 2026-Q3.' },
    YEAR: { description: 'Year of the decision date (决定年度): keys.period such as 2026.' },
  },
});

@Directive(shareDirective(RECORD_STATISTICS))
@ObjectType({ description: 'What the records of one group share: one key per grouped dimension; the keys of dimensions not grouped by are null (see CreditStatistics.groupBy).' })
export class CreditStatisticsKeys {
  @Field(() => String, { nullable: true, description: 'Area code (行政区划代码) when grouped by DISTRICT, e.g. 440310.' })
  district!: string | null;

  @Field(() => String, { nullable: true, description: 'Chinese name of the area (行政区划名称) when grouped by DISTRICT, e.g. 坪山区.' })
  districtName!: string | null;

  @Field(() => RecordSubjectKind, { nullable: true, description: 'Kind of subject (主体类别) when grouped by SUBJECT_KIND.' })
  subjectKind!: string | null;

  @Field(() => CreditRecordKind, { nullable: true, description: 'Kind of record (信用信息类别) when grouped by RECORD_KIND.' })
  recordKind!: string | null;

  @Field(() => Severity, { nullable: true, description: 'Severity (失信程度) when grouped by SEVERITY; null also for the group of records without a severity.' })
  severity!: string | null;

  @Field(() => RecordStatus, { nullable: true, description: 'Status (状态) when grouped by STATUS.' })
  status!: string | null;

  @Field(() => GovernanceField, { nullable: true, description: 'Special-governance field (专项治理领域) when grouped by GOVERNANCE_FIELD; null also for the group of records outside the 19 fields.' })
  governanceField!: string | null;

  @Field(() => UsccScalar, { nullable: true, description: 'USCC of the source unit (数据来源单位) when grouped by SOURCE_UNIT; its name via `subjects(usccs:)`.' })
  sourceUnit!: string | null;

  @Field(() => String, { nullable: true, description: 'Catalogue item code (目录条目编码) when grouped by CATALOG_ITEM; its name via `catalog`.' })
  catalogItem!: string | null;

  @Field(() => String, { nullable: true, description: 'Period of the decision date when grouped by MONTH (2026-07), QUARTER (2026-Q3) or YEAR (2026); the same labels `filter.decidedIn` takes.' })
  period!: string | null;
}

@Directive(shareDirective(RECORD_STATISTICS))
@ObjectType({ description: 'One group of credit records: its keys, how many records, and their fines.' })
export class CreditStatisticsRow {
  @Field(() => CreditStatisticsKeys, { description: 'What the records of the group share.' })
  keys!: CreditStatisticsKeys;

  @Field(() => Int, { description: 'Number of records in the group (记录数).' })
  count!: number;

  @Field(() => DecimalScalar, { nullable: true, description: 'Sum of the fines of the group in 10,000 yuan (罚款金额合计, 万元), exact; null when no record of the group has a fine.' })
  fineTotal!: string | null;
}

@Directive(shareDirective(RECORD_STATISTICS))
@ObjectType({ description: 'Credit records counted by groups (信用信息统计), from one SQL statement over the records the caller may read.' })
export class CreditStatistics {
  @Field(() => [StatisticsDimension], { description: 'The dimensions grouped by, in the order asked: these keys are set in each row.' })
  groupBy!: string[];

  @Field(() => [CreditStatisticsRow], { description: 'One row per group that has records, ordered by the keys in `groupBy` order (nulls last); groups without records have no row.' })
  rows!: CreditStatisticsRow[];

  @Field(() => Int, { description: 'Records counted, all groups together (the same as `creditRecords(filter:).totalCount`).' })
  totalCount!: number;

  @Field(() => DecimalScalar, { nullable: true, description: 'Sum of all the fines counted, in 10,000 yuan (万元), exact; null when none has a fine.' })
  fineTotal!: string | null;
}
