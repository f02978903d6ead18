import { KNOWN_FIELDS } from './doublePublicityFormat.js';
import { IngestionInputError } from './ingestRecords.js';
import { CsvFormatError, parseCsv } from './parseCsv.js';

/**
 * The rows of a batch from what was sent: JSON rows as they are, or a CSV file's lines keyed by its header.
 * Throws IngestionInputError naming the argument when the wrong one is given, the CSV cannot be read, or
 * its header names a column the format does not know (every row would fail the same way).
 */
export function readBatchRows(format: 'JSON' | 'CSV', rows: readonly unknown[] | null | undefined, csv: string | null | undefined): unknown[] {
  if (format === 'JSON') {
    if (csv != null) throw new IngestionInputError('input.csv is for format CSV; send JSON rows in input.rows', 'input.csv');
    if (rows == null) throw new IngestionInputError('input.rows is required for format JSON: one object of CF_/XK_ fields per record', 'input.rows');
    return [...rows];
  }
  if (rows != null) throw new IngestionInputError('input.rows is for format JSON; send the CSV file\'s text in input.csv', 'input.csv');
  if (csv == null) throw new IngestionInputError('input.csv is required for format CSV: a header line of field names, then one line per record', 'input.csv');
  let parsed: Record<string, string>[];
  try {
    parsed = parseCsv(csv);
  } catch (error) {
    if (error instanceof CsvFormatError) throw new IngestionInputError(`input.csv cannot be read: ${error.message}`, 'input.csv');
    throw error;
  }
  const unknown = Object.keys(parsed[0] ?? {}).filter((name) => !KNOWN_FIELDS.has(name));
  if (unknown.length > 0) {
    throw new IngestionInputError(`input.csv: unknown column ${unknown.join(', ')}; columns are the double-publicity field names (CF_…, XK_…, BZ)`, 'input.csv');
  }
  return parsed;
}
