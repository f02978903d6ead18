export { createIngestionWorkflow } from './createIngestionWorkflow.js';
export { ingestRecords, IngestionInputError, MAX_BATCH_ROWS } from './ingestRecords.js';
export type { IngestionReport, IngestionRequest, RowReport, RowStatus } from './ingestRecords.js';
export { KnexIngestionStore } from './KnexIngestionStore.js';
export { readBatchRows } from './readBatchRows.js';
