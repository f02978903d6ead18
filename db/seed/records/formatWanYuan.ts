/**
 * Formats an amount of whole yuan as 10,000 yuan (万元) with exactly four decimals, by integer
 * arithmetic so that no binary rounding creeps in: 5000 → '0.5000', 123456 → '12.3456'.
 * Throws on a negative or non-integer amount.
 */
export function formatWanYuan(yuan: number): string {
  if (!Number.isSafeInteger(yuan) || yuan < 0) throw new Error(`formatWanYuan: expected whole yuan >= 0, got ${yuan}`);
  return `${Math.floor(yuan / 10_000)}.${String(yuan % 10_000).padStart(4, '0')}`;
}
