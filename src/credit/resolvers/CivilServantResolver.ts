import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Directive, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { CreditDeps } from '../CreditDeps.js';
import { unmasksPersonalDataOf } from '../creditVisibility.js';
import type { CatalogItemRow, CivilServantRow, OrganisationRow } from '../CreditStore.js';
import { CatalogItem } from '../types/CatalogItem.js';
import { CivilServant } from '../types/CivilServant.js';
import { CreditRecordConnection, CreditRecordPageArgs } from '../types/CreditRecord.js';
import { CreditSubject } from '../types/CreditSubject.js';
import { personalDirective } from '../types/shareDirective.js';
import { createConnectionSource, MAX_PAGE_SIZE, type ConnectionSource } from './connectionSource.js';

@Resolver(() => CivilServant)
export class CivilServantResolver {
  constructor(private readonly deps: CreditDeps) {}

  @FieldResolver(() => CreditSubject, { nullable: true, description: 'The employing government body (所在单位).' })
  employer(@Root() servant: CivilServantRow, @Ctx() ctx: object): Promise<OrganisationRow | null> {
    return this.deps.loaders(ctx).organisation.load(servant.employerUscc);
  }

  // Personal data: the hub masks it again unless the consumer may unmask (defence in depth); null with an
  // error when the number cannot be decrypted.
  @Directive(personalDirective('ID_NUMBER'))
  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Citizen ID number (公民身份号码) — shown in full only to a consumer entitled to unmask the data of this person for its declared purpose (a personnel office: its own staff); masked otherwise (birth month and day hidden, e.g. 3423011964****3224).',
  })
  async idNumber(@Root() servant: CivilServantRow, @Ctx() ctx: object): Promise<string | null> {
    if (!unmasksPersonalDataOf(ctx, servant.employerUscc)) return servant.idNumberMasked;
    return this.deps.loaders(ctx).idNumber.load(servant.id);
  }

  @FieldResolver(() => CreditRecordConnection, {
    description: `Sanctions, accountability and commendations of this civil servant, newest first; \`first\` at most ${MAX_PAGE_SIZE}.`,
  })
  creditRecords(
    @Root() servant: CivilServantRow,
    @Args(() => CreditRecordPageArgs) args: CreditRecordPageArgs,
    @Info() info: GraphQLResolveInfo,
  ): ConnectionSource {
    return createConnectionSource({ type: 'civilServant', id: servant.id }, args, info);
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
