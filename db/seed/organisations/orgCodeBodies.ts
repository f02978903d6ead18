import { USCC_CHARSET, type Random } from '../../../src/codes/index.js';

const DIGITS = '0123456789';
const LETTERS = USCC_CHARSET.slice(10);

// Fourth character of post-2015 Shenzhen codes (MA5D… in 2016, MA5F… in 2018 …): roughly by year.
const MA5_SERIES: Readonly<Record<number, string>> = {
  2015: 'C', 2016: 'D', 2017: 'E', 2018: 'F', 2019: 'F', 2020: 'G', 2021: 'G',
  2022: 'H', 2023: 'H', 2024: 'J', 2025: 'K', 2026: 'K',
};

// Leading digits of pre-reform 8-digit organisation codes seen in Shenzhen, by era.
const NUMERIC_PREFIXES: readonly (readonly [number, readonly string[]])[] = [
  [1995, ['19', '27', '61', '70']],
  [2005, ['72', '73', '74', '75', '76', '77', '78', '79']],
  [2011, ['66', '67', '68', '69', '55', '56']],
  [2016, ['57', '58', '59', '05', '06', '07', '08', '09', '31', '32', '33', '34', '35']],
];

// The unified code took over from 2015-10-01: new registrations get the MA5… style.
function hasUnifiedCode(establishedOn: string): boolean {
  return establishedOn >= '2015-10-01';
}

function unifiedBody(random: Random, establishedOn: string): string {
  const series = MA5_SERIES[Number(establishedOn.slice(0, 4))] ?? 'K';
  return `MA5${series}${random.chars(USCC_CHARSET, 4)}`;
}

/** An enterprise's code body: `MA5` style from 2015-10, an era-typical 8-digit number before. */
export function makeEnterpriseBody(random: Random, establishedOn: string): string {
  if (hasUnifiedCode(establishedOn)) return unifiedBody(random, establishedOn);
  const year = Number(establishedOn.slice(0, 4));
  const era = NUMERIC_PREFIXES.find(([until]) => year < until) ?? NUMERIC_PREFIXES[NUMERIC_PREFIXES.length - 1];
  return random.pick(era?.[1] ?? ['19']) + random.chars(DIGITS, 6);
}

/** An individual business's code body: `MA5` style from 2015-10, `L` + 7 digits before. */
export function makeIndividualBusinessBody(random: Random, establishedOn: string): string {
  return hasUnifiedCode(establishedOn) ? unifiedBody(random, establishedOn) : `L${random.chars(DIGITS, 7)}`;
}

/** A government body's code body (`00` + 6 digits, as organisation codes of organs were issued). */
export function makeGovernmentBody(random: Random): string {
  return `00${random.chars(DIGITS, 6)}`;
}

/** A public institution's code body: mostly `45` + 6 digits, some newer `MB2` ones. */
export function makeInstitutionBody(random: Random): string {
  return random.chance(0.8) ? `45${random.chars(DIGITS, 6)}` : `MB2${random.chars(USCC_CHARSET, 5)}`;
}

/** A social organisation's code body: `MJ` + a letter + 5 digits, as civil-affairs codes look. */
export function makeSocialOrganisationBody(random: Random): string {
  return `MJ${random.chars(LETTERS, 1)}${random.chars(DIGITS, 5)}`;
}
