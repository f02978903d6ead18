import { randomUUID } from 'node:crypto';
import { badUserInput, codedError, notFound, ROLE, type RoleCode } from '../../codes/index.js';
import { hasActorRole, type CreditActor, todayInShanghai } from '../../credit/index.js';
import { CHECK_ISSUER, type CheckedSubjectResult, type CheckedTender, type CheckResult } from './checkResult.js';
import type { CreditCheckStore } from './CreditCheckStore.js';
import { type CheckPurpose, type CheckRules, type CheckVerdict } from './rules/checkRules.js';
import { decideSubjectVerdict, strongerVerdict } from './rules/decideSubjectVerdict.js';
import type { CheckSigner } from '../signing/index.js';
import { toTenderParties } from './tenderParties.js';
import type { TenderSource } from './TenderSource.js';

/** Roles whose checks see records as they stood at `asOf` even when they are out of view now. */
export const FULL_HISTORY_ROLES: readonly RoleCode[] = [ROLE.CREDIT_OFFICE_ADMIN, ROLE.AUDITOR];

/** The most subjects one check takes. */
export const MAX_CHECK_SUBJECTS = 200;

// A bid section code (标段编号) as platforms issue them: letters, digits and dashes.
const TENDER_CODE = /^[A-Z0-9][A-Z0-9-]{0,63}$/;

/** runCreditCheck's input, after scalar parsing. */
export interface RunCreditCheckInput {
  /** A tender by its bid section code: the hub reads its parties from the bidding platform. */
  tenderCode?: string | null;
  subjects?: { uscc: string; role: string; consortium?: string | null }[] | null;
  purpose: CheckPurpose;
  /** The case; default the X-Case-Reference header, which it must equal when both are given. */
  reference?: string | null;
  asOf?: Date | null;
}

/** What running a check needs. */
export interface RunCreditCheckDeps {
  store: CreditCheckStore;
  signer: CheckSigner;
  rules: CheckRules;
  now: () => Date;
  /** The bidding platform, for checks by tender code; absent when the hub connects none. */
  tenders?: TenderSource;
}

/** A subject to check: from the input or from the tender, with the platform's name as a fallback. */
interface SubjectToCheck {
  uscc: string;
  role: string;
  consortium: string | null;
  platformName: string | null;
}

/** Every problem of the explicit subjects, each naming its entry (`input.subjects[3].consortium`). */
function subjectProblems(subjects: NonNullable<RunCreditCheckInput['subjects']>): { field: string; problem: string }[] {
  const problems: { field: string; problem: string }[] = [];
  const seen = new Map<string, number>();
  subjects.forEach((subject, index) => {
    const earlier = seen.get(subject.uscc);
    if (earlier !== undefined) {
      problems.push({ field: `input.subjects[${index}].uscc`, problem: `repeats ${subject.uscc} (already input.subjects[${earlier}]); list each subject once` });
    } else {
      seen.set(subject.uscc, index);
    }
    if (subject.consortium != null && (subject.consortium.trim() === '' || subject.consortium.length > 200)) {
      problems.push({ field: `input.subjects[${index}].consortium`, problem: 'must be 1 to 200 characters when given' });
    }
  });
  return problems;
}

/** The case reference of the check: input.reference, else X-Case-Reference, else the tender code; both given must agree. */
function decideReference(input: RunCreditCheckInput, actor: CreditActor, tenderCode: string | null): string {
  const header = actor.caseReference?.trim() || null;
  const given = input.reference == null ? null : input.reference.trim();
  if (given !== null && (given === '' || given.length > 200)) {
    throw badUserInput('input.reference must name the case (e.g. the tender code), 1 to 200 characters; or leave it out to use X-Case-Reference', { field: 'input.reference' });
  }
  if (given !== null && header !== null && given !== header) {
    throw badUserInput(
      `input.reference ${JSON.stringify(given)} differs from the X-Case-Reference header ${JSON.stringify(header)}: a check belongs to the case declared for the request; send the same reference in both, or leave input.reference out to use the header's`,
      { field: 'input.reference', header: 'X-Case-Reference' },
    );
  }
  const reference = given ?? header ?? tenderCode;
  if (reference === null) throw badUserInput('input.reference is required when the request has no X-Case-Reference and no input.tenderCode: name the case (e.g. the tender code)', { field: 'input.reference' });
  return reference;
}

function validate(input: RunCreditCheckInput, actor: CreditActor, now: Date): { asOf: Date; tenderCode: string | null } {
  const tenderCode = input.tenderCode == null ? null : input.tenderCode.trim().toUpperCase();
  if (tenderCode !== null && !TENDER_CODE.test(tenderCode)) {
    throw badUserInput(`input.tenderCode must be a bid section code (标段编号) such as E440305202600016001, got ${JSON.stringify(input.tenderCode)}`, { field: 'input.tenderCode' });
  }
  const subjects = input.subjects ?? [];
  if (tenderCode === null && subjects.length === 0) {
    throw badUserInput('input needs a tenderCode (every party of the tender is checked) or subjects (1 to 200)', { field: 'input.subjects' });
  }
  if (subjects.length > MAX_CHECK_SUBJECTS) {
    throw badUserInput(`input.subjects must hold at most ${MAX_CHECK_SUBJECTS} subjects, got ${subjects.length}`, { field: 'input.subjects' });
  }
  const problems = subjectProblems(subjects);
  if (problems.length > 0) {
    throw badUserInput(problems.map((p) => `${p.field} ${p.problem}`).join('; '), { field: problems[0]!.field, fields: problems.map((p) => p.field) });
  }
  // A bidding system checks for the purpose it declared; the credit office may check on a tenderer's behalf.
  if (!actor.roles.includes(ROLE.CREDIT_OFFICE_ADMIN) && actor.purpose !== null && actor.purpose !== input.purpose) {
    throw badUserInput(`input.purpose ${input.purpose} differs from the declared purpose ${actor.purpose} (X-Purpose); check for the purpose you declared`, { field: 'input.purpose' });
  }
  const asOf = input.asOf ?? now;
  if (asOf.getTime() > now.getTime()) {
    throw badUserInput(`input.asOf ${asOf.toISOString()} is in the future; a check can only be as of now or an earlier moment`, { field: 'input.asOf' });
  }
  return { asOf, tenderCode };
}

/** The tender's parties and the explicit subjects, in that order; an explicit subject may not repeat a party. */
async function collectSubjects(deps: RunCreditCheckDeps, input: RunCreditCheckInput, tenderCode: string | null): Promise<{ tender: CheckedTender | null; subjects: SubjectToCheck[] }> {
  const explicit: SubjectToCheck[] = (input.subjects ?? []).map((s) => ({ uscc: s.uscc, role: s.role, consortium: s.consortium?.trim() ?? null, platformName: null }));
  if (tenderCode === null) return { tender: null, subjects: explicit };
  if (!deps.tenders) throw codedError('SOURCE_UNAVAILABLE', 'no bidding platform is connected to the hub: check explicit subjects instead of input.tenderCode', { platform: 'BIDDING' });
  const source = await deps.tenders.readTender(tenderCode);
  if (source === null) {
    throw notFound(`the bidding platform knows no tender ${tenderCode}; input.tenderCode is the bid section code (标段编号), e.g. E440305202600016001`, { field: 'input.tenderCode' });
  }
  const parties = toTenderParties(source);
  const inTender = new Map(parties.map((p) => [p.uscc, p.role]));
  const repeated = explicit.flatMap((s, index) => (inTender.has(s.uscc) ? [{ field: `input.subjects[${index}].uscc`, problem: `${s.uscc} is already in tender ${tenderCode} as ${inTender.get(s.uscc)}` }] : []));
  if (repeated.length > 0) {
    const listed = repeated.map((r) => `${r.field} ${r.problem}`).join('; ');
    throw badUserInput(`${listed}; list only subjects the tender does not name (e.g. subcontractors)`, { field: repeated[0]!.field, fields: repeated.map((r) => r.field) });
  }
  const tender: CheckedTender = { code: source.code, name: source.name, projectCode: source.projectCode, projectName: source.projectName, status: source.status };
  const fromTender = parties.map((p) => ({ uscc: p.uscc, role: p.role, consortium: p.consortium, platformName: p.name }));
  const subjects = [...fromTender, ...explicit];
  if (subjects.length > MAX_CHECK_SUBJECTS) {
    throw badUserInput(`tender ${tenderCode} names ${fromTender.length} parties; with input.subjects that is more than ${MAX_CHECK_SUBJECTS} subjects`, { field: 'input.subjects' });
  }
  return { tender, subjects };
}

/**
 * Runs, signs and stores one credit check for `actor` (whose role the caller has checked). With
 * `input.tenderCode` every party of the tender — tenderer, agent, each bidder, each consortium member — is
 * read from the bidding platform and checked with its role, before any explicit subjects. Every subject's
 * records as they stood at `asOf` (default now) are judged by the rules; the result is signed and stored
 * before it is returned. Except for the credit office and auditors (FULL_HISTORY_ROLES), a record that is
 * out of public view now (repaired, withdrawn, expired) is left out whatever `asOf` says. Throws
 * BAD_USER_INPUT naming the field(s), NOT_FOUND for a tender the platform does not know, and the platform's
 * SOURCE_* error when it cannot answer; nothing is stored then.
 */
export async function runCreditCheck(deps: RunCreditCheckDeps, actor: CreditActor, input: RunCreditCheckInput): Promise<{ result: CheckResult; jws: string }> {
  const now = deps.now();
  const { asOf, tenderCode } = validate(input, actor, now);
  const reference = decideReference(input, actor, tenderCode);
  const { tender, subjects: toCheck } = await collectSubjects(deps, input, tenderCode);
  const usccs = [...new Set(toCheck.map((s) => s.uscc))];
  // Only the credit office and auditors reproduce the past in full; for everyone else a record out of view
  // now (repaired, withdrawn, expired) stays out of the answer whatever `asOf` says.
  const fullHistory = hasActorRole(actor, FULL_HISTORY_ROLES);
  const [organisations, records] = await Promise.all([
    deps.store.organisations(usccs),
    deps.store.recordStatesAsOf(usccs, asOf, fullHistory ? {} : { inViewOn: todayInShanghai(now) }),
  ]);
  const asOfDate = todayInShanghai(asOf);
  let overall: CheckVerdict = 'PASS';
  const subjects: CheckedSubjectResult[] = toCheck.map((subject) => {
    const organisation = organisations.get(subject.uscc);
    const decided = decideSubjectVerdict(deps.rules, {
      purpose: input.purpose, asOfDate, subjectKind: organisation?.kind ?? null, records: records.get(subject.uscc) ?? [],
    });
    overall = strongerVerdict(overall, decided.verdict);
    return {
      uscc: subject.uscc, name: organisation?.name ?? subject.platformName, subjectKind: organisation?.kind ?? null,
      districtCode: organisation?.districtCode ?? null, role: subject.role, consortium: subject.consortium, ...decided,
    };
  });
  const id = randomUUID();
  const consumer = { id: actor.consumerId ?? 'unknown', name: actor.consumerName ?? actor.consumerId ?? 'unknown' };
  const result: CheckResult = {
    iss: CHECK_ISSUER, jti: id, iat: Math.floor(now.getTime() / 1000), checkId: id, issuedAt: now.toISOString(), consumer,
    purpose: input.purpose, reference, tender, asOf: asOf.toISOString(), rulesVersion: deps.rules.version,
    overallVerdict: overall, subjects,
  };
  const jws = deps.signer.sign(result);
  await deps.store.saveCheck({
    id, issuedAt: result.issuedAt, consumerId: consumer.id, consumerName: consumer.name, purpose: input.purpose,
    reference, tenderCode: tender?.code ?? null, overallVerdict: overall, asOf: result.asOf,
    input: { ...input, asOf: input.asOf ? input.asOf.toISOString() : null }, result, jws, key: deps.signer.publicKey,
  });
  return { result, jws };
}
