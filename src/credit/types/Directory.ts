import { ArgsType, Directive, Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UsccScalar } from '../../codes/index.js';
import { SubjectKind } from '../enums.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../pageSize.js';
import { PageInfo } from './CreditRecord.js';
import { CreditSubject, GovernmentBody } from './CreditSubject.js';
import { DIRECTORY, PAGING, shareDirective } from './shareDirective.js';

/** Level of government of a body, from the area it is registered in. */
export const GovernmentLevel = { CITY: 'CITY', DISTRICT: 'DISTRICT' } as const;
registerEnumType(GovernmentLevel, {
  name: 'GovernmentLevel',
  description: 'Level of a government body (层级), from its area: the city (市级, area 440300) or a district or functional area (区级, street offices included).',
  valuesConfig: {
    CITY: { description: 'A body of the city (市直单位), area code 440300.' },
    DISTRICT: { description: 'A body of a district or functional area (区级单位), street offices (街道办事处) included.' },
  },
});

@InputType({ description: 'Which government bodies; the conditions are combined with AND.' })
export class GovernmentBodyFilter {
  @Field(() => [String], { nullable: true, description: 'Areas by code (see the `districts` query), any of.' })
  districts?: string[];

  @Field(() => UsccScalar, { nullable: true, description: 'Only the bodies directly under this body (上级单位).' })
  parent?: string;

  @Field(() => GovernmentLevel, { nullable: true, description: 'Only city-level or only district-level bodies.' })
  level?: 'CITY' | 'DISTRICT';
}

@InputType({ description: 'Which organisations; the conditions are combined with AND.' })
export class OrganisationFilter {
  @Field(() => [SubjectKind], { nullable: true, description: 'Kinds of organisation (主体类别), any of.' })
  kinds?: string[];

  @Field(() => [String], { nullable: true, description: 'Areas by code (see the `districts` query), any of.' })
  districts?: string[];
}

@ArgsType()
export class DirectoryPageArgs {
  @Field(() => Int, { nullable: true, description: `Organisations per page, 0 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts (pageInfo.endCursor of the previous page).' })
  after?: string | null;
}

@ArgsType()
export class GovernmentBodyPageArgs extends DirectoryPageArgs {
  @Field(() => GovernmentBodyFilter, { nullable: true, description: 'Which bodies: by area, parent body, level.' })
  filter?: GovernmentBodyFilter | null;
}

@ArgsType()
export class OrganisationPageArgs extends DirectoryPageArgs {
  @Field(() => OrganisationFilter, { nullable: true, description: 'Which organisations: by kind and area.' })
  filter?: OrganisationFilter | null;
}

@Directive(shareDirective(PAGING))
@ObjectType({ description: 'An edge of a government-body connection.' })
export class GovernmentBodyEdge {
  @Field(() => String, { description: 'Opaque cursor of this body; pass it as `after` to continue after it.' })
  cursor!: string;

  @Field(() => GovernmentBody, { description: 'The body.' })
  node!: GovernmentBody;
}

@Directive(shareDirective(DIRECTORY))
@ObjectType({ description: 'Government bodies (机关名录) in USCC order (Relay connection): every body exactly once, courts and bodies without a parent included.' })
export class GovernmentBodyConnection {
  @Field(() => Int, { description: 'Number of bodies matching the filter, on all pages.' })
  totalCount!: number;

  @Field(() => [GovernmentBodyEdge], { description: 'The bodies of this page.' })
  edges!: GovernmentBodyEdge[];

  @Field(() => PageInfo, { description: 'Where this page stands.' })
  pageInfo!: PageInfo;
}

@Directive(shareDirective(PAGING))
@ObjectType({ description: 'An edge of an organisation connection.' })
export class OrganisationEdge {
  @Field(() => String, { description: 'Opaque cursor of this organisation; pass it as `after` to continue after it.' })
  cursor!: string;

  @Field(() => CreditSubject, { description: 'The organisation.' })
  node!: CreditSubject;
}

@Directive(shareDirective(DIRECTORY))
@ObjectType({ description: 'Organisations (主体名录) in USCC order (Relay connection): every organisation exactly once.' })
export class OrganisationConnection {
  @Field(() => Int, { description: 'Number of organisations matching the filter, on all pages.' })
  totalCount!: number;

  @Field(() => [OrganisationEdge], { description: 'The organisations of this page.' })
  edges!: OrganisationEdge[];

  @Field(() => PageInfo, { description: 'Where this page stands.' })
  pageInfo!: PageInfo;
}
