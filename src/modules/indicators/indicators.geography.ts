// The geographies observations are filed under, and the names statistical tables use for them.
//
// Code scheme (documented in docs/ARCHITECTURE.md and the API description):
//   country   ISO 3166-1 alpha-2                          CN
//   province  ISO 3166-2:CN (provinces, municipalities,   CN-GD (Guangdong), CN-BJ (Beijing), CN-GZ is Guizhou
//             autonomous regions, SARs)
//   city      the province code + a city abbreviation     CN-GD-GZ (Guangzhou)
//   district  the city code + the district's pinyin,       CN-GD-GZ-TIANHE (Tianhe District)
//             upper-cased (the directory's district codes)

export const GEOGRAPHY_LEVELS = ['country', 'province', 'city', 'district'] as const;
export type TGeographyLevel = (typeof GEOGRAPHY_LEVELS)[number];

export type TGeography = Readonly<{
  code: string;
  level: TGeographyLevel;
  parent: string | null;
  name: Readonly<{ en: string; zh: string }>;
}>;

/** The city this portal is about: its figures are the ones the home page and "figures cited" show. */
export const CITY = 'CN-GD-GZ';

// [ISO code, English name, Chinese short name, Chinese full name, other names]
const PROVINCES: readonly (readonly [string, string, string, string, ...string[]])[] = [
  ['BJ', 'Beijing', '北京', '北京市'],
  ['TJ', 'Tianjin', '天津', '天津市'],
  ['HE', 'Hebei', '河北', '河北省'],
  ['SX', 'Shanxi', '山西', '山西省'],
  ['NM', 'Inner Mongolia', '内蒙古', '内蒙古自治区', 'Nei Mongol', 'Neimenggu'],
  ['LN', 'Liaoning', '辽宁', '辽宁省'],
  ['JL', 'Jilin', '吉林', '吉林省'],
  ['HL', 'Heilongjiang', '黑龙江', '黑龙江省'],
  ['SH', 'Shanghai', '上海', '上海市'],
  ['JS', 'Jiangsu', '江苏', '江苏省'],
  ['ZJ', 'Zhejiang', '浙江', '浙江省'],
  ['AH', 'Anhui', '安徽', '安徽省'],
  ['FJ', 'Fujian', '福建', '福建省'],
  ['JX', 'Jiangxi', '江西', '江西省'],
  ['SD', 'Shandong', '山东', '山东省'],
  ['HA', 'Henan', '河南', '河南省'],
  ['HB', 'Hubei', '湖北', '湖北省'],
  ['HN', 'Hunan', '湖南', '湖南省'],
  ['GD', 'Guangdong', '广东', '广东省', 'Kwangtung', 'Canton Province'],
  ['GX', 'Guangxi', '广西', '广西壮族自治区', 'Guangxi Zhuang Autonomous Region'],
  ['HI', 'Hainan', '海南', '海南省'],
  ['CQ', 'Chongqing', '重庆', '重庆市'],
  ['SC', 'Sichuan', '四川', '四川省'],
  ['GZ', 'Guizhou', '贵州', '贵州省'],
  ['YN', 'Yunnan', '云南', '云南省'],
  ['XZ', 'Tibet', '西藏', '西藏自治区', 'Xizang'],
  ['SN', 'Shaanxi', '陕西', '陕西省'],
  ['GS', 'Gansu', '甘肃', '甘肃省'],
  ['QH', 'Qinghai', '青海', '青海省'],
  ['NX', 'Ningxia', '宁夏', '宁夏回族自治区', 'Ningxia Hui Autonomous Region'],
  ['XJ', 'Xinjiang', '新疆', '新疆维吾尔自治区', 'Xinjiang Uygur Autonomous Region'],
  ['TW', 'Taiwan', '台湾', '台湾省'],
  ['HK', 'Hong Kong', '香港', '香港特别行政区', 'Hong Kong SAR'],
  ['MO', 'Macao', '澳门', '澳门特别行政区', 'Macau', 'Macao SAR'],
];

// Guangzhou's 11 districts, with the directory's district codes.
const DISTRICTS: readonly (readonly [string, string, string])[] = [
  ['yuexiu', 'Yuexiu District', '越秀区'],
  ['haizhu', 'Haizhu District', '海珠区'],
  ['liwan', 'Liwan District', '荔湾区'],
  ['tianhe', 'Tianhe District', '天河区'],
  ['baiyun', 'Baiyun District', '白云区'],
  ['huangpu', 'Huangpu District', '黄埔区'],
  ['panyu', 'Panyu District', '番禺区'],
  ['huadu', 'Huadu District', '花都区'],
  ['nansha', 'Nansha District', '南沙区'],
  ['conghua', 'Conghua District', '从化区'],
  ['zengcheng', 'Zengcheng District', '增城区'],
];

const entries: TGeography[] = [
  { code: 'CN', level: 'country', parent: null, name: { en: 'China', zh: '全国' } },
  ...PROVINCES.map(
    ([iso, en, zh]): TGeography => ({ code: `CN-${iso}`, level: 'province', parent: 'CN', name: { en, zh } }),
  ),
  { code: CITY, level: 'city', parent: 'CN-GD', name: { en: 'Guangzhou', zh: '广州' } },
  ...DISTRICTS.map(
    ([slug, en, zh]): TGeography => ({
      code: `${CITY}-${slug.toUpperCase()}`,
      level: 'district',
      parent: CITY,
      name: { en, zh },
    }),
  ),
];

/** Every known geography, country first, then provinces in the yearbooks' order, the city and its districts. */
export const GEOGRAPHIES: readonly TGeography[] = Object.freeze(entries);
const BY_CODE = new Map(GEOGRAPHIES.map((g) => [g.code, g]));

/** The geography of a code, or undefined. */
export const geographyOf = (code: string): TGeography | undefined => BY_CODE.get(code);

/** The geography code of one of the directory's district codes (`tianhe` → `CN-GD-GZ-TIANHE`). */
export const districtGeography = (district: string): string | undefined => {
  const code = `${CITY}-${district.toUpperCase()}`;
  return BY_CODE.has(code) ? code : undefined;
};

/**
 * A name as tables write it, folded for lookup: NFKC (full-width letters and spaces), every kind of
 * space removed, Latin lower-cased.
 */
const fold = (name: string): string => name.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();

const SUFFIXES_ZH = ['维吾尔自治区', '壮族自治区', '回族自治区', '特别行政区', '自治区', '省', '市'];
const SUFFIXES_EN = ['province', 'municipality', 'autonomousregion', 'sar', 'city', 'district'];

const ALIASES = new Map<string, string>();
const alias = (name: string, code: string) => ALIASES.set(fold(name), code);
alias('全国', 'CN');
alias('中国', 'CN');
alias('China', 'CN');
alias("People's Republic of China", 'CN');
alias('PRC', 'CN');
alias('Zhongguo', 'CN');
for (const [iso, en, zh, full, ...others] of PROVINCES) {
  for (const n of [iso, `CN-${iso}`, en, zh, full, ...others]) alias(n, `CN-${iso}`);
}
alias('广州', CITY);
alias('广州市', CITY);
alias('Guangzhou', CITY);
alias('Canton', CITY);
alias(CITY, CITY);
for (const [slug, en, zh] of DISTRICTS) {
  const code = `${CITY}-${slug.toUpperCase()}`;
  for (const n of [code, slug, en, zh, zh.replace(/区$/, '')]) alias(n, code);
}
// Codes last: a code always means itself (CN is China), whatever name or abbreviation folds the same.
for (const g of GEOGRAPHIES) alias(g.code, g.code);

const stripSuffix = (folded: string): string => {
  for (const s of [...SUFFIXES_ZH, ...SUFFIXES_EN]) {
    if (folded.length > s.length && folded.endsWith(s)) return folded.slice(0, -s.length);
  }
  return folded;
};

/**
 * The geography code a table's name means: a code (CN-GD), a Chinese name with or without 省/市/自治区
 * and with stray spaces (广   东, 广东省), or an English or pinyin name (Guangdong, Guangdong Province).
 * Undefined when the name is unknown — importers report such rows rather than guess.
 */
export const normalizeGeography = (raw: string): string | undefined => {
  const folded = fold(raw);
  if (folded === '') return undefined;
  return ALIASES.get(folded) ?? ALIASES.get(stripSuffix(folded));
};
