import type { SampleCatalogItem } from '../SampleData.js';
import type { SeedOrganisation } from '../SeedWorld.js';
import type { CatalogDefinition } from './readCatalogDefinitions.js';

/**
 * Turns catalogue definitions into `catalog_items` rows, resolving each source-unit key to its
 * city body. Throws when a key names no body of this size (source units must be core bodies).
 */
export function buildCatalogItems(
  definitions: readonly CatalogDefinition[],
  bodiesByKey: ReadonlyMap<string, SeedOrganisation>,
): SampleCatalogItem[] {
  return definitions.map((d) => {
    const sourceUnit = bodiesByKey.get(d.sourceUnit);
    if (!sourceUnit) throw new Error(`catalogue item ${d.code}: no body with key ${d.sourceUnit}`);
    return {
      code: d.code,
      name: d.name,
      nameZh: d.nameZh,
      recordKind: d.recordKind,
      conduct: d.conduct,
      sourceUnitUscc: sourceUnit.uscc,
      sourceChannel: d.sourceChannel,
      dataFormat: d.dataFormat,
      reportingCycle: d.reportingCycle,
      disclosure: d.disclosure,
      sharingClass: d.sharingClass,
      retentionYears: d.retentionYears,
      legalBasis: d.legalBasis,
    };
  });
}
