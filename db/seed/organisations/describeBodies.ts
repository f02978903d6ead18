import { readSeedJson } from '../readSeedJson.js';
import { SEED_DISTRICTS, fillTemplate } from './seedDistricts.js';

/** The kinds of body whose posts differ (names/people.json `postsByBodyKind`). */
export type BodyKind = 'COURT' | 'PROCURATORATE' | 'ENFORCEMENT_BUREAU' | 'BUREAU' | 'COMMITTEE';

interface BodyFile {
  city: { key: string; name: string }[];
  district: { key: string; name: string }[];
  street: { name: string };
  bodyKinds: Record<string, BodyKind>;
  reform2019: { earliest: string; cityEstablishedOn: string; districtEstablishedOn: string; city: string[]; district: string[] };
  massOrganisations: { key: string; name: string; abbr: string; establishedOn: string }[];
}

/** What the data files say about a body by its name: its key without district (SCJG), kind and 2019-reform status. */
export interface BodyDescription {
  key: string;
  kind: BodyKind;
  /** True for bodies the 2019 institutional reform created or re-formed. */
  reform2019: boolean;
}

/** The government-body file (names/governmentBodies.json), read once. */
export function readGovernmentBodyFile(): BodyFile {
  return readSeedJson<BodyFile>('names/governmentBodies.json');
}

/** The kind of a body of key `key` named `name`: from `bodyKinds`, else BUREAU for a …局, else COMMITTEE. */
export function bodyKindOf(file: BodyFile, key: string, name: string): BodyKind {
  return file.bodyKinds[key] ?? (name.endsWith('局') ? 'BUREAU' : 'COMMITTEE');
}

/**
 * Every body name the generator can produce (city, district, street offices, mass organisations), with its key and
 * kind, so a checker can tell from a database row alone what kind of body decided a record.
 */
export function describeBodies(): Map<string, BodyDescription> {
  const file = readGovernmentBodyFile();
  const result = new Map<string, BodyDescription>();
  const add = (key: string, name: string, reform: boolean) => result.set(name, { key, kind: bodyKindOf(file, key, name), reform2019: reform });
  for (const body of file.city) add(body.key, body.name, file.reform2019.city.includes(body.key));
  for (const district of SEED_DISTRICTS) {
    const values = { district: district.nameZh, short: district.short, abbr: district.abbr, court: district.courtCode };
    for (const body of file.district) add(body.key, fillTemplate(body.name, values), file.reform2019.district.includes(body.key));
    for (const street of district.streets) add('JD', fillTemplate(file.street.name, { ...values, street }), false);
  }
  for (const body of file.massOrganisations) add(body.key, body.name, false);
  return result;
}
