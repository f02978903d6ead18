import { Arg, Args, Ctx, Directive, ID, Query, Resolver } from 'type-graphql';
import { UsccScalar } from '../../codes/index.js';
import type { CreditDeps } from '../CreditDeps.js';
import type { CatalogItemRow, CivilServantRow, DistrictRow, OrganisationRow } from '../CreditStore.js';
import { CreditRecordKind, GOVERNANCE_FIELDS } from '../enums.js';
import { badUserInput } from '../errors.js';
import { CatalogItem } from '../types/CatalogItem.js';
import { CivilServant } from '../types/CivilServant.js';
import { CreditRecordConnection, CreditRecordPageArgs } from '../types/CreditRecord.js';
import { CreditSubject, Enterprise, GovernmentBody, subjectTypeName } from '../types/CreditSubject.js';
import { District, GovernanceFieldInfo } from '../types/District.js';
import {
  CATALOGUE, CIVIL_SERVANT_ARCHIVE, CREDIT_RECORDS, DISTRICT_CODES, GOVERNANCE_FIELD_LIST, shareDirective, SUBJECT_REGISTRATION,
} from '../types/shareDirective.js';
import { createConnectionSource, MAX_PAGE_SIZE, type ConnectionSource } from './connectionSource.js';

/** Most USCCs one `subjects` call takes. */
export const MAX_SUBJECTS = 500;

@Resolver()
export class QueryResolver {
  constructor(private readonly deps: CreditDeps) {}

  // Root fields carry their own @share: type-graphql gives the Query type no directives.
  @Directive(shareDirective(SUBJECT_REGISTRATION))
  @Query(() => CreditSubject, {
    nullable: true,
    description: 'The credit subject with this USCC, or null when no subject has it. A malformed code is an error naming what is wrong.',
  })
  subject(@Arg('uscc', () => UsccScalar, { description: 'Unified Social Credit Code; case, spaces and full-width characters are normalised.' }) uscc: string, @Ctx() ctx: object): Promise<OrganisationRow | null> {
    return this.deps.loaders(ctx).organisation.load(uscc);
  }

  @Directive(shareDirective(SUBJECT_REGISTRATION))
  @Query(() => [CreditSubject], {
    nullable: 'items',
    description: `Several credit subjects at once: one entry per input code, in input order, null where unknown (at most ${MAX_SUBJECTS}).`,
  })
  subjects(
    @Arg('usccs', () => [UsccScalar], { description: `Unified Social Credit Codes, at most ${MAX_SUBJECTS}.` }) usccs: string[],
    @Ctx() ctx: object,
  ): Promise<(OrganisationRow | null)[]> {
    return this.loadSubjects(usccs, ctx, () => true);
  }

  @Directive(shareDirective(SUBJECT_REGISTRATION))
  @Query(() => [Enterprise], {
    nullable: 'items',
    description: `Enterprises (企业, USCC 91/92/93) by code: one entry per input, in order, null where the code is unknown or not an enterprise's. The batched entry point other platforms' data merges on.`,
  })
  enterprisesByUscc(
    @Arg('usccs', () => [UsccScalar], { description: `Unified Social Credit Codes, at most ${MAX_SUBJECTS}.` }) usccs: string[],
    @Ctx() ctx: object,
  ): Promise<(OrganisationRow | null)[]> {
    return this.loadSubjects(usccs, ctx, (row) => subjectTypeName(row) === 'Enterprise');
  }

  @Directive(shareDirective(SUBJECT_REGISTRATION))
  @Query(() => [GovernmentBody], {
    nullable: 'items',
    description: `Government bodies (机关, USCC 11) by code: one entry per input, in order, null where the code is unknown or not a government body's. The batched entry point other platforms' data merges on.`,
  })
  governmentBodiesByUscc(
    @Arg('usccs', () => [UsccScalar], { description: `Unified Social Credit Codes, at most ${MAX_SUBJECTS}.` }) usccs: string[],
    @Ctx() ctx: object,
  ): Promise<(OrganisationRow | null)[]> {
    return this.loadSubjects(usccs, ctx, (row) => subjectTypeName(row) === 'GovernmentBody');
  }

  @Directive(shareDirective(CREDIT_RECORDS))
  @Query(() => CreditRecordConnection, {
    description: `Credit records of all subjects, newest decision first. \`first\` defaults to 20 and may be at most ${MAX_PAGE_SIZE}.`,
  })
  creditRecords(
    @Args(() => CreditRecordPageArgs) args: CreditRecordPageArgs,
  ): ConnectionSource {
    return createConnectionSource(null, args);
  }

  @Directive(shareDirective(CIVIL_SERVANT_ARCHIVE))
  @Query(() => CivilServant, { nullable: true, description: 'A civil servant (公务员) by opaque id; null when unknown.' })
  civilServant(@Arg('id', () => ID, { description: 'Opaque civil-servant id, e.g. from a record.' }) id: string, @Ctx() ctx: object): Promise<CivilServantRow | null> {
    return this.deps.loaders(ctx).civilServant.load(id);
  }

  @Directive(shareDirective(CATALOGUE))
  @Query(() => [CatalogItem], { description: 'The public credit information catalogue (公共信用信息目录), optionally for one record kind.' })
  catalog(
    @Arg('recordKind', () => CreditRecordKind, { nullable: true, description: 'Only items producing this kind of record.' }) recordKind: string | null,
  ): Promise<CatalogItemRow[]> {
    return this.deps.store.listCatalogItems(recordKind ?? undefined);
  }

  @Directive(shareDirective(DISTRICT_CODES))
  @Query(() => [District], { description: 'Shenzhen itself, its nine districts (GB/T 2260 area codes, 行政区划代码) and its functional areas (功能区) with local codes that are not GB/T 2260 codes: Qianhai, Dapeng New Area, Shenzhen-Shanwei Special Cooperation Zone.' })
  districts(): Promise<DistrictRow[]> {
    return this.deps.store.listDistricts();
  }

  @Directive(shareDirective(GOVERNANCE_FIELD_LIST))
  @Query(() => [GovernanceFieldInfo], { description: 'The 19 fields of special governance of dishonesty (失信专项治理领域).' })
  governanceFields(): GovernanceFieldInfo[] {
    return GOVERNANCE_FIELDS;
  }

  /** One entry per code, in order; null where unknown or where `keep` rejects the subject. */
  private async loadSubjects(
    usccs: string[],
    ctx: object,
    keep: (row: OrganisationRow) => boolean,
  ): Promise<(OrganisationRow | null)[]> {
    if (usccs.length > MAX_SUBJECTS) throw badUserInput('usccs', `at most ${MAX_SUBJECTS} codes per call, got ${usccs.length}`);
    const rows = await this.deps.loaders(ctx).organisation.loadMany(usccs);
    return rows.map((row) => {
      if (row instanceof Error) throw row;
      return row && keep(row) ? row : null;
    });
  }
}
