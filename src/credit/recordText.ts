import { maskCitizenIdsInText, maskNamesInText, subjectKindOf } from '../codes/index.js';
import type { CreditDeps } from './CreditDeps.js';
import type { CreditRecordRow } from './CreditStore.js';
import { creditVisibilityOf, unmasksPersonalDataOf } from './creditVisibility.js';

/** Turns one free-text value of a record into what the request may read. */
export type TextDiscloser = (text: string | null) => string | null;

const unchanged: TextDiscloser = (text) => text;

// One discloser per record object and request (record rows are fresh per request: they come from the
// request's loaders or a page fetched for it).
const disclosers = new WeakMap<object, WeakMap<CreditRecordRow, Promise<TextDiscloser>>>();

/**
 * The natural persons a record is about and may name in its text: the civil servant of a sanction,
 * accountability, judgment or commendation; the operator of an individual business (个体工商户, USCC 92…),
 * who is its registered legal representative. Known from the store, never guessed from the text.
 */
async function personsNamedBy(record: CreditRecordRow, deps: CreditDeps, ctx: object): Promise<{ names: string[]; employerUscc: string | null }> {
  const loaders = deps.loaders(ctx);
  const nobody = { names: [], employerUscc: null };
  if (record.civilServantId) {
    const servant = await loaders.civilServant.load(record.civilServantId);
    return servant ? { names: [servant.name], employerUscc: servant.employerUscc } : nobody;
  }
  // The USCC says whether the subject is an individual business: no statement for any other record.
  if (!record.subjectUscc || subjectKindOf(record.subjectUscc) !== 'INDIVIDUAL_BUSINESS') return nobody;
  const subject = await loaders.organisation.load(record.subjectUscc);
  if (!subject) return nobody;
  const reported = record.details.legalRepresentative;
  return { names: [subject.legalRepresentative, typeof reported === 'string' ? reported : null].filter((n): n is string => !!n), employerUscc: null };
}

/**
 * How the free text of `record` (title, content, legal basis, obligation, withdrawal reason) reads for this
 * request — the one place that applies it. A request that may unmask personal data (the hub's
 * `unmaskPersonalData`: a role entitled to it, with a declared purpose) reads it as reported; one limited
 * to the staff of some bodies (a personnel office) reads so only records about a civil servant of theirs. Everyone
 * else reads the names of the persons the record is about masked by the `@personal(kind: NAME)` rule
 * (张玉 → 张*) and every citizen ID number masked as the court list does (3423011964****3224). Which
 * records a request sees at all is decided by the catalogue item's disclosure class (the store's filter).
 */
export function textDiscloserFor(record: CreditRecordRow, deps: CreditDeps, ctx: object): Promise<TextDiscloser> {
  const visibility = creditVisibilityOf(ctx);
  if (visibility.unmaskPersonalData) return Promise.resolve(unchanged);
  let perRequest = disclosers.get(ctx);
  if (!perRequest) {
    perRequest = new WeakMap();
    disclosers.set(ctx, perRequest);
  }
  let discloser = perRequest.get(record);
  if (!discloser) {
    discloser = personsNamedBy(record, deps, ctx).then(({ names, employerUscc }): TextDiscloser => (unmasksPersonalDataOf(ctx, employerUscc)
      ? unchanged
      : (text) => (text === null ? null : maskCitizenIdsInText(maskNamesInText(text, names)))));
    perRequest.set(record, discloser);
  }
  return discloser;
}
