/**
 * The marker put before a text cell a spreadsheet would run as a formula: a leading apostrophe, which Excel,
 * WPS and LibreOffice show as nothing and which makes them take the rest as text (the OWASP "CSV injection"
 * defence). Stored and published with the text, so a record copied from the graph into a spreadsheet is safe.
 */
export const FORMULA_MARKER = "'";

// What starts a formula in a spreadsheet cell: = + - @, and a tab or carriage return before one.
const FORMULA_START = /^[=+\-@\t\r]/;

/** Whether a spreadsheet would take `text` as a formula. Pure. */
export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text);
}

/**
 * An ingested text cell as stored: `text` itself, or with FORMULA_MARKER before it when it starts like a formula
 * (`=HYPERLINK(…)` → `'=HYPERLINK(…)`). A cell already starting with the marker is left alone. Pure.
 */
export function markFormulaCell(text: string): string {
  return isFormulaLike(text) ? `${FORMULA_MARKER}${text}` : text;
}

/**
 * One CSV field (RFC 4180) that no spreadsheet runs: formula-like text gets FORMULA_MARKER, and a field holding
 * a comma, quote, CR or LF is quoted with quotes doubled; null is the empty field. Every CSV the hub writes must
 * build its fields with this (today the hub writes none: ingestion reports are JSON). Pure.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = markFormulaCell(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
