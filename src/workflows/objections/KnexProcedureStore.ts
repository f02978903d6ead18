import type { Knex } from 'knex';
import { conflict } from '../../codes/index.js';
import { notFound } from './lockRecord.js';

/** One procedure's table (`objections`, `repair_applications`): how its rows are read and named. */
export interface ProcedureTable<T> {
  table: string;
  columns: readonly string[];
  toItem: (row: Record<string, unknown>) => T;
  /** What one row is called in messages, e.g. `objection`, `repair application`. */
  noun: string;
}

/**
 * What KnexObjectionStore and KnexRepairStore share: the reads by id, record and subject, and the versioned
 * transition every step goes through.
 */
export abstract class KnexProcedureStore<T extends { version: number }> {
  protected constructor(protected readonly knex: Knex, private readonly procedure: ProcedureTable<T>) {}

  /** One item, or null. */
  async get(id: string): Promise<T | null> {
    const { table, columns, toItem } = this.procedure;
    const row = await this.knex(table).where({ id }).first([...columns]);
    return row ? toItem(row) : null;
  }

  /** The items of a record, oldest first. */
  async ofRecord(recordId: string): Promise<T[]> {
    const { table, columns, toItem } = this.procedure;
    return (await this.knex(table).where({ record_id: recordId }).orderBy('id').select([...columns])).map(toItem);
  }

  /** The items of a subject, newest first. */
  async ofSubject(uscc: string): Promise<T[]> {
    const { table, columns, toItem } = this.procedure;
    return (await this.knex(table).where({ subject_uscc: uscc }).orderBy('id', 'desc').select([...columns])).map(toItem);
  }

  /**
   * Locks the row, lets `change` compute the updates from the current item (inside the transaction) and
   * writes them with the next version. NOT_FOUND when there is no such row; CONFLICT when the version moved.
   */
  protected transition(id: string, change: (trx: Knex.Transaction, current: T) => Promise<Record<string, unknown>>): Promise<T> {
    const { table, toItem, noun } = this.procedure;
    const columns = [...this.procedure.columns];
    return this.knex.transaction(async (trx) => {
      const row = await trx(table).where({ id }).forUpdate().first(columns);
      if (!row) throw notFound(`${noun} ${id}`);
      const current = toItem(row);
      const updates = await change(trx, current);
      const [updated] = await trx(table)
        .where({ id, version: current.version })
        .update({ ...updates, version: current.version + 1, updated_at: trx.fn.now() })
        .returning(columns);
      // Unreachable while the row is locked; kept so that a store without row locks still cannot lose an update.
      if (!updated) throw conflict(`${noun} ${id} was changed by someone else meanwhile; reload it and try again`);
      return toItem(updated as Record<string, unknown>);
    });
  }
}
