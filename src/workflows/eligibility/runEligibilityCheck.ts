import { randomUUID } from 'node:crypto';
import { badUserInput, forbidden, maskCitizenId, maskPersonName, ROLE, validateCitizenId, type RoleCode } from '../../codes/index.js';
import { hasActorRole, todayInShanghai, type CreditActor, type IdNumberVault } from '../../credit/index.js';
import { ELIGIBILITY_JWS_TYPE, type CheckSigner } from '../signing/index.js';
import { decideEligibility, strongerEligibility, type EligibilityDecision } from './decideEligibility.js';
import { eligibilityRulesOn, type EligibilityPurpose, type EligibilityRules, type EligibilityVerdict, type SubjectType } from './eligibilityRules.js';
import type { EligibilityStore, EligibleCivilServant } from './EligibilityStore.js';

/** Roles that may run eligibility checks (for the purposes their declared purpose allows; the credit office for all). */
export const RUNS_ELIGIBILITY_CHECKS: readonly RoleCode[] = [ROLE.CREDIT_OFFICE_ADMIN, ROLE.PERSONNEL_OFFICE, ROLE.INVESTMENT_PROMOTION, ROLE.BIDDING_SYSTEM];
/** Roles that see the evidence about every civil servant. */
const SEES_ALL_EVIDENCE: readonly RoleCode[] = [ROLE.CREDIT_OFFICE_ADMIN, ROLE.AUDITOR];
/** The most subjects one check takes. */
export const MAX_ELIGIBILITY_SUBJECTS = 200;
/** The issuer named in every signed eligibility check. */
export const ELIGIBILITY_ISSUER = 'Chengxin Hub eligibility checks (诚信枢纽资格审查)';

/** One subject of the request: exactly one of the three. */
export interface EligibilitySubjectInput {
  uscc?: string | null;
  civilServantId?: string | null;
  /** A civil servant's citizen ID number: matched through the keyed hash, never stored. */
  idNumber?: string | null;
}

/** runEligibilityCheck's input, after scalar parsing. */
export interface RunEligibilityCheckInput {
  subjects: EligibilitySubjectInput[];
  purpose: EligibilityPurpose;
  reference?: string | null;
  asOf?: Date | null;
}

/** One subject of a check as signed and stored: no ID number, only its masked form. */
export interface EligibilitySubjectResult extends EligibilityDecision {
  index: number;
  subjectType: SubjectType;
  uscc: string | null;
  civilServantId: string | null;
  /** The organisation's name. */
  name: string | null;
  /** The civil servant's name, masked when the evidence is withheld. */
  civilServantName: string | null;
  idNumberMasked: string | null;
  employerUscc: string | null;
  subjectKind: string | null;
  districtCode: string | null;
  /** True when the caller may not see the evidence (a personnel office checking another body's staff). */
  evidenceWithheld: boolean;
}

/** The signed payload of an eligibility check (JWT registered claims iss, jti, iat and the check). */
export interface EligibilityResult {
  iss: string;
  jti: string;
  iat: number;
  checkId: string;
  issuedAt: string;
  consumer: { id: string; name: string };
  purpose: EligibilityPurpose;
  reference: string;
  asOf: string;
  rulesVersion: string;
  overallVerdict: EligibilityVerdict;
  subjects: EligibilitySubjectResult[];
}

/** What running a check needs. */
export interface RunEligibilityCheckDeps {
  store: EligibilityStore;
  signer: CheckSigner;
  rules: EligibilityRules;
  vault: IdNumberVault;
  now: () => Date;
}

/** Who the caller may see the evidence of: every civil servant, or those employed by these bodies. */
export interface EvidenceScope {
  all: boolean;
  staffOf: ReadonlySet<string>;
}

type Resolved = { index: number; type: SubjectType; uscc: string | null; servant: EligibleCivilServant | null; idNumberMasked: string | null };

function referenceOf(input: RunEligibilityCheckInput, actor: CreditActor): string {
  const header = actor.caseReference?.trim() || null;
  const given = input.reference == null ? null : input.reference.trim();
  if (given !== null && (given === '' || given.length > 200)) throw badUserInput('input.reference must name the case, 1 to 200 characters; or leave it out to use X-Case-Reference', { field: 'input.reference' });
  if (given !== null && header !== null && given !== header) {
    throw badUserInput(`input.reference ${JSON.stringify(given)} differs from the X-Case-Reference header ${JSON.stringify(header)}: send the same reference in both, or leave input.reference out`, { field: 'input.reference' });
  }
  const reference = given ?? header;
  if (reference === null) throw badUserInput('input.reference is required when the request has no X-Case-Reference: name the case (e.g. the selection or award file number)', { field: 'input.reference' });
  return reference;
}

/** Checks the subjects' shape; returns the normalised ID numbers by index. Every problem named in one BAD_USER_INPUT. */
function validateSubjects(input: RunEligibilityCheckInput, takes: readonly SubjectType[]): Map<number, string> {
  const problems: { field: string; problem: string }[] = [];
  const idNumbers = new Map<number, string>();
  const seen = new Map<string, number>();
  if (input.subjects.length === 0 || input.subjects.length > MAX_ELIGIBILITY_SUBJECTS) {
    throw badUserInput(`input.subjects must hold 1 to ${MAX_ELIGIBILITY_SUBJECTS} subjects, got ${input.subjects.length}`, { field: 'input.subjects' });
  }
  input.subjects.forEach((subject, index) => {
    const field = `input.subjects[${index}]`;
    const given = [subject.uscc, subject.civilServantId, subject.idNumber].filter((v) => v != null).length;
    if (given !== 1) {
      problems.push({ field, problem: 'must name exactly one of uscc (an organisation), civilServantId or idNumber (a civil servant)' });
      return;
    }
    const type: SubjectType = subject.uscc != null ? 'ORGANISATION' : 'CIVIL_SERVANT';
    if (!takes.includes(type)) problems.push({ field, problem: `is ${type === 'ORGANISATION' ? 'an organisation' : 'a civil servant'}; ${input.purpose} checks ${takes.map((t) => (t === 'ORGANISATION' ? 'organisations' : 'civil servants')).join(' and ')} only` });
    let key = subject.uscc ?? subject.civilServantId ?? '';
    if (subject.idNumber != null) {
      const validation = validateCitizenId(subject.idNumber);
      if (!validation.ok) {
        problems.push({ field: `${field}.idNumber`, problem: 'is not a valid citizen ID number (公民身份号码, 18 characters with its check character)' });
        return;
      }
      idNumbers.set(index, validation.value);
      key = `id:${validation.value}`;
    }
    const earlier = seen.get(key);
    if (earlier !== undefined) problems.push({ field, problem: `repeats input.subjects[${earlier}]; list each subject once` });
    else seen.set(key, index);
  });
  if (problems.length > 0) throw badUserInput(problems.map((p) => `${p.field} ${p.problem}`).join('; '), { field: problems[0]!.field, fields: problems.map((p) => p.field) });
  return idNumbers;
}

/**
 * Runs, signs and stores one eligibility check (资格审查) for `actor` (whose role the caller checked): each subject —
 * an organisation by USCC, a civil servant by id or by ID number (matched through the vault's keyed hash; the number
 * itself is neither stored nor signed) — is judged by the purpose's rules (rules/eligibility-rules.json, the version in
 * force on the check's day) on its records and measures as of `asOf` (default now). The evidence about a civil servant
 * outside `scope` is withheld from the answer and the signed result (a personnel office sees its own staff's only).
 * Throws FORBIDDEN when the declared purpose does not allow the check, BAD_USER_INPUT naming the field(s); nothing is stored then.
 */
export async function runEligibilityCheck(deps: RunEligibilityCheckDeps, actor: CreditActor, input: RunEligibilityCheckInput, scope: EvidenceScope): Promise<{ result: EligibilityResult; jws: string }> {
  const now = deps.now();
  const asOf = input.asOf ?? now;
  if (asOf.getTime() > now.getTime()) throw badUserInput(`input.asOf ${asOf.toISOString()} is in the future; a check can only be as of now or an earlier moment`, { field: 'input.asOf' });
  const version = eligibilityRulesOn(deps.rules, todayInShanghai(now));
  const purpose = version.purposes[input.purpose];
  if (!hasActorRole(actor, [ROLE.CREDIT_OFFICE_ADMIN]) && !purpose.declaredPurposes.includes(actor.purpose ?? '')) {
    throw forbidden(`An eligibility check for ${input.purpose} (${purpose.nameZh}) needs the declared purpose ${purpose.declaredPurposes.join(' or ')} (X-Purpose); this request declared ${actor.purpose ?? 'none'}`, { field: 'input.purpose' });
  }
  const reference = referenceOf(input, actor);
  const idNumbers = validateSubjects(input, purpose.subjects);
  const hashes = new Map([...idNumbers].map(([index, idNumber]) => [index, deps.vault.hash(idNumber)]));
  const usccs = input.subjects.flatMap((s) => (s.uscc != null ? [s.uscc] : []));
  const [organisations, byId, byHash] = await Promise.all([
    deps.store.organisations(usccs),
    deps.store.civilServantsById(input.subjects.flatMap((s) => (s.civilServantId != null ? [s.civilServantId] : []))),
    deps.store.civilServantsByHash([...hashes.values()]),
  ]);
  const resolved: Resolved[] = input.subjects.map((s, index) => {
    if (s.uscc != null) return { index, type: 'ORGANISATION', uscc: s.uscc, servant: null, idNumberMasked: null };
    const servant = s.civilServantId != null ? byId.get(s.civilServantId) ?? null : byHash.get(hashes.get(index)!) ?? null;
    return { index, type: 'CIVIL_SERVANT', uscc: null, servant, idNumberMasked: servant?.idNumberMasked ?? (idNumbers.has(index) ? maskCitizenId(idNumbers.get(index)!) : null) };
  });
  const servantIds = resolved.flatMap((r) => (r.servant ? [r.servant.id] : []));
  const asOfDate = todayInShanghai(asOf);
  const [records, measures] = await Promise.all([deps.store.records(usccs, servantIds, asOfDate), deps.store.measures(usccs, servantIds, asOfDate)]);
  let overall: EligibilityVerdict = 'ELIGIBLE';
  const subjects = resolved.map((r): EligibilitySubjectResult => {
    const organisation = r.uscc !== null ? organisations.get(r.uscc) : undefined;
    const known = r.type === 'ORGANISATION' ? organisation !== undefined : r.servant !== null;
    const key = r.uscc ?? r.servant?.id ?? '';
    const decided: EligibilityDecision = known
      ? decideEligibility(version, purpose, { records: records.get(key) ?? [], measures: measures.get(key) ?? [] }, asOfDate)
      : { verdict: version.unknownSubject.effect, decidingRule: { id: version.unknownSubject.id, description: version.unknownSubject.description, basis: version.unknownSubject.basis }, evidence: [] };
    overall = strongerEligibility(overall, decided.verdict);
    const withheld = r.servant !== null && !scope.all && !scope.staffOf.has(r.servant.employerUscc);
    return {
      index: r.index, subjectType: r.type, uscc: r.uscc, civilServantId: r.servant?.id ?? null,
      name: organisation?.name ?? null,
      civilServantName: r.servant ? (withheld ? maskPersonName(r.servant.name) : r.servant.name) : null,
      idNumberMasked: r.idNumberMasked, employerUscc: r.servant?.employerUscc ?? null,
      subjectKind: r.type === 'CIVIL_SERVANT' ? 'CIVIL_SERVANT' : organisation?.kind ?? null,
      districtCode: organisation?.districtCode ?? r.servant?.districtCode ?? null,
      verdict: decided.verdict, decidingRule: decided.decidingRule, evidence: withheld ? [] : decided.evidence, evidenceWithheld: withheld,
    };
  });
  const id = randomUUID();
  const consumer = { id: actor.consumerId ?? 'unknown', name: actor.consumerName ?? actor.consumerId ?? 'unknown' };
  const result: EligibilityResult = {
    iss: ELIGIBILITY_ISSUER, jti: id, iat: Math.floor(now.getTime() / 1000), checkId: id, issuedAt: now.toISOString(), consumer,
    purpose: input.purpose, reference, asOf: asOf.toISOString(), rulesVersion: version.version, overallVerdict: overall, subjects,
  };
  const jws = deps.signer.sign(result, ELIGIBILITY_JWS_TYPE);
  await deps.store.saveCheck({
    id, issuedAt: result.issuedAt, consumerId: consumer.id, consumerName: consumer.name, purpose: input.purpose, reference,
    overallVerdict: overall, asOf: result.asOf, rulesVersion: version.version, result, jws, key: deps.signer.publicKey,
  });
  return { result, jws };
}

/** Whether the caller sees the evidence of every civil servant. */
export const seesAllEvidence = (actor: CreditActor): boolean => hasActorRole(actor, SEES_ALL_EVIDENCE);
