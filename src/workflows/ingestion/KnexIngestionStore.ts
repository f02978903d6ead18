import type { Knex } from 'knex';
import { INGESTED_DETAIL_KEYS, type IngestionRecord } from './IngestionRecord.js';
import {
  recordKey, type AuthorityRegistration, type BatchRow, type DataQualityIssueRow, type ExistingRecord, type IngestionStore,
  type IngestionTransaction, type QueuedConflict, type QueuedIssue,
} from './IngestionStore.js';
import { documentNumberKey } from './documentNumberKey.js';

// Rows per multi-row statement: 19 parameters a record keeps a chunk well under PostgreSQL's 65,535.
const CHUNK = 1000;

const RECORD_COLUMNS = [
  'kind', 'subject_uscc', 'authority_uscc', 'document_number', 'title', 'content', 'legal_basis', 'decision_date', 'severity',
  'fine_amount', 'confiscated_amount', 'source_unit_uscc', 'catalog_item_code', 'publicity_start', 'publicity_min_end',
  'publicity_end', 'rule_version', 'status', 'details',
] as const;

const toRecordValues = (r: IngestionRecord): unknown[] => [
  r.kind, r.subjectUscc, r.authorityUscc, r.documentNumber, r.title, r.content, r.legalBasis, r.decisionDate, r.severity,
  r.fineAmount, r.confiscatedAmount, r.sourceUnitUscc, r.catalogItemCode, r.publicityStart, r.publicityMinEnd,
  r.publicityEnd, r.ruleVersion, r.status, JSON.stringify(r.details),
];

// The SQL type of each column, for the typed arrays the upsert unnests.
const COLUMN_TYPES: Readonly<Record<(typeof RECORD_COLUMNS)[number], string>> = {
  kind: 'text', subject_uscc: 'text', authority_uscc: 'text', document_number: 'text', title: 'text', content: 'text', legal_basis: 'text',
  decision_date: 'date', severity: 'text', fine_amount: 'numeric', confiscated_amount: 'numeric', source_unit_uscc: 'text',
  catalog_item_code: 'text', publicity_start: 'date', publicity_min_end: 'date', publicity_end: 'date', rule_version: 'text',
  status: 'text', details: 'jsonb',
};
const UPSERT_CHUNK = 5000;
const OWNED_KEYS = `ARRAY[${INGESTED_DETAIL_KEYS.map((k) => `'${k}'`).join(', ')}]::text[]`;
const DATA_COLUMNS = RECORD_COLUMNS.filter((c) => c !== 'status' && c !== 'details' && c !== 'authority_uscc' && c !== 'document_number');

// A resend of an unchanged row (same fingerprint) touches nothing, updated_at included. A changed row
// replaces the reported columns and the details ingestion owns; its status follows the row when it is
// withdrawn or when the record is simply in or past publicity, and otherwise (under objection, repaired,
// withdrawn) stays what the workflow that set it decided.
const UPSERT_TAIL = `
  ON CONFLICT (authority_uscc, document_number_key) DO UPDATE SET
    ${DATA_COLUMNS.map((c) => `${c} = EXCLUDED.${c}`).join(', ')},
    status = CASE WHEN EXCLUDED.status = 'WITHDRAWN' THEN 'WITHDRAWN'
                  WHEN credit_records.status IN ('IN_PUBLICITY', 'EXPIRED') THEN EXCLUDED.status
                  ELSE credit_records.status END,
    details = (credit_records.details - ${OWNED_KEYS}) || EXCLUDED.details,
    updated_at = now()
  WHERE credit_records.details->>'sourceHash' IS DISTINCT FROM EXCLUDED.details->>'sourceHash'
  RETURNING id, authority_uscc, document_number_key`;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const toIssue = (row: Record<string, unknown>): DataQualityIssueRow => ({
  id: String(row.id), batchId: String(row.batch_id), rowNumber: Number(row.row_number), sourceUnitUscc: String(row.source_unit_uscc),
  recordAuthority: String(row.record_authority), recordDocumentNumber: String(row.record_document_number), field: String(row.field),
  value: String(row.value), expectedCharacter: (row.expected_character as string | null) ?? null, reason: String(row.reason),
  status: String(row.status), createdAt: new Date(row.created_at as string), kind: String(row.issue_kind),
  conflictingRecordId: row.conflicting_record_id === null || row.conflicting_record_id === undefined ? null : String(row.conflicting_record_id),
});

const toRegistration = (row: Record<string, unknown>): AuthorityRegistration => ({
  sourceUnitUscc: String(row.source_unit_uscc), authorityUscc: String(row.authority_uscc),
  registeredAt: new Date(row.registered_at as string), registeredBy: String(row.registered_by),
});

function transactionOn(trx: Knex.Transaction): IngestionTransaction {
  return {
    async lockSourceUnit(uscc) {
      const { rows } = (await trx.raw('SELECT uscc FROM organisations WHERE uscc = ? FOR NO KEY UPDATE', [uscc])) as { rows: unknown[] };
      return rows.length > 0;
    },
    async loadCatalog() {
      const rows = (await trx('catalog_items').select('code', 'record_kind', 'source_unit_uscc')) as { code: string; record_kind: string; source_unit_uscc: string }[];
      return new Map(rows.map((r) => [r.code, { recordKind: r.record_kind, sourceUnitUscc: r.source_unit_uscc }]));
    },
    async registeredAmong(usccs) {
      const found = new Set<string>();
      for (const part of chunks([...new Set(usccs)], 5000)) {
        for (const row of (await trx('organisations').whereIn('uscc', part).select('uscc')) as { uscc: string }[]) found.add(row.uscc);
      }
      return found;
    },
    async authoritiesOf(sourceUnitUscc) {
      return new Set((await trx('source_unit_authorities').where({ source_unit_uscc: sourceUnitUscc }).pluck('authority_uscc')) as string[]);
    },
    async findExisting(keys) {
      const found = new Map<string, ExistingRecord>();
      for (const part of chunks(keys)) {
        // A join on a VALUES list, not `(a, b) IN (…)`: the planner turns a long IN list of row values into
        // nested ORs, which overflows PGlite's stack.
        const { rows } = (await trx.raw(`SELECT r.id, r.authority_uscc, r.document_number, r.document_number_key, r.source_unit_uscc, r.details->>'sourceHash' AS source_hash
            FROM credit_records r JOIN (VALUES ${part.map(() => '(?, ?)').join(', ')}) AS k (authority_uscc, document_number_key)
              ON r.authority_uscc = k.authority_uscc AND r.document_number_key = k.document_number_key`,
        part.flatMap((k) => [k.authority, documentNumberKey(k.documentNumber)]))) as { rows: Record<string, string | number | null>[] };
        for (const r of rows) {
          found.set(recordKey(r.authority_uscc as string, r.document_number_key as string), {
            id: String(r.id), sourceUnitUscc: r.source_unit_uscc as string, documentNumber: r.document_number as string,
            sourceHash: (r.source_hash as string | null) ?? null,
          });
        }
      }
      return found;
    },
    async upsertRecords(records) {
      const ids = new Map<string, string>();
      for (const part of chunks(records, UPSERT_CHUNK)) {
        // One array parameter per column, unnested into rows: 19 parameters whatever the chunk size, so the
        // statement is parsed and planned once instead of carrying tens of thousands of placeholders.
        const values = part.map(toRecordValues);
        const columns = RECORD_COLUMNS.map((_, c) => values.map((v) => v[c] ?? null));
        const sql = `INSERT INTO credit_records (${RECORD_COLUMNS.join(', ')})
          SELECT * FROM unnest(${RECORD_COLUMNS.map((c) => `?::${COLUMN_TYPES[c]}[]`).join(', ')})${UPSERT_TAIL}`;
        const { rows } = (await trx.raw(sql, columns as unknown as Knex.RawBinding[])) as { rows: { id: string | number; authority_uscc: string; document_number_key: string }[] };
        for (const r of rows) ids.set(recordKey(r.authority_uscc, r.document_number_key), String(r.id));
      }
      return ids;
    },
    async insertBatch(batch: BatchRow) {
      const [row] = (await trx('ingestion_batches').insert({
        source_unit_uscc: batch.sourceUnitUscc, consumer_id: batch.consumerId, channel: batch.channel, format: batch.format,
        ...batch.counts,
      }).returning(['id', 'received_at'])) as { id: string | number; received_at: string | Date }[];
      return { id: String(row?.id), receivedAt: new Date(row?.received_at as string) };
    },
    async queueIssues(batchId, sourceUnitUscc, issues: readonly QueuedIssue[]) {
      for (const part of chunks(issues)) {
        const values = part.flatMap((i) => [batchId, i.rowNumber, sourceUnitUscc, i.authority, i.documentNumber, i.field, i.value, i.expected, i.reason]);
        await trx.raw(`INSERT INTO data_quality_issues (batch_id, row_number, source_unit_uscc, record_authority, record_document_number,
            field, value, expected_character, reason) VALUES ${part.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}
          ON CONFLICT (source_unit_uscc, record_authority, record_document_number, field, value) WHERE status = 'OPEN' DO NOTHING`,
        values as Knex.RawBinding[]);
      }
    },
    async queueConflicts(batchId, sourceUnitUscc, conflicts: readonly QueuedConflict[]) {
      for (const part of chunks(conflicts)) {
        const values = part.flatMap((c) => [batchId, c.rowNumber, sourceUnitUscc, c.authority, c.documentNumber, c.field, c.documentNumber, c.reason, c.recordId]);
        await trx.raw(`INSERT INTO data_quality_issues (batch_id, row_number, source_unit_uscc, record_authority, record_document_number,
            field, value, reason, issue_kind, conflicting_record_id) VALUES ${part.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, 'KEY_CONFLICT', ?)").join(', ')}
          ON CONFLICT (source_unit_uscc, record_authority, record_document_number, field, value) WHERE status = 'OPEN' DO NOTHING`,
        values as Knex.RawBinding[]);
      }
    },
  };
}

/** The ingestion store on the hub's database (PostgreSQL or PGlite). */
export class KnexIngestionStore implements IngestionStore {
  private constructor(private readonly knex: Knex) {}

  /** A store over `knex`; the migrations up to 20261127001200_ingestion must have run. */
  static create(knex: Knex): KnexIngestionStore {
    return new KnexIngestionStore(knex);
  }

  inTransaction<T>(work: (tx: IngestionTransaction) => Promise<T>): Promise<T> {
    return this.knex.transaction((trx) => work(transactionOn(trx)));
  }

  async listIssues(filter: Parameters<IngestionStore['listIssues']>[0]): Promise<DataQualityIssueRow[]> {
    const query = this.knex('data_quality_issues').orderBy('id').limit(filter.first).select('*');
    if (filter.status) query.where('status', filter.status);
    if (filter.sourceUnitUscc) query.where('source_unit_uscc', filter.sourceUnitUscc);
    if (filter.batchId) query.where('batch_id', filter.batchId);
    if (filter.after) query.where('id', '>', filter.after);
    return ((await query) as Record<string, unknown>[]).map(toIssue);
  }

  async listAuthorityRegistrations(sourceUnitUscc: string | null): Promise<AuthorityRegistration[]> {
    const query = this.knex('source_unit_authorities').orderBy(['source_unit_uscc', 'authority_uscc']).select('*');
    if (sourceUnitUscc) query.where('source_unit_uscc', sourceUnitUscc);
    return ((await query) as Record<string, unknown>[]).map(toRegistration);
  }

  async registerAuthority(sourceUnitUscc: string, authorityUscc: string, registeredBy: string): Promise<AuthorityRegistration | null> {
    return this.knex.transaction(async (trx) => {
      const known = (await trx('organisations').whereIn('uscc', [sourceUnitUscc, authorityUscc]).pluck('uscc')) as string[];
      if (!known.includes(sourceUnitUscc) || !known.includes(authorityUscc)) return null;
      await trx('source_unit_authorities').insert({ source_unit_uscc: sourceUnitUscc, authority_uscc: authorityUscc, registered_by: registeredBy })
        .onConflict(['source_unit_uscc', 'authority_uscc']).ignore();
      const row = (await trx('source_unit_authorities').where({ source_unit_uscc: sourceUnitUscc, authority_uscc: authorityUscc }).first('*')) as Record<string, unknown>;
      return toRegistration(row);
    });
  }

  async unknownOrganisations(usccs: readonly string[]): Promise<string[]> {
    const known = new Set((await this.knex('organisations').whereIn('uscc', [...usccs]).pluck('uscc')) as string[]);
    return usccs.filter((uscc) => !known.has(uscc));
  }

  async unregisterAuthority(sourceUnitUscc: string, authorityUscc: string): Promise<boolean> {
    // RETURNING, not the affected-row count, which the embedded driver does not report for DELETE.
    const removed = await this.knex('source_unit_authorities').where({ source_unit_uscc: sourceUnitUscc, authority_uscc: authorityUscc }).delete(['authority_uscc']);
    return (removed as unknown[]).length > 0;
  }
}
