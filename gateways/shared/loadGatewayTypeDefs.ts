import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const schemaDir = new URL('../../schema/', import.meta.url);
const read = (file: string): string => readFileSync(fileURLToPath(new URL(file, schemaDir)), 'utf8');

/**
 * The type definitions of an adapter's subschema: the governance directives `schema/governance.graphql`
 * (@share, @personal), the shared `schema/sources.graphql` (Provenance, SourcePlatform, scalars), then the
 * platform's own `schema/<file>`.
 */
export function loadGatewayTypeDefs(file: string): string[] {
  return [read('governance.graphql'), read('sources.graphql'), read(file)];
}
