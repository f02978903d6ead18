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
