import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { GovernanceFieldInfo } from './District.js';
import { shareDirective, type ShareParticulars, CREDIT_PLATFORM } from './shareDirective.js';

/** Progress of the special governance: counted per request; lead units from rules/governance-field-leads.json. */
export const FIELD_PROGRESS: ShareParticulars = {
  level: 'OPEN',
  sourceUnit: `Chengxin Hub (诚信枢纽), counted from the records of the ${CREDIT_PLATFORM}; lead units from the credit office's assignment (rules/governance-field-leads.json)`,
  reportingCycle: 'Monthly figures, counted per request (按月, 每次查询实时统计)',
  legalBasis: 'Shenzhen guiding opinion on government integrity (2020) 三.5: progress of the 19 fields reported regularly and dishonesty lists published (定期通报进展情况, 定期发布失信名单和专项治理成效)',
};

@Directive(shareDirective(FIELD_PROGRESS))
@ObjectType({ description: 'The lead unit (牵头单位) of a special-governance field.' })
export class GovernanceLeadUnit {
  @Field(() => String, { description: 'Chinese name of the Shenzhen body leading the field, e.g. 深圳市公安局.' })
  nameZh!: string;

  @Field(() => String, { description: 'English name.' })
  nameEn!: string;

  @Field(() => String, { description: 'The national ministry leading the field (国家牵头部门), which the Shenzhen body mirrors.' })
  nationalLead!: string;

  @Field(() => Boolean, { description: 'False while the credit office has not confirmed the assignment in its rule file (the policy text names no lead units).' })
  confirmed!: boolean;
}

@Directive(shareDirective(FIELD_PROGRESS))
@ObjectType({ description: "One month of a field's dishonesty records (失信记录): new, closed and still open." })
export class GovernanceFieldMonth {
  @Field(() => String, { description: 'The month, YYYY-MM.' })
  month!: string;

  @Field(() => Int, { description: 'Negative records of the field decided in the month (新增).' })
  newRecords!: number;

  @Field(() => Int, { description: 'Records of the field that left publicity in the month (办结 / 退出): repaired, withdrawn, removed from their list or expired.' })
  closedRecords!: number;

  @Field(() => Int, { description: 'Records of the field decided by the end of the month and still in publicity then (存量).' })
  openAtEnd!: number;
}

@Directive(shareDirective(FIELD_PROGRESS))
@ObjectType({ description: 'Progress of one special-governance field (专项治理进展, guiding opinion 三.5): its lead unit, its negative records month by month and its published list.' })
export class GovernanceFieldProgress {
  @Field(() => GovernanceFieldInfo, { description: 'The field.' })
  field!: GovernanceFieldInfo;

  @Field(() => GovernanceLeadUnit, { description: 'Who leads the field (牵头单位).' })
  leadUnit!: GovernanceLeadUnit;

  @Field(() => [GovernanceFieldMonth], { description: 'One entry per month from `from` to `to`, months without records included.' })
  months!: GovernanceFieldMonth[];
}
