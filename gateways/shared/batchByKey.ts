import type { BatchLoadFn } from 'dataloader';

/**
 * A DataLoader batch function over a platform call that answers a map for many keys at once: returns
 * one value per key in key order, `missing(key)` for a key absent from the map, and the call's error
 * for every key when it fails, so each field the call serves shows the platform's error at its own
 * path. Never rejects.
 */
export function batchByKey<K, V>(fetch: (keys: readonly K[]) => Promise<Map<K, V>>, missing: (key: K) => V | Error): BatchLoadFn<K, V> {
  return async (keys) => {
    try {
      const found = await fetch(keys);
      return keys.map((key) => (found.has(key) ? (found.get(key) as V) : missing(key)));
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      return keys.map(() => failure);
    }
  };
}
