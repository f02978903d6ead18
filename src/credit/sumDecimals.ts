/** Scale of the amounts the store keeps (NUMERIC(18, 6)). */
const SCALE = 6;

/**
 * The exact sum of decimal strings ('12.5', '0.000001'); nulls are skipped, and the sum of nothing is null.
 * Written without trailing zeros, like the store's amounts. Throws on a string that is not a plain decimal.
 */
export function sumDecimals(values: readonly (string | null)[]): string | null {
  let total: bigint | null = null;
  for (const value of values) {
    if (value === null) continue;
    const match = /^(-?)(\d+)(?:\.(\d{1,6}))?$/.exec(value);
    if (!match) throw new Error(`sumDecimals: "${value}" is not a decimal with at most ${SCALE} places`);
    const units = BigInt(match[2]! + (match[3] ?? '').padEnd(SCALE, '0')) * (match[1] ? -1n : 1n);
    total = (total ?? 0n) + units;
  }
  if (total === null) return null;
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(SCALE + 1, '0');
  const text = `${digits.slice(0, -SCALE)}.${digits.slice(-SCALE)}`.replace(/\.?0+$/, '');
  return negative ? `-${text}` : text;
}
