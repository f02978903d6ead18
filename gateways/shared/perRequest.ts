/**
 * Returns a function giving one value per request, created by `create` on first use and keyed by the
 * GraphQL context object (stitching hands the gateway's context to every subschema), so loaders are
 * shared by everything one request resolves and never by two requests.
 */
export function perRequest<T>(create: () => T): (context: unknown) => T {
  const byContext = new WeakMap<object, T>();
  return (context) => {
    if (typeof context !== 'object' || context === null) {
      throw new Error('adapter resolvers need the request context object to hold their loaders; pass a context to execute()');
    }
    let value = byContext.get(context);
    if (value === undefined) {
      value = create();
      byContext.set(context, value);
    }
    return value;
  };
}
