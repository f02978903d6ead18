import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { CreditDeps } from '../CreditDeps.js';
import { reportAccess } from '../reportAccess.js';
import type { CatalogItemRow, CivilServantRow, CreditRecordRow, OrganisationRow } from '../CreditStore.js';
import { CatalogItem } from '../types/CatalogItem.js';
import { CivilServant } from '../types/CivilServant.js';
import { CreditRecord, CreditRecordDetails, Publicity } from '../types/CreditRecord.js';
import { CreditSubject } from '../types/CreditSubject.js';
import { textDiscloserFor } from '../recordText.js';

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

@Resolver(() => CreditRecord)
export class CreditRecordResolver {
  constructor(private readonly deps: CreditDeps) {}

  // Free text may name the person a record is about: textDiscloserFor masks names and ID numbers unless
  // the request may unmask personal data.
  @FieldResolver(() => String, { description: 'Short title of the decision (事项名称); names of natural persons and ID numbers masked unless the caller may unmask personal data.' })
  async title(@Root() record: CreditRecordRow, @Ctx() ctx: object): Promise<string> {
    return (await textDiscloserFor(record, this.deps, ctx))(record.title) ?? '';
  }

  @FieldResolver(() => String, { nullable: true, description: 'Facts and content of the decision (主要事实 / 处罚内容); names of natural persons and ID numbers masked unless the caller may unmask personal data.' })
  async content(@Root() record: CreditRecordRow, @Ctx() ctx: object): Promise<string | null> {
    return (await textDiscloserFor(record, this.deps, ctx))(record.content);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Legal basis (依据).' })
  async legalBasis(@Root() record: CreditRecordRow, @Ctx() ctx: object): Promise<string | null> {
    return (await textDiscloserFor(record, this.deps, ctx))(record.legalBasis);
  }

  @FieldResolver(() => CreditSubject, { nullable: true, description: 'The organisation the record is about (信用主体); null for a civil servant\'s record.' })
  subject(@Root() record: CreditRecordRow, @Ctx() ctx: object): Promise<OrganisationRow | null> | null {
    return record.subjectUscc ? this.deps.loaders(ctx).organisation.load(record.subjectUscc) : null;
  }

  @FieldResolver(() => CivilServant, { nullable: true, description: 'The civil servant the record is about; null for an organisation\'s record.' })
  civilServant(@Root() record: CreditRecordRow, @Ctx() ctx: object): Promise<CivilServantRow | null> | null {
    if (!record.civilServantId) return null;
    reportAccess(ctx, { civilServantIds: [record.civilServantId] });
    return this.deps.loaders(ctx).civilServant.load(record.civilServantId);
  }

  @FieldResolver(() => CreditSubject, { nullable: true, description: 'The deciding authority (决定机关 / 作出决定的机关或法院).' })
  authority(@Root() record: CreditRecordRow, @Ctx() ctx: object): Promise<OrganisationRow | null> | OrganisationRow {
    return record.partiesRead?.authority ?? this.deps.loaders(ctx).organisation.load(record.authorityUscc);
  }

  @FieldResolver(() => CreditSubject, { nullable: true, description: 'The source unit that reported the record (数据来源单位 / 信源单位).' })
  sourceUnit(@Root() record: CreditRecordRow, @Ctx() ctx: object): Promise<OrganisationRow | null> | OrganisationRow {
    return record.partiesRead?.sourceUnit ?? this.deps.loaders(ctx).organisation.load(record.sourceUnitUscc);
  }

  @FieldResolver(() => CatalogItem, { nullable: true, description: 'The catalogue item (目录条目) under which the record was reported.' })
  catalogItem(@Root() record: CreditRecordRow, @Ctx() ctx: object): Promise<CatalogItemRow | null> {
    return this.deps.loaders(ctx).catalogItem.load(record.catalogItemCode);
  }

  @FieldResolver(() => Publicity, { nullable: true, description: 'Publicity window (公示期); null for kinds not disclosed as negative records.' })
  publicity(@Root() record: CreditRecordRow): Publicity | null {
    if (!record.publicityStart || !record.ruleVersion) return null;
    return {
      start: record.publicityStart,
      minimumEnd: record.publicityMinEnd,
      end: record.publicityEnd,
      ruleVersion: record.ruleVersion,
    };
  }

  @FieldResolver(() => Boolean, {
    description: 'An objection (异议) against the record is being handled: the record is shown with this mark until it is decided (Shenzhen credit regulation art. 48-51).',
  })
  underObjection(@Root() record: CreditRecordRow): boolean {
    return record.status === 'UNDER_OBJECTION';
  }

  @FieldResolver(() => CreditRecordDetails, { description: 'Kind-specific particulars (明细).' })
  async details(@Root() record: CreditRecordRow, @Ctx() ctx: object): Promise<CreditRecordDetails> {
    const d = record.details;
    const disclose = await textDiscloserFor(record, this.deps, ctx);
    return {
      penaltyCategories: Array.isArray(d.penaltyCategories) ? d.penaltyCategories.map(String) : null,
      caseNumber: text(d.caseNumber),
      obligation: disclose(text(d.obligation)),
      performance: text(d.performance),
      dishonestConduct: text(d.dishonestConduct),
      sanction: text(d.sanction),
      licenceCategory: text(d.licenceCategory),
      certificateNumber: text(d.certificateNumber),
      validFrom: text(d.validFrom),
      validTo: text(d.validTo),
      withdrawalReason: disclose(text(d.withdrawalReason)),
      sectors: Array.isArray(d.sectors) ? d.sectors.map(String) : null,
      measure: text(d.measure),
      extensionMonths: typeof d.extensionMonths === 'number' ? d.extensionMonths : null,
      listingTermEnd: text(d.listingTermEnd) ?? text(d.banEnds),
      removedOn: text(d.deletedOn) ?? text(d.removedOn),
    };
  }
}
