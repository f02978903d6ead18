/** An exact decimal as an integer of units and the number of decimal places. */
interface Scaled {
  units: bigint;
  scale: number;
}

function parseDecimal(value: string): Scaled {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) throw new Error(`not a non-negative decimal: "${value}"`);
  const fraction = match[2] ?? '';
  return { units: BigInt(`${match[1]}${fraction}`), scale: fraction.length };
}

function formatDecimal(units: bigint, scale: number): string {
  const digits = units.toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

/** Decimal places of money amounts in 10,000 yuan (万元): 0.000001 万元 is one fen (分). */
export const AMOUNT_SCALE = 6;

/**
 * Simple overdue interest (逾期利息) = amount × daily rate × days, in exact decimal arithmetic and rounded
 * half-up to `AMOUNT_SCALE` places at the end only. Amount in 万元, rate per day as a fraction ("0.0005"
 * is 0.05 % a day), days ≥ 0. Returns a decimal string without trailing zeros; never uses floating point.
 */
export function computeOverdueInterest(amount: string, dailyRate: string, days: number): string {
  if (!Number.isInteger(days) || days < 0) throw new Error(`days must be a whole number ≥ 0, got ${days}`);
  const a = parseDecimal(amount);
  const r = parseDecimal(dailyRate);
  const product = a.units * r.units * BigInt(days);
  const scale = a.scale + r.scale;
  if (scale <= AMOUNT_SCALE) return formatDecimal(product * 10n ** BigInt(AMOUNT_SCALE - scale), AMOUNT_SCALE);
  const divisor = 10n ** BigInt(scale - AMOUNT_SCALE);
  const rounded = (product + divisor / 2n) / divisor;
  return formatDecimal(rounded, AMOUNT_SCALE);
}

/** A part of a debt and the days it stayed unpaid after the due date. */
export interface OverduePart {
  amount: string;
  days: number;
}

/**
 * Overdue interest on a debt paid in parts: Σ part × days × daily rate, exact, rounded half-up to
 * `AMOUNT_SCALE` places once at the end (so paying in parts never rounds more often than paying at once).
 * Each part is an amount in 万元 with the whole days it stayed unpaid after the due date (≥ 0).
 */
export function computeOverdueInterestOnParts(parts: readonly OverduePart[], dailyRate: string): string {
  const r = parseDecimal(dailyRate);
  let scale = 0;
  const parsed = parts.map((p) => {
    if (!Number.isInteger(p.days) || p.days < 0) throw new Error(`days must be a whole number ≥ 0, got ${p.days}`);
    const a = parseDecimal(p.amount);
    scale = Math.max(scale, a.scale);
    return { a, days: BigInt(p.days) };
  });
  // Bring every amount to one scale, then one multiplication by the rate.
  const sum = parsed.reduce((acc, { a, days }) => acc + a.units * 10n ** BigInt(scale - a.scale) * days, 0n);
  const product = sum * r.units;
  const total = scale + r.scale;
  if (total <= AMOUNT_SCALE) return formatDecimal(product * 10n ** BigInt(AMOUNT_SCALE - total), AMOUNT_SCALE);
  const divisor = 10n ** BigInt(total - AMOUNT_SCALE);
  return formatDecimal((product + divisor / 2n) / divisor, AMOUNT_SCALE);
}

/** `a - b` for non-negative decimals; negative results are returned with a leading "-". */
export function subtractDecimal(a: string, b: string): string {
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  const scale = Math.max(x.scale, y.scale);
  const diff = x.units * 10n ** BigInt(scale - x.scale) - y.units * 10n ** BigInt(scale - y.scale);
  return diff < 0n ? `-${formatDecimal(-diff, scale)}` : formatDecimal(diff, scale);
}

/** The sum of non-negative decimals, exact. */
export function sumDecimals(values: readonly string[]): string {
  return values.reduce((acc, v) => addDecimal(acc, v), '0');
}

function addDecimal(a: string, b: string): string {
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  const scale = Math.max(x.scale, y.scale);
  return formatDecimal(x.units * 10n ** BigInt(scale - x.scale) + y.units * 10n ** BigInt(scale - y.scale), scale);
}
