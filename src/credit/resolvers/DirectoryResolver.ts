import { Args, Directive, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { CreditDeps } from '../CreditDeps.js';
import type { OrganisationFilter, OrganisationPage, OrganisationPageRequest, OrganisationRow } from '../CreditStore.js';
import { badUserInput } from '../errors.js';
import { decodeOrganisationCursor, encodeOrganisationCursor } from '../organisationCursor.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../pageSize.js';
import { PageInfo } from '../types/CreditRecord.js';
import {
  GovernmentBodyConnection, GovernmentBodyEdge, GovernmentBodyPageArgs, OrganisationConnection, OrganisationEdge, OrganisationPageArgs,
  type DirectoryPageArgs,
} from '../types/Directory.js';
import { DIRECTORY, shareDirective } from '../types/shareDirective.js';
import { assertDistrictCodes } from './connectionSource.js';

/** What a directory connection resolves from: the store's page request. */
export interface DirectorySource {
  request: OrganisationPageRequest;
}

function createDirectorySource(filter: OrganisationFilter, { first, after }: DirectoryPageArgs): DirectorySource {
  const limit = first ?? DEFAULT_PAGE_SIZE;
  if (limit < 0 || limit > MAX_PAGE_SIZE) {
    throw badUserInput('first', `must be between 0 and ${MAX_PAGE_SIZE}, got ${limit}; page with \`after\` for more`);
  }
  assertDistrictCodes(filter.districts, 'filter.districts');
  const request: OrganisationPageRequest = { filter, limit };
  if (after !== null && after !== undefined) request.after = decodeOrganisationCursor(after, 'after');
  return { request };
}

/** The connection fields both directory connections share: one page per source, counted with the same filter. */
class DirectoryFields {
  private readonly pages = new WeakMap<DirectorySource, Promise<OrganisationPage>>();

  constructor(private readonly deps: CreditDeps) {}

  totalCount(source: DirectorySource): Promise<number> {
    return this.deps.store.countOrganisations(source.request.filter);
  }

  async edges(source: DirectorySource): Promise<{ cursor: string; node: OrganisationRow }[]> {
    return (await this.page(source)).rows.map((row) => ({ cursor: encodeOrganisationCursor(row.uscc), node: row }));
  }

  async pageInfo(source: DirectorySource): Promise<PageInfo> {
    const page = await this.page(source);
    const first = page.rows[0];
    const last = page.rows.at(-1);
    return {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: source.request.after !== undefined,
      startCursor: first ? encodeOrganisationCursor(first.uscc) : null,
      endCursor: last ? encodeOrganisationCursor(last.uscc) : null,
    };
  }

  private page(source: DirectorySource): Promise<OrganisationPage> {
    let page = this.pages.get(source);
    if (!page) {
      page = this.deps.store.organisationPage(source.request);
      this.pages.set(source, page);
    }
    return page;
  }
}

@Resolver()
export class DirectoryResolver {
  // Root fields carry their own @share: type-graphql gives the Query type no directives.
  @Directive(shareDirective(DIRECTORY))
  @Query(() => GovernmentBodyConnection, {
    description: `Every government body (机关, USCC 11…) in USCC order, by area, parent or level: a complete list, unlike walking \`departments\` down from the city government, which misses bodies without a parent such as the courts. \`first\` defaults to ${DEFAULT_PAGE_SIZE} and may be at most ${MAX_PAGE_SIZE}.`,
  })
  governmentBodies(@Args(() => GovernmentBodyPageArgs) args: GovernmentBodyPageArgs): DirectorySource {
    const { districts, parent, level } = args.filter ?? {};
    const filter: OrganisationFilter = { kinds: ['GOVERNMENT_BODY'] };
    if (districts) filter.districts = districts;
    if (parent) filter.parents = [parent];
    if (level) filter.level = level;
    return createDirectorySource(filter, args);
  }

  @Directive(shareDirective(DIRECTORY))
  @Query(() => OrganisationConnection, {
    description: `Every organisation (credit subject) in USCC order, by kind and area. \`first\` defaults to ${DEFAULT_PAGE_SIZE} and may be at most ${MAX_PAGE_SIZE}.`,
  })
  organisations(@Args(() => OrganisationPageArgs) args: OrganisationPageArgs): DirectorySource {
    const { kinds, districts } = args.filter ?? {};
    const filter: OrganisationFilter = {};
    if (kinds) filter.kinds = kinds;
    if (districts) filter.districts = districts;
    return createDirectorySource(filter, args);
  }
}

@Resolver(() => GovernmentBodyConnection)
export class GovernmentBodyConnectionResolver {
  private readonly fields: DirectoryFields;

  constructor(deps: CreditDeps) {
    this.fields = new DirectoryFields(deps);
  }

  @FieldResolver(() => Int, { description: 'Number of bodies matching the filter, on all pages.' })
  totalCount(@Root() source: DirectorySource): Promise<number> {
    return this.fields.totalCount(source);
  }

  @FieldResolver(() => [GovernmentBodyEdge], { description: 'The bodies of this page.' })
  edges(@Root() source: DirectorySource) {
    return this.fields.edges(source);
  }

  @FieldResolver(() => PageInfo, { description: 'Where this page stands.' })
  pageInfo(@Root() source: DirectorySource): Promise<PageInfo> {
    return this.fields.pageInfo(source);
  }
}

@Resolver(() => OrganisationConnection)
export class OrganisationConnectionResolver {
  private readonly fields: DirectoryFields;

  constructor(deps: CreditDeps) {
    this.fields = new DirectoryFields(deps);
  }

  @FieldResolver(() => Int, { description: 'Number of organisations matching the filter, on all pages.' })
  totalCount(@Root() source: DirectorySource): Promise<number> {
    return this.fields.totalCount(source);
  }

  @FieldResolver(() => [OrganisationEdge], { description: 'The organisations of this page.' })
  edges(@Root() source: DirectorySource) {
    return this.fields.edges(source);
  }

  @FieldResolver(() => PageInfo, { description: 'Where this page stands.' })
  pageInfo(@Root() source: DirectorySource): Promise<PageInfo> {
    return this.fields.pageInfo(source);
  }
}
