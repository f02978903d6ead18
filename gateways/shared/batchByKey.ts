import type { BatchLoadFn } from 'dataloader';

/**
 * A DataLoader batch function over a platform call that answers a map for many keys at once: returns
 * one value per key in key order, `missing(key)` for a key absent from the map, and the call's error
 * for every key when it fails, so each field the call serves shows the platform's error at its own
 * path. Never rejects.
 */
export function batchByKey<K, V, M = K>(
  fetch: (keys: readonly K[]) => Promise<ReadonlyMap<M, V>>,
  missing: (key: K) => V | Error,
  /** Where a loader key is an object (a USCC and a part), the map key it is found under. */
  mapKey: (key: K) => M = (key) => key as unknown as M,
): BatchLoadFn<K, V> {
  return async (keys) => {
    try {
      const found = await fetch(keys);
      return keys.map((key) => (found.has(mapKey(key)) ? (found.get(mapKey(key)) as V) : missing(key)));
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      return keys.map(() => failure);
    }
  };
}
