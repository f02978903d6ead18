import { assertDistinctCodes, readRuleFile, RuleFileError } from './readRuleFile.js';

/** A purpose of use (用途) a consumer declares with `X-Purpose` to read conditional data. */
export interface Purpose {
  code: string;
  nameEn: string;
  nameZh: string;
  /**
   * Field scopes a grant for this purpose may name (`Type.field` or `Type.*`): what the purpose needs,
   * never a share-level wildcard (those are kept for roles with mayHoldWildcardGrants).
   */
  fieldScopes: readonly string[];
}

const FIELD_SCOPE = /^[A-Z][A-Za-z0-9_]*\.([A-Za-z_][A-Za-z0-9_]*|\*)$/;

function loadPurposes(): readonly Purpose[] {
  const file = 'purposes.json';
  const purposes = readRuleFile<Purpose>(file, 'purposes');
  assertDistinctCodes(file, purposes, (p) => p.code);
  for (const p of purposes) {
    if (typeof p.nameEn !== 'string' || typeof p.nameZh !== 'string' || !p.nameEn || !p.nameZh) {
      throw new RuleFileError(file, `purpose ${p.code} needs a nameEn and a nameZh`);
    }
    const bad = Array.isArray(p.fieldScopes) ? p.fieldScopes.filter((s) => typeof s !== 'string' || !FIELD_SCOPE.test(s)) : ['(fieldScopes is not a list)'];
    if (bad.length > 0) throw new RuleFileError(file, `purpose ${p.code}: fieldScopes must be Type.field or Type.* coordinates, not ${bad.join(', ')}`);
  }
  return Object.freeze(purposes.map((p) => Object.freeze({
    code: p.code, nameEn: p.nameEn, nameZh: p.nameZh, fieldScopes: Object.freeze([...p.fieldScopes]),
  })));
}

/** The enumerated purposes of use, from rules/purposes.json (the data decides which exist), in file order. */
export const PURPOSES: readonly Purpose[] = loadPurposes();

const PURPOSE_CODES = new Set(PURPOSES.map((p) => p.code));

const BY_CODE = new Map(PURPOSES.map((p) => [p.code, p]));

/** The field scopes a grant for `purpose` may name (purposes.json); empty for an unknown purpose. */
export function fieldScopesOf(purpose: string): readonly string[] {
  return BY_CODE.get(purpose)?.fieldScopes ?? [];
}

/** True when `code` is one of PURPOSES (exact, case-sensitive). */
export function isPurpose(code: unknown): code is string {
  return typeof code === 'string' && PURPOSE_CODES.has(code);
}

/** A purpose code that is not in rules/purposes.json; the hub maps it to BAD_USER_INPUT. */
export class UnknownPurposeError extends Error {
  constructor(readonly purpose: string) {
    super(`unknown purpose of use "${purpose}"; expected one of ${[...PURPOSE_CODES].join(', ')}`);
    this.name = 'UnknownPurposeError';
  }
}

/** Returns `code` when it is a known purpose; throws UnknownPurposeError naming the valid codes otherwise. */
export function assertPurpose(code: string): string {
  if (!isPurpose(code)) throw new UnknownPurposeError(code);
  return code;
}
