import { Arg, Args, ArgsType, Ctx, Directive, Field, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { CreditDeps } from '../CreditDeps.js';
import type { FieldProgressCount } from '../CreditStore.js';
import { creditVisibilityOf } from '../creditVisibility.js';
import { GOVERNANCE_FIELDS, GovernanceField, RECORD_KINDS } from '../enums.js';
import { badUserInput } from '../errors.js';
import { GOVERNANCE_FIELD_LEADS, GOVERNANCE_FIELD_LEADS_SOURCE } from '../governanceFieldLeads.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../pageSize.js';
import { monthsFrom, parseMonth } from '../period.js';
import { CreditRecordConnection } from '../types/CreditRecord.js';
import { FIELD_PROGRESS, GovernanceFieldProgress } from '../types/GovernanceFieldProgress.js';
import { shareDirective } from '../types/shareDirective.js';
import { visibleTo } from '../visibleTo.js';
import { createConnectionSource, type ConnectionSource } from './connectionSource.js';

/** The most months one progress call covers. */
export const MAX_PROGRESS_MONTHS = 120;
/** Kinds counted as dishonesty (失信) records: the negative kinds of rules/record-kinds.json. */
const NEGATIVE_KINDS = RECORD_KINDS.filter((k) => k.nature === 'NEGATIVE').map((k) => k.kind);

@ArgsType()
class ListPageArgs {
  @Field(() => Int, { nullable: true, description: `Records per page, 0 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts (pageInfo.endCursor of the previous page).' })
  after?: string | null;
}

/** Per field and month: new (decided in it), closed (left publicity in it), open at its end. */
function monthlyFigures(counts: readonly FieldProgressCount[], field: string, months: readonly string[]) {
  const own = counts.filter((c) => c.governanceField === field);
  const sum = (keep: (c: FieldProgressCount) => boolean) => own.filter(keep).reduce((n, c) => n + c.count, 0);
  return months.map((month) => ({
    month,
    newRecords: sum((c) => c.decidedIn === month),
    closedRecords: sum((c) => c.closedIn === month),
    openAtEnd: sum((c) => c.decidedIn <= month && (c.closedIn === null || c.closedIn > month)),
  }));
}

@Resolver(() => GovernanceFieldProgress)
export class GovernanceFieldProgressResolver {
  constructor(private readonly deps: CreditDeps) {}

  @Directive(shareDirective(FIELD_PROGRESS))
  @Query(() => [GovernanceFieldProgress], {
    description: `Progress of the special governance of dishonesty in the 19 fields (专项治理进展, guiding opinion 三.5), month by month from \`from\` to \`to\` (YYYY-MM, at most ${MAX_PROGRESS_MONTHS} months): each field's lead unit, its negative records (失信记录: penalties, judgments, defaulter and dishonesty listings, sanctions) new, closed and open, and its published list. The monthly counts cover every record of the catalogue classes the caller may read (PUBLIC items for the public), closed ones included, since closing them is the progress measured; they name nobody. The list \`dishonestSubjects\` holds only records disclosed to the caller, as \`creditRecords\` does.`,
  })
  async governanceFieldProgress(
    @Arg('from', () => String, { description: 'First month, YYYY-MM.' }) from: string,
    @Arg('to', () => String, { description: 'Last month, YYYY-MM.' }) to: string,
    @Arg('fields', () => [GovernanceField], { nullable: true, description: 'Only these fields; all 19 when left out.' }) fields: string[] | null,
    @Ctx() ctx: object,
  ): Promise<GovernanceFieldProgress[]> {
    parseMonth(from, 'from');
    const last = parseMonth(to, 'to');
    const months = monthsFrom(from, to);
    if (months.length === 0 || months.length > MAX_PROGRESS_MONTHS) {
      throw badUserInput('to', `must be a month from \`from\` (${from}) up to ${MAX_PROGRESS_MONTHS} months later, got ${to}`);
    }
    const chosen = GOVERNANCE_FIELDS.filter((f) => !fields || fields.includes(f.code));
    // Disclosure classes as for any read; the window and status conditions are left out on purpose (see the
    // field's description): a closed record is what the "closed" count counts.
    const { disclosedOn: _window, ...filter } = visibleTo(ctx, { kinds: NEGATIVE_KINDS, governanceFields: chosen.map((f) => f.code) });
    const counts = await this.deps.store.fieldProgressCounts(filter, last.to, creditVisibilityOf(ctx).today);
    return chosen.map((field) => {
      const lead = GOVERNANCE_FIELD_LEADS.get(field.code)!;
      return {
        field,
        leadUnit: { ...lead.leadUnit, nationalLead: lead.nationalLead, confirmed: GOVERNANCE_FIELD_LEADS_SOURCE.confirmed },
        months: monthlyFigures(counts, field.code, months),
      };
    });
  }

  @FieldResolver(() => CreditRecordConnection, {
    description: `The field's published list of dishonest subjects (失信名单): its negative records disclosed to the caller, newest decision first, each naming its subject (one entry per record). \`first\` defaults to ${DEFAULT_PAGE_SIZE} and may be at most ${MAX_PAGE_SIZE}.`,
  })
  dishonestSubjects(@Root() progress: GovernanceFieldProgress, @Args(() => ListPageArgs) { first, after }: ListPageArgs): ConnectionSource {
    return createConnectionSource(null, { filter: { kinds: NEGATIVE_KINDS, governanceFields: [progress.field.code] }, first, after });
  }
}
