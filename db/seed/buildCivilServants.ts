import { makeCitizenId, toDayNumber, toIsoDate, createWeightedPicker, type Random, type WeightedPicker } from '../../src/codes/index.js';
import { makeChineseName } from './makeChineseName.js';
import type { PersonSex } from './makeChineseName.js';
import { bodyKindOf, readGovernmentBodyFile, type BodyKind } from './organisations/describeBodies.js';
import { readSeedJson } from './readSeedJson.js';
import type { SeedCivilServant, SeedOrganisation } from './SeedWorld.js';

interface PeopleFile {
  givenMale: string[];
  givenFemale: string[];
  postsByBodyKind: Record<BodyKind, [string, number][]>;
  idAreas: { shenzhen: [string, number][]; elsewhere: [string, number][] };
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
const FIRST_BIRTH_DAY = toDayNumber('1960-01-01');
const LAST_BIRTH_DAY = toDayNumber('2000-12-31');

/** Names of the sample data's persons, to keep each civil servant's name apart from everyone else's. */
class PersonNames {
  private readonly names = new Set<string>();
  // Every prefix of two or more characters of a name, as the characters that follow each shorter prefix (张宁 of
  // 张宁岚: 宁 after 张, 岚 after 张宁), so that a free variant is found without building and testing each one.
  private readonly next = new Map<string, Set<string>>();

  add(name: string): void {
    this.names.add(name);
    const chars = [...name];
    for (let n = 2; n <= chars.length; n++) {
      const stem = chars.slice(0, n - 1).join('');
      let after = this.next.get(stem);
      if (!after) this.next.set(stem, (after = new Set()));
      after.add(chars[n - 1]!);
    }
  }

  /** True when `stem` + `char` is someone's name or begins someone's name (张宁 of 张宁岚). */
  isTaken(stem: string, char: string): boolean {
    return this.next.get(stem)?.has(char) ?? false;
  }

  /** True when `stem`, or a prefix of it of two or more characters, is someone's name. */
  endsSomeName(stem: string): boolean {
    const chars = [...stem];
    for (let n = 2; n <= chars.length; n++) if (this.names.has(chars.slice(0, n).join(''))) return true;
    return false;
  }

  /** True when `name` is someone's name, begins someone's name (张宁 of 张宁岚) or begins with one. */
  clashes(name: string): boolean {
    const chars = [...name];
    return chars.length > 1 && (this.isTaken(chars.slice(0, -1).join(''), chars.at(-1)!) || this.endsSomeName(chars.slice(0, -1).join('')));
  }
}

/**
 * `name` unless it clashes with a person's name already in the sample data, else the first free variant
 * (the given name's last character replaced, or one added, or a new two-character given name, in list order). Uses no randomness, so the rest
 * of the data set stays as it was. A civil servant's name then identifies that civil servant alone in
 * the data, which the public scan (test/e2e/publicPersonalData.e2e.ts) relies on: a registered legal
 * representative of the same or a longer name would be another, publicly registered person.
 */
function distinctName(name: string, taken: PersonNames, given: readonly string[]): string {
  if (!taken.clashes(name)) return name;
  const surname = [...name][0]!;
  const stems = [name.slice(0, -1), name, ...given.map((char) => surname + char)];
  // stem + char clashes when it is or begins a name, or when stem (or a prefix of it) is a name.
  for (const stem of stems) {
    if (taken.endsSomeName(stem)) continue;
    for (const char of given) {
      if (!taken.isTaken(stem, char)) return stem + char;
    }
  }
  // The large data set (100,000 legal representatives) leaves no variant free of every shorter name; there a
  // variant that is nobody's name and begins nobody's name still identifies its civil servant alone.
  for (const stem of stems) {
    for (const char of given) {
      if (!taken.isTaken(stem, char)) return stem + char;
    }
  }
  throw new Error(`buildCivilServants: no free variant of the name ${name}`);
}

/**
 * Builds `count` civil servants employed by the given government bodies (weighted by their staff
 * size): opaque ids `cs_` + 12 base32 characters, names matching the sex the ID number encodes,
 * unique valid citizen IDs (born 1960-2000 in Shenzhen or a usual home province), posts that fit
 * the employer's kind of body (names/people.json postsByBodyKind), names borne by no legal representative of `organisations` nor
 * by another civil servant. Throws when `bodies` is empty.
 */
export function buildCivilServants(
  random: Random,
  bodies: readonly SeedOrganisation[],
  count: number,
  organisations: readonly SeedOrganisation[] = bodies,
): SeedCivilServant[] {
  if (bodies.length === 0) throw new Error('buildCivilServants: no government bodies to employ civil servants');
  const people = readSeedJson<PeopleFile>('names/people.json');
  const pickEmployer = createWeightedPicker(bodies.map((b) => [b, b.staffWeight ?? 1] as const));
  const bodyFile = readGovernmentBodyFile();
  const postPickers = new Map(Object.entries(people.postsByBodyKind).filter(([kind]) => kind !== 'about')
    .map(([kind, posts]) => [kind, createWeightedPicker(posts)] as const));
  const pickShenzhenArea = createWeightedPicker(people.idAreas.shenzhen);
  const pickOtherArea = createWeightedPicker(people.idAreas.elsewhere);
  const names = new PersonNames();
  for (const o of organisations) if (o.legalRepresentative) names.add(o.legalRepresentative);
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
    // Posts that exist in the employer's kind of body: no 执法员 at a court, no 审判员 at a bureau.
    const kind = bodyKindOf(bodyFile, employer.key?.split('@')[0] ?? '', employer.name);
    const post = (postPickers.get(kind) as WeightedPicker<string>)(random);
    const name = distinctName(makeChineseName(random, sex), names, sex === 'MALE' ? people.givenMale : people.givenFemale);
    names.add(name);
    result.push({ id, name, idNumber, employerUscc: employer.uscc, post, employer });
  }
  return result;
}
