/**
 * Computes the ISO 7064 MOD 11,10 check digit of a string of digits (hybrid system:
 * p = 10; per digit s = (p + d) mod 10, 0 → 10; p = 2s mod 11; check = (11 - p) mod 10).
 * Detects every single-digit substitution. Throws `Error` unless given one or more digits.
 */
export function computeMod1110Check(digits: string): string {
  if (!/^\d+$/.test(digits)) {
    throw new Error(`ISO 7064 MOD 11,10 needs digits only, got "${digits}"`);
  }
  let p = 10;
  for (const ch of digits) {
    const s = (p + Number(ch)) % 10 || 10;
    p = (s * 2) % 11;
  }
  return String((11 - p) % 10);
}
