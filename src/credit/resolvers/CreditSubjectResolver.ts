import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { CreditDeps } from '../CreditDeps.js';
import type { DistrictRow, OrganisationRow } from '../CreditStore.js';
import { CreditRecordConnection, CreditRecordPageArgs } from '../types/CreditRecord.js';
import { CreditSubject, GovernmentBody } from '../types/CreditSubject.js';
import { District } from '../types/District.js';
import { Industry } from '../types/Registration.js';
import { industryDivision } from '../../codes/index.js';
import { createConnectionSource, MAX_PAGE_SIZE, type ConnectionSource } from './connectionSource.js';

@Resolver(() => CreditSubject)
export class CreditSubjectResolver {
  constructor(private readonly deps: CreditDeps) {}

  @FieldResolver(() => District, { nullable: true, description: 'District of registration (所属行政区).' })
  district(@Root() subject: OrganisationRow, @Ctx() ctx: object): Promise<DistrictRow | null> {
    return this.deps.loaders(ctx).district.load(subject.districtCode);
  }

  @FieldResolver(() => Industry, {
    nullable: true,
    description: 'Industry (所属行业) by GB/T 4754-2017 (国民经济行业分类), division and section, as the registration authority recorded it.',
  })
  industry(@Root() subject: OrganisationRow): Industry | null {
    const division = subject.industryCode === null ? undefined : industryDivision(subject.industryCode);
    return division ? { section: division.section, sectionName: division.sectionNameZh, division: division.code, name: division.nameZh } : null;
  }

  @FieldResolver(() => GovernmentBody, {
    nullable: true,
    description: 'Registration authority (登记机关): for businesses the district branch of the Shenzhen Administration for Market Regulation (深圳市市场监督管理局…监管局), for social organisations the civil-affairs bureau; null for government bodies and public institutions (registered by the public-sector registration office, 事业单位登记管理局, not a body of this graph).',
  })
  registrationAuthority(@Root() subject: OrganisationRow, @Ctx() ctx: object): Promise<OrganisationRow | null> | null {
    return subject.registrationAuthorityUscc ? this.deps.loaders(ctx).organisation.load(subject.registrationAuthorityUscc) : null;
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
