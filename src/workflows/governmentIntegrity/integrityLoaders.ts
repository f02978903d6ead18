import DataLoader from 'dataloader';
import type { GovernmentIntegrityStore, Row } from './GovernmentIntegrityStore.js';

/** The per-request loaders of the workflow: rows by body USCC, case id or commitment id, one batch each. */
export interface IntegrityLoaders {
  commitments: DataLoader<string, Row[]>;
  cases: DataLoader<string, Row[]>;
  interviews: DataLoader<string, Row[]>;
  tenures: DataLoader<string, Row[]>;
  payments: DataLoader<string, Row[]>;
}

const group = (rows: Row[], key: string, keys: readonly string[]) => keys.map((k) => rows.filter((r) => String(r[key]) === k));

/**
 * Returns the loaders of a request, made on first use and kept for that request only (keyed by its context
 * object); each batch function answers one list per key, in key order.
 */
export function createLoadersOf(store: GovernmentIntegrityStore): (context: object) => IntegrityLoaders {
  const loaders = new WeakMap<object, IntegrityLoaders>();
  return (context) => {
    let l = loaders.get(context);
    if (!l) {
      l = {
        commitments: new DataLoader(async (usccs) => group(await store.commitmentsOf(usccs, null), 'body_uscc', usccs)),
        cases: new DataLoader(async (usccs) => group(await store.casesOf(usccs), 'body_uscc', usccs)),
        interviews: new DataLoader(async (ids) => group(await store.interviewsOf(ids), 'case_id', ids)),
        tenures: new DataLoader(async (usccs) => group(await store.tenuresOf(usccs), 'body_uscc', usccs)),
        payments: new DataLoader(async (ids) => group(await store.paymentsOf(ids), 'commitment_id', ids)),
      };
      loaders.set(context, l);
    }
    return l;
  };
}
