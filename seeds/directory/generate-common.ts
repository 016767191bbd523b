import type { TRegistryRecordInput } from '../../src/modules/directory/index.ts';
import type { TRandom } from './random.ts';
import { BRAND_SYLLABLES, SECTOR_WORDS } from './words.ts';

// What every generated demo record shares: the source note and the mark that say it is generated, the
// district and sector weights, unique bilingual brand names, and the record's common fields.

type TRecord = TRegistryRecordInput;
type TDistrict = NonNullable<TRecord['district']>;
export type TSector = NonNullable<TRecord['sector']>;

export const GENERATED_SOURCE = {
  en: 'Generated for this demonstration: not a real organisation. The demo generates records so that the directory’s counts match those of “Guangzhou’s innovative ecosphere gaining momentum” (2017)',
  zh: '本演示站生成的示例记录，并非真实机构。演示站生成这些记录，使名录的数量与《Guangzhou’s innovative ecosphere gaining momentum》（2017年）一文一致',
};
const MARK = { en: 'Generated demonstration record.', zh: '演示用生成记录。' };
const GUANGZHOU = { en: 'Guangzhou', zh: '广州' };

/** Where Guangzhou's technology organisations are: Tianhe, Huangpu, Haizhu and Panyu most of all. */
export const DISTRICT_WEIGHTS: readonly (readonly [TDistrict, number])[] = [
  ['tianhe', 26],
  ['huangpu', 22],
  ['haizhu', 11],
  ['panyu', 11],
  ['baiyun', 9],
  ['yuexiu', 6],
  ['nansha', 5],
  ['huadu', 4],
  ['liwan', 3],
  ['zengcheng', 2],
  ['conghua', 1],
];
export const SECTOR_WEIGHTS: readonly (readonly [TSector, number])[] = [
  ['next_gen_it', 35],
  ['biotech', 15],
  ['high_end_equipment', 12],
  ['new_materials', 10],
  ['energy_saving_environment', 8],
  ['digital_creative', 7],
  ['related_services', 5],
  ['new_energy_vehicles', 4],
  ['new_energy', 4],
];

/** Unique names across everything generated (and the real records), in both languages. */
export type TNames = { en: Set<string>; zh: Set<string> };

export const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

type Syllable = (typeof BRAND_SYLLABLES)[number];

/** A two-syllable brand not used yet with this pattern: [zh, en]. */
export const brand = (rnd: TRandom, names: TNames, make: (zh: string, en: string) => [string, string]) => {
  for (let attempt = 0; ; attempt++) {
    const [a, b, c] = rnd.sample(BRAND_SYLLABLES, 3) as [Syllable, Syllable, Syllable];
    const third = attempt > 40 ? c : null;
    const zhBrand = `${a[0]}${b[0]}${third ? third[0] : ''}`;
    const enBrand = cap(`${a[1]}${b[1]}${third ? third[1] : ''}`);
    const [zh, en] = make(zhBrand, enBrand);
    if (!names.zh.has(zh) && !names.en.has(en.toLowerCase())) {
      names.zh.add(zh);
      names.en.add(en.toLowerCase());
      return { zh, en };
    }
  }
};

export const slugOf = (en: string) =>
  en
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');

export const record = (
  kind: TRecord['kind'],
  name: { en: string; zh: string },
  summary: { en: string; zh: string },
  extra: Partial<TRecord>,
): TRecord => {
  const slug = slugOf(name.en);
  return {
    slug,
    kind,
    name,
    summary: { en: `${MARK.en} ${summary.en}`, zh: `${MARK.zh}${summary.zh}` },
    city: GUANGZHOU,
    countryCode: 'CN',
    source: GENERATED_SOURCE,
    sourceKind: 'generated',
    isGenerated: true,
    externalIds: [{ scheme: 'demo', value: `generated/${slug}` }],
    ...extra,
  };
};

export const recentYear = (rnd: TRandom, from: number, to: number, skew = 1.8) =>
  to - Math.floor(rnd.next() ** skew * (to - from + 1));

export const topicsOf = (rnd: TRandom, sector: TSector) => {
  const [a, b] = rnd.sample(SECTOR_WORDS[sector]?.topics ?? [], 2);
  return { zh: `${a?.[0]}和${b?.[0]}`, en: `${a?.[1]} and ${b?.[1]}` };
};
