import { ArgsType, Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../pageSize.js';
import { UsccScalar } from '../../codes/index.js';
import { DateScalar, DecimalScalar } from '../scalars.js';
import { CreditRecordKind, GovernanceField, RecordStatus, RecordSubjectKind, Severity } from '../enums.js';
import { CREDIT_RECORDS, PAGING, shareDirective } from './shareDirective.js';

@Directive(shareDirective(CREDIT_RECORDS))
@ObjectType({ description: 'Publicity window of a negative record (公示期) and the rule version that set it.' })
export class Publicity {
  @Field(() => DateScalar, { description: 'First day of publicity (公示起始日).' })
  start!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'End of the minimum publicity period: credit repair (信用修复) or early removal from a list may be applied for from this day. Null when the record is not repairable: judgment-defaulter listings (ended by the court\'s deletion), list entries without early removal (they run their term), sanctions and accountability measures (fixed periods).',
  })
  minimumEnd!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Publicity end date (公示截止期): disclosure stops by itself after this day. Null: until deleted.' })
  end!: string | null;

  @Field(() => String, { description: 'Version of the publicity rules in force on the decision date, e.g. NDRC-ORDER-58-2023.' })
  ruleVersion!: string;
}

@Directive(shareDirective(CREDIT_RECORDS))
@ObjectType({ description: 'Kind-specific particulars of a record (from the double-publicity CF_/XK_ fields and court lists).' })
export class CreditRecordDetails {
  @Field(() => [String], { nullable: true, description: 'Penalty categories (处罚类别), Administrative Penalty Law art. 9, e.g. FINE_CONFISCATION.' })
  penaltyCategories!: string[] | null;

  @Field(() => String, { nullable: true, description: 'Court case number (案号), e.g. (2019)粤0305执1194号.' })
  caseNumber!: string | null;

  @Field(() => String, { nullable: true, description: 'Obligation set by the enforcement basis (生效法律文书确定的义务); persons\' names and ID numbers masked like the title.' })
  obligation!: string | null;

  @Field(() => String, { nullable: true, description: 'Performance of the obligation (履行情况): NONE or PARTIAL.' })
  performance!: string | null;

  @Field(() => String, { nullable: true, description: 'Dishonest conduct (失信行为情形) of a judgment defaulter.' })
  dishonestConduct!: string | null;

  @Field(() => String, { nullable: true, description: 'Sanction on a civil servant (处分种类): WARNING, DEMERIT, MAJOR_DEMERIT, DEMOTION, REMOVAL_FROM_POST, DISMISSAL; Party discipline (党纪处分): PARTY_WARNING, SERIOUS_PARTY_WARNING, REMOVAL_FROM_PARTY_POST, PARTY_PROBATION, EXPULSION_FROM_PARTY.' })
  sanction!: string | null;

  @Field(() => String, { nullable: true, description: 'Licence category (许可类别): ordinary, franchise, recognition, verification, registration, other.' })
  licenceCategory!: string | null;

  @Field(() => String, { nullable: true, description: 'Licence certificate number (许可证书编号).' })
  certificateNumber!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Licence valid from (有效期自).' })
  validFrom!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Licence valid to (有效期至).' })
  validTo!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the record was withdrawn from publicity (撤销原因); persons\' names and ID numbers masked like the title.' })
  withdrawalReason!: string | null;

  @Field(() => [String], { nullable: true, description: 'Sectors of a penalty with a longer minimum publicity (NDRC Order 58: FOOD, DRUGS, SPECIAL_EQUIPMENT, WORK_SAFETY, FIRE_SAFETY), derived from its legal basis or catalogue item.' })
  sectors!: string[] | null;

  @Field(() => String, { nullable: true, description: 'Accountability measure (问责方式): INSPECTION, CIRCULATED_CRITICISM, ADMONISHMENT, ORGANISATIONAL_ADJUSTMENT, DISCIPLINE.' })
  measure!: string | null;

  @Field(() => Int, { nullable: true, description: 'Months by which the court extended a judgment-defaulter listing (延长纳入期限, 12-36).' })
  extensionMonths!: number | null;

  @Field(() => DateScalar, { nullable: true, description: 'End of a listing term set by its rule or decision (纳入期限 / 禁止参加政府采购活动期限); null when the listing has no term.' })
  listingTermEnd!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When the source deleted the listing or removed the entry from its list (删除失信信息 / 移出名单).' })
  removedOn!: string | null;
}

// Open even for negative records: publicity windows, repair and withdrawal, and the disclosure class of the
// record's catalogue item (公开属性) are enforced when the record is read, not by classification; persons'
// names and ID numbers in its text are masked (recordText.ts).
@Directive(shareDirective(CREDIT_RECORDS))
@ObjectType({
  description:
    'A credit record (信用记录) about an organisation or a civil servant: a licence, penalty, judgment, listing, sanction, commendation or commitment, as reported by its source unit.',
})
export class CreditRecord {
  @Field(() => ID, { description: 'Opaque identifier of the record in the hub.' })
  id!: string;

  @Field(() => CreditRecordKind, { description: 'Kind of record (信用信息类别).' })
  kind!: string;

  @Field(() => String, { description: 'Decision document number (决定书文号 / 案号); with the authority, the natural key of the record.' })
  documentNumber!: string;

  @Field(() => String, { description: 'Short title of the decision (事项名称); names of natural persons and ID numbers masked unless the caller may unmask personal data.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Facts and content of the decision (主要事实 / 处罚内容); names of natural persons and ID numbers masked unless the caller may unmask personal data.' })
  content!: string | null;

  @Field(() => String, { nullable: true, description: 'Legal basis (依据).' })
  legalBasis!: string | null;

  @Field(() => DateScalar, { description: 'Decision date (决定日期).' })
  decisionDate!: string;

  @Field(() => Severity, { nullable: true, description: 'Severity of a negative record (失信程度); null for licences, commendations and commitments.' })
  severity!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Fine amount in 10,000 yuan (罚款金额, 万元), exact.' })
  fineAmount!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Confiscated amount in 10,000 yuan (没收违法所得、没收非法财物的金额, 万元), exact.' })
  confiscatedAmount!: string | null;

  @Field(() => GovernanceField, { nullable: true, description: 'Special-governance field (专项治理领域) the record belongs to, if any.' })
  governanceField!: string | null;

  @Field(() => RecordStatus, { description: 'Disclosure status (状态).' })
  status!: string;
}

@Directive(shareDirective(PAGING))
@ObjectType({ description: 'An edge of a credit-record connection.' })
export class CreditRecordEdge {
  @Field(() => String, { description: 'Opaque cursor of this record; pass it as `after` to continue after it.' })
  cursor!: string;

  @Field(() => CreditRecord, { description: 'The record.' })
  node!: CreditRecord;
}

@Directive(shareDirective(PAGING))
@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'More records follow this page.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'Records precede this page (true whenever `after` was given).' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first record of the page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last record of the page: pass it as `after` for the next page.' })
  endCursor!: string | null;
}

@Directive(shareDirective(PAGING))
@ObjectType({ description: 'A page of credit records, newest decision first (Relay connection).' })
export class CreditRecordConnection {
  @Field(() => Int, { description: 'Number of records matching the filter, on all pages.' })
  totalCount!: number;

  @Field(() => [CreditRecordEdge], { description: 'The records of this page.' })
  edges!: CreditRecordEdge[];

  @Field(() => PageInfo, { description: 'Where this page stands.' })
  pageInfo!: PageInfo;
}

@InputType({ description: 'Filter on credit records. Each list means "any of"; the conditions are combined with AND.' })
export class CreditRecordFilter {
  @Field(() => [CreditRecordKind], { nullable: true, description: 'Kinds of record.' })
  kinds?: string[];

  @Field(() => [Severity], { nullable: true, description: 'Severities.' })
  severities?: string[];

  @Field(() => [RecordStatus], { nullable: true, description: 'Statuses.' })
  statuses?: string[];

  @Field(() => [GovernanceField], { nullable: true, description: 'Special-governance fields (专项治理领域).' })
  governanceFields?: string[];

  @Field(() => [String], { nullable: true, description: "Areas by code, e.g. 440305 (the subject's district; for civil servants, the employer's); functional areas by their local codes, e.g. 4403DP for Dapeng New Area (see the `districts` query)." })
  districts?: string[];

  @Field(() => DateScalar, { nullable: true, description: 'Decided on or after this date.' })
  decidedFrom?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Decided on or before this date.' })
  decidedTo?: string;

  @Field(() => [UsccScalar], { nullable: true, description: 'Source units (数据来源单位) by USCC.' })
  sourceUnits?: string[];

  @Field(() => [RecordSubjectKind], { nullable: true, description: 'Kinds of subject the records are about (主体类别), e.g. GOVERNMENT_BODY for records against government bodies (政务失信), CIVIL_SERVANT for records of civil servants.' })
  subjectKinds?: string[];

  @Field(() => String, { nullable: true, description: 'Decided in this period: a year (2026), a quarter (2026-Q3) or a month (2026-07); combined with decidedFrom/decidedTo when those are given too.' })
  decidedIn?: string;
}

@ArgsType()
export class CreditRecordPageArgs {
  @Field(() => CreditRecordFilter, {
    nullable: true,
    description: 'Which records: by kind, severity, status, governance field, district, decision date or period, source unit, kind of subject.',
  })
  filter?: CreditRecordFilter | null;

  @Field(() => Int, { nullable: true, description: `Records per page, 0 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts (pageInfo.endCursor of the previous page).' })
  after?: string | null;
}
