import { makeCitizenId } from '../../src/codes/index.js';
import { toDayNumber, toIsoDate } from './dayNumber.js';
import { makeChineseName } from './makeChineseName.js';
import type { PersonSex } from './makeChineseName.js';
import { createWeightedPicker } from './random.js';
import type { Random } from './random.js';
import { readSeedJson } from './readSeedJson.js';
import type { SeedCivilServant, SeedOrganisation } from './SeedWorld.js';

interface PeopleFile {
  posts: [string, number][];
  idAreas: { shenzhen: [string, number][]; elsewhere: [string, number][] };
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
const COURT_POSTS = new Set(['法官助理', '审判员', '书记员']);
const FIRST_BIRTH_DAY = toDayNumber('1960-01-01');
const LAST_BIRTH_DAY = toDayNumber('2000-12-31');

/**
 * Builds `count` civil servants employed by the given government bodies (weighted by their staff
 * size): opaque ids `cs_` + 12 base32 characters, names matching the sex the ID number encodes,
 * unique valid citizen IDs (born 1960-2000 in Shenzhen or a usual home province), posts that fit
 * the employer (court posts only at courts). Throws when `bodies` is empty.
 */
export function buildCivilServants(random: Random, bodies: readonly SeedOrganisation[], count: number): SeedCivilServant[] {
  if (bodies.length === 0) throw new Error('buildCivilServants: no government bodies to employ civil servants');
  const people = readSeedJson<PeopleFile>('names/people.json');
  const pickEmployer = createWeightedPicker(bodies.map((b) => [b, b.staffWeight ?? 1] as const));
  const pickCourtPost = createWeightedPicker(people.posts);
  const pickOtherPost = createWeightedPicker(people.posts.filter(([post]) => !COURT_POSTS.has(post)));
  const pickShenzhenArea = createWeightedPicker(people.idAreas.shenzhen);
  const pickOtherArea = createWeightedPicker(people.idAreas.elsewhere);
  const ids = new Set<string>();
  const idNumbers = new Set<string>();
  const result: SeedCivilServant[] = [];
  while (result.length < count) {
    const sex: PersonSex = random.chance(0.55) ? 'MALE' : 'FEMALE';
    const area = random.chance(0.3) ? pickShenzhenArea(random) : pickOtherArea(random);
    const birth = toIsoDate(random.dayBetween(FIRST_BIRTH_DAY, LAST_BIRTH_DAY)).replace(/-/g, '');
    const sequence = random.int(0, 499) * 2 + (sex === 'MALE' ? 1 : 0);
    const idNumber = makeCitizenId(area, birth, String(sequence).padStart(3, '0'));
    const id = `cs_${random.chars(BASE32, 12)}`;
    if (idNumbers.has(idNumber) || ids.has(id)) continue;
    idNumbers.add(idNumber);
    ids.add(id);
    const employer = pickEmployer(random);
    const isCourt = employer.key === 'ZY' || employer.key?.startsWith('ZY@') === true;
    const post = isCourt ? pickCourtPost(random) : pickOtherPost(random);
    result.push({ id, name: makeChineseName(random, sex), idNumber, employerUscc: employer.uscc, post, employer });
  }
  return result;
}
