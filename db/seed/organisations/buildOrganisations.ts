import type { Random } from '../../../src/codes/index.js';
import type { SampleDataPlan } from '../sampleDataPlans.js';
import type { OrganisationGroup, SeedOrganisation } from '../SeedWorld.js';
import { buildBusinesses } from './buildBusinesses.js';
import { addMassOrganisations, buildGovernmentBodies } from './buildGovernmentBodies.js';
import { buildInstitutions } from './buildInstitutions.js';
import { buildSocialOrganisations } from './buildSocialOrganisations.js';
import { createOrgRegistry } from './createOrgRegistry.js';

/** The organisations of a plan, with the lookups the later generators need. */
export interface OrganisationSet {
  organisations: SeedOrganisation[];
  bodiesByKey: ReadonlyMap<string, SeedOrganisation>;
  pools: Record<OrganisationGroup, SeedOrganisation[]>;
}

/**
 * Builds every organisation of the plan in insertion order (bodies, institutions, social
 * organisations, businesses; parents always before children) from one PRNG stream; then, with `massRandom`, the
 * mass organisations that confer honours (outside the subject pools).
 */
export function buildOrganisations(random: Random, plan: SampleDataPlan, asOf: string, massRandom?: Random): OrganisationSet {
  const registry = createOrgRegistry();
  const bodies = buildGovernmentBodies(registry, random, plan);
  buildInstitutions(registry, random, plan, bodies.length);
  buildSocialOrganisations(registry, random, plan.socialOrganisations, asOf);
  buildBusinesses(registry, random, plan, asOf);
  const pools: Record<OrganisationGroup, SeedOrganisation[]> = { BUSINESS: [], GOVERNMENT: [], INSTITUTION: [], SOCIAL: [] };
  for (const organisation of registry.organisations) pools[organisation.group].push(organisation);
  // Array#sort is stable, so equal dates keep insertion order and the result stays deterministic.
  for (const pool of Object.values(pools)) pool.sort((a, b) => a.establishedDay - b.establishedDay);
  if (massRandom) addMassOrganisations(registry, massRandom);
  return { organisations: registry.organisations, bodiesByKey: registry.bodiesByKey, pools };
}
