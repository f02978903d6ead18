import { validateUscc } from '../../codes/index.js';
import { markFormulaCell } from './formulaCells.js';
import { describeValueList, lookUpValue, type FieldType } from './doublePublicityFormat.js';

/** A field value read successfully: the normalised value (a code list for PENALTY_CATEGORIES). */
export type FieldValue = string | string[];

/** Why a field value is refused; `expected` is the correct check character when a code fails its checksum. */
export interface FieldProblem {
  message: string;
  expected?: string;
}

// A batch names the same few authorities and subjects again and again: validate each code once.
const usccResults = new Map<string, ReturnType<typeof validateUscc>>();
function validateUsccCached(raw: string): ReturnType<typeof validateUscc> {
  let result = usccResults.get(raw);
  if (result === undefined) {
    if (usccResults.size >= 50_000) usccResults.clear();
    result = validateUscc(raw);
    usccResults.set(raw, result);
  }
  return result;
}

const WAN_YUAN = /^\d{1,12}(\.\d{1,6})?$/;
const LIST_SEPARATORS = /[;；,，、|]/;

/** A calendar date written YYYY-MM-DD or YYYYMMDD, as YYYY-MM-DD; null when it is not a real date. */
export function readDate(raw: string): string | null {
  const match = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(raw);
  // 8 characters without hyphens or 10 with both: "2026-0101" is neither.
  if (!match || (raw.length !== 8 && raw.length !== 10)) return null;
  const iso = `${match[1]}-${match[2]}-${match[3]}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso ? null : iso;
}

/** An amount in 10,000 yuan (万元) as an exact decimal without superfluous zeros ("1.50" → "1.5"); null when malformed. */
export function readWanYuan(raw: string): string | null {
  const text = raw.replace(/,/g, '');
  if (!WAN_YUAN.test(text)) return null;
  const [whole = '0', fraction = ''] = text.split('.');
  const trimmedWhole = whole.replace(/^0+(?=\d)/, '');
  const trimmedFraction = fraction.replace(/0+$/, '');
  return trimmedFraction ? `${trimmedWhole}.${trimmedFraction}` : trimmedWhole;
}

/**
 * Reads one non-empty field value by its type. Returns the normalised value (a text that starts like a
 * spreadsheet formula with FORMULA_MARKER before it), or a problem whose message says what is wrong and what
 * is expected (the checksum reason of src/codes for a USCC). Never throws.
 */
export function readFieldValue(type: FieldType, raw: string): { value: FieldValue } | { problem: FieldProblem } {
  switch (type) {
    case 'TEXT':
      // A cell a spreadsheet would run (=HYPERLINK(…)) is stored with a marker: records are exported to spreadsheets.
      return { value: markFormulaCell(raw) };
    case 'USCC': {
      const result = validateUsccCached(raw);
      if (result.ok) return { value: result.value };
      return { problem: result.expected === undefined ? { message: result.reason } : { message: result.reason, expected: result.expected } };
    }
    case 'DATE': {
      const date = readDate(raw);
      return date ? { value: date } : { problem: { message: `must be a date written YYYY-MM-DD or YYYYMMDD, got "${raw}"` } };
    }
    case 'WAN_YUAN': {
      const amount = readWanYuan(raw);
      return amount !== null
        ? { value: amount }
        : { problem: { message: `must be a non-negative amount in 10,000 yuan (万元) with at most 6 decimals, e.g. "1.25", got "${raw}"` } };
    }
    case 'PENALTY_CATEGORIES': {
      const parts = raw.split(LIST_SEPARATORS).map((p) => p.trim()).filter((p) => p !== '');
      const codes = parts.map((p) => lookUpValue(type, p));
      const unknown = parts.filter((_, i) => codes[i] === null);
      if (unknown.length > 0 || parts.length === 0) {
        return { problem: { message: `unknown penalty category ${unknown.map((u) => `"${u}"`).join(', ') || '(none given)'}; use ${describeValueList(type)}, separated by ";"` } };
      }
      return { value: [...new Set(codes as string[])].sort() };
    }
    default: {
      const code = lookUpValue(type, raw);
      return code !== null ? { value: code } : { problem: { message: `unknown value "${raw}"; use ${describeValueList(type)}` } };
    }
  }
}
