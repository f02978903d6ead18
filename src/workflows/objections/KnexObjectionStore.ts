import type { Knex } from 'knex';
import { conflict } from '../../codes/index.js';
import { toDecimal } from '../../credit/index.js';
import { KnexCalendarSource, type CalendarSource } from '../../calendar/index.js';
import { applyOutcome, CORRECTABLE_FIELDS, recordStatusConflict, type CorrectableField, type ObjectionOutcome, type RecordCorrections } from './applyOutcome.js';
import { deadlineRulesOn } from './deadlineRules.js';
import { assertRecordOfSubject, isUniqueViolation, lockRecord } from './lockRecord.js';
import { KnexProcedureStore } from './KnexProcedureStore.js';
import { OBJECTION_COLUMNS, toObjection } from './rowMappers.js';
import { assertTransition, OBJECTION_TRANSITIONS } from './transitions.js';
import type { NewObjection, ObjectionStore, Step } from './ObjectionStore.js';
import type { Objection } from './types.js';

/**
 * The ObjectionStore in PostgreSQL (objections, credit_records). Every step is one transaction that locks the objection (and the record it
 * changes) with SELECT … FOR UPDATE and checks the state after the lock, so of two officers deciding at once
 * the second sees the first's result and gets CONFLICT. Deadlines follow the rule version in force on the
 * filing day and the calendar read after the lock (so a year being added by calendar:add, which locks the
 * table, is either seen or recomputed); each deadline is stored with whether it is provisional.
 */
export class KnexObjectionStore extends KnexProcedureStore<Objection> implements ObjectionStore {
  private constructor(knex: Knex, private readonly calendars: CalendarSource) {
    super(knex, { table: 'objections', columns: OBJECTION_COLUMNS, toItem: toObjection, noun: 'objection' });
  }

  static create(knex: Knex, calendars: CalendarSource = KnexCalendarSource.create(knex)): KnexObjectionStore {
    return new KnexObjectionStore(knex, calendars);
  }

  /** Files an objection: the record is marked UNDER_OBJECTION at once, its status remembered; the check is due in 1 working day. */
  async file(input: NewObjection): Promise<Objection> {
    try {
      return await this.knex.transaction(async (trx) => {
        // The lock the insert takes anyway, taken first: it waits for a calendar:add in progress.
        await trx.raw('LOCK TABLE objections IN ROW EXCLUSIVE MODE');
        const check = (await this.calendars.current(trx)).deadline(input.today, deadlineRulesOn(input.today).objection.checkWorkingDays);
        const record = await lockRecord(trx, input.recordId);
        assertRecordOfSubject(record, input.uscc);
        if (record.status === 'UNDER_OBJECTION') {
          const open = await trx('objections').where({ record_id: record.id }).whereNot({ state: 'CLOSED' }).first('id');
          throw conflict(`credit record ${record.id} already has an open objection${open ? ` (${String(open.id)})` : ''}; one objection per record at a time`,
            open ? { objectionId: String(open.id) } : {});
        }
        if (record.status !== 'IN_PUBLICITY') throw recordStatusConflict(record.id, record.status, 'IN_PUBLICITY', 'file an objection');
        const [row] = await trx('objections')
          .insert({
            record_id: record.id, subject_uscc: input.uscc, ground: input.ground, statement: input.statement,
            evidence: JSON.stringify(input.evidence), filed_by: input.filedBy, filed_as: input.filedAs, state: 'ACCEPTED',
            previous_record_status: record.status, accepted_on: input.today, check_due: check.due, check_due_provisional: check.provisional,
          })
          .returning(OBJECTION_COLUMNS);
        await trx('credit_records').where({ id: record.id }).update({ status: 'UNDER_OBJECTION', updated_at: trx.fn.now() });
        return toObjection(row as Record<string, unknown>);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'objections_one_open_idx')) {
        throw conflict(`credit record ${input.recordId} already has an open objection; one objection per record at a time`);
      }
      throw error;
    }
  }

  /** The city credit agency's check (核查): ACCEPTED → CHECKED; the provider's decision is then due in 2 working days. */
  async check(id: string, note: string | null, step: Step): Promise<Objection> {
    return this.transition(id, async (trx, objection) => {
      assertTransition(`objection ${id}`, OBJECTION_TRANSITIONS.check, objection.state);
      const decision = (await this.calendars.current(trx)).deadline(step.today, deadlineRulesOn(objection.acceptedOn).objection.decisionWorkingDays);
      return {
        state: 'CHECKED', checked_on: step.today, checked_by: step.officer, check_note: note,
        decision_due: decision.due, decision_due_provisional: decision.provisional,
      };
    });
  }

  /** Extends the decision deadline once by 3 working days, with the approval's reason. */
  async extend(id: string, reason: string, step: Step): Promise<Objection> {
    return this.transition(id, async (trx, objection) => {
      assertTransition(`objection ${id}`, OBJECTION_TRANSITIONS.extend, objection.state);
      if (objection.extendedOn) {
        throw conflict(`objection ${id}'s decision deadline was already extended on ${objection.extendedOn} (to ${objection.decisionDue}); it may be extended once`);
      }
      const extended = (await this.calendars.current(trx)).deadline(objection.decisionDue ?? step.today, deadlineRulesOn(objection.acceptedOn).objection.extensionWorkingDays);
      return {
        decision_due: extended.due, decision_due_provisional: extended.provisional || objection.decisionDueProvisional,
        extended_on: step.today, extended_by: step.officer, extension_reason: reason,
      };
    });
  }

  /** Closes the objection with an outcome applied to the record in the same transaction (CHECKED → CLOSED). */
  async decide(id: string, outcome: ObjectionOutcome, reason: string, corrections: RecordCorrections | null, step: Step): Promise<Objection> {
    return this.transition(id, async (trx, objection) => {
      assertTransition(`objection ${id}`, OBJECTION_TRANSITIONS.decide, objection.state);
      const record = await lockRecord(trx, objection.recordId);
      const values = Object.fromEntries(
        (Object.entries(CORRECTABLE_FIELDS) as [CorrectableField, string][]).map(([field, column]) => {
          const value = record.row[column];
          return [field, field.endsWith('Amount') ? toDecimal(value) : value === null || value === undefined ? null : String(value)];
        }),
      ) as Record<CorrectableField, string | null>;
      const applied = applyOutcome({ kind: record.kind, status: record.status, values }, objection.previousRecordStatus, outcome, corrections);
      await trx('credit_records').where({ id: record.id }).update({ ...applied.updates, status: applied.status, updated_at: trx.fn.now() });
      return { state: 'CLOSED', outcome, decision_reason: reason, decided_on: step.today, decided_by: step.officer, changes: JSON.stringify(applied.changes) };
    });
  }

  /** Every objection not yet closed, oldest first. */
  async open(): Promise<Objection[]> {
    return (await this.knex('objections').whereNot({ state: 'CLOSED' }).orderBy('id').select(OBJECTION_COLUMNS)).map(toObjection);
  }
}
