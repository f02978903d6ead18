import { readFileSync } from 'node:fs';

/** The text of a document in test/operations/ (the same files codegen types in test/__generated__/). */
export function readOperation(name: string): string {
  return readFileSync(new URL(`../operations/${name}.graphql`, import.meta.url), 'utf8');
}
