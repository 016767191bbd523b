// The search benchmark's record generator: realistic, deterministic organisations (Chinese and English
// names and descriptions whose terms follow a Zipf-like law, every kind, Guangzhou's districts and other
// cities, sectors, founding years, levels), drawn in order from one seeded stream.
import type { TRandom } from '../seeds/directory/random.ts';
import { BRAND_SYLLABLES, SECTOR_WORDS } from '../seeds/directory/words.ts';
import type { TRegistryRecord } from '../src/modules/directory/directory.record.ts';
import { CONCEPTS } from './search-words.ts';

/** Bump when the generator changes: cached corpora of another version are not reused. */
export const GENERATOR_VERSION = 2;

type TKind = TRegistryRecord['kind'];
type TSector = NonNullable<TRegistryRecord['sector']>;

const KINDS: readonly (readonly [TKind, number])[] = [
  ['enterprise', 78],
  ['service_provider', 5],
  ['agency', 3],
  ['investor', 3],
  ['incubator', 2.5],
  ['rnd_institute', 2.5],
  ['makerspace', 1.5],
  ['key_lab', 1.5],
  ['new_rnd_institution', 2],
  ['university', 1],
];
const CITIES: readonly (readonly [readonly [string, string], number])[] = [
  [['广州', 'Guangzhou'], 45],
  [['深圳', 'Shenzhen'], 14],
  [['佛山', 'Foshan'], 6],
  [['东莞', 'Dongguan'], 6],
  [['北京', 'Beijing'], 6],
  [['上海', 'Shanghai'], 6],
  [['珠海', 'Zhuhai'], 4],
  [['杭州', 'Hangzhou'], 4],
  [['香港', 'Hong Kong'], 3],
  [['中山', 'Zhongshan'], 2],
  [['惠州', 'Huizhou'], 2],
  [['武汉', 'Wuhan'], 2],
];
const DISTRICTS: readonly (readonly [NonNullable<TRegistryRecord['district']>, number])[] = [
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
const SECTORS = Object.keys(SECTOR_WORDS) as TSector[];
const KIND_WORDS: Record<TKind, readonly [string, string]> = {
  university: ['高等院校', 'university'],
  rnd_institute: ['科研院所', 'research institute'],
  key_lab: ['重点实验室', 'key laboratory'],
  new_rnd_institution: ['新型研发机构', 'new-type R&D institution'],
  incubator: ['科技企业孵化器', 'technology business incubator'],
  makerspace: ['众创空间', 'makerspace'],
  enterprise: ['企业', 'company'],
  investor: ['投资机构', 'investor'],
  agency: ['机构', 'agency'],
  service_provider: ['服务机构', 'service provider'],
};

/** Cumulative Zipf weights (exponent s) over n ranks, for drawing by binary search. */
const zipf = (n: number, s: number): Float64Array => {
  const cum = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += 1 / (i + 1) ** s;
    cum[i] = total;
  }
  for (let i = 0; i < n; i++) cum[i] = (cum[i] as number) / total;
  return cum;
};
const drawRank = (cum: Float64Array, rnd: TRandom): number => {
  const x = rnd.next();
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cum[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};
const CONCEPT_RANKS = zipf(CONCEPTS.length, 1.1);
const BRAND_RANKS = zipf(BRAND_SYLLABLES.length, 0.8);

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const listEn = (xs: string[]) =>
  xs.length < 2 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`;

const SOURCE = { en: 'Generated for the search benchmark', zh: '搜索基准测试生成的数据' };

/** The i-th record of the corpus (records are drawn in order from one stream: generate them in order). */
export const makeRecord = (i: number, rnd: TRandom): TRegistryRecord => {
  const kind = rnd.weighted(KINDS);
  const [cityZh, cityEn] = rnd.weighted(CITIES);
  const district = cityEn === 'Guangzhou' && rnd.chance(0.85) ? rnd.weighted(DISTRICTS) : null;
  const sector = rnd.chance(0.85) ? rnd.pick(SECTORS) : null;
  const sw = SECTOR_WORDS[sector ?? 'related_services'];
  const syllables = [0, 1, ...(rnd.chance(0.2) ? [2] : [])].map(
    () => BRAND_SYLLABLES[drawRank(BRAND_RANKS, rnd)] as readonly [string, string],
  );
  const bZh = syllables.map((s) => s[0]).join('');
  const bEn = cap(syllables.map((s) => s[1]).join(''));
  const [tZh, tEn] = rnd.pick(sw?.trades ?? [['科技', 'Technology']]);
  const concepts = rnd.sample(
    [...new Set(Array.from({ length: rnd.int(4, 11) }, () => drawRank(CONCEPT_RANKS, rnd)))],
    14,
  );
  const [fZh, fEn] = CONCEPTS[concepts[0] ?? 0] as readonly [string, string];
  const names: Record<TKind, readonly [string, string]> = {
    enterprise: [`${cityZh}${bZh}${tZh}有限公司`, `${cityEn} ${bEn} ${tEn} Co., Ltd.`],
    service_provider: [
      `${cityZh}${bZh}${fZh}服务有限公司`,
      `${cityEn} ${bEn} ${cap(fEn)} Services Co., Ltd.`,
    ],
    agency: [`${cityZh}${bZh}科技促进中心`, `${cityEn} ${bEn} Technology Promotion Centre`],
    investor: [`${bZh}创业投资`, `${bEn} Venture Capital`],
    incubator: [`${bZh}科技企业孵化器`, `${bEn} Technology Business Incubator`],
    rnd_institute: [`${cityZh}${bZh}${fZh}研究院`, `${cityEn} ${bEn} Institute of ${cap(fEn)}`],
    makerspace: [`${bZh}众创空间`, `${bEn} Makerspace`],
    key_lab: [`${fZh}重点实验室（${bZh}）`, `Key Laboratory of ${cap(fEn)} (${bEn})`],
    new_rnd_institution: [`${bZh}${fZh}创新研究院`, `${bEn} Innovation Institute of ${cap(fEn)}`],
    university: [`${cityZh}${bZh}大学`, `${cityEn} ${bEn} University`],
  };
  const [nameZh, nameEn] = names[kind];
  const [kZh, kEn] = KIND_WORDS[kind];
  const cs = concepts.map((c) => CONCEPTS[c] as readonly [string, string]);
  const a = cs.slice(0, 3);
  const b = cs.slice(3, 6);
  const c = cs.slice(6);
  const patents = kind === 'enterprise' && rnd.chance(0.3) ? rnd.int(1, 300) : 0;
  const topics = sw ? rnd.sample(sw.topics, 2) : [];
  const summaryEn = [
    `${bEn} is a ${kEn} in ${cityEn} working on ${listEn(a.map((x) => x[1]))}.`,
    b.length > 0
      ? `It offers ${listEn(b.map((x) => x[1]))} to customers in ${sw?.en ?? 'many industries'}.`
      : '',
    c.length > 0 ? `Its teams also work on ${listEn(c.map((x) => x[1]))}.` : '',
    topics.length > 0 ? `Focus: ${topics.map((t) => t[1]).join(', ')}.` : '',
    patents ? `It holds ${patents} patents.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const summaryZh = [
    `${bZh}是位于${cityZh}的${kZh}，从事${a.map((x) => x[0]).join('、')}。`,
    b.length > 0 ? `为${sw?.zh ?? '各行业'}客户提供${b.map((x) => x[0]).join('、')}。` : '',
    c.length > 0 ? `团队还涉及${c.map((x) => x[0]).join('、')}。` : '',
    topics.length > 0 ? `重点方向：${topics.map((t) => t[0]).join('、')}。` : '',
    patents ? `拥有${patents}项专利。` : '',
  ].join('');
  const hasLevel =
    ['key_lab', 'rnd_institute', 'incubator', 'makerspace'].includes(kind) ||
    (kind === 'enterprise' && rnd.chance(0.15));
  const level = hasLevel
    ? rnd.weighted([
        ['national', 1],
        ['provincial', 3],
        ['municipal', 4],
        ['district', 2],
      ] as const)
    : null;
  const acronym = rnd.chance(0.03)
    ? nameEn
        .split(/[\s,.()]+/)
        .filter((w) => /^[A-Z]/.test(w))
        .map((w) => w[0])
        .join('')
        .slice(0, 8)
    : null;
  return {
    slug: `bench-${i.toString(36)}`,
    kind,
    name: { en: nameEn, zh: nameZh },
    acronym: acronym && acronym.length >= 2 ? acronym : null,
    aliases: [],
    summary: { en: summaryEn, zh: summaryZh },
    website: null,
    city: { en: cityEn, zh: cityZh },
    countryCode: 'CN',
    district,
    sector,
    foundedYear: 2025 - Math.floor(rnd.next() ** 2 * 75),
    level,
    certificateNo:
      kind === 'enterprise' && level
        ? `GR20${rnd.int(15, 24)}44${String(i % 1_000_000).padStart(6, '0')}`
        : null,
    certificateValidUntil: null,
    subtype: kind === 'investor' ? rnd.pick(['vc', 'angel', 'lender', 'guidance_fund'] as const) : null,
    investorFocus: null,
    source: SOURCE,
    sourceKind: 'generated',
    sourceUrl: null,
    isGenerated: true,
    confirmedAt: null,
    externalIds: [],
  };
};
