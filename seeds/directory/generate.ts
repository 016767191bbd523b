import type { TRegistryRecordInput } from '../../src/modules/directory/index.ts';
import {
  brand,
  cap,
  DISTRICT_WEIGHTS,
  recentYear,
  record,
  SECTOR_WEIGHTS,
  type TNames,
  type TSector,
  topicsOf,
} from './generate-common.ts';
import { randomStream } from './random.ts';
import { countsToward, FIGURE_RULES } from './rules.ts';
import { DISTRICT_WORDS, RESEARCH_FIELDS, SECTOR_WORDS } from './words.ts';

// Generated demo records: enough of each kind, in Guangzhou, that the directory's counts match the
// article's figures once the real records are counted (seeds/directory/rules.ts), plus start-ups and
// investors for the relations to connect. Deterministic; every one is marked generated, in its source
// note and its summary, in both languages. No websites: an invented address could be someone's real one.

type TRecord = TRegistryRecordInput;
type TLevel = NonNullable<TRecord['level']>;

// High-tech enterprise certificates: GR + year + 44 (Guangdong) + a six-digit serial, valid three years.
// Batches issued before the figure's as-of date (2017-07-31), so every certificate was valid on that day.
const HTE_BATCHES = ['2014-10-10', '2015-09-30', '2015-10-10', '2016-11-30', '2016-12-09'] as const;
const plusYears = (day: string, years: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

/** Companies: certified high-tech enterprises, or young start-ups. */
export const companies = (n: number, names: TNames, opts: { certified: boolean }): TRecord[] => {
  const rnd = randomStream(opts.certified ? 'directory/hte' : 'directory/startup');
  const serials = new Map<string, number>();
  return Array.from({ length: n }, () => {
    const sector = rnd.weighted(SECTOR_WEIGHTS);
    const district = rnd.weighted(DISTRICT_WEIGHTS);
    const [trZh, trEn] = rnd.pick(SECTOR_WORDS[sector]?.trades ?? [['科技', 'Technology']]);
    const [placeZh, placeEn] = rnd.chance(0.85) ? ['广州', 'Guangzhou'] : ['广东', 'Guangdong'];
    const shares = rnd.chance(0.15);
    const name = brand(rnd, names, (zh, en) => [
      `${placeZh}${zh}${trZh}${shares ? '股份' : ''}有限公司`,
      `${placeEn} ${en} ${trEn} Co., Ltd.`,
    ]);
    const topics = topicsOf(rnd, sector);
    const [dZh, dEn] = DISTRICT_WORDS[district] ?? ['', ''];
    if (!opts.certified) {
      const founded = recentYear(rnd, 2012, 2017, 1.2);
      return record(
        'enterprise',
        name,
        {
          en: `A start-up in ${dEn} District working on ${topics.en}, founded in ${founded}.`,
          zh: `位于${dZh}的初创企业，从事${topics.zh}，成立于${founded}年。`,
        },
        { district, sector, foundedYear: founded },
      );
    }
    const batch = rnd.pick(HTE_BATCHES);
    const year = batch.slice(0, 4);
    const serial = (serials.get(year) ?? rnd.int(1, 200)) + rnd.int(1, 4);
    serials.set(year, serial);
    const founded = Math.min(recentYear(rnd, 1990, 2014), Number(year) - 1);
    const patents = rnd.int(3, 120);
    return record(
      'enterprise',
      name,
      {
        en: `A high-tech enterprise in ${dEn} District working on ${topics.en}; it holds ${patents} patents.`,
        zh: `位于${dZh}的高新技术企业，从事${topics.zh}，拥有${patents}项专利。`,
      },
      {
        district,
        sector,
        foundedYear: founded,
        level: 'provincial',
        certificateNo: `GR${year}44${String(serial).padStart(6, '0')}`,
        certificateValidUntil: plusYears(batch, 3),
      },
    );
  });
};

const LEVEL_WORDS: Record<TLevel, readonly [string, string]> = {
  national: ['国家级', 'national'],
  provincial: ['省级', 'provincial'],
  municipal: ['市级', 'municipal'],
  district: ['区级', 'district-level'],
};
const LEVEL_CODE: Record<TLevel, string> = {
  national: 'GJ',
  provincial: 'GD',
  municipal: 'GZ',
  district: 'QJ',
};

/**
 * Incubators: `certified` of them hold a certificate (high-tech incubators, numbered FHQ-<level>-<year>-<n>
 * for this demo, valid five years), at national, provincial or municipal level; the rest have none.
 */
export const incubators = (n: number, certified: number, names: TNames): TRecord[] => {
  const rnd = randomStream('directory/incubator');
  const levels: (TLevel | null)[] = Array.from({ length: n }, (_, i) => {
    if (i >= certified) return i - certified < Math.round((n - certified) * 0.3) ? 'district' : null;
    const share = i / Math.max(1, certified);
    return share < 0.12 ? 'national' : share < 0.38 ? 'provincial' : 'municipal';
  });
  return levels.map((level, i) => {
    const district = rnd.weighted(DISTRICT_WEIGHTS);
    const sector = rnd.chance(0.4) ? null : rnd.weighted(SECTOR_WEIGHTS);
    const pattern = rnd.int(0, 2);
    const sw = sector ? SECTOR_WORDS[sector] : undefined;
    const name = brand(rnd, names, (zh, en) =>
      pattern === 0 || !sw
        ? [`广州${zh}科技企业孵化器`, `Guangzhou ${en} Technology Business Incubator`]
        : pattern === 1
          ? [`${zh}${sw.zh}孵化器`, `${en} ${cap(sw.en)} Incubator`]
          : [`广州${zh}创业园`, `Guangzhou ${en} Startup Park`],
    );
    const founded = recentYear(rnd, 2000, 2017, 1.3);
    const [dZh, dEn] = DISTRICT_WORDS[district] ?? ['', ''];
    const field = sw
      ? { en: `start-ups in ${sw.en}`, zh: `${sw.zh}领域的初创企业` }
      : { en: 'start-ups', zh: '初创企业' };
    const tenants = rnd.int(12, 160);
    const lw = level ? LEVEL_WORDS[level] : null;
    // Issued by 2017, valid five years: every certificate was valid on the figure's as-of date.
    const issued = rnd.int(Math.max(founded, 2013), 2017);
    const certificate =
      i < certified && level
        ? {
            certificateNo: `FHQ-${LEVEL_CODE[level]}-${issued}-${String(i + 1).padStart(4, '0')}`,
            certificateValidUntil: `${issued + 5}-06-30`,
          }
        : {};
    return record(
      'incubator',
      name,
      {
        en: `A ${lw ? `${lw[1]} ` : ''}technology business incubator in ${dEn} District for ${field.en}, with ${tenants} tenant companies.`,
        zh: `位于${dZh}的${lw ? lw[0] : ''}科技企业孵化器，服务${field.zh}，在孵企业${tenants}家。`,
      },
      { district, sector, foundedYear: founded, level, ...certificate },
    );
  });
};

/** Makerspaces, mostly opened in the 2015–2016 wave, at national, provincial or municipal level. */
export const makerspaces = (n: number, names: TNames): TRecord[] => {
  const rnd = randomStream('directory/makerspace');
  return Array.from({ length: n }, (_, i) => {
    const share = i / Math.max(1, n);
    const level: TLevel | null =
      share < 0.29 ? 'national' : share < 0.62 ? 'provincial' : share < 0.84 ? 'municipal' : null;
    const district = rnd.weighted(DISTRICT_WEIGHTS);
    const sector = rnd.chance(0.5) ? null : rnd.weighted(SECTOR_WEIGHTS);
    const name = brand(rnd, names, (zh, en) =>
      rnd.chance(0.7) ? [`${zh}众创空间`, `${en} Makerspace`] : [`${zh}创客空间`, `${en} Maker Space`],
    );
    const founded = rnd.weighted([
      [2014, 1],
      [2015, 4],
      [2016, 4],
      [2017, 2],
    ] as const);
    const [dZh, dEn] = DISTRICT_WORDS[district] ?? ['', ''];
    const lw = level ? LEVEL_WORDS[level] : null;
    return record(
      'makerspace',
      name,
      {
        en: `A ${lw ? `${lw[1]} ` : ''}makerspace in ${dEn} District: shared workshops, mentoring and demo days for founders.`,
        zh: `位于${dZh}的${lw ? lw[0] : ''}众创空间，为创业者提供共享工作空间、创业辅导和路演活动。`,
      },
      { district, sector, foundedYear: founded, level },
    );
  });
};

/** Provincial research institutes and national key laboratories. */
export const institutes = (n: number, names: TNames, kind: 'rnd_institute' | 'key_lab'): TRecord[] => {
  const rnd = randomStream(`directory/${kind}`);
  const fields = rnd.sample(RESEARCH_FIELDS, RESEARCH_FIELDS.length);
  return Array.from({ length: n }, (_, i) => {
    const [fZh, fEn, sector] = fields[i % fields.length] as (typeof RESEARCH_FIELDS)[number];
    const district = rnd.weighted(DISTRICT_WEIGHTS);
    const name =
      kind === 'key_lab'
        ? brand(rnd, names, () => [
            `${fZh}国家重点实验室（广州）`,
            `State Key Laboratory of ${fEn} (Guangzhou)`,
          ])
        : brand(rnd, names, (zh, en) => [`广东省${zh}${fZh}研究院`, `Guangdong ${en} Institute of ${fEn}`]);
    const founded = kind === 'key_lab' ? rnd.int(1988, 2015) : rnd.int(1958, 2015);
    const [dZh, dEn] = DISTRICT_WORDS[district] ?? ['', ''];
    return record(
      kind,
      name,
      kind === 'key_lab'
        ? {
            en: `A national key laboratory in ${dEn} District for ${fEn.toLowerCase()}.`,
            zh: `位于${dZh}的${fZh}国家重点实验室。`,
          }
        : {
            en: `A provincial research institute in ${dEn} District for ${fEn.toLowerCase()}, offering contract research and technology transfer.`,
            zh: `位于${dZh}的省属科研院所，从事${fZh}研究，提供技术开发与成果转化服务。`,
          },
      {
        district,
        sector: sector as TSector,
        foundedYear: founded,
        level: kind === 'key_lab' ? 'national' : 'provincial',
      },
    );
  });
};

/** Generic universities, only when the real ones fall short of the article's figure. */
export const universities = (n: number, names: TNames): TRecord[] => {
  const rnd = randomStream('directory/university');
  return Array.from({ length: n }, () => {
    const district = rnd.weighted(DISTRICT_WEIGHTS);
    const name = brand(rnd, names, (zh, en) => [`广州${zh}学院`, `Guangzhou ${en} College`]);
    const [dZh, dEn] = DISTRICT_WORDS[district] ?? ['', ''];
    return record(
      'university',
      name,
      { en: `A college in ${dEn} District.`, zh: `位于${dZh}的高等院校。` },
      { district, foundedYear: rnd.int(1950, 2010) },
    );
  });
};

/** How many records of each figure the real records leave to generate. */
export const gaps = (real: readonly TRecord[]): Record<string, number> =>
  Object.fromEntries(
    FIGURE_RULES.map((rule) => [
      rule.indicator,
      Math.max(0, rule.value - real.filter((r) => countsToward(rule, r)).length),
    ]),
  );
