import type { Knex } from 'knex';
import { INDUSTRY_DIVISIONS } from '../../src/codes/index.js';
import type { BodyDescription } from './organisations/describeBodies.js';

/** The registration rules `checkConsistency` applies (see CONSISTENCY_RULES). */
export const REGISTRATION_RULES = {
  ESTABLISHED_AFTER_FIRST_RECORD: 'an organisation established after the decision date of its first credit record',
  INDUSTRY_DIVISION_UNKNOWN: 'a registered organisation without an industry, or with a code that is not a GB/T 4754-2017 division',
  CAPITAL_NOT_POSITIVE: 'a registered capital of zero or less',
  REGISTRATION_AUTHORITY_WRONG:
    "a business not registered with its district's market-regulation branch (深圳市市场监督管理局…监管局; Qianhai's with Nanshan's), or a social organisation not with a civil-affairs bureau",
  FORMER_NAME_INCONSISTENT: 'a former name changed before the organisation existed or in the future, out of order, or equal to a current name',
} as const;

/** The name of a registration rule. */
export type RegistrationRule = keyof typeof REGISTRATION_RULES;

interface OrganisationRow {
  uscc: string;
  name: string;
  kind: string;
  district_code: string;
  established_on: string | Date | null;
  industry_code: string | null;
  registered_capital: string | null;
  registration_status: string | null;
  authority_name: string | null;
  authority_district: string | null;
  former_names: { name: string; until: string }[] | string;
  first_record: string | Date | null;
}

const isoDate = (value: string | Date): string => (typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10));
const BUSINESS_KINDS = ['ENTERPRISE', 'INDIVIDUAL_BUSINESS', 'FARMERS_COOPERATIVE'];

/**
 * Checks the registration particulars of every organisation (migration 20261202020000) against the rules above,
 * reporting each violation through `add`. A database without the columns has nothing to check. `today` bounds the
 * former names' dates.
 */
export async function checkRegistrations(
  knex: Knex,
  bodies: ReadonlyMap<string, BodyDescription>,
  today: string,
  add: (rule: RegistrationRule, example: string) => void,
): Promise<void> {
  if (!(await knex.schema.hasColumn('organisations', 'former_names'))) return;
  const firstRecords = knex('credit_records').whereNotNull('subject_uscc').groupBy('subject_uscc')
    .select('subject_uscc', knex.raw('min(decision_date) as first_record')).as('f');
  const rows = await knex('organisations as o')
    .leftJoin('organisations as a', 'a.uscc', 'o.registration_authority_uscc')
    .leftJoin(firstRecords, 'f.subject_uscc', 'o.uscc')
    .select('o.uscc', 'o.name', 'o.kind', 'o.district_code', 'o.established_on', 'o.industry_code', 'o.registered_capital',
      'o.registration_status', 'a.name as authority_name', 'a.district_code as authority_district', 'o.former_names', 'f.first_record') as OrganisationRow[];
  const currentNames = new Set(rows.map((r) => r.name));
  for (const o of rows) {
    const label = `${o.uscc} ${o.name}`;
    if (o.established_on !== null && o.first_record !== null && isoDate(o.established_on) > isoDate(o.first_record)) {
      add('ESTABLISHED_AFTER_FIRST_RECORD', `${label}: established ${isoDate(o.established_on)}, first record ${isoDate(o.first_record)}`);
    }
    if ((o.registration_status !== null || o.kind === 'GOVERNMENT_BODY') && !(o.industry_code && INDUSTRY_DIVISIONS.has(o.industry_code))) {
      add('INDUSTRY_DIVISION_UNKNOWN', `${label}: ${o.industry_code ?? 'none'}`);
    }
    if (o.registered_capital !== null && !(Number(o.registered_capital) > 0)) add('CAPITAL_NOT_POSITIVE', `${label}: ${o.registered_capital}万元`);
    if (BUSINESS_KINDS.includes(o.kind) && o.registration_status !== null) {
      const district = o.district_code === '440313' ? '440305' : o.district_code;
      if (bodies.get(o.authority_name ?? '')?.key !== 'SCJG' || o.authority_district !== district) {
        add('REGISTRATION_AUTHORITY_WRONG', `${label} (${o.district_code}): ${o.authority_name ?? 'none'}`);
      }
    }
    if (o.kind === 'SOCIAL_ORGANISATION' && o.registration_status !== null && bodies.get(o.authority_name ?? '')?.key !== 'MZJ') {
      add('REGISTRATION_AUTHORITY_WRONG', `${label}: ${o.authority_name ?? 'none'}`);
    }
    const former = typeof o.former_names === 'string' ? (JSON.parse(o.former_names) as { name: string; until: string }[]) : o.former_names;
    let previous = o.established_on === null ? '0000-00-00' : isoDate(o.established_on);
    for (const f of former) {
      if (f.until <= previous || f.until > today || f.name === o.name || currentNames.has(f.name)) {
        add('FORMER_NAME_INCONSISTENT', `${label}: ${f.name} until ${f.until}`);
      }
      previous = f.until;
    }
  }
}
