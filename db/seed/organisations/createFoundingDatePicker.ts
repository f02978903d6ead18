import { createWeightedPicker, type Random, toDayNumber, toIsoDate } from '../../../src/codes/index.js';

// Registrations per year: few before the 1990s, a boom after the 2014 registration reform.
function yearWeight(year: number): number {
  if (year < 1995) return 0.3;
  if (year < 2005) return 0.8;
  if (year < 2014) return 1.5;
  if (year < 2022) return 4;
  return 3;
}

/** Prepares a founding-date draw from `firstYear` to 30 days before `asOf`, weighted by `yearWeight`. */
export function createFoundingDatePicker(firstYear: number, asOf: string): (random: Random) => string {
  const lastDay = toDayNumber(asOf) - 30;
  const lastYear = Number(toIsoDate(lastDay).slice(0, 4));
  const years: [number, number][] = [];
  for (let y = firstYear; y <= lastYear; y++) years.push([y, yearWeight(y)]);
  const pickYear = createWeightedPicker(years);
  return (random) => {
    const year = pickYear(random);
    const from = toDayNumber(`${year}-01-01`);
    return toIsoDate(random.dayBetween(from, Math.min(toDayNumber(`${year}-12-31`), lastDay)));
  };
}
