// Code lists of the directory: Guangzhou's districts, strategic emerging industries, levels, relation
// types and the external-id schemes. Labels live in directory.messages.ts under the same codes.

/** Guangzhou's 11 districts (广州市辖11个区), in the order the city lists them. */
export const DISTRICTS = [
  'yuexiu',
  'haizhu',
  'liwan',
  'tianhe',
  'baiyun',
  'huangpu',
  'panyu',
  'huadu',
  'nansha',
  'conghua',
  'zengcheng',
] as const;
export type TDistrict = (typeof DISTRICTS)[number];

/** Chinese district names as registries write them, for imports (with and without 区). */
export const DISTRICT_NAMES_ZH: Readonly<Record<TDistrict, string>> = {
  yuexiu: '越秀区',
  haizhu: '海珠区',
  liwan: '荔湾区',
  tianhe: '天河区',
  baiyun: '白云区',
  huangpu: '黄埔区',
  panyu: '番禺区',
  huadu: '花都区',
  nansha: '南沙区',
  conghua: '从化区',
  zengcheng: '增城区',
};

/**
 * China's nine strategic emerging industry areas (战略性新兴产业分类（2018）), with the main GB/T 4754-2017
 * industry divisions each draws on (indicative: the classification maps to many finer classes).
 */
export const SECTORS = {
  next_gen_it: { gbt4754: ['39', '63', '64', '65'] },
  high_end_equipment: { gbt4754: ['34', '35', '37', '40'] },
  new_materials: { gbt4754: ['26', '30', '32'] },
  biotech: { gbt4754: ['27', '73'] },
  new_energy_vehicles: { gbt4754: ['36', '38'] },
  new_energy: { gbt4754: ['38', '44'] },
  energy_saving_environment: { gbt4754: ['35', '77'] },
  digital_creative: { gbt4754: ['65', '87'] },
  related_services: { gbt4754: ['73', '74', '75'] },
} as const;
export type TSector = keyof typeof SECTORS;
export const SECTOR_CODES = Object.keys(SECTORS) as TSector[];

/** Certification or level of a lab, institute, incubator, makerspace or high-tech enterprise. */
export const LEVELS = ['national', 'provincial', 'municipal', 'district'] as const;
export type TLevel = (typeof LEVELS)[number];

/** Investor types. */
export const INVESTOR_TYPES = ['vc', 'angel', 'lender', 'guidance_fund'] as const;
export type TInvestorType = (typeof INVESTOR_TYPES)[number];

/** Investment stages an investor says it backs. */
export const STAGES = ['seed', 'early', 'growth', 'late'] as const;

/** Relations between organisations, read "from … to": A part_of B, A hosted_by B, A tenant_of B, … */
export const RELATION_TYPES = ['part_of', 'hosted_by', 'tenant_of', 'invested_in', 'partner_of'] as const;
export type TRelationType = (typeof RELATION_TYPES)[number];

/** External identifier schemes. */
export const ID_SCHEMES = [
  'ror',
  'wikidata',
  'grid',
  'isni',
  'fundref',
  'domain',
  'uscc',
  'moe',
  'csv',
  'demo',
] as const;
export type TIdScheme = (typeof ID_SCHEMES)[number];

/** Where a record came from. */
export const SOURCE_KINDS = ['demo', 'manual', 'ror', 'moe', 'hipo', 'csv', 'generated'] as const;
export type TSourceKind = (typeof SOURCE_KINDS)[number];
