import { describe, it, expect } from 'vitest';
import { SHENZHEN_DISTRICTS, districtByCode, isShenzhenAreaCode } from '../../src/codes/index.js';

describe('SHENZHEN_DISTRICTS', () => {
  it('lists the city, its nine GB/T 2260 districts and three functional areas (DOMAIN §1.5)', () => {
    expect(SHENZHEN_DISTRICTS.map((d) => `${d.code} ${d.nameZh} ${d.nameEn} ${d.areaType}`)).toEqual([
      '440300 深圳市 Shenzhen CITY',
      '440303 罗湖区 Luohu DISTRICT',
      '440304 福田区 Futian DISTRICT',
      '440305 南山区 Nanshan DISTRICT',
      "440306 宝安区 Bao'an DISTRICT",
      '440307 龙岗区 Longgang DISTRICT',
      '440308 盐田区 Yantian DISTRICT',
      '440309 龙华区 Longhua DISTRICT',
      '440310 坪山区 Pingshan DISTRICT',
      '440311 光明区 Guangming DISTRICT',
      '440313 前海 Qianhai FUNCTIONAL_AREA',
      '4403DP 大鹏新区 Dapeng New Area FUNCTIONAL_AREA',
      '4403SS 深汕特别合作区 Shenzhen-Shanwei Special Cooperation Zone FUNCTIONAL_AREA',
    ]);
    expect(SHENZHEN_DISTRICTS.filter((d) => d.areaType === 'DISTRICT')).toHaveLength(9);
  });

  it('flags the functional areas as local codes, each saying it is not a GB/T 2260 code', () => {
    const local = SHENZHEN_DISTRICTS.filter((d) => d.local === true);
    expect(local.map((d) => d.code)).toEqual(['440313', '4403DP', '4403SS']);
    for (const area of local) expect(area.codeNote).toMatch(/not a GB\/T 2260 code/i);
  });
});

describe('isShenzhenAreaCode and districtByCode', () => {
  it.each([
    ['440300', true],
    ['440305', true],
    ['440313', true],
    ['4403DP', true],
    ['4403SS', true],
    ['4403dp', false],
    ['440312', false],
    ['440100', false],
    [' 440305', false],
  ])('%j → %s', (code, known) => {
    expect(isShenzhenAreaCode(code)).toBe(known);
    expect(districtByCode(code) !== undefined).toBe(known);
  });

  it('returns the whole entry', () => {
    expect(districtByCode('440313')).toEqual({
      code: '440313', nameEn: 'Qianhai', nameZh: '前海', level: 'ZONE', areaType: 'FUNCTIONAL_AREA', local: true,
      codeNote: 'Not a GB/T 2260 code: 440313 is how some local systems report Qianhai (unconfirmed); never used in a USCC.',
    });
    expect(districtByCode('440304')).toEqual({ code: '440304', nameEn: 'Futian', nameZh: '福田区', level: 'DISTRICT', areaType: 'DISTRICT' });
  });
});
