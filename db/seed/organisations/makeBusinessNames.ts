import { createWeightedPicker, type Random } from '../../../src/codes/index.js';
import { readSeedJson } from '../readSeedJson.js';
import { fillTemplate } from './seedDistricts.js';

interface BusinessNameFile {
  tradeNameCharacters: string[];
  industries: { zh: string; weight: number; scope: string }[];
  legalForms: [string, number][];
  qianhaiStyle: string;
  nameStyles: [string, number][];
  shopTypes: [string, number][];
  cooperativeTypes: string[];
  shopNames: string[];
}

const data = readSeedJson<BusinessNameFile>('names/businesses.json');
const pickIndustry = createWeightedPicker(data.industries.map((i) => [i.zh, i.weight] as const));
const pickForm = createWeightedPicker(data.legalForms);
const pickStyle = createWeightedPicker(data.nameStyles);
const pickShopType = createWeightedPicker(data.shopTypes);

/** A trade name (字号) of `length` characters, without repeating a character. */
export function makeTradeName(random: Random, length = 2): string {
  let out = '';
  while (out.length < length) {
    const ch = random.pick(data.tradeNameCharacters);
    if (!out.includes(ch)) out += ch;
  }
  return out;
}

/** An industry word (科技, 贸易 …), weighted by how common it is in Shenzhen company names. */
export function pickIndustryWord(random: Random): string {
  return pickIndustry(random);
}

/**
 * An enterprise name such as 深圳市华信达科技有限公司; `qianhai` gives the 深圳前海… style.
 * `attempt` lengthens the trade name after repeated collisions so that a free name is always found.
 */
export function makeEnterpriseName(random: Random, qianhai: boolean, attempt: number): string {
  const style = qianhai ? data.qianhaiStyle : pickStyle(random);
  const trade = makeTradeName(random, attempt < 8 ? 2 : attempt < 30 ? 3 : 4);
  return fillTemplate(style, { trade, industry: pickIndustry(random), form: pickForm(random) });
}

/** An individual business name such as 深圳市宝安区西乡老王五金店 (surname of the operator). */
export function makeIndividualBusinessName(random: Random, district: string, street: string, surname: string, attempt: number): string {
  const shop = fillTemplate(random.pick(data.shopNames), { surname });
  const extra = attempt < 5 ? '' : makeTradeName(random, attempt < 20 ? 1 : 2);
  return `深圳市${district}${street}${extra}${shop}${pickShopType(random)}`;
}

/** A farmers' co-operative name such as 深圳市光明区玉塘鑫源果蔬专业合作社. */
export function makeCooperativeName(random: Random, district: string, street: string, attempt: number): string {
  return `深圳市${district}${street}${makeTradeName(random, attempt < 10 ? 2 : 3)}${random.pick(data.cooperativeTypes)}`;
}
