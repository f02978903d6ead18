import type { CalendarSource, WorkingCalendar } from '../../calendar/index.js';
import { badUserInput, forbidden, ROLE, UsccScalar } from '../../codes/index.js';
import { actorOf, addMonths, assertActorRole, DateScalar, hasActorRole } from '../../credit/index.js';
import { measureRulesOn } from './measureRules.js';
import type { MeasureRow, MeasureStore } from './MeasureStore.js';

const OFFICE = [ROLE.CREDIT_OFFICE_ADMIN];
const READERS = [ROLE.CREDIT_OFFICE_ADMIN, ROLE.AUDITOR];
const ID = /^[1-9][0-9]{0,18}$/;

/** What the measure resolvers need. */
export interface MeasureResolverDeps {
  store: MeasureStore;
  calendar: CalendarSource;
  /** Today, YYYY-MM-DD in Asia/Shanghai. */
  today: () => string;
}

interface ImposeMeasureInput {
  subjectUscc?: string | null;
  civilServantId?: string | null;
  kind: string;
  reason: string;
  legalBasis?: string | null;
  imposedOn?: string | null;
  complaintId?: string | null;
}

/** Trimmed text of `min` to `max` characters, or BAD_USER_INPUT naming the field. */
function textOf(field: string, value: string, min: number, max: number): string {
  const text = value.trim();
  if (text.length < min || text.length > max) throw badUserInput(`${field} must be ${min} to ${max} characters, got ${text.length}`, { field });
  return text;
}

function assertId(field: string, value: string): void {
  if (!ID.test(value)) throw badUserInput(`${field} must be a measure id (Measure.id, digits), got ${JSON.stringify(value)}`, { field });
}

/** A measure as the graph shows it, overdue judged on `today` in working days. */
function toMeasure(row: MeasureRow, today: string, calendar: WorkingCalendar) {
  const overdue = row.status === 'OPEN' && row.dueOn !== null && row.dueOn < today;
  const kindName = measureRulesOn(row.imposedOn)?.kinds.find((k) => k.kind === row.kind)?.nameZh ?? row.kind;
  return { ...row, kindName, overdue, workingDaysOverdue: overdue ? calendar.workingDaysBetween(row.dueOn!, today) : 0 };
}

/** The resolvers of schema/measures.graphql over a store, the working calendar and a clock. */
export function createMeasureResolvers(deps: MeasureResolverDeps) {
  const { store } = deps;
  const show = async (rows: MeasureRow[]) => {
    const calendar = await deps.calendar.current();
    const today = deps.today();
    return rows.map((row) => toMeasure(row, today, calendar));
  };
  return {
    USCC: UsccScalar,
    Date: DateScalar,
    Query: {
      async measures(_: unknown, args: { subjectUscc?: string | null; civilServantId?: string | null; status?: string | null }, context: unknown) {
        assertActorRole(actorOf(context), READERS, 'Reading measures');
        return show(await store.measures(args));
      },
      async overdueMeasures(_: unknown, { districtCode }: { districtCode?: string | null }, context: unknown) {
        assertActorRole(actorOf(context), READERS, 'Reading overdue measures');
        if (districtCode != null && !/^[0-9A-Z]{6}$/.test(districtCode)) {
          throw badUserInput(`districtCode must be an area's code from the districts query (e.g. 440305, 4403DP), got ${JSON.stringify(districtCode)}`, { field: 'districtCode' });
        }
        const rows = await show(await store.overdue(deps.today(), districtCode ?? null));
        return rows.sort((a, b) => b.workingDaysOverdue - a.workingDaysOverdue || a.id.localeCompare(b.id));
      },
    },
    Mutation: {
      async imposeMeasure(_: unknown, { input }: { input: ImposeMeasureInput }, context: unknown) {
        const actor = actorOf(context);
        assertActorRole(actor, OFFICE, 'Imposing a measure');
        const today = deps.today();
        const imposedOn = input.imposedOn ?? today;
        if (imposedOn > today) throw badUserInput(`input.imposedOn ${imposedOn} is in the future; a measure is recorded when it is imposed`, { field: 'input.imposedOn' });
        if ((input.subjectUscc == null) === (input.civilServantId == null)) {
          throw badUserInput('input needs exactly one of subjectUscc (a body or public institution) and civilServantId', { field: 'input.subjectUscc', fields: ['input.subjectUscc', 'input.civilServantId'] });
        }
        const field = input.subjectUscc != null ? 'input.subjectUscc' : 'input.civilServantId';
        const subject = await store.subject({ uscc: input.subjectUscc, civilServantId: input.civilServantId });
        if (!subject) throw badUserInput(`${field}: the hub knows no ${input.subjectUscc != null ? `organisation ${input.subjectUscc}` : `civil servant ${input.civilServantId}`}`, { field });
        if (subject.kind !== 'CIVIL_SERVANT' && subject.kind !== 'GOVERNMENT_BODY' && subject.kind !== 'PUBLIC_INSTITUTION') {
          throw badUserInput(`${field}: ${input.subjectUscc} is ${subject.kind}; measures are imposed on government bodies (11…), public institutions (12…) and civil servants`, { field });
        }
        const version = measureRulesOn(imposedOn);
        const rule = version?.kinds.find((k) => k.kind === input.kind);
        if (!version || !rule) throw badUserInput(`input.kind ${input.kind} is not a measure in force on ${imposedOn} (rules/measure-kinds.json)`, { field: 'input.kind' });
        const subjectType = subject.kind === 'CIVIL_SERVANT' ? 'CIVIL_SERVANT' : 'ORGANISATION';
        if (!rule.subjects.includes(subjectType)) {
          throw badUserInput(`input.kind ${input.kind} (${rule.nameZh}) applies to ${rule.subjects.join(' and ').toLowerCase().replace('_', ' ')}s only`, { field: 'input.kind' });
        }
        let complaintId: string | null = null;
        if (input.complaintId != null) {
          const complaint = ID.test(input.complaintId) ? await store.complaint(input.complaintId) : null;
          if (!complaint) throw badUserInput(`input.complaintId: no complaint ${input.complaintId}`, { field: 'input.complaintId' });
          if (complaint.status !== 'SUBSTANTIATED') throw badUserInput(`input.complaintId: complaint ${input.complaintId} is ${complaint.status}; only a SUBSTANTIATED complaint leads to a measure`, { field: 'input.complaintId' });
          if (complaint.bodyUscc !== subject.organisationUscc) {
            throw badUserInput(`input.complaintId: complaint ${input.complaintId} is about ${complaint.bodyUscc}, not ${subject.organisationUscc}`, { field: 'input.complaintId' });
          }
          complaintId = input.complaintId;
        }
        const deadline = rule.deadlineWorkingDays === null ? null : (await deps.calendar.current()).deadline(imposedOn, rule.deadlineWorkingDays);
        const row = await store.insert({
          subjectUscc: input.subjectUscc ?? null, civilServantId: input.civilServantId ?? null, kind: rule.kind, ruleVersion: version.version,
          legalBasis: input.legalBasis == null ? rule.legalBasis : textOf('input.legalBasis', input.legalBasis, 2, 500),
          reason: textOf('input.reason', input.reason, 2, 2000), imposedOn, deadlineWorkingDays: rule.deadlineWorkingDays,
          dueOn: deadline?.due ?? null, dueOnProvisional: deadline?.provisional ?? false,
          effectEndsOn: rule.effectMonths === null ? null : addMonths(imposedOn, rule.effectMonths), complaintId, imposedBy: actor.consumerId ?? 'unknown',
        });
        return (await show([row]))[0];
      },
      async reportRectification(_: unknown, args: { id: string; rectification: string; version: number }, context: unknown) {
        const actor = actorOf(context);
        assertId('id', args.id);
        const rectification = textOf('rectification', args.rectification, 2, 5000);
        const office = hasActorRole(actor, OFFICE);
        const row = await store.change(args.id, args.version, (current) => {
          // The measured body reports for itself; the credit office for anyone.
          if (!office) {
            const own = current.subjectUscc !== null && actor.subjects.includes(current.subjectUscc);
            if (!own) throw forbidden(`Reporting the rectification of measure ${args.id} needs the role CREDIT_OFFICE_ADMIN or a consumer acting as the measured organisation`, { requiredRoles: OFFICE });
          }
          if (current.status !== 'OPEN') throw badUserInput(`measure ${args.id} is ${current.status}; only an OPEN measure takes a rectification report`, { field: 'id' });
          if (current.deadlineWorkingDays === null) throw badUserInput(`measure ${args.id} (${current.kind}) has nothing to rectify; the credit office closes it as COMPLETED`, { field: 'id' });
          return { status: 'RECTIFICATION_REPORTED', rectification, rectificationReportedOn: deps.today() };
        });
        return (await show([row]))[0];
      },
      async closeMeasure(_: unknown, args: { id: string; outcome: string; note: string; version: number }, context: unknown) {
        assertActorRole(actorOf(context), OFFICE, 'Closing a measure');
        assertId('id', args.id);
        const note = textOf('note', args.note, 2, 2000);
        const row = await store.change(args.id, args.version, (current) => {
          if (current.status === 'CLOSED') throw badUserInput(`measure ${args.id} is already CLOSED (${current.outcome ?? ''}); it is final`, { field: 'id' });
          if (args.outcome === 'RECTIFIED' && current.status !== 'RECTIFICATION_REPORTED') {
            throw badUserInput(`measure ${args.id} is ${current.status}: RECTIFIED needs a rectification report first (reportRectification)`, { field: 'outcome' });
          }
          if (args.outcome === 'COMPLETED' && current.deadlineWorkingDays !== null) {
            throw badUserInput(`measure ${args.id} (${current.kind}) is to be rectified: close it as RECTIFIED or NOT_RECTIFIED`, { field: 'outcome' });
          }
          return { status: 'CLOSED', outcome: args.outcome, closingNote: note, closedOn: deps.today() };
        });
        return (await show([row]))[0];
      },
    },
  };
}
