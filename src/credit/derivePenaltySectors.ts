import { readFileSync } from 'node:fs';
import type { PenaltySector } from './publicityWindow.js';

interface SectorRule {
  sector: PenaltySector;
  legalBasisNames: string[];
  catalogItems: string[];
}

const SECTORS = (JSON.parse(
  readFileSync(new URL('./rules/penalty-sectors.json', import.meta.url), 'utf8'),
) as { sectors: SectorRule[] }).sectors;

/**
 * The sectors of a penalty with a longer minimum publicity (rules/penalty-sectors.json): those whose laws its
 * legal basis names (《中华人民共和国安全生产法》第九十七条 → WORK_SAFETY) or whose catalogue item it is reported
 * under. Several sectors may apply; the window takes the longest minimum. Pure.
 */
export function derivePenaltySectors(legalBasis: string | null, catalogItemCode: string | null): PenaltySector[] {
  const basis = legalBasis ?? '';
  return SECTORS
    .filter((s) => (catalogItemCode !== null && s.catalogItems.includes(catalogItemCode))
      || s.legalBasisNames.some((name) => basis.includes(`《${name}`) || basis.includes(`中华人民共和国${name}`)))
    .map((s) => s.sector);
}
