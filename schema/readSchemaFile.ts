import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The one place that knows where the SDL files live: beside this module, in `schema/`. Every layer may
 * import it (it imports nothing of the project), so subschemas, workflows, adapters, the hub and the tests
 * name a file (`'governance.graphql'`) instead of counting `../` to reach it.
 */

/** The path of `schema/<file>`, e.g. for `npm run schema:print` to write the printed SDL to. */
export function schemaFilePath(file: string): string {
  return fileURLToPath(new URL(file, import.meta.url));
}

/** The text of `schema/<file>` (UTF-8), e.g. `readSchemaFile('governance.graphql')`. Throws when it does not exist. */
export function readSchemaFile(file: string): string {
  return readFileSync(schemaFilePath(file), 'utf8');
}
