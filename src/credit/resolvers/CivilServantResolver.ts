import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { CreditDeps } from '../CreditDeps.js';
import type { CatalogItemRow, CivilServantRow, OrganisationRow } from '../CreditStore.js';
import { CatalogItem } from '../types/CatalogItem.js';
import { CivilServant } from '../types/CivilServant.js';
import { CreditRecordConnection, CreditRecordPageArgs } from '../types/CreditRecord.js';
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
    @Args(() => CreditRecordPageArgs) args: CreditRecordPageArgs,
  ): ConnectionSource {
    return createConnectionSource({ type: 'civilServant', id: servant.id }, args);
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
