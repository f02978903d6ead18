import { readSchemaFile } from '../../schema/readSchemaFile.js';

/**
 * The type definitions of an adapter's subschema: the governance directives `schema/governance.graphql`
 * (@share, @personal), the shared `schema/sources.graphql` (Provenance, SourcePlatform, scalars), then the
 * platform's own `schema/<file>`.
 */
export function loadGatewayTypeDefs(file: string): string[] {
  return [readSchemaFile('governance.graphql'), readSchemaFile('sources.graphql'), readSchemaFile(file)];
}
