import { DateTimeResolver } from 'graphql-scalars';
import { forbidden, UsccScalar, ROLE } from '../../codes/index.js';
import { actorOf, assertActorRole, badUserInput, type CreditActor, DateScalar, reportAccess } from '../../credit/index.js';
import type { CalendarSource } from '../../calendar/index.js';
import type { ObjectionOutcome, RecordCorrections } from './applyOutcome.js';
import type { ObjectionStore } from './ObjectionStore.js';
import { assertId } from './lockRecord.js';
import type { RepairStore } from './repair/RepairStore.js';
import type { Objection, ObjectionGround, RepairApplication } from './types.js';
import { toWorkingCalendarYear } from './toWorkingCalendarYear.js';

/** What the resolvers need: the two stores, the calendar and today's date (who filed comes from the request's actor). */
export interface ObjectionResolverDeps {
  objections: ObjectionStore;
  repairs: RepairStore;
  calendars: CalendarSource;
  today: () => string;
}

const OFFICERS = [ROLE.CREDIT_OFFICE_ADMIN];
const READERS = [ROLE.CREDIT_OFFICE_ADMIN, ROLE.AUDITOR];
const DECIMAL = /^\d{1,12}(\.\d{1,6})?$/;

function required(argumentName: string, value: string | null | undefined): string {
  const text = value?.trim() ?? '';
  if (text === '') throw badUserInput(argumentName, 'must not be empty');
  return text;
}

/** FORBIDDEN unless the actor is the subject (or its agent) with the purpose the procedure needs. */
function assertActsFor(actor: CreditActor, uscc: string, purpose: string, action: string): string {
  assertActorRole(actor, [ROLE.ENTERPRISE_SELF], action);
  if (!actor.subjects.includes(uscc)) {
    throw forbidden(`${action}: consumer ${actor.consumerId} does not act for ${uscc} (it acts for ${actor.subjects.join(', ') || 'no subject'})`);
  }
  if (actor.purpose !== purpose) {
    throw forbidden(`${action} needs the purpose ${purpose} (X-Purpose); the request declares ${actor.purpose ?? 'none'}`, { requiredPurpose: purpose });
  }
  return actor.consumerId ?? '';
}

function checkCorrections(corrections: RecordCorrections | null | undefined): RecordCorrections | null {
  if (!corrections) return null;
  for (const field of ['fineAmount', 'confiscatedAmount'] as const) {
    const value = corrections[field];
    if (value !== undefined && value !== null && !DECIMAL.test(value)) {
      throw badUserInput(`corrections.${field}`, `must be an amount in 10,000 yuan written like "12.5" (at most 6 decimals), got ${JSON.stringify(value)}`);
    }
  }
  if ('title' in corrections) required('corrections.title', corrections.title);
  return corrections;
}

// The subjects of what a resolver returns: an objection or repair application, a list of them, or an
// answer holding one (`{ objection }`, `{ application }`, an overdue entry).
function subjectsIn(value: unknown, depth = 0): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => subjectsIn(item, depth));
  if (value === null || typeof value !== 'object' || depth > 1) return [];
  const object = value as Record<string, unknown>;
  if (typeof object.subjectUscc === 'string') return [object.subjectUscc];
  return Object.values(object).flatMap((inner) => subjectsIn(inner, depth + 1));
}

type RootResolver = (parent: unknown, args: never, context: unknown) => unknown;

// Every root field reports the subjects of the objections and applications it read or changed to the
// audit trail (an id alone says nothing about whom the read was about).
function reportingSubjects<T extends Record<string, RootResolver>>(resolvers: T): T {
  return Object.fromEntries(Object.entries(resolvers).map(([name, resolve]) => [name, async (parent: unknown, args: never, context: unknown) => {
    const value = await resolve(parent, args, context);
    reportAccess(context, { subjectUsccs: subjectsIn(value) });
    return value;
  }])) as T;
}

/** Resolvers of schema/objections.graphql. */
export function createObjectionResolvers(deps: ObjectionResolverDeps) {
  const resolvers = createPlainResolvers(deps);
  return { ...resolvers, Query: reportingSubjects(resolvers.Query), Mutation: reportingSubjects(resolvers.Mutation) };
}

function createPlainResolvers({ objections, repairs, calendars, today }: ObjectionResolverDeps) {
  const officerStep = (context: unknown, action: string) => {
    const actor = actorOf(context);
    assertActorRole(actor, OFFICERS, action);
    return { officer: actor.consumerId ?? '', today: today() };
  };
  const reader = (context: unknown, action: string) => assertActorRole(actorOf(context), READERS, action);
  // The subject itself (any purpose the hub let through for this field) or a reader of the credit office.
  const subjectOrReader = (context: unknown, uscc: string, action: string) => {
    const actor = actorOf(context);
    if (actor.roles.includes(ROLE.ENTERPRISE_SELF) && actor.subjects.includes(uscc)) return;
    assertActorRole(actor, READERS, action);
  };
  const id = (argumentName: string, value: string): string => {
    assertId(argumentName, value);
    return value;
  };

  return {
    USCC: UsccScalar,
    Date: DateScalar,
    DateTime: DateTimeResolver,
    Query: {
      objection: (_: unknown, args: { id: string }, context: unknown) => {
        reader(context, 'Reading objections');
        return objections.get(id('id', args.id));
      },
      objectionsOfRecord: (_: unknown, args: { recordId: string }, context: unknown) => {
        reader(context, 'Reading objections');
        return objections.ofRecord(id('recordId', args.recordId));
      },
      overdueObjections: async (_: unknown, _args: unknown, context: unknown) => {
        reader(context, 'Listing overdue objections');
        const day = today();
        const calendar = await calendars.current();
        return (await objections.open())
          .map((objection) => {
            const stage = objection.state === 'ACCEPTED' ? 'CHECK' : 'DECISION';
            const due = stage === 'CHECK' ? objection.checkDue : objection.decisionDue ?? objection.checkDue;
            const dueProvisional = stage === 'CHECK' ? objection.checkDueProvisional : objection.decisionDueProvisional;
            const overdue = calendar.countWorkingDays(due, day);
            return { objection, stage, due, workingDaysOverdue: overdue.days, provisional: dueProvisional || overdue.provisional };
          })
          .filter((o) => o.workingDaysOverdue >= 1)
          .sort((a, b) => b.workingDaysOverdue - a.workingDaysOverdue || Number(a.objection.id) - Number(b.objection.id));
      },
      objectionsOfSubject: (_: unknown, args: { uscc: string }, context: unknown) => {
        subjectOrReader(context, args.uscc, 'Reading objections');
        return objections.ofSubject(args.uscc);
      },
      repairApplicationsOfSubject: (_: unknown, args: { uscc: string }, context: unknown) => {
        subjectOrReader(context, args.uscc, 'Reading repair applications');
        return repairs.ofSubject(args.uscc);
      },
      repairApplication: (_: unknown, args: { id: string }, context: unknown) => {
        reader(context, 'Reading repair applications');
        return repairs.get(id('id', args.id));
      },
      repairApplicationsOfRecord: (_: unknown, args: { recordId: string }, context: unknown) => {
        reader(context, 'Reading repair applications');
        return repairs.ofRecord(id('recordId', args.recordId));
      },
      workingCalendar: async (_: unknown, args: { year: number }) => {
        if (args.year < 1 || args.year > 9999) throw badUserInput('year', `must be a year between 1 and 9999, got ${args.year}`);
        return toWorkingCalendarYear((await calendars.current()).yearOf(args.year));
      },
    },
    Objection: {
      checkDeadline: (objection: Objection) => ({ due: objection.checkDue, provisional: objection.checkDueProvisional }),
      decisionDeadline: (objection: Objection) => (objection.decisionDue === null ? null : { due: objection.decisionDue, provisional: objection.decisionDueProvisional }),
    },
    RepairApplication: {
      decisionDeadline: (application: RepairApplication) => ({ due: application.decisionDue, provisional: application.decisionDueProvisional }),
    },
    Mutation: {
      fileObjection: async (_: unknown, args: { uscc: string; input: { recordId: string; ground: ObjectionGround; statement: string; evidence?: string[] | null } }, context: unknown) => {
        const actor = actorOf(context);
        const filedBy = assertActsFor(actor, args.uscc, 'OBJECTION', 'Filing an objection');
        // The subject itself is an enterprise consumer; any other kind acting for the subject is its authorised agent.
        return objections.file({
          recordId: id('input.recordId', args.input.recordId),
          uscc: args.uscc,
          ground: args.input.ground,
          statement: required('input.statement', args.input.statement),
          evidence: (args.input.evidence ?? []).map((e) => e.trim()).filter((e) => e !== ''),
          filedBy,
          filedAs: actor.consumerKind === 'ENTERPRISE' ? 'SELF' : 'AGENT',
          today: today(),
        });
      },
      checkObjection: (_: unknown, args: { id: string; note?: string | null }, context: unknown) => {
        const step = officerStep(context, 'Checking an objection');
        return objections.check(id('id', args.id), args.note?.trim() || null, step);
      },
      extendObjection: (_: unknown, args: { id: string; reason: string }, context: unknown) => {
        const step = officerStep(context, 'Extending an objection');
        return objections.extend(id('id', args.id), required('reason', args.reason), step);
      },
      decideObjection: (_: unknown, args: { id: string; outcome: ObjectionOutcome; reason: string; corrections?: RecordCorrections | null }, context: unknown) => {
        const step = officerStep(context, 'Deciding an objection');
        return objections.decide(id('id', args.id), args.outcome, required('reason', args.reason), checkCorrections(args.corrections), step);
      },
      applyForRepair: async (_: unknown, args: { uscc: string; input: { recordId: string; obligationsPerformed: boolean; commitmentGiven: boolean; statement: string } }, context: unknown) => {
        const appliedBy = assertActsFor(actorOf(context), args.uscc, 'CREDIT_REPAIR', 'Applying for credit repair');
        const { eligibility, application } = await repairs.apply({
          recordId: id('input.recordId', args.input.recordId),
          uscc: args.uscc,
          obligationsPerformed: args.input.obligationsPerformed,
          commitmentGiven: args.input.commitmentGiven,
          statement: required('input.statement', args.input.statement),
          appliedBy,
          today: today(),
        });
        return { ...eligibility, application };
      },
      extendRepair: (_: unknown, args: { id: string; reason: string }, context: unknown) => {
        const step = officerStep(context, 'Extending a repair application');
        return repairs.extend(id('id', args.id), required('reason', args.reason), step);
      },
      decideRepair: (_: unknown, args: { id: string; approve: boolean; reason: string }, context: unknown) => {
        const step = officerStep(context, 'Deciding a repair application');
        return repairs.decide(id('id', args.id), args.approve, required('reason', args.reason), step);
      },
    },
  };
}
