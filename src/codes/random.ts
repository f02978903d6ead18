/** A seeded pseudo-random source: the only randomness the sample-data generator uses. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** One element of a non-empty array; throws on an empty one. */
  pick<T>(items: readonly T[]): T;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** A day number (days since 1970-01-01) in [fromDay, toDay]. */
  dayBetween(fromDay: number, toDay: number): number;
  /** `length` characters drawn from `alphabet`. */
  chars(alphabet: string, length: number): string;
  /** An independent stream for `label`: same seed and label, same numbers, whatever else was drawn. */
  fork(label: string): Random;
}

// FNV-1a, so that a text label can be mixed into a numeric seed.
function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// splitmix32: spreads one 32-bit seed over sfc32's four words of state.
function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * Creates an sfc32 generator (128-bit state, passes PractRand) for `seed` and an optional stream
 * label. Deterministic: equal arguments give equal sequences on every platform.
 */
export function createRandom(seed: number, label = ''): Random {
  const init = splitmix32((seed ^ hashLabel(label)) >>> 0);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick: no items to pick from');
      return items[Math.floor(next() * items.length)] as T;
    },
    chance: (p) => next() < p,
    dayBetween: (fromDay, toDay) => int(fromDay, toDay),
    chars(alphabet, length) {
      let out = '';
      for (let i = 0; i < length; i++) out += alphabet.charAt(Math.floor(next() * alphabet.length));
      return out;
    },
    fork: (forkLabel) => createRandom(seed, `${label}/${forkLabel}`),
  };
}

/** A weighted choice prepared once and drawn many times. */
export type WeightedPicker<T> = (random: Random) => T;

/**
 * Prepares a weighted choice over `[value, weight]` pairs (weights > 0, any scale). Throws when the
 * list is empty or no weight is positive. Drawing is a binary search, O(log n).
 */
export function createWeightedPicker<T>(entries: readonly (readonly [T, number])[]): WeightedPicker<T> {
  const values: T[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (const [value, weight] of entries) {
    if (!(weight > 0)) continue;
    total += weight;
    values.push(value);
    cumulative.push(total);
  }
  if (values.length === 0) throw new Error('createWeightedPicker: needs at least one positive weight');
  return (random) => {
    const target = random.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) > target) hi = mid;
      else lo = mid + 1;
    }
    return values[lo] as T;
  };
}
