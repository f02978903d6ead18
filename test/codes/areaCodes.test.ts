import { describe, it, expect } from 'vitest';
import { SHENZHEN_DISTRICTS, districtByCode, isShenzhenAreaCode } from '../../src/codes/index.js';

describe('SHENZHEN_DISTRICTS', () => {
  it('lists the city, its nine districts and Qianhai', () => {
    expect(SHENZHEN_DISTRICTS.map((d) => `${d.code} ${d.nameZh} ${d.nameEn} ${d.level}`)).toEqual([
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
      '440313 前海 Qianhai ZONE',
    ]);
  });

  it('flags only Qianhai as a local code', () => {
    expect(SHENZHEN_DISTRICTS.filter((d) => d.local === true).map((d) => d.code)).toEqual(['440313']);
  });
});

describe('isShenzhenAreaCode and districtByCode', () => {
  it.each([
    ['440300', true],
    ['440305', true],
    ['440313', true],
    ['440312', false],
    ['440100', false],
    [' 440305', false],
  ])('%j → %s', (code, known) => {
    expect(isShenzhenAreaCode(code)).toBe(known);
    expect(districtByCode(code) !== undefined).toBe(known);
  });

  it('returns the whole entry', () => {
    expect(districtByCode('440313')).toEqual({ code: '440313', nameEn: 'Qianhai', nameZh: '前海', level: 'ZONE', local: true });
    expect(districtByCode('440304')).toEqual({ code: '440304', nameEn: 'Futian', nameZh: '福田区', level: 'DISTRICT' });
  });
});
