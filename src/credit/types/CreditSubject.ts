import { Directive, Field, InterfaceType, ObjectType } from 'type-graphql';
import { UsccScalar } from '../../codes/index.js';
import { DateScalar, DecimalScalar } from '../scalars.js';
import { RegistrationStatus, SubjectKind } from '../enums.js';
import { FormerName } from './Registration.js';
import type { OrganisationRow } from '../CreditStore.js';
import { CREDIT_PLATFORM, CREDIT_REGULATIONS, shareDirective, SUBJECT_REGISTRATION, type ShareParticulars } from './shareDirective.js';

// Registration particulars are public by law (企业信息公示暂行条例 and the registration rules of each kind), so
// every subject type is open; its credit records carry their own classification.
const registration = (sourceUnit: string, legalBasis: string): ShareParticulars => ({
  level: 'OPEN',
  sourceUnit: `${sourceUnit}, collected by the ${CREDIT_PLATFORM}`,
  reportingCycle: 'Daily (每日)',
  legalBasis: `${legalBasis}; ${CREDIT_REGULATIONS}`,
});

const TYPE_BY_KIND: Record<string, string> = {
  GOVERNMENT_BODY: 'GovernmentBody',
  PUBLIC_INSTITUTION: 'PublicInstitution',
  SOCIAL_ORGANISATION: 'SocialOrganisation',
  ENTERPRISE: 'Enterprise',
  INDIVIDUAL_BUSINESS: 'Enterprise',
  FARMERS_COOPERATIVE: 'Enterprise',
  OTHER: 'OtherOrganisation',
};

/** The GraphQL type name of an organisation, decided by the kind its USCC implies. */
export function subjectTypeName(row: Pick<OrganisationRow, 'kind'>): string {
  return TYPE_BY_KIND[row.kind] ?? 'OtherOrganisation';
}

// Fields from the registration particulars (industry, capital, status, scope, authority, former names) are public
// business registration information like the name: the interface's OPEN classification covers them (REGISTRATION
// in shareDirective.ts states their source and basis on the types they use).
@Directive(shareDirective(SUBJECT_REGISTRATION))
@InterfaceType({
  description:
    'A credit subject (信用主体): an organisation identified by its Unified Social Credit Code. Government bodies are held to the same credit discipline as enterprises (政务诚信).',
  resolveType: (value: OrganisationRow) => subjectTypeName(value),
})
export abstract class CreditSubject {
  @Field(() => UsccScalar, { description: 'Unified Social Credit Code (统一社会信用代码).' })
  uscc!: string;

  @Field(() => String, { description: 'Registered name (名称).' })
  name!: string;

  @Field(() => SubjectKind, { description: 'Kind of subject, derived from the USCC prefix (主体类别).' })
  kind!: string;

  // A natural person's name, but published with the registration (企业信息公示暂行条例 art. 8), so neither
  // conditional nor masked.
  @Field(() => String, { nullable: true, description: 'Legal representative or head (法定代表人 / 负责人).' })
  legalRepresentative!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date of establishment or registration (成立日期).' })
  establishedOn!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Registered capital in 10,000 yuan (注册资本, 万元), exact: subscribed capital of a company, fund amount (资金数额) of an individual business, members\' contributions (成员出资总额) of a co-operative, start-up funds (开办资金) of a public institution, registered funds (注册资金) of a social organisation. Null for government bodies and where none is registered.',
  })
  registeredCapital!: string | null;

  @Field(() => RegistrationStatus, { nullable: true, description: 'Registration status (登记状态); null for government bodies, which are not registered this way.' })
  registrationStatus!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Summary of the business scope (经营范围) of a business, or of the purpose and activities (宗旨和业务范围) of an institution or social organisation; null for government bodies.',
  })
  businessScope!: string | null;

  @Field(() => [FormerName], { description: 'Names registered before the current one (曾用名), oldest first; empty when the name never changed.' })
  formerNames!: FormerName[];
}

@Directive(shareDirective(registration('Shenzhen Administration for Market Regulation (深圳市市场监督管理局)', 'Interim Regulations on Enterprise Information Publicity (企业信息公示暂行条例)')))
@ObjectType({ implements: CreditSubject, description: 'An enterprise (企业), individual business (个体工商户) or farmers\' cooperative (农民专业合作社).' })
export class Enterprise extends CreditSubject {}

@Directive(shareDirective(registration('Shenzhen Commission Office for Public Sector Reform (深圳市委机构编制委员会办公室)', 'Rules on the Unified Social Credit Code (法人和其他组织统一社会信用代码制度建设总体方案)')))
@ObjectType({
  implements: CreditSubject,
  description: 'A government body (党政机关 / 行政机关), USCC prefix 11: departments and courts, with their own credit archive (政务信用档案).',
})
export class GovernmentBody extends CreditSubject {}

@Directive(shareDirective(registration('Shenzhen Public Institution Registration Administration (深圳市事业单位登记管理局)', 'Interim Regulations on the Registration of Public Institutions (事业单位登记管理暂行条例)')))
@ObjectType({ implements: CreditSubject, description: 'A public institution (事业单位), USCC prefix 12: schools, hospitals, centres.' })
export class PublicInstitution extends CreditSubject {}

@Directive(shareDirective(registration('Shenzhen Civil Affairs Bureau (深圳市民政局)', 'Regulations on the Registration of Social Organisations (社会团体登记管理条例)')))
@ObjectType({ implements: CreditSubject, description: 'A social organisation (社会组织), USCC prefix 5x: associations, foundations, private non-enterprise units.' })
export class SocialOrganisation extends CreditSubject {}

@Directive(shareDirective(registration('The registration authority its USCC names (登记管理部门)', 'Rules on the Unified Social Credit Code (法人和其他组织统一社会信用代码制度建设总体方案)')))
@ObjectType({ implements: CreditSubject, description: 'An organisation of any other registration category (其他组织).' })
export class OtherOrganisation extends CreditSubject {}
