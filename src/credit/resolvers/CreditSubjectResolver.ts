import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { CreditDeps } from '../CreditDeps.js';
import type { DistrictRow, OrganisationRow } from '../CreditStore.js';
import { CreditRecordConnection, CreditRecordPageArgs } from '../types/CreditRecord.js';
import { CreditSubject, GovernmentBody } from '../types/CreditSubject.js';
import { District } from '../types/District.js';
import { createConnectionSource, MAX_PAGE_SIZE, type ConnectionSource } from './connectionSource.js';

@Resolver(() => CreditSubject)
export class CreditSubjectResolver {
  constructor(private readonly deps: CreditDeps) {}

  @FieldResolver(() => District, { nullable: true, description: 'District of registration (所属行政区).' })
  district(@Root() subject: OrganisationRow, @Ctx() ctx: object): Promise<DistrictRow | null> {
    return this.deps.loaders(ctx).district.load(subject.districtCode);
  }

  @FieldResolver(() => CreditRecordConnection, {
    description: `Credit records about this subject (信用记录), newest decision first; \`first\` at most ${MAX_PAGE_SIZE}.`,
  })
  creditRecords(
    @Root() subject: OrganisationRow,
    @Args(() => CreditRecordPageArgs) args: CreditRecordPageArgs,
    @Info() info: GraphQLResolveInfo,
  ): ConnectionSource {
    return createConnectionSource({ type: 'subject', uscc: subject.uscc }, args, info);
  }
}

@Resolver(() => GovernmentBody)
export class GovernmentBodyResolver {
  constructor(private readonly deps: CreditDeps) {}

  @FieldResolver(() => CreditSubject, { nullable: true, description: 'Superior body (上级单位), for departments and branches.' })
  parent(@Root() body: OrganisationRow, @Ctx() ctx: object): Promise<OrganisationRow | null> | null {
    return body.parentUscc ? this.deps.loaders(ctx).organisation.load(body.parentUscc) : null;
  }

  @FieldResolver(() => [CreditSubject], { description: 'Departments and branches under this body (下属单位).' })
  departments(@Root() body: OrganisationRow, @Ctx() ctx: object): Promise<OrganisationRow[]> {
    return this.deps.loaders(ctx).departments.load(body.uscc);
  }
}
