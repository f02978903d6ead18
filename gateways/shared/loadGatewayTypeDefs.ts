import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const schemaDir = new URL('../../schema/', import.meta.url);

/**
 * The type definitions of an adapter's subschema: the shared `schema/sources.graphql` (Provenance,
 * SourcePlatform, scalars) followed by the platform's own `schema/<file>`.
 */
export function loadGatewayTypeDefs(file: string): string[] {
  return [readFileSync(fileURLToPath(new URL('sources.graphql', schemaDir)), 'utf8'), readFileSync(fileURLToPath(new URL(file, schemaDir)), 'utf8')];
}
