import DataLoader from 'dataloader';
import type {
  CatalogItemRow, CivilServantRow, CreditStore, DistrictRow, OrganisationRow, PageRequest, PartyRole, RecordFilter, RecordOwner, RecordPage, RecordRowProperty,
} from './CreditStore.js';

/** A request for one owner's page; owners asking with the same page request are batched together. */
export interface OwnerPageKey {
  owner: RecordOwner;
  page: PageRequest;
  /** Read these parties of the records along (they then come from the organisation loader's cache). */
  parties?: readonly PartyRole[];
  /** Only these properties of the record rows (absent: the whole row). */
  reads?: readonly RecordRowProperty[];
  /** Only these properties of the records' parties, which then come on the rows (absent: whole organisations). */
  partyReads?: readonly (keyof OrganisationRow)[];
}

/** An owner's count under a filter. */
export interface OwnerCountKey {
  owner: RecordOwner;
  filter: RecordFilter;
}

/** The per-request loaders of the credit subschema. */
export interface CreditLoaders {
  organisation: DataLoader<string, OrganisationRow | null>;
  departments: DataLoader<string, OrganisationRow[]>;
  civilServant: DataLoader<string, CivilServantRow | null>;
  /** Full citizen ID numbers by civil-servant id; load only for a request entitled to unmask. */
  idNumber: DataLoader<string, string | null>;
  catalogItem: DataLoader<string, CatalogItemRow | null>;
  district: DataLoader<string, DistrictRow | null>;
  recordPage: DataLoader<OwnerPageKey, RecordPage, string>;
  recordCount: DataLoader<OwnerCountKey, number, string>;
}

/** Groups keys by a shared part, runs one batch call per group, and returns results in key order. */
async function batchByGroup<K, V>(
  keys: readonly K[],
  groupOf: (key: K) => string,
  run: (group: K[]) => Promise<V[]>,
): Promise<V[]> {
  const groups = new Map<string, number[]>();
  keys.forEach((key, i) => {
    const group = groupOf(key);
    const indexes = groups.get(group);
    if (indexes) indexes.push(i);
    else groups.set(group, [i]);
  });
  const results = new Array<V>(keys.length);
  await Promise.all(
    [...groups.values()].map(async (indexes) => {
      const values = await run(indexes.map((i) => keys[i] as K));
      indexes.forEach((keyIndex, j) => {
        results[keyIndex] = values[j] as V;
      });
    }),
  );
  return results;
}

/**
 * Creates fresh loaders for one GraphQL request; never share them across requests (their cache would
 * serve one caller's data to another). Each batch issues one statement per distinct page request; the
 * record visibility is part of the filter (`disclosedOn`), so it is part of every page and count key. A page read
 * `withParties` fills the organisation loader with the records' authorities and source units.
 */
export function createLoaders(store: CreditStore): CreditLoaders {
  const organisation = new DataLoader<string, OrganisationRow | null>((usccs) => store.organisationsByUscc(usccs));
  return {
    organisation,
    departments: new DataLoader((usccs) => store.departmentsOf(usccs)),
    civilServant: new DataLoader((ids) => store.civilServantsById(ids)),
    idNumber: new DataLoader((ids) => store.idNumbersById(ids)),
    catalogItem: new DataLoader((codes) => store.catalogItemsByCode(codes)),
    district: new DataLoader(async (codes) => {
      const districts = await store.listDistricts();
      return codes.map((code) => districts.find((d) => d.code === code) ?? null);
    }),
    recordPage: new DataLoader(
      (keys) =>
        batchByGroup(keys, (k) => JSON.stringify([k.page, k.parties, k.reads, k.partyReads]), async (group) => {
          const { page, parties, reads, partyReads } = group[0]!;
          const pages = await store.recordPagesByOwner(group.map((k) => k.owner), page, {
            ...(parties ? { parties } : {}), ...(reads ? { reads } : {}), ...(partyReads ? { partyReads } : {}),
          });
          // The parties read with the pages answer the `authority` and `sourceUnit` loads that follow them.
          for (const party of pages.flatMap((p) => p.parties ?? [])) organisation.prime(party.uscc, party);
          return pages;
        }),
      { cacheKeyFn: (k) => JSON.stringify(k) },
    ),
    recordCount: new DataLoader(
      (keys) =>
        batchByGroup(keys, (k) => JSON.stringify(k.filter), (group) =>
          store.recordCountsByOwner(group.map((k) => k.owner), group[0]!.filter)),
      { cacheKeyFn: (k) => JSON.stringify(k) },
    ),
  };
}
