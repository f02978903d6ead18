import type { Knex } from 'knex';
import { conflict } from '../../../codes/index.js';
import { KnexCalendarSource, type CalendarSource } from '../../../calendar/index.js';
import { badUserInput, toIsoDate } from '../../../credit/index.js';
import { recordStatusConflict } from '../applyOutcome.js';
import { deadlineRulesOn } from '../deadlineRules.js';
import { assertRecordOfSubject, isUniqueViolation, lockRecord } from '../lockRecord.js';
import { KnexProcedureStore } from '../KnexProcedureStore.js';
import { REPAIR_COLUMNS, toRepairApplication } from '../rowMappers.js';
import { assertTransition, REPAIR_TRANSITIONS } from '../transitions.js';
import type { RepairApplication } from '../types.js';
import { repairEligibility, type RepairEligibility } from './repairEligibility.js';
import type { NewRepairApplication, RepairStore } from './RepairStore.js';

/**
 * The RepairStore in PostgreSQL (repair_applications, credit_records); each step one transaction locking the application and its record.
 * Deadlines as in KnexObjectionStore: rule version of the day received, calendar read after the lock, stored
 * with whether they are provisional.
 */
export class KnexRepairStore extends KnexProcedureStore<RepairApplication> implements RepairStore {
  private constructor(knex: Knex, private readonly calendars: CalendarSource) {
    super(knex, { table: 'repair_applications', columns: REPAIR_COLUMNS, toItem: toRepairApplication, noun: 'repair application' });
  }

  static create(knex: Knex, calendars: CalendarSource = KnexCalendarSource.create(knex)): KnexRepairStore {
    return new KnexRepairStore(knex, calendars);
  }

  /**
   * Checks eligibility and, when eligible, files the application (decision due in 3 working days). When not
   * eligible nothing is written and the answer says why and from which date the minimum period allows it.
   */
  async apply(input: NewRepairApplication): Promise<{ eligibility: RepairEligibility; application: RepairApplication | null }> {
    try {
      return await this.knex.transaction(async (trx) => {
        // The lock the insert takes anyway, taken first: it waits for a calendar:add in progress.
        await trx.raw('LOCK TABLE repair_applications IN ROW EXCLUSIVE MODE');
        const record = await lockRecord(trx, input.recordId);
        assertRecordOfSubject(record, input.uscc);
        if (record.row.publicity_start == null) throw badUserInput('input.recordId', `credit record ${record.id} (${record.kind}) has no publicity period, so there is nothing to repair`);
        if (record.status !== 'IN_PUBLICITY') throw recordStatusConflict(record.id, record.status, 'IN_PUBLICITY', 'apply for credit repair');
        const pending = await trx('repair_applications').where({ record_id: record.id, state: 'SUBMITTED' }).first('id');
        if (pending) {
          throw conflict(`credit record ${record.id} already has a pending repair application (${String(pending.id)})`, { repairApplicationId: String(pending.id) });
        }
        const eligibility = repairEligibility({
          kind: record.kind, catalogItemCode: (record.row.catalog_item_code as string | null) ?? null, ruleVersion: record.ruleVersion,
          publicityMinEnd: toIsoDate(record.publicityMinEnd), publicityEnd: toIsoDate(record.row.publicity_end),
        }, input, input.today);
        if (!eligibility.eligible) return { eligibility, application: null };
        const decision = (await this.calendars.current(trx)).deadline(input.today, deadlineRulesOn(input.today).repair.decisionWorkingDays);
        const [row] = await trx('repair_applications')
          .insert({
            record_id: record.id, subject_uscc: input.uscc, statement: input.statement, obligations_performed: input.obligationsPerformed,
            commitment_given: input.commitmentGiven, applied_by: input.appliedBy, state: 'SUBMITTED', applied_on: input.today,
            decision_due: decision.due, decision_due_provisional: decision.provisional,
          })
          .returning(REPAIR_COLUMNS);
        return { eligibility, application: toRepairApplication(row as Record<string, unknown>) };
      });
    } catch (error) {
      if (isUniqueViolation(error, 'repair_applications_one_pending_idx')) {
        throw conflict(`credit record ${input.recordId} already has a pending repair application`);
      }
      throw error;
    }
  }

  /** Extends the decision deadline once by 3 working days. */
  async extend(id: string, reason: string, step: { officer: string; today: string }): Promise<RepairApplication> {
    return this.transition(id, async (trx, application) => {
      assertTransition(`repair application ${id}`, REPAIR_TRANSITIONS.extend, application.state);
      if (application.extendedOn) {
        throw conflict(`repair application ${id}'s decision deadline was already extended on ${application.extendedOn} (to ${application.decisionDue}); it may be extended once`);
      }
      const extended = (await this.calendars.current(trx)).deadline(application.decisionDue, deadlineRulesOn(application.appliedOn).repair.extensionWorkingDays);
      return {
        decision_due: extended.due, decision_due_provisional: extended.provisional || application.decisionDueProvisional,
        extended_on: step.today, extended_by: step.officer, extension_reason: reason,
      };
    });
  }

  /** Approves (the record becomes REPAIRED and leaves public view at once) or refuses with reasons. */
  async decide(id: string, approve: boolean, reason: string, step: { officer: string; today: string }): Promise<RepairApplication> {
    return this.transition(id, async (trx, application) => {
      assertTransition(`repair application ${id}`, approve ? REPAIR_TRANSITIONS.approve : REPAIR_TRANSITIONS.refuse, application.state);
      if (approve) {
        const record = await lockRecord(trx, application.recordId);
        if (record.status !== 'IN_PUBLICITY') throw recordStatusConflict(record.id, record.status, 'IN_PUBLICITY', `approve repair application ${id}`);
        await trx('credit_records').where({ id: record.id }).update({ status: 'REPAIRED', updated_at: trx.fn.now() });
      }
      return { state: approve ? 'APPROVED' : 'REFUSED', decided_on: step.today, decided_by: step.officer, decision_reason: reason };
    });
  }
}
