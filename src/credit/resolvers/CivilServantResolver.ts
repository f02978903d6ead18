import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { CreditDeps } from '../CreditDeps.js';
import type { CatalogItemRow, CivilServantRow, OrganisationRow } from '../CreditStore.js';
import { CatalogItem } from '../types/CatalogItem.js';
import { CivilServant } from '../types/CivilServant.js';
import { CreditRecordConnection, CreditRecordFilter } from '../types/CreditRecord.js';
import { CreditSubject } from '../types/CreditSubject.js';
import { createConnectionSource, MAX_PAGE_SIZE, type ConnectionSource } from './connectionSource.js';

@Resolver(() => CivilServant)
export class CivilServantResolver {
  constructor(private readonly deps: CreditDeps) {}

  @FieldResolver(() => CreditSubject, { nullable: true, description: 'The employing government body (所在单位).' })
  employer(@Root() servant: CivilServantRow, @Ctx() ctx: object): Promise<OrganisationRow | null> {
    return this.deps.loaders(ctx).organisation.load(servant.employerUscc);
  }

  @FieldResolver(() => CreditRecordConnection, {
    description: `Sanctions, accountability and commendations of this civil servant, newest first; \`first\` at most ${MAX_PAGE_SIZE}.`,
  })
  creditRecords(
    @Root() servant: CivilServantRow,
    @Arg('filter', () => CreditRecordFilter, { nullable: true, description: 'Which records: by kind, severity, status, governance field, district, decision date, source unit.' }) filter: CreditRecordFilter | null,
    @Arg('first', () => Int, { nullable: true, description: `Records per page, 0 to ${MAX_PAGE_SIZE} (default 20).` }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor after which the page starts.' }) after: string | null,
  ): ConnectionSource {
    return createConnectionSource({ type: 'civilServant', id: servant.id }, filter, first, after);
  }
}

@Resolver(() => CatalogItem)
export class CatalogItemResolver {
  constructor(private readonly deps: CreditDeps) {}

  @FieldResolver(() => CreditSubject, { nullable: true, description: 'Source unit (信源单位) that reports this item.' })
  sourceUnit(@Root() item: CatalogItemRow, @Ctx() ctx: object): Promise<OrganisationRow | null> {
    return this.deps.loaders(ctx).organisation.load(item.sourceUnitUscc);
  }
}
