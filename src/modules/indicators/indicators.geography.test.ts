import { describe, expect, it } from 'vitest';
import { convertUnit, parsePeriod, previousYearPeriod } from './indicators.codes.ts';
import { districtGeography, GEOGRAPHIES, geographyOf, normalizeGeography } from './indicators.geography.ts';

describe('geographies', () => {
  it('reads the names statistical tables use: codes, short and full Chinese names, stray spaces, English', () => {
    const cases: Record<string, string | undefined> = {
      CN: 'CN',
      全国: 'CN',
      中国: 'CN',
      China: 'CN',
      广东: 'CN-GD',
      广东省: 'CN-GD',
      '广   东': 'CN-GD',
      ' 广东省 ': 'CN-GD',
      '广\u3000东': 'CN-GD',
      Guangdong: 'CN-GD',
      'guangdong province': 'CN-GD',
      'cn-gd': 'CN-GD',
      内蒙古自治区: 'CN-NM',
      '内蒙 古': 'CN-NM',
      'Inner Mongolia': 'CN-NM',
      广西壮族自治区: 'CN-GX',
      新疆维吾尔自治区: 'CN-XJ',
      'Beijing Municipality': 'CN-BJ',
      北京市: 'CN-BJ',
      山西: 'CN-SX',
      陕西: 'CN-SN',
      Shaanxi: 'CN-SN',
      Shanxi: 'CN-SX',
      贵州: 'CN-GZ',
      广州: 'CN-GD-GZ',
      广州市: 'CN-GD-GZ',
      天河区: 'CN-GD-GZ-TIANHE',
      天河: 'CN-GD-GZ-TIANHE',
      'Tianhe District': 'CN-GD-GZ-TIANHE',
      香港特别行政区: 'CN-HK',
      // Misprints of the source and other places stay unknown: importers report them, never guess.
      江两: undefined,
      尔部地区: undefined,
      火星: undefined,
      '': undefined,
      '   ': undefined,
    };
    for (const [name, code] of Object.entries(cases)) expect(normalizeGeography(name), name).toBe(code);
  });

  it('reads every geography code as itself, in any case and with stray spaces', () => {
    expect(normalizeGeography('CN')).toBe('CN');
    expect(normalizeGeography(' cn ')).toBe('CN');
    for (const g of GEOGRAPHIES) {
      expect(normalizeGeography(g.code), g.code).toBe(g.code);
      expect(normalizeGeography(g.code.toLowerCase()), g.code).toBe(g.code);
      expect(geographyOf(normalizeGeography(g.code) ?? ''), g.code).toBe(g);
    }
  });

  it('has unique codes, parents that exist, and the directory’s districts', () => {
    const codes = GEOGRAPHIES.map((g) => g.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const g of GEOGRAPHIES) if (g.parent) expect(geographyOf(g.parent), g.code).toBeDefined();
    expect(GEOGRAPHIES.filter((g) => g.level === 'province')).toHaveLength(34);
    expect(GEOGRAPHIES.filter((g) => g.level === 'district')).toHaveLength(11);
    expect(districtGeography('huangpu')).toBe('CN-GD-GZ-HUANGPU');
    expect(districtGeography('atlantis')).toBeUndefined();
  });
});

describe('periods and units', () => {
  it('normalises period codes to their first and last day', () => {
    expect(parsePeriod('2017')).toEqual({
      period: '2017',
      kind: 'year',
      start: '2017-01-01',
      end: '2017-12-31',
    });
    expect(parsePeriod(' 2017-h1 ')).toEqual({
      period: '2017-H1',
      kind: 'half',
      start: '2017-01-01',
      end: '2017-06-30',
    });
    expect(parsePeriod('2017-Q3')).toMatchObject({ start: '2017-07-01', end: '2017-09-30' });
    expect(parsePeriod('2016-02')).toMatchObject({ kind: 'month', end: '2016-02-29' });
    expect(parsePeriod('2017-07-31')).toMatchObject({ kind: 'date', start: '2017-07-31', end: '2017-07-31' });
    for (const bad of ['17', '2017-H3', '2017-Q5', '2017-13', '2017-02-30', '1899', 'stock', '2017-7', ''])
      expect(parsePeriod(bad), bad).toBeUndefined();
    expect(previousYearPeriod(parsePeriod('2017-H1')!)?.period).toBe('2016-H1');
    expect(previousYearPeriod(parsePeriod('2016-02-29')!)?.period).toBe('2015-02-28');
  });

  it('converts only between money units, exactly', () => {
    expect(convertUnit(3967.4797, 'cny_100m', 'cny_10k')).toBe(39674797);
    expect(convertUnit(12345, 'cny_10k', 'cny_100m')).toBe(1.2345);
    expect(convertUnit(5.2, 'cny_billion', 'cny')).toBe(5.2e9);
    expect(convertUnit(3, 'count', 'cny_10k')).toBeUndefined();
    expect(convertUnit(3, 'percent', 'count')).toBeUndefined();
    expect(convertUnit(3, 'count', 'count')).toBe(3);
  });
});
