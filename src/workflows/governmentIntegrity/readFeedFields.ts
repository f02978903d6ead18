import { validateUscc } from '../../codes/index.js';

/** One problem of a batch row: the field in the batch format and how to fix it. */
export interface FeedError {
  field: string;
  message: string;
}

/**
 * Reads the fields of one batch row (a JSON object) and collects what is wrong, field by field: each reader
 * returns the value or undefined and records the error with its fix, so one pass reports every bad field.
 */
export class FeedFields {
  readonly errors: FeedError[] = [];

  constructor(private readonly row: Record<string, unknown>) {}

  /** Records an error about `field`. */
  fail(field: string, message: string): undefined {
    this.errors.push({ field, message });
    return undefined;
  }

  private raw(field: string, required: boolean): string | undefined {
    const value = this.row[field];
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      return required ? this.fail(field, 'required') : undefined;
    }
    if (typeof value !== 'string' && typeof value !== 'number') return this.fail(field, `must be a string, got ${JSON.stringify(value)}`);
    return String(value).trim();
  }

  /** A text of `min` to `max` characters. */
  text(field: string, min: number, max: number, required = true): string | undefined {
    const value = this.raw(field, required);
    if (value === undefined) return undefined;
    const length = [...value].length;
    return length < min || length > max ? this.fail(field, `must be ${min} to ${max} characters, got ${length}`) : value;
  }

  /** A calendar date YYYY-MM-DD (or YYYYMMDD), not after `latest` when given. */
  date(field: string, required = true, latest?: string): string | undefined {
    const value = this.raw(field, required);
    if (value === undefined) return undefined;
    const iso = /^\d{8}$/.test(value) ? `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6)}` : value;
    const parsed = Date.parse(`${iso}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(parsed) || new Date(parsed).toISOString().slice(0, 10) !== iso) {
      return this.fail(field, `must be a date YYYY-MM-DD, got "${value}"`);
    }
    return latest !== undefined && iso > latest ? this.fail(field, `must not be after ${latest}, got ${iso}`) : iso;
  }

  /** An exact decimal above 0 with at most 6 decimals (万元 to the fen), or a rate. */
  decimal(field: string, required = true): string | undefined {
    const value = this.raw(field, required);
    if (value === undefined) return undefined;
    if (!/^\d+(\.\d{1,6})?$/.test(value) || /^0+(\.0*)?$/.test(value)) return this.fail(field, `must be a number above 0 with at most 6 decimals, e.g. "12.5", got "${value}"`);
    return value;
  }

  /** A whole number from `min` to `max`. */
  integer(field: string, min: number, max: number): number | undefined {
    const value = this.raw(field, false);
    if (value === undefined) return undefined;
    const n = Number(value);
    return Number.isInteger(n) && n >= min && n <= max ? n : this.fail(field, `must be a whole number from ${min} to ${max}, got "${value}"`);
  }

  /** One of `values`. */
  oneOf<T extends string>(field: string, values: readonly T[], required = true): T | undefined {
    const value = this.raw(field, required);
    if (value === undefined) return undefined;
    return (values as readonly string[]).includes(value) ? (value as T) : this.fail(field, `must be one of ${values.join(', ')}, got "${value}"`);
  }

  /** A valid USCC (both check characters), normalised. */
  uscc(field: string, required = true): string | undefined {
    const value = this.raw(field, required);
    if (value === undefined) return undefined;
    const checked = validateUscc(value);
    return checked.ok ? checked.value : this.fail(field, `"${value}" is not a valid USCC: ${checked.reason}`);
  }

  /** The row's value at `field` as it was sent (lists and objects included). */
  value(field: string): unknown {
    return this.row[field];
  }
}
