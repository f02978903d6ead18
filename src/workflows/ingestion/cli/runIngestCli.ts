import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { validateUscc } from '../../../codes/index.js';
import { todayInShanghai } from '../../../credit/index.js';
import { IngestionInputError, ingestRecords } from '../ingestRecords.js';
import { KnexIngestionStore } from '../KnexIngestionStore.js';
import { readBatchRows } from '../readBatchRows.js';
import { UsageError, type CommandIo } from '../../CommandIo.js';

const USAGE = 'usage: npm run ingest -- --file rows.csv|rows.json --source-unit USCC';

export { UsageError };

/** Where the command writes and which database it opens (CommandIo), and today's date for tests. */
export interface IngestCliIo extends CommandIo {
  today?: () => string;
}

async function readRows(file: string): Promise<{ format: 'JSON' | 'CSV'; rows: unknown[] }> {
  const extension = extname(file).toLowerCase();
  if (extension !== '.csv' && extension !== '.json') throw new UsageError(`--file must end in .csv or .json, got "${file}"`);
  const text = await readFile(file, 'utf8');
  if (extension === '.csv') return { format: 'CSV', rows: readBatchRows('CSV', null, text) };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new IngestionInputError(`${file} is not valid JSON: ${(error as Error).message}`, 'file');
  }
  if (!Array.isArray(parsed)) throw new IngestionInputError(`${file} must hold a JSON array of row objects`, 'file');
  return { format: 'JSON', rows: readBatchRows('JSON', parsed, null) };
}

/**
 * `npm run ingest -- --file rows.csv|rows.json --source-unit USCC`: ingests a file as one batch (channel CLI,
 * no consumer) and prints the report as JSON. Resolves to the exit code: 0 when every row was taken,
 * 1 when any row was rejected or the batch failed, 2 for a usage mistake.
 */
export async function runIngestCli(argv: string[], io: IngestCliIo): Promise<number> {
  try {
    const { values } = parseArgs({ args: argv, options: { file: { type: 'string' }, 'source-unit': { type: 'string' } } });
    if (!values.file) throw new UsageError('--file is required');
    const sourceUnit = validateUscc(values['source-unit'] ?? '');
    if (!sourceUnit.ok) throw new UsageError(`--source-unit must be a USCC: ${values['source-unit'] ? sourceUnit.reason : 'missing'}`);
    const { format, rows } = await readRows(values.file);
    const knex = io.openKnex();
    const report = await ingestRecords(KnexIngestionStore.create(knex), {
      sourceUnitUscc: sourceUnit.value, format, rows, consumerId: null, channel: 'CLI', today: (io.today ?? todayInShanghai)(),
    });
    io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    return report.counts.rejected > 0 ? 1 : 0;
  } catch (error) {
    const usage = error instanceof UsageError || (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION';
    io.stderr(`${usage ? 'error' : 'failed'}: ${(error as Error).message}\n${usage ? `${USAGE}\n` : ''}`);
    return usage ? 2 : 1;
  }
}
