import data from './industryClassification.json' with { type: 'json' };

/** A division (大类) of GB/T 4754-2017 with its section (门类). */
export interface IndustryDivision {
  /** Two digits, 01–97. */
  code: string;
  /** Official Chinese name of the division, e.g. 软件和信息技术服务业. */
  nameZh: string;
  /** Section letter A–T. */
  section: string;
  /** Official Chinese name of the section, e.g. 信息传输、软件和信息技术服务业. */
  sectionNameZh: string;
  /** English name of the section. */
  sectionName: string;
}

function readDivisions(): ReadonlyMap<string, IndustryDivision> {
  const divisions = new Map<string, IndustryDivision>();
  for (const section of data.sections) {
    if (!/^[A-T]$/.test(section.letter)) throw new Error(`industryClassification.json: bad section letter ${section.letter}`);
    for (const division of section.divisions) {
      if (!/^\d{2}$/.test(division.code) || divisions.has(division.code)) {
        throw new Error(`industryClassification.json: bad or repeated division code ${division.code}`);
      }
      divisions.set(division.code, {
        code: division.code, nameZh: division.nameZh, section: section.letter, sectionNameZh: section.nameZh, sectionName: section.name,
      });
    }
  }
  return divisions;
}

/** Every division of GB/T 4754-2017 (国民经济行业分类) by its two-digit code, from `industryClassification.json`. */
export const INDUSTRY_DIVISIONS: ReadonlyMap<string, IndustryDivision> = readDivisions();

/** The division of a two-digit code, undefined when GB/T 4754-2017 has none. */
export function industryDivision(code: string): IndustryDivision | undefined {
  return INDUSTRY_DIVISIONS.get(code);
}

/**
 * The division codes an industry filter value stands for: a section letter (`I`) gives all its divisions, a
 * division code (`65`, or with its letter `I65`) itself. Undefined when the value names no section or division
 * (or a letter that does not go with the division).
 */
export function divisionsOfIndustry(value: string): string[] | undefined {
  const text = value.trim().toUpperCase();
  if (/^[A-Z]$/.test(text)) {
    const codes = [...INDUSTRY_DIVISIONS.values()].filter((d) => d.section === text).map((d) => d.code);
    return codes.length > 0 ? codes : undefined;
  }
  const match = /^([A-Z]?)(\d{2})$/.exec(text);
  if (!match) return undefined;
  const division = INDUSTRY_DIVISIONS.get(match[2] as string);
  if (!division || (match[1] && match[1] !== division.section)) return undefined;
  return [division.code];
}
