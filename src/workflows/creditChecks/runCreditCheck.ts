import { randomUUID } from 'node:crypto';
import type { GraphQLError } from 'graphql';
import { hasActorRole, type CreditActor, todayInShanghai } from '../../credit/index.js';
import { CHECK_ISSUER, type CheckedSubjectResult, type CheckResult } from './checkResult.js';
import type { CreditCheckStore } from './CreditCheckStore.js';
import { type CheckPurpose, type CheckRules, type CheckVerdict } from './rules/checkRules.js';
import { decideSubjectVerdict, strongerVerdict } from './rules/decideSubjectVerdict.js';
import type { CheckSigner } from './signing/createCheckSigner.js';
import { badUserInput, ROLE, type RoleCode } from '../../codes/index.js';

/** Roles whose checks see records as they stood at `asOf` even when they are out of view now. */
export const FULL_HISTORY_ROLES: readonly RoleCode[] = [ROLE.CREDIT_OFFICE_ADMIN, ROLE.AUDITOR];

/** The most subjects one check takes. */
export const MAX_CHECK_SUBJECTS = 200;

/** runCreditCheck's input, after scalar parsing. */
export interface RunCreditCheckInput {
  subjects: { uscc: string; role: string; consortium?: string | null }[];
  purpose: CheckPurpose;
  reference: string;
  asOf?: Date | null;
}

/** What running a check needs. */
export interface RunCreditCheckDeps {
  store: CreditCheckStore;
  signer: CheckSigner;
  rules: CheckRules;
  now: () => Date;
}

const badInput = (message: string, field: string): GraphQLError => badUserInput(message, { field });

function validate(input: RunCreditCheckInput, actor: CreditActor, now: Date): Date {
  if (input.subjects.length === 0 || input.subjects.length > MAX_CHECK_SUBJECTS) {
    throw badInput(`input.subjects must hold 1 to ${MAX_CHECK_SUBJECTS} subjects, got ${input.subjects.length}`, 'input.subjects');
  }
  const seen = new Map<string, number>();
  input.subjects.forEach((subject, index) => {
    const earlier = seen.get(subject.uscc);
    if (earlier !== undefined) {
      throw badInput(`input.subjects[${index}] repeats ${subject.uscc} (already input.subjects[${earlier}]); list each subject once`, `input.subjects[${index}].uscc`);
    }
    seen.set(subject.uscc, index);
    if (subject.consortium != null && (subject.consortium.trim() === '' || subject.consortium.length > 200)) {
      throw badInput(`input.subjects[${index}].consortium must be 1 to 200 characters when given`, `input.subjects[${index}].consortium`);
    }
  });
  const reference = input.reference.trim();
  if (reference === '' || reference.length > 200) {
    throw badInput('input.reference must name the case (e.g. the tender code), 1 to 200 characters', 'input.reference');
  }
  // A bidding system checks for the purpose it declared; the credit office may check on a tenderer's behalf.
  if (!actor.roles.includes(ROLE.CREDIT_OFFICE_ADMIN) && actor.purpose !== null && actor.purpose !== input.purpose) {
    throw badInput(`input.purpose ${input.purpose} differs from the declared purpose ${actor.purpose} (X-Purpose); check for the purpose you declared`, 'input.purpose');
  }
  const asOf = input.asOf ?? now;
  if (asOf.getTime() > now.getTime()) {
    throw badInput(`input.asOf ${asOf.toISOString()} is in the future; a check can only be as of now or an earlier moment`, 'input.asOf');
  }
  return asOf;
}

/**
 * Runs, signs and stores one credit check for `actor` (whose role the caller has checked): every subject's
 * records as they stood at `asOf` (default now) are judged by the rules; the result is signed and stored
 * before it is returned. Except for the credit office and auditors (FULL_HISTORY_ROLES), a record that is out
 * of public view now (repaired, withdrawn, expired) is left out whatever `asOf` says. Throws BAD_USER_INPUT naming the field for bad input.
 */
export async function runCreditCheck(deps: RunCreditCheckDeps, actor: CreditActor, input: RunCreditCheckInput): Promise<{ result: CheckResult; jws: string }> {
  const now = deps.now();
  const asOf = validate(input, actor, now);
  const usccs = input.subjects.map((s) => s.uscc);
  // Only the credit office and auditors reproduce the past in full; for everyone else a record out of view
  // now (repaired, withdrawn, expired) stays out of the answer whatever `asOf` says.
  const fullHistory = hasActorRole(actor, FULL_HISTORY_ROLES);
  const [organisations, records] = await Promise.all([
    deps.store.organisations(usccs),
    deps.store.recordStatesAsOf(usccs, asOf, fullHistory ? {} : { inViewOn: todayInShanghai(now) }),
  ]);
  const asOfDate = todayInShanghai(asOf);
  let overall: CheckVerdict = 'PASS';
  const subjects: CheckedSubjectResult[] = input.subjects.map((subject) => {
    const organisation = organisations.get(subject.uscc);
    const decided = decideSubjectVerdict(deps.rules, {
      purpose: input.purpose, asOfDate, subjectKind: organisation?.kind ?? null, records: records.get(subject.uscc) ?? [],
    });
    overall = strongerVerdict(overall, decided.verdict);
    return {
      uscc: subject.uscc, name: organisation?.name ?? null, subjectKind: organisation?.kind ?? null,
      districtCode: organisation?.districtCode ?? null, role: subject.role, consortium: subject.consortium?.trim() ?? null, ...decided,
    };
  });
  const id = randomUUID();
  const consumer = { id: actor.consumerId ?? 'unknown', name: actor.consumerName ?? actor.consumerId ?? 'unknown' };
  const result: CheckResult = {
    iss: CHECK_ISSUER, jti: id, iat: Math.floor(now.getTime() / 1000), checkId: id, issuedAt: now.toISOString(), consumer,
    purpose: input.purpose, reference: input.reference.trim(), asOf: asOf.toISOString(), rulesVersion: deps.rules.version,
    overallVerdict: overall, subjects,
  };
  const jws = deps.signer.sign(result);
  await deps.store.saveCheck({
    id, issuedAt: result.issuedAt, consumerId: consumer.id, consumerName: consumer.name, purpose: input.purpose,
    reference: result.reference, asOf: result.asOf,
    input: { ...input, asOf: input.asOf ? input.asOf.toISOString() : null }, result, jws, key: deps.signer.publicKey,
  });
  return { result, jws };
}
