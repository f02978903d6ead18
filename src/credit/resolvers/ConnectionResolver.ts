import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { CreditDeps } from '../CreditDeps.js';
import type { PageRequest, RecordPage } from '../CreditStore.js';
import { visibleTo } from '../visibleTo.js';
import { encodeCursor } from '../cursor.js';
import { CreditRecordConnection, CreditRecordEdge, PageInfo } from '../types/CreditRecord.js';
import type { ConnectionSource } from './connectionSource.js';

@Resolver(() => CreditRecordConnection)
export class ConnectionResolver {
  // One page per connection object even when both `edges` and `pageInfo` are selected.
  private readonly pages = new WeakMap<ConnectionSource, Promise<RecordPage>>();

  constructor(private readonly deps: CreditDeps) {}

  @FieldResolver(() => Int, { description: 'Number of records matching the filter, on all pages.' })
  async totalCount(@Root() source: ConnectionSource, @Ctx() ctx: object): Promise<number> {
    const filter = visibleTo(ctx, source.page.filter);
    if (!source.owner) return this.deps.store.countRecords(filter);
    // A first page read for the same connection counts its owner's records in the same statement.
    const counted = source.countWithPage && source.page.after === undefined ? (await this.page(source, ctx)).totalCount : undefined;
    return counted ?? this.deps.loaders(ctx).recordCount.load({ owner: source.owner, filter });
  }

  @FieldResolver(() => [CreditRecordEdge], { description: 'The records of this page.' })
  async edges(@Root() source: ConnectionSource, @Ctx() ctx: object): Promise<CreditRecordEdge[]> {
    const page = await this.page(source, ctx);
    return page.rows.map((row) => ({ cursor: encodeCursor(row), node: row }));
  }

  @FieldResolver(() => PageInfo, { description: 'Where this page stands.' })
  async pageInfo(@Root() source: ConnectionSource, @Ctx() ctx: object): Promise<PageInfo> {
    const page = await this.page(source, ctx);
    const first = page.rows[0];
    const last = page.rows.at(-1);
    return {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: source.page.after !== undefined,
      startCursor: first ? encodeCursor(first) : null,
      endCursor: last ? encodeCursor(last) : null,
    };
  }

  private page(source: ConnectionSource, ctx: object): Promise<RecordPage> {
    let page = this.pages.get(source);
    if (!page) {
      const request: PageRequest = { ...source.page, filter: visibleTo(ctx, source.page.filter) };
      page = source.owner
        ? this.deps.loaders(ctx).recordPage.load({ owner: source.owner, page: request, ...(source.parties ? { parties: source.parties } : {}), ...(source.reads ? { reads: source.reads } : {}), ...(source.partyReads ? { partyReads: source.partyReads } : {}) })
        : this.deps.store.recordPage(request);
      this.pages.set(source, page);
    }
    return page;
  }
}
