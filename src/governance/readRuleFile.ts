import { readFileSync } from 'node:fs';

/** A rule file under `rules/` that does not say what the code needs; the message names the file and the fix. */
export class RuleFileError extends Error {
  constructor(file: string, problem: string) {
    super(`src/governance/rules/${file}: ${problem}`);
    this.name = 'RuleFileError';
  }
}

/** Parses `rules/<file>`; throws RuleFileError when it is not JSON or lacks the array `key`. */
export function readRuleFile<T>(file: string, key: string): T[] {
  const text = readFileSync(new URL(`./rules/${file}`, import.meta.url), 'utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new RuleFileError(file, `not valid JSON (${(error as Error).message})`);
  }
  const list = (parsed as Record<string, unknown> | null)?.[key];
  if (!Array.isArray(list)) throw new RuleFileError(file, `expected an array "${key}" at the top level`);
  return list as T[];
}

/** Throws RuleFileError unless every `codeOf(item)` is a distinct UPPER_SNAKE code. */
export function assertDistinctCodes<T>(file: string, items: readonly T[], codeOf: (item: T) => unknown): void {
  const seen = new Set<string>();
  for (const item of items) {
    const code = codeOf(item);
    if (typeof code !== 'string' || !/^[A-Z][A-Z_]*$/.test(code)) {
      throw new RuleFileError(file, `code ${JSON.stringify(code)} is not an UPPER_SNAKE code`);
    }
    if (seen.has(code)) throw new RuleFileError(file, `code ${code} appears twice`);
    seen.add(code);
  }
}
