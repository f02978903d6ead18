/** A CSV file that cannot be read as a table: the message names the line. */
export class CsvFormatError extends Error {
  override readonly name = 'CsvFormatError';
}

/**
 * Parses CSV text (RFC 4180: comma-separated, fields optionally in double quotes with "" for a quote and
 * line breaks allowed inside quotes; CRLF or LF; a UTF-8 byte-order mark is ignored) into one object per
 * data line keyed by the header line's names. Blank lines are skipped. Throws CsvFormatError for an
 * unterminated quote, a repeated or empty header name, or a line with more fields than the header.
 */
export function parseCsv(text: string): Record<string, string>[] {
  const lines = readLines(text.startsWith('\uFEFF') ? text.slice(1) : text);
  const headerLine = lines.shift();
  if (!headerLine) return [];
  const header = headerLine.fields.map((h) => h.trim());
  const seen = new Set<string>();
  for (const name of header) {
    if (name === '' || seen.has(name)) {
      throw new CsvFormatError(`line ${headerLine.line}: the header has ${name === '' ? 'an empty column name' : `the column ${name} twice`}`);
    }
    seen.add(name);
  }
  return lines.map(({ fields, line }) => {
    if (fields.length > header.length) {
      throw new CsvFormatError(`line ${line}: ${fields.length} fields but the header names ${header.length}`);
    }
    return Object.fromEntries(header.map((name, i) => [name, fields[i] ?? '']));
  });
}

// Splits into records of fields, remembering the line each record starts on.
function readLines(text: string): { fields: string[]; line: number }[] {
  const records: { fields: string[]; line: number }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  let i = 0;
  const endRecord = (): void => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) records.push({ fields, line: startLine });
    fields = [];
    field = '';
  };
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (ch === '"') { quoted = false; i += 1; continue; }
      if (ch === '\n') line += 1;
      field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') { quoted = true; i += 1; continue; }
    if (ch === ',') { fields.push(field); field = ''; i += 1; continue; }
    if (ch === '\r' && text[i + 1] === '\n') { i += 1; continue; }
    if (ch === '\n') { endRecord(); line += 1; startLine = line; i += 1; continue; }
    field += ch;
    i += 1;
  }
  if (quoted) throw new CsvFormatError(`line ${startLine}: a quoted field is not closed`);
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

/** Writes rows as CSV with the given columns (quoting where needed), header first, LF line ends. */
export function formatCsv(columns: readonly string[], rows: readonly Readonly<Record<string, string>>[]): string {
  const quote = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return [columns.join(','), ...rows.map((row) => columns.map((c) => quote(row[c] ?? '')).join(','))].join('\n') + '\n';
}
