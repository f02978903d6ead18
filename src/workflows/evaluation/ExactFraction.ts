/**
 * An exact rational number over BigInt, so scores are computed without binary floating point: a weighted
 * mean of ratios compares and rounds the same way on every machine and database. Always normalised
 * (denominator positive, lowest terms), so equal values have equal parts.
 */
export class ExactFraction {
  private constructor(readonly numerator: bigint, readonly denominator: bigint) {}

  /** n/d in lowest terms; throws on a zero denominator (a programming error: callers check first). */
  static of(numerator: bigint | number, denominator: bigint | number = 1n): ExactFraction {
    let n = BigInt(numerator);
    let d = BigInt(denominator);
    if (d === 0n) throw new Error('ExactFraction: division by zero');
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    const g = gcd(n < 0n ? -n : n, d);
    return new ExactFraction(n / g, d / g);
  }

  /** A decimal literal such as "0.25" or "20" (the rule file's weights and bounds), exactly. */
  static parse(decimal: string): ExactFraction {
    const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal);
    if (!m) throw new Error(`ExactFraction: "${decimal}" is not a decimal number`);
    const fraction = m[3] ?? '';
    const n = BigInt(`${m[2]}${fraction}`) * (m[1] ? -1n : 1n);
    return ExactFraction.of(n, 10n ** BigInt(fraction.length));
  }

  add(other: ExactFraction): ExactFraction {
    return ExactFraction.of(this.numerator * other.denominator + other.numerator * this.denominator, this.denominator * other.denominator);
  }

  sub(other: ExactFraction): ExactFraction {
    return this.add(ExactFraction.of(-other.numerator, other.denominator));
  }

  mul(other: ExactFraction): ExactFraction {
    return ExactFraction.of(this.numerator * other.numerator, this.denominator * other.denominator);
  }

  div(other: ExactFraction): ExactFraction {
    return ExactFraction.of(this.numerator * other.denominator, this.denominator * other.numerator);
  }

  /** -1, 0 or 1 as this is less than, equal to or greater than `other`. */
  compare(other: ExactFraction): number {
    const left = this.numerator * other.denominator;
    const right = other.numerator * this.denominator;
    return left < right ? -1 : left > right ? 1 : 0;
  }

  /** The value clamped to [low, high]. */
  clamp(low: ExactFraction, high: ExactFraction): ExactFraction {
    if (this.compare(low) < 0) return low;
    return this.compare(high) > 0 ? high : this;
  }

  /** A decimal string with `places` digits after the point, rounded half away from zero ("12.35"). */
  toFixed(places: number): string {
    const scale = 10n ** BigInt(places);
    const negative = this.numerator < 0n;
    const abs = negative ? -this.numerator : this.numerator;
    const scaled = (abs * scale * 2n + this.denominator) / (this.denominator * 2n);
    const digits = scaled.toString().padStart(places + 1, '0');
    const text = places > 0 ? `${digits.slice(0, -places)}.${digits.slice(-places)}` : digits;
    return negative && scaled !== 0n ? `-${text}` : text;
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}
