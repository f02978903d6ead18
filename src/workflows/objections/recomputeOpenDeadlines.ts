import type { Knex } from 'knex';
import type { Deadline, WorkingCalendar } from '../../calendar/index.js';
import { deadlineRulesOn } from './deadlineRules.js';
import { OBJECTION_COLUMNS, REPAIR_COLUMNS, toObjection, toRepairApplication } from './rowMappers.js';

/** One stored deadline that a recomputation changed (its date, its provisional flag or both). */
export interface DeadlineChange {
  procedure: 'OBJECTION' | 'REPAIR_APPLICATION';
  procedureId: string;
  deadline: 'CHECK' | 'DECISION';
  oldDue: string;
  newDue: string;
  oldProvisional: boolean;
  newProvisional: boolean;
}

/** A deadline `n` working days after `date`, then `extension` more when the deadline was extended. */
function chain(calendar: WorkingCalendar, date: string, n: number, extension: number | null): Deadline {
  const first = calendar.deadline(date, n);
  if (extension === null) return first;
  const extended = calendar.deadline(first.due, extension);
  return { due: extended.due, provisional: first.provisional || extended.provisional };
}

function differs(
  procedure: DeadlineChange['procedure'], procedureId: string, deadline: DeadlineChange['deadline'],
  old: { due: string; provisional: boolean }, next: Deadline,
): DeadlineChange | null {
  if (old.due === next.due && old.provisional === next.provisional) return null;
  return { procedure, procedureId, deadline, oldDue: old.due, newDue: next.due, oldProvisional: old.provisional, newProvisional: next.provisional };
}

/**
 * Recomputes every deadline of the open procedures — objections not closed (check and decision deadlines) and
 * repair applications not decided — on `calendar`, from the same events and the rule version of their filing
 * day, extensions included. Each deadline whose date or provisional flag changes is updated and recorded in
 * `deadline_changes` with `reason`. Runs on the caller's transaction, which should hold the tables locked.
 */
export async function recomputeOpenDeadlines(trx: Knex.Transaction, calendar: WorkingCalendar, reason: string): Promise<DeadlineChange[]> {
  const changes: DeadlineChange[] = [];
  for (const objection of (await trx('objections').whereNot({ state: 'CLOSED' }).orderBy('id').select(OBJECTION_COLUMNS)).map(toObjection)) {
    const rules = deadlineRulesOn(objection.acceptedOn).objection;
    const check = differs('OBJECTION', objection.id, 'CHECK', { due: objection.checkDue, provisional: objection.checkDueProvisional },
      calendar.deadline(objection.acceptedOn, rules.checkWorkingDays));
    const decision = objection.checkedOn && objection.decisionDue
      ? differs('OBJECTION', objection.id, 'DECISION', { due: objection.decisionDue, provisional: objection.decisionDueProvisional },
        chain(calendar, objection.checkedOn, rules.decisionWorkingDays, objection.extendedOn ? rules.extensionWorkingDays : null))
      : null;
    const updates = {
      ...(check ? { check_due: check.newDue, check_due_provisional: check.newProvisional } : {}),
      ...(decision ? { decision_due: decision.newDue, decision_due_provisional: decision.newProvisional } : {}),
    };
    if (Object.keys(updates).length === 0) continue;
    await trx('objections').where({ id: objection.id }).update({ ...updates, updated_at: trx.fn.now() });
    changes.push(...[check, decision].filter((c): c is DeadlineChange => c !== null));
  }
  for (const application of (await trx('repair_applications').where({ state: 'SUBMITTED' }).orderBy('id').select(REPAIR_COLUMNS)).map(toRepairApplication)) {
    const rules = deadlineRulesOn(application.appliedOn).repair;
    const decision = differs('REPAIR_APPLICATION', application.id, 'DECISION', { due: application.decisionDue, provisional: application.decisionDueProvisional },
      chain(calendar, application.appliedOn, rules.decisionWorkingDays, application.extendedOn ? rules.extensionWorkingDays : null));
    if (!decision) continue;
    await trx('repair_applications').where({ id: application.id }).update({ decision_due: decision.newDue, decision_due_provisional: decision.newProvisional, updated_at: trx.fn.now() });
    changes.push(decision);
  }
  if (changes.length > 0) {
    await trx('deadline_changes').insert(changes.map((c) => ({
      procedure: c.procedure, procedure_id: c.procedureId, deadline: c.deadline, old_due: c.oldDue, new_due: c.newDue,
      old_provisional: c.oldProvisional, new_provisional: c.newProvisional, reason,
    })));
  }
  return changes;
}
