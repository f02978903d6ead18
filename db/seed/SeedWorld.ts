import type { SampleCivilServant, SampleOrganisation } from './SampleData.js';

/** Who a record can be about: an organisation of one of four groups, or a civil servant. */
export type SubjectGroup = 'BUSINESS' | 'GOVERNMENT' | 'INSTITUTION' | 'SOCIAL' | 'CIVIL_SERVANT';

/** The organisation groups: enterprises (91/92/93), bodies (11), institutions (12), social (5x). */
export type OrganisationGroup = Exclude<SubjectGroup, 'CIVIL_SERVANT'>;

/** An organisation plus what the generator needs about it internally. */
export interface SeedOrganisation extends SampleOrganisation {
  group: OrganisationGroup;
  /** Days since 1970-01-01 of `establishedOn`. */
  establishedDay: number;
  /** For bodies: `SCJG` (city level) or `SCJG@440305` (that district's body of the same key). */
  key?: string;
  /** For bodies: the start of their document numbers (深市监, 深南建, 粤0305). */
  abbr?: string;
  /** For government bodies: relative head count, used to place civil servants. */
  staffWeight?: number;
}

/** A civil servant with a reference to the employing body. */
export interface SeedCivilServant extends SampleCivilServant {
  employer: SeedOrganisation;
}

/** Everything the record generator draws subjects and authorities from. */
export interface SeedWorld {
  /** Parents before children. */
  organisations: SeedOrganisation[];
  bodiesByKey: ReadonlyMap<string, SeedOrganisation>;
  /** Each group sorted by `establishedDay`, so "existing on day D" is a prefix. */
  pools: Readonly<Record<OrganisationGroup, SeedOrganisation[]>>;
  civilServants: SeedCivilServant[];
}
