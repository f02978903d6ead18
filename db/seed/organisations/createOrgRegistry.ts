import { makeUscc, toDayNumber } from '../../../src/codes/index.js';
import type { OrganisationGroup, SeedOrganisation } from '../SeedWorld.js';

/** What a builder states about a new organisation; the registry derives the USCC. */
export interface NewOrganisation {
  prefix: string;
  area: string;
  /** Proposes an 8-character organisation-code body; called again until the body is unused. */
  makeBody: () => string;
  name: string;
  districtCode: string;
  parent: SeedOrganisation | null;
  legalRepresentative: string | null;
  establishedOn: string;
  group: OrganisationGroup;
  key?: string;
  abbr?: string;
  staffWeight?: number;
}

/** Collects organisations in insertion order with unique names, code bodies and keys. */
export interface OrgRegistry {
  add(input: NewOrganisation): SeedOrganisation;
  hasName(name: string): boolean;
  byKey(key: string): SeedOrganisation | undefined;
  readonly organisations: SeedOrganisation[];
  readonly bodiesByKey: ReadonlyMap<string, SeedOrganisation>;
}

const MAX_BODY_ATTEMPTS = 1_000;

/**
 * Creates an empty registry. `add` throws on a duplicate name or key, or when `makeBody` keeps
 * proposing used bodies (the code space of that style is exhausted).
 */
export function createOrgRegistry(): OrgRegistry {
  const organisations: SeedOrganisation[] = [];
  const names = new Set<string>();
  const bodies = new Set<string>();
  const bodiesByKey = new Map<string, SeedOrganisation>();
  return {
    organisations,
    bodiesByKey,
    hasName: (name) => names.has(name),
    byKey: (key) => bodiesByKey.get(key),
    add(input) {
      if (names.has(input.name)) throw new Error(`duplicate organisation name ${input.name}`);
      if (input.key !== undefined && bodiesByKey.has(input.key)) throw new Error(`duplicate body key ${input.key}`);
      let body = input.makeBody();
      for (let attempt = 1; bodies.has(body); attempt++) {
        if (attempt >= MAX_BODY_ATTEMPTS) throw new Error(`no unused organisation-code body for ${input.name}`);
        body = input.makeBody();
      }
      bodies.add(body);
      names.add(input.name);
      const organisation: SeedOrganisation = {
        uscc: makeUscc(input.prefix, input.area, body),
        name: input.name,
        districtCode: input.districtCode,
        parentUscc: input.parent?.uscc ?? null,
        legalRepresentative: input.legalRepresentative,
        establishedOn: input.establishedOn,
        group: input.group,
        establishedDay: toDayNumber(input.establishedOn),
        // Filled in by addRegistrations once every organisation (and so every registration authority) exists.
        industryCode: null,
        registeredCapital: null,
        registrationStatus: null,
        businessScope: null,
        registrationAuthorityUscc: null,
        formerNames: [],
      };
      if (input.key !== undefined) {
        organisation.key = input.key;
        bodiesByKey.set(input.key, organisation);
      }
      if (input.abbr !== undefined) organisation.abbr = input.abbr;
      if (input.staffWeight !== undefined) organisation.staffWeight = input.staffWeight;
      organisations.push(organisation);
      return organisation;
    },
  };
}
