import { ArgsType, Directive, Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { RegistrationStatus, SubjectKind } from '../enums.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../pageSize.js';
import { DateScalar, DecimalScalar } from '../scalars.js';
import { PageInfo } from './CreditRecord.js';
import { CreditSubject } from './CreditSubject.js';
import { PAGING, REGISTRATION, shareDirective } from './shareDirective.js';

/** What part of an organisation a search matched. */
export const SearchMatch = { NAME: 'NAME', FORMER_NAME: 'FORMER_NAME', USCC: 'USCC' } as const;
registerEnumType(SearchMatch, {
  name: 'SearchMatch',
  description: 'What part of the organisation the search query matched.',
  valuesConfig: {
    NAME: { description: 'The current registered name (名称).' },
    FORMER_NAME: { description: 'Only a former name (曾用名).' },
    USCC: { description: 'The start of the Unified Social Credit Code (统一社会信用代码).' },
  },
});

@InputType({ description: 'Which organisations a search returns; the conditions are combined with AND, every list is "any of".' })
export class SubjectSearchFilter {
  @Field(() => [SubjectKind], { nullable: true, description: 'Kinds of organisation (主体类别).' })
  kinds?: string[];

  @Field(() => [String], { nullable: true, description: 'Areas of registration by code (see the `districts` query), e.g. 440305.' })
  districts?: string[];

  @Field(() => [String], {
    nullable: true,
    description: 'Industries (所属行业) by GB/T 4754-2017 (国民经济行业分类): a section letter (门类) such as `I`, or a division code (大类) such as `65` or `I65`.',
  })
  industries?: string[];

  @Field(() => [RegistrationStatus], { nullable: true, description: 'Registration statuses (登记状态).' })
  statuses?: string[];

  @Field(() => DecimalScalar, { nullable: true, description: 'Registered capital (注册资本) at least this many 万元; organisations without a registered capital are left out.' })
  capitalFrom?: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Registered capital (注册资本) at most this many 万元; organisations without a registered capital are left out.' })
  capitalTo?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Established (成立日期) on or after this day.' })
  establishedFrom?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Established (成立日期) on or before this day.' })
  establishedTo?: string;
}

@ArgsType()
export class SearchSubjectsArgs {
  @Field(() => String, {
    description: 'Two or more characters of the current or a former Chinese name, anywhere in it (e.g. 华信, 维晶科技), or the start of a USCC (e.g. 914403). Spaces, letter case and full-width brackets do not matter.',
  })
  query!: string;

  @Field(() => SubjectSearchFilter, { nullable: true, description: 'Narrow the hits by kind, area, industry, status, capital and establishment date.' })
  filter?: SubjectSearchFilter | null;

  @Field(() => Int, { nullable: true, description: `Hits per page, 0 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts (pageInfo.endCursor of the previous page).' })
  after?: string | null;
}

@Directive(shareDirective(PAGING))
@ObjectType({ description: 'An organisation a search found.' })
export class SubjectSearchEdge {
  @Field(() => String, { description: 'Opaque cursor of this hit; pass it as `after` to continue after it.' })
  cursor!: string;

  @Field(() => CreditSubject, { description: 'The organisation.' })
  node!: CreditSubject;

  @Field(() => SearchMatch, { description: 'What the query matched: the name, only a former name, or the USCC.' })
  matchedOn!: string;
}

@Directive(shareDirective(REGISTRATION))
@ObjectType({
  description: 'Organisations found by a search (主体检索), most relevant first (Relay connection): the exact name or USCC, then names (or trade names after 深圳/深圳市/深圳前海) and USCCs starting with the query, then names containing it, then organisations found only by a former name; ties by name, then USCC.',
})
export class SubjectSearchConnection {
  @Field(() => Int, { description: 'Number of organisations found with the filter, on all pages.' })
  totalCount!: number;

  @Field(() => [SubjectSearchEdge], { description: 'The hits of this page.' })
  edges!: SubjectSearchEdge[];

  @Field(() => PageInfo, { description: 'Where this page stands.' })
  pageInfo!: PageInfo;
}
