import { scopeCovers } from './checkFieldAccess.js';
import { isPurpose } from './purposes.js';
import { readRuleFile, RuleFileError } from './readRuleFile.js';
import { isRole } from './roles.js';
import type { RequestGovernance } from './runtime/RequestGovernance.js';

/** Disclosure attributes of catalogue items (公开属性), as catalog_items.disclosure spells them. */
export const DISCLOSURE_CLASSES = ['PUBLIC', 'CONDITIONAL', 'NOT_PUBLIC'] as const;
/** A catalogue item's disclosure attribute. */
export type DisclosureClass = (typeof DISCLOSURE_CLASSES)[number];

/** One reader of a class in rules/record-disclosure.json. */
interface ReaderRule {
  role: string;
  purposes?: string[];
  grantCovers?: 'CONDITIONAL' | 'RESTRICTED';
}

interface ClassRule {
  disclosure: DisclosureClass;
  effectiveFrom: string;
  effectiveTo: string | null;
  readers: ReaderRule[];
  legalBasis: string;
}

function loadRules(): readonly ClassRule[] {
  const file = 'record-disclosure.json';
  const rules = readRuleFile<ClassRule>(file, 'classes');
  for (const rule of rules) {
    if (!(DISCLOSURE_CLASSES as readonly string[]).includes(rule.disclosure)) {
      throw new RuleFileError(file, `disclosure ${JSON.stringify(rule.disclosure)} must be one of ${DISCLOSURE_CLASSES.join(', ')}`);
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(String(rule.effectiveFrom)) || typeof rule.legalBasis !== 'string' || !rule.legalBasis) {
      throw new RuleFileError(file, `class ${rule.disclosure} needs effectiveFrom (YYYY-MM-DD) and a legalBasis`);
    }
    for (const reader of rule.readers ?? []) {
      if (reader.role !== '*' && !isRole(reader.role)) throw new RuleFileError(file, `class ${rule.disclosure}: role ${reader.role} is not in roles.json`);
      const unknown = (reader.purposes ?? []).filter((p) => !isPurpose(p));
      if (unknown.length) throw new RuleFileError(file, `class ${rule.disclosure}: purposes not in purposes.json: ${unknown.join(', ')}`);
      if (reader.grantCovers !== undefined && reader.grantCovers !== 'CONDITIONAL' && reader.grantCovers !== 'RESTRICTED') {
        throw new RuleFileError(file, `class ${rule.disclosure}: grantCovers must be CONDITIONAL or RESTRICTED`);
      }
    }
  }
  return Object.freeze(rules);
}

const RULES = loadRules();

/** Which catalogue disclosure classes one request sees: everywhere, and in addition about its own subjects. */
export interface RecordDisclosure {
  /** Classes visible on every record. */
  classes: DisclosureClass[];
  /** Classes visible only on records about `ownSubjects` (a consumer acting as those subjects). */
  ownSubjectClasses: DisclosureClass[];
  ownSubjects: string[];
}

function matches(reader: ReaderRule, governance: Pick<RequestGovernance, 'caller' | 'reader'>): boolean {
  const { caller, reader: who } = governance;
  if (reader.role !== '*' && !who.roles.includes(reader.role)) return false;
  const purpose = caller.purpose;
  const granted = (covers: (scope: string) => boolean) =>
    purpose !== null && who.grants.some((g) => g.purpose === purpose && covers(g.scope));
  if (reader.purposes && !(purpose !== null && reader.purposes.includes(purpose) && granted(() => true))) return false;
  const level = reader.grantCovers;
  if (level && !granted((scope) => scopeCovers(scope, { coordinate: 'CreditRecord.disclosure', shareLevel: level }))) return false;
  return true;
}

/**
 * Decides, from rules/record-disclosure.json in force on `today`, which classes of catalogue items the
 * caller sees records of. The one place this is decided; the hub hands the answer to the credit subschema
 * (`creditVisibility.disclosure`). A consumer limited to its own subjects gets the classes beyond its
 * roles' general ones only about those subjects.
 */
export function decideRecordDisclosure(
  governance: Pick<RequestGovernance, 'caller' | 'reader' | 'permissions'>,
  today: string,
): RecordDisclosure {
  const granted = RULES
    .filter((rule) => rule.effectiveFrom <= today && (rule.effectiveTo === null || today <= rule.effectiveTo))
    .filter((rule) => rule.readers.some((reader) => matches(reader, governance)))
    .map((rule) => rule.disclosure);
  const everywhere = RULES.filter((rule) => rule.readers.some((r) => r.role === '*' && !r.purposes && !r.grantCovers))
    .map((rule) => rule.disclosure)
    .filter((c) => granted.includes(c));
  if (!governance.permissions.ownSubjectsOnly) return { classes: granted, ownSubjectClasses: [], ownSubjects: [] };
  return {
    classes: everywhere,
    ownSubjectClasses: granted.filter((c) => !everywhere.includes(c)),
    ownSubjects: [...(governance.caller.consumer?.subjects ?? [])],
  };
}
