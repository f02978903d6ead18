import type { SubschemaConfig } from '@graphql-tools/delegate';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { FieldClassification } from './classifySchema.js';
import { shareLevelRank, type ShareLevel } from './roles.js';
import { readSchemaFile } from '../../schema/readSchemaFile.js';


/** What the governance subschema needs from the hub. */
export interface GovernanceSubschemaOptions {
  /**
   * The classification of the composed hub graph (`classifySchema(hubSchema)`), read when a catalogue is
   * queried: the catalogue describes the graph it is part of, which exists only after stitching.
   */
  classification: () => ReadonlyMap<string, FieldClassification>;
  /** The highest share level whose fields the caller may see listed (default: every level). */
  maxShareLevel?: (context: unknown) => ShareLevel;
}

interface FieldCatalogArgs {
  shareLevel?: ShareLevel | null;
  type?: string | null;
}

/**
 * The hub's own subschema (schema/governance.graphql + schema/governance-catalog.graphql): `fieldCatalog`, the
 * sharing catalogue (共享目录) of every field of the graph, sorted by coordinate. Entries above the caller's
 * `maxShareLevel` are left out, so a field hidden from a caller is not listed to it either.
 */
export function createGovernanceSubschema({ classification, maxShareLevel }: GovernanceSubschemaOptions): SubschemaConfig {
  const schema = makeExecutableSchema({
    typeDefs: [readSchemaFile('governance.graphql'), readSchemaFile('governance-catalog.graphql')],
    resolvers: {
      Query: {
        fieldCatalog(_parent: unknown, { shareLevel, type }: FieldCatalogArgs, context: unknown) {
          const ceiling = maxShareLevel ? shareLevelRank(maxShareLevel(context)) : Infinity;
          return [...classification().values()]
            .filter((entry) => shareLevelRank(entry.shareLevel) <= ceiling)
            .filter((entry) => (shareLevel == null || entry.shareLevel === shareLevel) && (type == null || entry.coordinate.startsWith(`${type}.`)))
            .sort((a, b) => (a.coordinate < b.coordinate ? -1 : a.coordinate > b.coordinate ? 1 : 0))
            .map((entry) => {
              const dot = entry.coordinate.indexOf('.');
              return { ...entry, typeName: entry.coordinate.slice(0, dot), fieldName: entry.coordinate.slice(dot + 1) };
            });
        },
      },
    },
  });
  return { schema };
}
