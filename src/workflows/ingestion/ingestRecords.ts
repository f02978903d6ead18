import { validateUscc } from '../../codes/index.js';
import { DOUBLE_PUBLICITY_FORMAT, prefixOf, type IngestedKind } from './doublePublicityFormat.js';
import type { IngestionRecord, RowError, ValidatedRow } from './IngestionRecord.js';
import { recordKey, type IngestionStore, type QueuedConflict, type QueuedIssue } from './IngestionStore.js';
import { validateRow } from './validateRow.js';

/** The most rows one batch may carry; larger files are split by the sender. */
export const MAX_BATCH_ROWS = 50_000;

/** A batch as a source unit sends it, already parsed into rows (CSV lines become objects keyed by the header). */
export interface IngestionRequest {
  sourceUnitUscc: string;
  format: 'JSON' | 'CSV';
  rows: readonly unknown[];
  consumerId: string | null;
  channel: 'GRAPHQL' | 'CLI';
  /** Today in Asia/Shanghai, YYYY-MM-DD. */
  today: string;
}

/** What happened to one row: ACCEPTED (new record), UPDATED (changed), UNCHANGED (a resend), REJECTED (nothing written). */
export type RowStatus = 'ACCEPTED' | 'UPDATED' | 'UNCHANGED' | 'REJECTED';

/** The report of one row; rows are numbered from 1 in the order sent (a CSV file's header is not a row). */
export interface RowReport {
  rowNumber: number;
  status: RowStatus;
  recordId: string | null;
  authority: string;
  documentNumber: string;
  errors: RowError[];
}

/** The answer to a batch: its id, counts and one report per row in row order. */
export interface IngestionReport {
  batchId: string;
  sourceUnitUscc: string;
  format: 'JSON' | 'CSV';
  receivedAt: Date;
  counts: { total: number; accepted: number; updated: number; unchanged: number; rejected: number };
  rows: RowReport[];
}

/** The batch as a whole cannot be taken (unknown source unit, too many rows): nothing was stored. */
export class IngestionInputError extends Error {
  override readonly name = 'IngestionInputError';
  constructor(message: string, readonly argument: string) {
    super(message);
  }
}

const CODE_FIELDS = Object.values(DOUBLE_PUBLICITY_FORMAT.kinds).flatMap((k) =>
  Object.entries(k.fields).filter(([, spec]) => spec.type === 'USCC').map(([name]) => name));

// Every well-formed USCC a batch names, so that one query tells which are registered.
function usccsNamed(rows: readonly unknown[]): string[] {
  const usccs = new Set<string>();
  for (const row of rows) {
    if (row === null || typeof row !== 'object') continue;
    for (const field of CODE_FIELDS) {
      const value = (row as Record<string, unknown>)[field];
      const result = typeof value === 'string' ? validateUscc(value) : null;
      if (result?.ok) usccs.add(result.value);
    }
  }
  return [...usccs];
}

function documentField(record: IngestionRecord): string {
  return `${prefixOf(record.kind as IngestedKind)}WSH`;
}

/**
 * Ingests one batch (归集) in one transaction: checks that the source unit is registered — an organisation
 * that is the source unit of at least one catalogue item — loads the references every row needs in four
 * queries (the authorities the unit is registered to report for among them), validates all rows in memory,
 * then writes new and changed records with multi-row upserts keyed by authority + canonical document number
 * (`documentNumberKey`), stores the batch with its counts and queues codes that failed their checksum and
 * rows whose key another unit already reported (KEY_CONFLICT, for the credit office). A rejected row writes nothing but its queue entry; a resent row is UNCHANGED and touches
 * nothing. Throws IngestionInputError (nothing stored) when the batch as a whole is unacceptable.
 */
export async function ingestRecords(store: IngestionStore, request: IngestionRequest): Promise<IngestionReport> {
  if (request.rows.length > MAX_BATCH_ROWS) {
    throw new IngestionInputError(`a batch carries at most ${MAX_BATCH_ROWS} rows, got ${request.rows.length}; split the file`, 'rows');
  }
  return store.inTransaction(async (tx) => {
    const source = request.sourceUnitUscc;
    if (!(await tx.lockSourceUnit(source))) {
      throw new IngestionInputError(`source unit ${source} is not registered: no organisation has this USCC`, 'sourceUnit');
    }
    const catalogItems = await tx.loadCatalog();
    if (![...catalogItems.values()].some((item) => item.sourceUnitUscc === source)) {
      throw new IngestionInputError(`${source} is not a registered source unit: no catalogue item (目录条目) names it as its source unit`, 'sourceUnit');
    }
    const refs = {
      sourceUnitUscc: source, today: request.today, catalogItems,
      registeredUsccs: await tx.registeredAmong(usccsNamed(request.rows)), reportableAuthorities: await tx.authoritiesOf(source),
    };
    const validated: ValidatedRow[] = request.rows.map((row, i) => (row !== null && typeof row === 'object' && !Array.isArray(row)
      ? validateRow(row as Record<string, unknown>, i + 1, refs)
      : { rowNumber: i + 1, authority: '', documentNumber: '', record: null, errors: [{ field: 'row', message: 'must be an object of CF_/XK_ fields' }], checksumIssues: [] }));

    // A decision appears once per batch: a second row with the same key would be ambiguous.
    const firstRowOf = new Map<string, number>();
    for (const row of validated) {
      if (!row.record) continue;
      const key = recordKey(row.record.authorityUscc, row.record.documentNumber);
      const first = firstRowOf.get(key);
      if (first === undefined) firstRowOf.set(key, row.rowNumber);
      else {
        row.errors.push({ field: documentField(row.record), message: `repeats the authority and document number of row ${first}; send each decision once per batch` });
        row.record = null;
      }
    }
    const valid = validated.filter((r): r is ValidatedRow & { record: IngestionRecord } => r.record !== null);
    const existing = await tx.findExisting(valid.map((r) => ({ authority: r.record.authorityUscc, documentNumber: r.record.documentNumber })));
    const statuses = new Map<number, RowStatus>();
    const toWrite: IngestionRecord[] = [];
    const conflicts: QueuedConflict[] = [];
    for (const row of valid) {
      const stored = existing.get(recordKey(row.record.authorityUscc, row.record.documentNumber));
      if (stored && stored.sourceUnitUscc !== source) {
        // Two units both claim the decision: the credit office settles it, so neither silently wins.
        const reason = `${row.record.authorityUscc}'s decision ${stored.documentNumber} is already record ${stored.id}, reported by source unit ${stored.sourceUnitUscc}`;
        const field = documentField(row.record);
        row.errors.push({ field, message: `${reason}; nothing was written and the conflict is queued for the credit office (data-quality queue) to settle` });
        conflicts.push({ rowNumber: row.rowNumber, authority: row.authority, documentNumber: row.documentNumber, field, recordId: stored.id, reason });
        continue;
      }
      const status: RowStatus = !stored ? 'ACCEPTED' : stored.sourceHash === row.record.sourceHash ? 'UNCHANGED' : 'UPDATED';
      statuses.set(row.rowNumber, status);
      if (status !== 'UNCHANGED') toWrite.push(row.record);
    }
    const written = await tx.upsertRecords(toWrite);

    const rows: RowReport[] = validated.map((row) => {
      const status = statuses.get(row.rowNumber) ?? 'REJECTED';
      const key = row.record && status !== 'REJECTED' ? recordKey(row.record.authorityUscc, row.record.documentNumber) : null;
      const recordId = key === null ? null : (written.get(key) ?? existing.get(key)?.id ?? null);
      return { rowNumber: row.rowNumber, status, recordId, authority: row.authority, documentNumber: row.documentNumber, errors: row.errors };
    });
    const count = (status: RowStatus): number => rows.filter((r) => r.status === status).length;
    const counts = { total: rows.length, accepted: count('ACCEPTED'), updated: count('UPDATED'), unchanged: count('UNCHANGED'), rejected: count('REJECTED') };
    const batch = await tx.insertBatch({ sourceUnitUscc: source, consumerId: request.consumerId, channel: request.channel, format: request.format, counts });
    const issues: QueuedIssue[] = validated.flatMap((row) => row.checksumIssues.map((issue) => ({ ...issue, rowNumber: row.rowNumber, authority: row.authority, documentNumber: row.documentNumber })));
    await tx.queueIssues(batch.id, source, issues);
    await tx.queueConflicts(batch.id, source, conflicts);
    return { batchId: batch.id, sourceUnitUscc: source, format: request.format, receivedAt: batch.receivedAt, counts, rows };
  });
}
