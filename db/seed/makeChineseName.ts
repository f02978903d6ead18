import { createWeightedPicker, type Random } from '../../src/codes/index.js';
import { readSeedJson } from './readSeedJson.js';

interface PeopleNames {
  surnames: [string, number][];
  givenMale: string[];
  givenFemale: string[];
}

const people = readSeedJson<PeopleNames>('names/people.json');
const drawSurname = createWeightedPicker(people.surnames);

/** Sex of a generated person (the citizen ID sequence encodes it: odd male, even female). */
export type PersonSex = 'MALE' | 'FEMALE';

/** Returns one or two given-name characters suited to `sex`. */
export function makeGivenName(random: Random, sex: PersonSex = random.chance(0.5) ? 'MALE' : 'FEMALE'): string {
  const given = sex === 'MALE' ? people.givenMale : people.givenFemale;
  return random.pick(given) + (random.chance(0.7) ? random.pick(given) : '');
}

/** Returns a plausible Chinese personal name: a weighted surname and one or two given characters. */
export function makeChineseName(random: Random, sex?: PersonSex): string {
  return drawSurname(random) + makeGivenName(random, sex);
}

/** Returns a random surname (weighted like real frequencies). */
export function pickSurname(random: Random): string {
  return drawSurname(random);
}
