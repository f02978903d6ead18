import { readSeedJson } from '../readSeedJson.js';
import type { SubjectGroup } from '../SeedWorld.js';

/** One kind of case an item covers: a violation, licence type, honour, cause of action … */
export interface CatalogCase {
  text: string;
  weight: number;
  basis?: string;
  /** Special-governance field the case belongs to, set on a record with `fieldChance` (default 1). */
  field?: string;
  fieldChance?: number;
  /** Who can be the subject; any group of the item when absent. */
  subjects?: SubjectGroup[];
  caseType?: 'CIVIL' | 'CRIMINAL' | 'ADMINISTRATIVE';
  severity?: 'MINOR' | 'GENERAL' | 'SERIOUS';
  certificateName?: string;
  certificate?: string;
  category?: string;
  validYears?: number;
  commitmentType?: string;
  /** Authority key for this case, overriding the item's `authorities`. */
  authority?: string;
}

/** A catalogue item as written in `db/seed/catalog/*.json`, before its source unit is resolved. */
export interface CatalogDefinition {
  code: string;
  recordKind: string;
  /** Share among the items of the same record kind. */
  weight: number;
  name: string;
  nameZh: string;
  conduct: string;
  /** Key of the city body that supplies the data. */
  sourceUnit: string;
  sourceChannel: string;
  dataFormat: string;
  reportingCycle: string;
  disclosure: string;
  sharingClass: string;
  retentionYears: number;
  legalBasis: string;
  /** Appended to the authority's abbreviation in document numbers (深市监 + 罚). */
  docSuffix: string;
  /** [body key, weight]; `KEY@` is the body of that key in the subject's district. */
  authorities: [string, number][];
  subjects: [SubjectGroup, number][];
  cases: CatalogCase[];
  listName?: string;
  measures?: string;
  removal?: string;
  dishonestConduct?: [string, string, number][];
  /** The item's own sanction scale (Party discipline); else the catalogue's shared one. */
  sanctions?: [string, string, number][];
  /** Decided by the civil servant's appointing body (任免机关), the employer, not by a fixed authority. */
  authorityIsEmployer?: boolean;
  accountabilityMeasures?: [string, string, number][];
}

/** The whole catalogue plus the sanction scale shared by the two sanction kinds. */
export interface CatalogDefinitions {
  items: CatalogDefinition[];
  sanctions: [string, string, number][];
}

const FILES = ['penalties', 'licences', 'judicial', 'dishonestyLists', 'officials', 'positive', 'governmentIntegrity'];

/** Reads every catalogue file in a fixed order; throws when a code repeats. */
export function readCatalogDefinitions(): CatalogDefinitions {
  const items: CatalogDefinition[] = [];
  let sanctions: [string, string, number][] = [];
  for (const file of FILES) {
    const data = readSeedJson<{ items: CatalogDefinition[]; sanctions?: [string, string, number][] }>(`catalog/${file}.json`);
    items.push(...data.items);
    if (data.sanctions) sanctions = data.sanctions;
  }
  const codes = new Set<string>();
  for (const item of items) {
    if (codes.has(item.code)) throw new Error(`catalogue code ${item.code} appears twice in db/seed/catalog/`);
    codes.add(item.code);
  }
  return { items, sanctions };
}
