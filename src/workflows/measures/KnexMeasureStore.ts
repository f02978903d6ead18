import type { Knex } from 'knex';
import { conflict, notFound } from '../../codes/index.js';
import type { MeasureRow, MeasureStore, MeasureSubject, NewMeasure } from './MeasureStore.js';

const COLUMNS: Record<keyof MeasureRow, string> = {
  id: 'id', subjectUscc: 'subject_uscc', civilServantId: 'civil_servant_id', kind: 'kind', ruleVersion: 'rule_version', legalBasis: 'legal_basis',
  reason: 'reason', imposedOn: 'imposed_on', deadlineWorkingDays: 'deadline_working_days', dueOn: 'due_on', dueOnProvisional: 'due_on_provisional',
  effectEndsOn: 'effect_ends_on', status: 'status', rectification: 'rectification', rectificationReportedOn: 'rectification_reported_on',
  outcome: 'outcome', closingNote: 'closing_note', closedOn: 'closed_on', complaintId: 'complaint_id', imposedBy: 'imposed_by', version: 'version',
};
const DATES = new Set(['imposed_on', 'due_on', 'effect_ends_on', 'rectification_reported_on', 'closed_on']);

// pg and PGlite hand back dates as Date or string and bigints as strings: one shape for the resolvers.
const dateOf = (value: unknown): string | null => (value == null ? null : value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10));

/** integrity_measures row → MeasureRow. */
function toMeasure(row: Record<string, unknown>): MeasureRow {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(COLUMNS)) {
    const value = row[column];
    out[key] = DATES.has(column) ? dateOf(value) : value ?? null;
  }
  out.id = String(row.id);
  out.complaintId = row.complaint_id == null ? null : String(row.complaint_id);
  out.version = Number(row.version);
  out.deadlineWorkingDays = row.deadline_working_days == null ? null : Number(row.deadline_working_days);
  out.dueOnProvisional = row.due_on_provisional === true;
  return out as unknown as MeasureRow;
}

/** MeasureRow fields → integrity_measures columns. */
function toColumns(values: Partial<MeasureRow>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [COLUMNS[key as keyof MeasureRow], value]));
}

/** The MeasureStore in the hub's database (integrity_measures). */
export class KnexMeasureStore implements MeasureStore {
  private constructor(private readonly knex: Knex) {}

  /** A store over `knex` (migrated); sends nothing until used. */
  static create(knex: Knex): KnexMeasureStore {
    return new KnexMeasureStore(knex);
  }

  async insert(measure: NewMeasure): Promise<MeasureRow> {
    const [row] = await this.knex('integrity_measures').insert(toColumns(measure)).returning('*');
    return toMeasure(row as Record<string, unknown>);
  }

  async change(id: string, version: number, change: (row: MeasureRow) => Partial<MeasureRow>): Promise<MeasureRow> {
    return this.knex.transaction(async (trx) => {
      const current = await trx('integrity_measures').where({ id }).forUpdate().first();
      if (!current) throw notFound(`measure ${id} does not exist`, { argumentName: 'id' });
      const row = toMeasure(current as Record<string, unknown>);
      if (row.version !== version) {
        throw conflict(`measure ${id} was changed by someone else (you read version ${version}, it is now version ${row.version}); read it again and retry`, {
          readVersion: version, currentVersion: row.version,
        });
      }
      const [updated] = await trx('integrity_measures').where({ id }).update({ ...toColumns(change(row)), version: row.version + 1 }).returning('*');
      return toMeasure(updated as Record<string, unknown>);
    });
  }

  async measures(filter: { subjectUscc?: string | null; civilServantId?: string | null; status?: string | null }): Promise<MeasureRow[]> {
    const query = this.knex('integrity_measures').orderBy([{ column: 'imposed_on', order: 'desc' }, { column: 'id', order: 'desc' }]);
    if (filter.subjectUscc) query.where('subject_uscc', filter.subjectUscc);
    if (filter.civilServantId) query.where('civil_servant_id', filter.civilServantId);
    if (filter.status) query.where('status', filter.status);
    return (await query.select('*')).map(toMeasure);
  }

  async overdue(today: string, districtCode: string | null): Promise<MeasureRow[]> {
    const query = this.knex('integrity_measures as m')
      .leftJoin('civil_servants as cs', 'cs.id', 'm.civil_servant_id')
      .leftJoin('organisations as o', 'o.uscc', this.knex.raw('coalesce(m.subject_uscc, cs.employer_uscc)'))
      .where('m.status', 'OPEN').whereNotNull('m.due_on').where('m.due_on', '<', today)
      .orderBy([{ column: 'm.due_on' }, { column: 'm.id' }]).select('m.*');
    if (districtCode) query.where('o.district_code', districtCode);
    return (await query).map(toMeasure);
  }

  async subject(ref: { uscc?: string | null; civilServantId?: string | null }): Promise<MeasureSubject | null> {
    if (ref.uscc) {
      const row = (await this.knex('organisations').where({ uscc: ref.uscc }).first('kind')) as { kind: string } | undefined;
      return row ? { kind: row.kind, organisationUscc: ref.uscc } : null;
    }
    const row = (await this.knex('civil_servants').where({ id: ref.civilServantId ?? '' }).first('employer_uscc')) as { employer_uscc: string } | undefined;
    return row ? { kind: 'CIVIL_SERVANT', organisationUscc: row.employer_uscc } : null;
  }

  async complaint(id: string): Promise<{ status: string; bodyUscc: string } | null> {
    if (!/^[1-9][0-9]{0,18}$/.test(id)) return null;
    const row = (await this.knex('integrity_complaints').where({ id }).first('status', 'body_uscc')) as { status: string; body_uscc: string } | undefined;
    return row ? { status: row.status, bodyUscc: row.body_uscc } : null;
  }
}
