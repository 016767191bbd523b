import { DISTRICT_NAMES_ZH, DISTRICTS, type TDistrict } from './directory.codes.ts';

// Place names the imports read: Chinese names of the cities registries mention most, and Guangzhou's
// districts as they appear in names and addresses (天河区, 广州市番禺, "Panyu District").

/** Chinese names of major Chinese cities (and the special administrative regions), by English name. */
export const CITY_ZH: Readonly<Record<string, string>> = {
  beijing: '北京',
  shanghai: '上海',
  tianjin: '天津',
  chongqing: '重庆',
  guangzhou: '广州',
  shenzhen: '深圳',
  zhuhai: '珠海',
  foshan: '佛山',
  dongguan: '东莞',
  zhongshan: '中山',
  huizhou: '惠州',
  jiangmen: '江门',
  zhaoqing: '肇庆',
  shantou: '汕头',
  zhanjiang: '湛江',
  shaoguan: '韶关',
  nanjing: '南京',
  suzhou: '苏州',
  hangzhou: '杭州',
  ningbo: '宁波',
  hefei: '合肥',
  wuhan: '武汉',
  changsha: '长沙',
  chengdu: '成都',
  "xi'an": '西安',
  xian: '西安',
  jinan: '济南',
  qingdao: '青岛',
  shenyang: '沈阳',
  dalian: '大连',
  harbin: '哈尔滨',
  changchun: '长春',
  kunming: '昆明',
  nanning: '南宁',
  fuzhou: '福州',
  xiamen: '厦门',
  nanchang: '南昌',
  zhengzhou: '郑州',
  taiyuan: '太原',
  shijiazhuang: '石家庄',
  lanzhou: '兰州',
  guiyang: '贵阳',
  haikou: '海口',
  urumqi: '乌鲁木齐',
  hohhot: '呼和浩特',
  yinchuan: '银川',
  xining: '西宁',
  lhasa: '拉萨',
  'hong kong': '香港',
  macau: '澳门',
  macao: '澳门',
  taipei: '台北',
};

const DISTRICT_EN: Readonly<Record<string, TDistrict>> = Object.fromEntries(
  DISTRICTS.map((d) => [d, d]),
) as Record<string, TDistrict>;
const ZH_SHORT = DISTRICTS.map((d) => [DISTRICT_NAMES_ZH[d].replace(/区$/, ''), d] as const);
const ZH_FULL = new RegExp(`(${DISTRICTS.map((d) => DISTRICT_NAMES_ZH[d]).join('|')})`);
const ZH_AFTER_CITY = new RegExp(`广州市?(${ZH_SHORT.map(([s]) => s).join('|')})`);
const EN_DISTRICT = new RegExp(`\\b(${DISTRICTS.join('|')})\\s+district\\b`, 'i');

/** True when an English or Chinese city name is Guangzhou. */
export const isGuangzhou = (city: string | null | undefined): boolean =>
  !!city && (/^guangzhou( shi| city)?$/i.test(city.trim()) || /^广州市?$/.test(city.trim()));

/**
 * The Guangzhou district a text names, or null: "天河区", "广州市番禺…", "Panyu District" count; a bare
 * "Baiyun" does not (it is also an airport and a mountain).
 */
export const districtIn = (text: string | null | undefined): TDistrict | null => {
  if (!text) return null;
  const full = ZH_FULL.exec(text)?.[1];
  if (full) return DISTRICTS.find((d) => DISTRICT_NAMES_ZH[d] === full) ?? null;
  const short = ZH_AFTER_CITY.exec(text)?.[1];
  if (short) return ZH_SHORT.find(([s]) => s === short)?.[1] ?? null;
  const en = EN_DISTRICT.exec(text)?.[1];
  return en ? (DISTRICT_EN[en.toLowerCase()] ?? null) : null;
};

/**
 * A district code from a value as a spreadsheet writes it: the code ("tianhe"), the Chinese name with or
 * without 区, or the English name with or without "District". Null when it is none of these.
 */
export const districtOf = (value: string): TDistrict | null => {
  const v = value.trim();
  const lower = v.toLowerCase().replace(/\s+district$/, '');
  if (DISTRICT_EN[lower]) return DISTRICT_EN[lower] as TDistrict;
  const zh = v.replace(/区$/, '');
  return ZH_SHORT.find(([s]) => s === zh)?.[1] ?? null;
};
