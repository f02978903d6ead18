import { createWeightedPicker, type WeightedPicker } from '../../../src/codes/index.js';
import type { SeedOrganisation, SubjectGroup } from '../SeedWorld.js';
import type { CatalogCase, CatalogDefinition } from '../catalog/readCatalogDefinitions.js';

/** The cases of an item that fit one subject group, with a weighted draw over them. */
export interface CaseChoice {
  cases: CatalogCase[];
  pick: WeightedPicker<CatalogCase>;
}

/** A catalogue item made ready for drawing records: pickers built once, source unit resolved. */
export interface PreparedItem {
  definition: CatalogDefinition;
  sourceUnit: SeedOrganisation;
  pickGroup: WeightedPicker<SubjectGroup>;
  pickAuthorityKey: WeightedPicker<string>;
  casesFor(group: SubjectGroup): CaseChoice;
}

const choiceOf = (cases: CatalogCase[]): CaseChoice => ({ cases, pick: createWeightedPicker(cases.map((c) => [c, c.weight] as const)) });

/**
 * Prepares one item. Cases without `subjects` fit every group; a group with no fitting case falls
 * back to all cases. Throws when the source unit key names no body.
 */
export function prepareItem(definition: CatalogDefinition, bodiesByKey: ReadonlyMap<string, SeedOrganisation>): PreparedItem {
  const sourceUnit = bodiesByKey.get(definition.sourceUnit);
  if (!sourceUnit) throw new Error(`catalogue item ${definition.code}: no body with key ${definition.sourceUnit}`);
  const all = choiceOf(definition.cases);
  const byGroup = new Map<SubjectGroup, CaseChoice>();
  for (const [group] of definition.subjects) {
    const fitting = definition.cases.filter((c) => !c.subjects || c.subjects.includes(group));
    byGroup.set(group, fitting.length > 0 ? choiceOf(fitting) : all);
  }
  return {
    definition,
    sourceUnit,
    pickGroup: createWeightedPicker(definition.subjects),
    pickAuthorityKey: createWeightedPicker(definition.authorities),
    casesFor: (group) => byGroup.get(group) ?? all,
  };
}
