import { readFileSync } from 'node:fs';

/**
 * Reads a JSON data file of the generator, relative to `db/seed/`. The caller states the shape;
 * a missing or malformed file throws with the path in the message.
 */
export function readSeedJson<T>(relativePath: string): T {
  const url = new URL(relativePath, import.meta.url);
  try {
    return JSON.parse(readFileSync(url, 'utf8')) as T;
  } catch (error) {
    throw new Error(`sample data file db/seed/${relativePath} could not be read: ${(error as Error).message}`);
  }
}
