import type DataLoader from 'dataloader';

/**
 * One DataLoader per distinct parameter (a statistics period, a period and a cycle…), created on first use by
 * `create` and kept for the request: the subjects asked with the same parameter at one level of a query go
 * out in one platform call, those asked with another parameter in another. `keyOf` gives the parameter's
 * cache key. Create the family inside a loaders factory, so it lives for one request only.
 */
export function createLoaderFamily<P, K, V>(keyOf: (parameter: P) => string, create: (parameter: P) => DataLoader<K, V>): (parameter: P) => DataLoader<K, V> {
  const loaders = new Map<string, DataLoader<K, V>>();
  return (parameter) => {
    const key = keyOf(parameter);
    let loader = loaders.get(key);
    if (!loader) {
      loader = create(parameter);
      loaders.set(key, loader);
    }
    return loader;
  };
}
