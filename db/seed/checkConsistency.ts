import type { Knex } from 'knex';
import { readLegalBases, type LegalBases, type LegalBasisRule } from './catalog/legalBases.js';
import { readCatalogDefinitions } from './catalog/readCatalogDefinitions.js';
import { describeBodies, readGovernmentBodyFile, type BodyDescription } from './organisations/describeBodies.js';
import { readSeedJson } from './readSeedJson.js';
import { checkRegistrations, REGISTRATION_RULES } from './checkRegistrations.js';

/** The rules the checker applies; each names what an official would object to. */
export const CONSISTENCY_RULES = {
  FINE_OUTSIDE_RANGE: "a penalty's fine lies outside the range of the article it cites (or the article has no fine)",
  WARNING_WHERE_FINE_MANDATORY: 'a penalty without a fine under an article whose penalty always includes one',
  MEASURE_NOT_IN_ARTICLE: 'a penalty category (warning, suspension, closure, detention, other) the cited article does not provide',
  BASIS_UNKNOWN: 'a legal basis that the rule data (db/seed/catalog/legalBases.json) does not know',
  BASIS_NOT_IN_FORCE: 'a legal basis not in force on the decision date',
  AUTHORITY_WRONG_TYPE: 'a decision by a kind of body the cited basis does not empower',
  AWARDING_BODY_WRONG_TYPE: 'an honour conferred by a body other than the one that awards it',
  CASE_NUMBER_FORMAT: 'a court case number not in the courts\' full-width format （2019）粤0305民初123号',
  REFORM_BODY_FOUNDED_BEFORE_2019: 'a body created by the 2019 institutional reform dated before it',
  COURT_PARTY_IN_OWN_CASE: 'a court as a party in a case before itself or its own hierarchy, or as defendant in an administrative case',
  POST_NOT_IN_BODY_KIND: 'a civil servant in a post that does not exist in the kind of body employing them',
  ...REGISTRATION_RULES,
} as const;

/** The name of a consistency rule. */
export type ConsistencyRule = keyof typeof CONSISTENCY_RULES;

/** One rule's result: how many rows break it and up to three examples. */
export interface ConsistencyViolation {
  rule: ConsistencyRule;
  description: string;
  count: number;
  examples: string[];
}

interface RecordRow {
  id: string;
  kind: string;
  legal_basis: string | null;
  decision_date: string | Date;
  fine_amount: string | null;
  document_number: string;
  authority_uscc: string;
  authority_name: string;
  authority_parent: string | null;
  subject_uscc: string | null;
  subject_name: string | null;
  employer_uscc: string | null;
  details: Record<string, unknown> | string;
}

const JUDGMENT_NUMBER = /^（\d{4}）粤03(\d{2})?(民|刑|行)(初|终)\d+号$/;
const ENFORCEMENT_NUMBER = /^（\d{4}）粤03(\d{2})?执(恢)?\d+号$/;
const BATCH = 20_000;

const isoDate = (value: string | Date): string => (typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10));

class Tally {
  private readonly results = new Map<ConsistencyRule, ConsistencyViolation>();

  constructor() {
    for (const [rule, description] of Object.entries(CONSISTENCY_RULES)) {
      this.results.set(rule as ConsistencyRule, { rule: rule as ConsistencyRule, description, count: 0, examples: [] });
    }
  }

  add(rule: ConsistencyRule, example: string): void {
    const result = this.results.get(rule) as ConsistencyViolation;
    result.count += 1;
    if (result.examples.length < 3) result.examples.push(example);
  }

  list(): ConsistencyViolation[] {
    return [...this.results.values()];
  }
}

function honourAuthorities(): Map<string, string> {
  const result = new Map<string, string>();
  for (const item of readCatalogDefinitions().items.filter((i) => i.recordKind === 'COMMENDATION')) {
    for (const c of item.cases) if (c.authority) result.set(c.text, c.authority.replace(/@$/, ''));
  }
  return result;
}

function checkPenalty(tally: Tally, row: RecordRow, rule: LegalBasisRule, label: string, details: Record<string, unknown>): void {
  const penalty = rule.penalty;
  if (!penalty) return;
  const fine = row.fine_amount === null ? null : Number(row.fine_amount);
  if (fine !== null && (penalty.fineMinWan === null || fine < penalty.fineMinWan || fine > (penalty.fineMaxWan ?? Infinity))) {
    tally.add('FINE_OUTSIDE_RANGE', `${label}: ${fine}万元, article ${penalty.fineMinWan ?? '—'}–${penalty.fineMaxWan ?? '—'}万元`);
  }
  if (fine === null && penalty.fineMandatory) tally.add('WARNING_WHERE_FINE_MANDATORY', `${label}: no fine`);
  const categories = Array.isArray(details.penaltyCategories) ? (details.penaltyCategories as string[]) : [];
  const extra = categories.filter((c) => c !== 'FINE_CONFISCATION' && !(penalty.nonFineMeasures as string[]).includes(c));
  if (extra.length > 0) tally.add('MEASURE_NOT_IN_ARTICLE', `${label}: ${extra.join(', ')}`);
}

function checkRecord(tally: Tally, row: RecordRow, bases: LegalBases, bodies: Map<string, BodyDescription>, honours: Map<string, string>): void {
  const date = isoDate(row.decision_date);
  const details = (typeof row.details === 'string' ? JSON.parse(row.details) : row.details) as Record<string, unknown>;
  const label = `#${row.id} ${row.kind} ${row.document_number} (${date})`;
  const authority = bodies.get(row.authority_name);
  if (row.legal_basis) {
    for (const part of row.legal_basis.split('；')) {
      if (bases.entriesFor(part).length === 0) {
        tally.add('BASIS_UNKNOWN', `${label}: ${part}`);
        continue;
      }
      const rule = bases.inForce(part, date);
      if (!rule) {
        tally.add('BASIS_NOT_IN_FORCE', `${label}: ${part}`);
        continue;
      }
      if (row.kind === 'ADMINISTRATIVE_PENALTY') checkPenalty(tally, row, rule, `${label} ${part}`, details);
      const allowed = rule.issuingBodies;
      if (allowed && ['ADMINISTRATIVE_PENALTY', 'ADMINISTRATIVE_LICENCE', 'SERIOUS_DISHONESTY'].includes(row.kind)
        && !(authority && allowed.includes(authority.key))) {
        tally.add('AUTHORITY_WRONG_TYPE', `${label}: ${row.authority_name} under ${part} (${allowed.join('/')})`);
      }
    }
  }
  if (row.kind === 'COMMENDATION') {
    const honour = String(details.honour ?? '');
    const expected = honours.get(honour);
    const ok = expected === 'EMPLOYER' ? row.authority_uscc === row.employer_uscc : authority?.key === expected;
    if (!ok) tally.add('AWARDING_BODY_WRONG_TYPE', `${label}: ${honour} by ${row.authority_name}`);
  }
  if (row.kind === 'JUDICIAL_JUDGMENT' || row.kind === 'JUDGMENT_DEFAULTER') {
    const format = row.kind === 'JUDICIAL_JUDGMENT' ? JUDGMENT_NUMBER : ENFORCEMENT_NUMBER;
    const numbers = [row.document_number, details.caseNumber, details.basisDocument].filter((n): n is string => typeof n === 'string');
    for (const [index, number] of numbers.entries()) {
      if (!(index === 2 ? JUDGMENT_NUMBER : format).test(number)) tally.add('CASE_NUMBER_FORMAT', `${label}: ${number}`);
    }
    const subject = row.subject_name === null ? undefined : bodies.get(row.subject_name);
    if (subject?.kind === 'COURT' && (row.subject_uscc === row.authority_uscc || row.authority_parent === row.subject_uscc
      || details.caseType === 'ADMINISTRATIVE' || authority?.kind === 'COURT')) {
      tally.add('COURT_PARTY_IN_OWN_CASE', `${label}: ${row.subject_name} before ${row.authority_name}`);
    }
  }
}

/**
 * Checks a database holding sample data against the rule data the sample is generated from: legal bases in
 * force, fines within their article's range, issuing and awarding bodies of the right kind, the courts' case
 * numbers, founding dates of reform-created bodies, court parties and posts, and the organisations' registration
 * particulars (checkRegistrations.ts). Returns one entry per rule of
 * `CONSISTENCY_RULES` (count 0 when none breaks it), reading the records in batches so the large set fits.
 */
export async function checkConsistency(knex: Knex): Promise<ConsistencyViolation[]> {
  const tally = new Tally();
  const bases = readLegalBases();
  const bodies = describeBodies();
  const honours = honourAuthorities();
  const reform = readGovernmentBodyFile().reform2019;
  const organisations = await knex('organisations').select('uscc', 'name', 'established_on') as { uscc: string; name: string; established_on: string | Date | null }[];
  for (const o of organisations) {
    if (bodies.get(o.name)?.reform2019 && o.established_on !== null && isoDate(o.established_on) < reform.earliest) {
      tally.add('REFORM_BODY_FOUNDED_BEFORE_2019', `${o.name} founded ${isoDate(o.established_on)}`);
    }
  }
  const people = readSeedJson<{ postsByBodyKind: Record<string, [string, number][]> }>('names/people.json').postsByBodyKind;
  const servants = await knex('civil_servants as c').join('organisations as o', 'o.uscc', 'c.employer_uscc')
    .select('c.id', 'c.post', 'o.name as employer') as { id: string; post: string; employer: string }[];
  for (const s of servants) {
    const kind = bodies.get(s.employer)?.kind ?? 'COMMITTEE';
    if (!(people[kind] ?? []).some(([post]) => post === s.post)) tally.add('POST_NOT_IN_BODY_KIND', `${s.id}: ${s.post} at ${s.employer}`);
  }
  if (await knex.schema.hasTable('enforcement_cases')) {
    for (const c of await knex('enforcement_cases').select('case_number') as { case_number: string }[]) {
      if (!ENFORCEMENT_NUMBER.test(c.case_number)) tally.add('CASE_NUMBER_FORMAT', `enforcement case ${c.case_number}`);
    }
  }
  // Former names may not be dated after the day of the check.
  await checkRegistrations(knex, bodies, new Date().toISOString().slice(0, 10), (rule, example) => tally.add(rule, example));
  let after = 0;
  for (;;) {
    const rows = await knex('credit_records as r')
      .join('organisations as a', 'a.uscc', 'r.authority_uscc')
      .leftJoin('organisations as s', 's.uscc', 'r.subject_uscc')
      .leftJoin('civil_servants as c', 'c.id', 'r.civil_servant_id')
      .where('r.id', '>', after).orderBy('r.id').limit(BATCH)
      .select('r.id', 'r.kind', 'r.legal_basis', 'r.decision_date', 'r.fine_amount', 'r.document_number', 'r.authority_uscc',
        'a.name as authority_name', 'a.parent_uscc as authority_parent', 'r.subject_uscc', 's.name as subject_name',
        'c.employer_uscc', 'r.details') as RecordRow[];
    for (const row of rows) checkRecord(tally, row, bases, bodies, honours);
    if (rows.length < BATCH) break;
    after = Number((rows[rows.length - 1] as RecordRow).id);
  }
  return tally.list();
}
