import { Field, InterfaceType, ObjectType } from 'type-graphql';
import { UsccScalar } from '../../codes/index.js';
import { DateScalar } from '../scalars.js';
import { SubjectKind } from '../enums.js';
import type { OrganisationRow } from '../CreditStore.js';

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

  @Field(() => String, { nullable: true, description: 'Legal representative or head (法定代表人 / 负责人).' })
  legalRepresentative!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date of establishment or registration (成立日期).' })
  establishedOn!: string | null;
}

@ObjectType({ implements: CreditSubject, description: 'An enterprise (企业), individual business (个体工商户) or farmers\' cooperative (农民专业合作社).' })
export class Enterprise extends CreditSubject {}

@ObjectType({
  implements: CreditSubject,
  description: 'A government body (党政机关 / 行政机关), USCC prefix 11: departments and courts, with their own credit archive (政务信用档案).',
})
export class GovernmentBody extends CreditSubject {}

@ObjectType({ implements: CreditSubject, description: 'A public institution (事业单位), USCC prefix 12: schools, hospitals, centres.' })
export class PublicInstitution extends CreditSubject {}

@ObjectType({ implements: CreditSubject, description: 'A social organisation (社会组织), USCC prefix 5x: associations, foundations, private non-enterprise units.' })
export class SocialOrganisation extends CreditSubject {}

@ObjectType({ implements: CreditSubject, description: 'An organisation of any other registration category (其他组织).' })
export class OtherOrganisation extends CreditSubject {}
