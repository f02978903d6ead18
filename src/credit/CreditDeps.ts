import type { CreditStore } from './CreditStore.js';
import { createLoaders, type CreditLoaders } from './createLoaders.js';

/** What every credit resolver needs: the store and the current request's loaders. */
export class CreditDeps {
  // Keyed by the GraphQL context object, which the server creates afresh for every request, so loaders
  // (and their caches) live exactly as long as one request.
  private readonly perRequest = new WeakMap<object, CreditLoaders>();

  constructor(readonly store: CreditStore) {}

  /** The loaders of the request whose context this is; created on first use. */
  loaders(context: object): CreditLoaders {
    let loaders = this.perRequest.get(context);
    if (!loaders) {
      loaders = createLoaders(this.store);
      this.perRequest.set(context, loaders);
    }
    return loaders;
  }
}
