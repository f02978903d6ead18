import type { Knex } from 'knex';
import {
  addToTrail, createRequestGovernance, decideRecordDisclosure, permissionsOf, seesAllRecords, type Caller, type PersonalDataDisclosure,
  type RecordDisclosure, type RequestGovernance,
} from '../governance/index.js';
import { todayInShanghai, type AccessReport, type CreditActor } from '../credit/index.js';
import { listBodiesUnder } from './listBodiesUnder.js';

/** The GraphQL context of one hub request: governance state and what the credit store may disclose. */
export interface HubContext {
  governance: RequestGovernance;
  /** Read by the credit subschema (its `CreditRequestContext` contract). */
  creditVisibility: { records: 'DISCLOSED' | 'ALL'; unmaskPersonalData: boolean | { staffOf: string[] }; disclosure: RecordDisclosure };
  /** Who performs the request, for the credit workflows (`CreditActor`). */
  actor: CreditActor;
  /** Where the credit subschema reports whom a read touched (`AccessReportingContext`): the audit trail. */
  recordAccess: (report: AccessReport) => void;
}

// Shanghai keeps UTC+8 all year, so its date cannot change within a UTC hour: the date is formatted once an
// hour instead of once a request (Intl formatting showed in the audited request's profile).
let today = { hour: NaN, date: '' };
function todayInShanghaiThisHour(): string {
  const hour = Math.floor(Date.now() / 3_600_000);
  if (hour !== today.hour) today = { hour, date: todayInShanghai() };
  return today.date;
}

const toCreditUnmasking = (decision: PersonalDataDisclosure): boolean | { staffOf: string[] } =>
  decision.unmasked === 'STAFF' ? { staffOf: [...decision.employers] } : decision.unmasked === 'EVERYONE';

/**
 * The context of one operation run for `caller` — an HTTP request, one subscription's events, a webhook
 * delivery — with a fresh audit trail: governance state, what the credit store may disclose, who acts.
 */
export async function createHubContext(knex: Knex, caller: Caller): Promise<HubContext> {
  const consumer = caller.consumer;
  // A personnel office sees in full only the staff of the bodies it is responsible for: its subjects
  // and every body under them, looked up once per request.
  const staffEmployers = consumer && caller.purpose !== null && permissionsOf(consumer.roles).unmasksPersonalDataOf === 'STAFF_OF_SUBJECTS'
    ? await listBodiesUnder(knex, consumer.subjects) : [];
  const governance = createRequestGovernance(caller, { staffEmployers });
  return {
    governance,
    recordAccess: (report) => addToTrail(governance.trail, report),
    actor: {
      consumerId: consumer?.id ?? null,
      consumerName: consumer?.name ?? null,
      consumerKind: consumer?.kind ?? null,
      roles: governance.reader.roles,
      subjects: consumer?.subjects ?? [],
      purpose: caller.purpose,
      caseReference: caller.caseReference,
    },
    creditVisibility: {
      records: seesAllRecords(governance) ? 'ALL' : 'DISCLOSED',
      // Whose personal data the credit store shows in full: the one decision (decidePersonalDataDisclosure).
      unmaskPersonalData: toCreditUnmasking(governance.personalData),
      // Who sees records of which catalogue disclosure class (rules/record-disclosure.json), judged on
      // the day of the request whatever day a credit check looks back to.
      disclosure: decideRecordDisclosure(governance, todayInShanghaiThisHour()),
    },
  };
}
