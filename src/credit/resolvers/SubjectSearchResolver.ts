import { Args, Directive, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { divisionsOfIndustry } from '../../codes/index.js';
import type { CreditDeps } from '../CreditDeps.js';
import type { SubjectSearchFilter as StoreFilter, SubjectSearchPage, SubjectSearchRequest } from '../CreditStore.js';
import { badUserInput } from '../errors.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../pageSize.js';
import { decodeSearchCursor, encodeSearchCursor } from '../searchCursor.js';
import { PageInfo } from '../types/CreditRecord.js';
import { REGISTRATION, shareDirective } from '../types/shareDirective.js';
import { SearchSubjectsArgs, SubjectSearchConnection, SubjectSearchEdge, type SubjectSearchFilter } from '../types/SubjectSearch.js';
import { assertDistrictCodes } from './connectionSource.js';

/** Longest query accepted: longer than any registered name. */
export const MAX_QUERY_LENGTH = 100;

/** What a search connection resolves from: the store's request. */
export interface SubjectSearchSource {
  request: SubjectSearchRequest;
}

function toStoreFilter(filter: SubjectSearchFilter | null | undefined): StoreFilter {
  const result: StoreFilter = {};
  if (!filter) return result;
  if (filter.kinds?.length) result.kinds = filter.kinds;
  if (filter.districts?.length) result.districts = filter.districts;
  assertDistrictCodes(filter.districts, 'filter.districts');
  if (filter.industries?.length) {
    result.industryCodes = [...new Set(filter.industries.flatMap((value, i) => {
      const codes = divisionsOfIndustry(value);
      if (!codes) {
        throw badUserInput(`filter.industries[${i}]`, `"${value}" is not a GB/T 4754-2017 section letter (A–T) or division code (01–97); use e.g. I for information technology or 65 for software`);
      }
      return codes;
    }))];
  }
  if (filter.statuses?.length) result.statuses = filter.statuses;
  for (const bound of ['capitalFrom', 'capitalTo'] as const) {
    const value = filter[bound];
    if (value === undefined || value === null) continue;
    if (value.startsWith('-')) throw badUserInput(`filter.${bound}`, `must not be negative, got "${value}" (万元)`);
    result[bound] = value;
  }
  if (result.capitalFrom !== undefined && result.capitalTo !== undefined && Number(result.capitalFrom) > Number(result.capitalTo)) {
    throw badUserInput('filter.capitalTo', `must not be below filter.capitalFrom (${result.capitalFrom}), got "${result.capitalTo}"`);
  }
  if (filter.establishedFrom) result.establishedFrom = filter.establishedFrom;
  if (filter.establishedTo) result.establishedTo = filter.establishedTo;
  if (result.establishedFrom && result.establishedTo && result.establishedFrom > result.establishedTo) {
    throw badUserInput('filter.establishedTo', `must not be before filter.establishedFrom (${result.establishedFrom}), got ${result.establishedTo}`);
  }
  return result;
}

/** The store request of `searchSubjects`; throws BAD_USER_INPUT naming the argument at fault. */
export function createSubjectSearchSource({ query, filter, first, after }: SearchSubjectsArgs): SubjectSearchSource {
  const compact = query.replace(/\s+/g, '');
  if ([...compact].length < 2) {
    throw badUserInput('query', `needs at least two characters besides spaces, got ${JSON.stringify(query)}; give part of the name (e.g. 华信) or the start of a USCC (e.g. 914403)`);
  }
  if ([...compact].length > MAX_QUERY_LENGTH) throw badUserInput('query', `may have at most ${MAX_QUERY_LENGTH} characters, got ${[...compact].length}`);
  const limit = first ?? DEFAULT_PAGE_SIZE;
  if (limit < 0 || limit > MAX_PAGE_SIZE) {
    throw badUserInput('first', `must be between 0 and ${MAX_PAGE_SIZE}, got ${limit}; page with \`after\` for more`);
  }
  const request: SubjectSearchRequest = { query: compact, filter: toStoreFilter(filter), limit };
  if (after !== null && after !== undefined) request.after = decodeSearchCursor(after, 'after');
  return { request };
}

@Resolver()
export class SubjectSearchResolver {
  // Root fields carry their own @share: type-graphql gives the Query type no directives.
  @Directive(shareDirective(REGISTRATION))
  @Query(() => SubjectSearchConnection, {
    description: `Find organisations (主体检索) without knowing their USCC: by two or more characters of their current or a former Chinese name, or by the start of their USCC, optionally only of some kinds, areas, industries (GB/T 4754-2017), registration statuses, capital or establishment dates; most relevant first, then by name. Public registration information: anyone may search. \`first\` defaults to ${DEFAULT_PAGE_SIZE} and may be at most ${MAX_PAGE_SIZE}.`,
  })
  searchSubjects(@Args(() => SearchSubjectsArgs) args: SearchSubjectsArgs): SubjectSearchSource {
    return createSubjectSearchSource(args);
  }
}

@Resolver(() => SubjectSearchConnection)
export class SubjectSearchConnectionResolver {
  private readonly pages = new WeakMap<SubjectSearchSource, Promise<SubjectSearchPage>>();

  constructor(private readonly deps: CreditDeps) {}

  @FieldResolver(() => Int, { description: 'Number of organisations found with the filter, on all pages.' })
  totalCount(@Root() source: SubjectSearchSource): Promise<number> {
    return this.deps.store.countSubjectSearch(source.request.query, source.request.filter);
  }

  @FieldResolver(() => [SubjectSearchEdge], { description: 'The hits of this page.' })
  async edges(@Root() source: SubjectSearchSource) {
    return (await this.page(source)).hits.map((hit) => ({
      cursor: encodeSearchCursor({ rank: hit.rank, name: hit.row.name, uscc: hit.row.uscc }), node: hit.row, matchedOn: hit.match,
    }));
  }

  @FieldResolver(() => PageInfo, { description: 'Where this page stands.' })
  async pageInfo(@Root() source: SubjectSearchSource): Promise<PageInfo> {
    const page = await this.page(source);
    const cursor = (i: number) => {
      const hit = page.hits.at(i);
      return hit ? encodeSearchCursor({ rank: hit.rank, name: hit.row.name, uscc: hit.row.uscc }) : null;
    };
    return {
      hasNextPage: page.hasNextPage, hasPreviousPage: source.request.after !== undefined, startCursor: cursor(0), endCursor: cursor(-1),
    };
  }

  private page(source: SubjectSearchSource): Promise<SubjectSearchPage> {
    let page = this.pages.get(source);
    if (!page) {
      page = this.deps.store.searchSubjects(source.request);
      this.pages.set(source, page);
    }
    return page;
  }
}
