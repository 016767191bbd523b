import { describe, expect, it } from 'vitest';
import { rorKind, rorRecord } from './directory.import.ror.ts';
import { districtIn, districtOf } from './directory.places.ts';

// The ROR mapping on hand-written records of both schema versions (the real samples are exercised by
// test/directory-import.int.test.ts).

const v1 = {
  id: 'https://ror.org/01g9hkj35',
  name: 'Guangdong Academy of Sciences',
  types: ['Government'],
  links: ['http://www.gdas.gd.cn/'],
  acronyms: ['GDAS'],
  aliases: [],
  labels: [{ label: '广东省科学院', iso639: 'zh' }],
  addresses: [{ city: 'Guangzhou', line: null }],
  country: { country_code: 'CN' },
  external_ids: { GRID: { preferred: 'grid.458495.1', all: 'grid.458495.1' }, OrgRef: { all: ['1'] } },
  established: 1958,
  status: 'active',
};
const v2 = {
  id: 'https://ror.org/0064kty71',
  names: [
    { lang: 'en', types: ['ror_display', 'label'], value: 'Sun Yat-sen University' },
    { lang: 'zh', types: ['label'], value: '中山大学' },
    { lang: null, types: ['acronym'], value: 'SYSU' },
    { lang: 'en', types: ['alias'], value: 'Zhongshan University' },
  ],
  types: ['education', 'funder'],
  links: [
    { type: 'wikipedia', value: 'http://en.wikipedia.org/wiki/Sun_Yat-sen_University' },
    { type: 'website', value: 'https://www.sysu.edu.cn' },
  ],
  locations: [{ geonames_details: { name: 'Guangzhou', country_code: 'CN' } }],
  external_ids: [{ type: 'wikidata', all: ['Q1194435'], preferred: null }],
  established: 1924,
  status: 'active',
};

describe('rorRecord', () => {
  it('maps schema v1', () => {
    const m = rorRecord(v1);
    expect(m.kind).toBe('record');
    if (m.kind !== 'record') return;
    expect(m.record).toMatchObject({
      kind: 'rnd_institute',
      name: { en: 'Guangdong Academy of Sciences', zh: '广东省科学院' },
      acronym: 'GDAS',
      website: 'http://www.gdas.gd.cn/',
      city: { en: 'Guangzhou', zh: '广州' },
      countryCode: 'CN',
      foundedYear: 1958,
      sourceKind: 'ror',
      externalIds: [
        { scheme: 'ror', value: 'https://ror.org/01g9hkj35' },
        { scheme: 'grid', value: 'grid.458495.1' },
      ],
    });
  });

  it('maps schema v2, its Chinese label, acronym, aliases and website link', () => {
    const m = rorRecord(v2);
    if (m.kind !== 'record') throw new Error(m.kind);
    expect(m.record).toMatchObject({
      kind: 'university',
      name: { en: 'Sun Yat-sen University', zh: '中山大学' },
      acronym: 'SYSU',
      aliases: ['Zhongshan University'],
      website: 'https://www.sysu.edu.cn',
      externalIds: [
        { scheme: 'ror', value: 'https://ror.org/0064kty71' },
        { scheme: 'wikidata', value: 'Q1194435' },
      ],
    });
  });

  it('uses the English name where there is no Chinese one, and skips withdrawn records to retire them', () => {
    const m = rorRecord({ ...v1, labels: [] });
    expect(m.kind === 'record' && m.record.name).toEqual({
      en: 'Guangdong Academy of Sciences',
      zh: 'Guangdong Academy of Sciences',
    });
    expect(rorRecord({ ...v2, status: 'withdrawn' })).toEqual({
      kind: 'skip',
      reason: 'withdrawn',
      retire: { scheme: 'ror', value: 'https://ror.org/0064kty71' },
    });
  });

  it('names what is missing', () => {
    expect(rorRecord({ ...v2, names: [] })).toEqual({
      kind: 'problems',
      problems: [{ field: 'name', problem: 'missing name' }],
    });
    expect(rorRecord({ ...v1, id: 'ror-01' })).toMatchObject({
      kind: 'problems',
      problems: [{ field: 'id' }],
    });
    expect(rorRecord('text')).toMatchObject({
      kind: 'problems',
      problems: [{ problem: 'not a JSON object' }],
    });
  });
});

describe('rorKind', () => {
  it('follows the documented order and reads research names', () => {
    expect(rorKind(['education', 'funder'], ['X University'])).toBe('university');
    expect(rorKind(['Company'], ['Kingfa'])).toBe('enterprise');
    expect(rorKind(['Facility'], ['State Key Laboratory of Ophthalmology'])).toBe('key_lab');
    expect(rorKind(['facility'], ['South China Botanical Garden'])).toBe('rnd_institute');
    expect(rorKind(['government'], ['Guangzhou Laboratory'])).toBe('rnd_institute');
    expect(rorKind(['funder', 'government'], ['Guangzhou Municipal Science and Technology Bureau'])).toBe(
      'agency',
    );
    expect(rorKind(['healthcare'], ['Nanfang Hospital'])).toBe('service_provider');
    expect(rorKind(['nonprofit'], ['广东省社会科学研究院'])).toBe('rnd_institute');
    expect(rorKind(['funder'], ['Some Foundation'])).toBe('agency');
  });
});

describe('Guangzhou districts in text', () => {
  it('reads full Chinese names, names after 广州, and "… District", not a bare place word', () => {
    expect(districtIn('广州市增城区中医医院')).toBe('zengcheng');
    expect(districtIn('广州白云机场海关')).toBe('baiyun');
    expect(districtIn('Guangzhou Liwan District Traditional Chinese Medicine Hospital')).toBe('liwan');
    expect(districtIn('Baiyun Mountain Observatory')).toBeNull();
    expect(districtOf('天河')).toBe('tianhe');
    expect(districtOf('Haizhu District')).toBe('haizhu');
    expect(districtOf('东山区')).toBeNull();
  });
});
