import type { TRegistryRecordInput, TSeedPerson, TSeedRelation } from '../../src/modules/directory/index.ts';
import { brand, DISTRICT_WEIGHTS, GENERATED_SOURCE, SECTOR_WEIGHTS, type TNames } from './generate-common.ts';
import { randomStream } from './random.ts';
import { DISTRICT_WORDS, GIVEN_NAMES, SECTOR_WORDS, SURNAMES } from './words.ts';

// Generated investors, the relations that tie the directory together (labs part of universities,
// incubators hosted by universities and institutes, start-ups tenants of incubators, investors invested in
// companies, partners), and a few people and talents — all marked generated.

type TRecord = TRegistryRecordInput;
type TInvestorType = NonNullable<TRecord['subtype']>;
type TStage = 'seed' | 'early' | 'growth' | 'late';

const refOf = (r: TRecord): string => {
  const e = r.externalIds?.[0];
  if (!e) throw new Error(`record ${r.name.en} has no external id to refer to it by`);
  return `${e.scheme}:${e.value}`;
};

const INVESTOR_MIX: readonly (readonly [TInvestorType, number])[] = [
  ['vc', 44],
  ['angel', 16],
  ['lender', 10],
  ['guidance_fund', 10],
];
const STAGES: Record<TInvestorType, TStage[]> = {
  angel: ['seed', 'early'],
  vc: ['early', 'growth'],
  lender: ['growth', 'late'],
  guidance_fund: ['seed', 'early', 'growth', 'late'],
};
const TICKETS: Record<TInvestorType, readonly [number, number]> = {
  angel: [500_000, 5_000_000],
  vc: [5_000_000, 100_000_000],
  lender: [1_000_000, 50_000_000],
  guidance_fund: [10_000_000, 500_000_000],
};
const REGIONS = ['Guangzhou', 'Guangdong', 'Greater Bay Area', 'Pearl River Delta', 'China'];

/** Investors of the four types, each with a focus (sectors, stages, ticket size, regions). */
export const investors = (names: TNames): TRecord[] => {
  const rnd = randomStream('directory/investor');
  const out: TRecord[] = [];
  const districts = rnd.sample(Object.keys(DISTRICT_WORDS), 11);
  for (const [type, n] of INVESTOR_MIX) {
    for (let i = 0; i < n; i++) {
      const district =
        type === 'guidance_fund' ? (districts[i] as TRecord['district']) : rnd.weighted(DISTRICT_WEIGHTS);
      const [dZh, dEn] = DISTRICT_WORDS[district ?? 'tianhe'] ?? ['', ''];
      const name =
        type === 'guidance_fund'
          ? brand(rnd, names, () => [
              `广州市${dZh}科技创新引导基金`,
              `Guangzhou ${dEn} District Innovation Guidance Fund`,
            ])
          : brand(rnd, names, (zh, en) =>
              type === 'vc'
                ? rnd.chance(0.6)
                  ? [`广州${zh}创业投资有限公司`, `Guangzhou ${en} Venture Capital Co., Ltd.`]
                  : [`${zh}资本`, `${en} Capital`]
                : type === 'angel'
                  ? [`${zh}天使投资基金`, `${en} Angel Fund`]
                  : [`广州${zh}科技小额贷款有限公司`, `Guangzhou ${en} Technology Microcredit Co., Ltd.`],
            );
      const sectors = rnd.sample(
        SECTOR_WEIGHTS.map(([s]) => s),
        rnd.int(1, 3),
      );
      const [lo, hi] = TICKETS[type];
      const min = Math.round((lo + rnd.next() * (hi - lo) * 0.3) / 100_000) * 100_000;
      const max = Math.max(min, Math.round((hi * (0.4 + rnd.next() * 0.6)) / 100_000) * 100_000);
      const regions = REGIONS.slice(0, rnd.int(1, 4));
      const focusEn = sectors.map((s) => SECTOR_WORDS[s]?.en).join(', ');
      const focusZh = sectors.map((s) => SECTOR_WORDS[s]?.zh).join('、');
      const slug = name.en
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 80)
        .replace(/-+$/g, '');
      out.push({
        slug,
        kind: 'investor',
        subtype: type,
        name,
        summary: {
          en: `Generated demonstration record. Invests in ${focusEn}, ${STAGES[type].join(' and ')} stage, from CNY ${(min / 1e6).toFixed(1)} million to ${(max / 1e6).toFixed(1)} million.`,
          zh: `演示用生成记录。投资${focusZh}领域，单笔${(min / 1e4).toFixed(0)}万至${(max / 1e4).toFixed(0)}万元。`,
        },
        city: { en: 'Guangzhou', zh: '广州' },
        countryCode: 'CN',
        district,
        foundedYear: type === 'guidance_fund' ? rnd.int(2014, 2017) : rnd.int(1998, 2017),
        investorFocus: { sectors, stages: STAGES[type], ticketMinCny: min, ticketMaxCny: max, regions },
        source: GENERATED_SOURCE,
        sourceKind: 'generated',
        isGenerated: true,
        externalIds: [{ scheme: 'demo', value: `generated/${slug}` }],
      });
    }
  }
  return out;
};

const since = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}-01`;

/** The generated relations, between generated records and the real ones they hang on. */
export const relations = (all: readonly TRecord[]): TSeedRelation[] => {
  const rnd = randomStream('directory/relations');
  const out: TSeedRelation[] = [];
  const seen = new Set<string>();
  const add = (from: TRecord, to: TRecord, type: TSeedRelation['type'], year?: number) => {
    const key = `${refOf(from)}|${refOf(to)}|${type}`;
    if (from === to || seen.has(key)) return;
    seen.add(key);
    out.push({
      from: refOf(from),
      to: refOf(to),
      type,
      since: year ? since(Math.min(year, 2017), rnd.int(1, 12)) : null,
      sourceKind: 'generated',
    });
  };
  const inGz = all.filter((r) => r.city?.en === 'Guangzhou');
  const gen = (kind: TRecord['kind']) => inGz.filter((r) => r.isGenerated && r.kind === kind);
  const universities = inGz.filter((r) => r.kind === 'university' && !r.isGenerated);
  // The research universities carry most labs and science parks.
  const major = universities.filter((r) => r.externalIds?.some((e) => e.scheme === 'ror'));
  const hosts = [...major, ...inGz.filter((r) => r.kind === 'rnd_institute' && r.level)];
  const gdas = inGz.find((r) => r.externalIds?.some((e) => e.value === 'https://ror.org/01g9hkj35'));
  const incubators = gen('incubator');
  const makerspaces = gen('makerspace');
  const enterprises = gen('enterprise');
  const startups = enterprises.filter((r) => !r.certificateNo);
  const htes = enterprises.filter((r) => r.certificateNo);

  for (const lab of gen('key_lab')) add(lab, rnd.pick(major.length ? major : universities), 'part_of');
  for (const inst of gen('rnd_institute')) if (gdas && rnd.chance(0.5)) add(inst, gdas, 'part_of');
  for (const inc of incubators) if (hosts.length && rnd.chance(0.35)) add(inc, rnd.pick(hosts), 'hosted_by');
  for (const s of startups) {
    const place = rnd.chance(0.75) ? rnd.pick(incubators) : rnd.pick(makerspaces);
    if (place) add(s, place, 'tenant_of', s.foundedYear ?? 2016);
  }
  for (const h of htes) {
    if ((h.foundedYear ?? 0) >= 2010 && rnd.chance(0.1) && incubators.length) {
      add(h, rnd.pick(incubators), 'tenant_of', (h.foundedYear ?? 2010) + 1);
    }
  }
  const investorsOf = (t: TInvestorType) => gen('investor').filter((r) => r.subtype === t);
  const pickFocused = (inv: TRecord, pool: readonly TRecord[]) => {
    const sectors = new Set<string>(inv.investorFocus?.sectors ?? []);
    const fit = pool.filter((p) => p.sector && sectors.has(p.sector));
    return rnd.pick(fit.length > 0 && rnd.chance(0.8) ? fit : pool);
  };
  const invest = (t: TInvestorType, min: number, max: number, pool: readonly TRecord[]) => {
    for (const inv of investorsOf(t)) {
      for (let k = rnd.int(min, max); k > 0 && pool.length; k--) {
        const target = pickFocused(inv, pool);
        add(inv, target, 'invested_in', rnd.int(Math.max(target.foundedYear ?? 2012, 2012), 2017));
      }
    }
  };
  invest('angel', 4, 10, startups);
  invest('vc', 6, 20, [...startups, ...htes.slice(0, 800)]);
  invest('lender', 10, 25, htes);
  invest('guidance_fund', 3, 6, investorsOf('vc'));
  for (let k = 0; k < 120 && htes.length && major.length; k++)
    add(rnd.pick(htes), rnd.pick(major), 'partner_of');
  return out;
};

const TALENT_PROGRAMS = [
  'national_thousand_talents',
  'guangdong_pearl_river_talents',
  'guangzhou_innovation_leaders',
];
const ACADEMIC_TITLES: readonly (readonly [string, string])[] = [
  ['教授', 'Professor'],
  ['研究员', 'Research fellow'],
];
const COMPANY_TITLES: readonly (readonly [string, string])[] = [
  ['首席科学家', 'Chief scientist'],
  ['技术总监', 'Chief technology officer'],
];

/** A few people: talents at universities and companies, and founders of start-ups. */
export const people = (all: readonly TRecord[]): TSeedPerson[] => {
  const rnd = randomStream('directory/people');
  const universities = all.filter(
    (r) => r.kind === 'university' && r.district && r.externalIds?.some((e) => e.scheme === 'ror'),
  );
  const htes = all.filter((r) => r.isGenerated && r.certificateNo);
  const startups = all.filter((r) => r.isGenerated && r.kind === 'enterprise' && !r.certificateNo);
  const used = new Set<string>();
  return Array.from({ length: 40 }, (_, i) => {
    let sur: (typeof SURNAMES)[number];
    let given: (typeof GIVEN_NAMES)[number];
    do {
      sur = rnd.pick(SURNAMES);
      given = rnd.pick(GIVEN_NAMES);
    } while (used.has(`${sur[0]}${given[0]}`));
    used.add(`${sur[0]}${given[0]}`);
    const isTalent = i < 25;
    const academic = isTalent && rnd.chance(0.6);
    const org = isTalent ? rnd.pick(academic ? universities : htes) : rnd.pick(startups);
    const [tZh, tEn] = !isTalent
      ? ['创始人兼首席执行官', 'Founder and chief executive']
      : rnd.pick(academic ? ACADEMIC_TITLES : COMPANY_TITLES);
    const isListed = rnd.chance(0.8);
    const publicFields = isListed
      ? rnd.sample(['headline', 'organization', 'talent_program'] as const, rnd.int(0, 3))
      : [];
    return {
      slug: `${sur[1]}-${given[1]}-${i + 1}`.toLowerCase(),
      name: { en: `${sur[1]} ${given[1]}`, zh: `${sur[0]}${given[0]}` },
      headline: {
        en: `${tEn}, ${org?.name.en ?? ''} (generated demonstration person)`,
        zh: `${org?.name.zh ?? ''}${tZh}（演示用生成人物）`,
      },
      org: org ? refOf(org) : null,
      isTalent,
      talentProgram: isTalent ? rnd.pick(TALENT_PROGRAMS) : null,
      publicFields,
      isListed,
      isGenerated: true,
    };
  });
};
