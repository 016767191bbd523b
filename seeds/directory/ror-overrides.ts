import type { TRegistryRecordInput } from '../../src/modules/directory/index.ts';

// What ROR does not say about its Guangzhou records and the demo directory shows: the registry kind when
// ROR's type misleads, the level (national for Chinese Academy of Sciences and ministry institutes and
// state key laboratories, provincial for Guangdong's own), the district, the sector, and a Chinese name
// when ROR has none. Written for this demo (MIT) from the organisations' public descriptions.

type TOverride = Partial<
  Pick<TRegistryRecordInput, 'kind' | 'level' | 'district' | 'sector'> & { zh: string }
>;

export const ROR_OVERRIDES: Readonly<Record<string, TOverride>> = {
  // Institutes and laboratories.
  '01g9hkj35': { kind: 'rnd_institute', level: 'provincial', district: 'tianhe' },
  '01m34mw67': { kind: 'rnd_institute', level: 'provincial', district: 'tianhe', sector: 'new_materials' },
  '0356cst02': {
    kind: 'rnd_institute',
    level: 'national',
    district: 'tianhe',
    zh: '中国科学院广州地球化学研究所',
  },
  '047qgg117': {
    level: 'national',
    district: 'tianhe',
    sector: 'new_energy',
    zh: '中国科学院广州能源研究所',
  },
  '0192yj155': { level: 'national', district: 'haizhu' },
  '01xqdxh54': { level: 'national', district: 'tianhe', sector: 'biotech' },
  '04and7w57': { level: 'national', district: 'liwan', sector: 'biotech' },
  '036g8gs02': { level: 'national', district: 'tianhe', sector: 'energy_saving_environment' },
  '03ybmxt82': { kind: 'rnd_institute', level: 'national', district: 'huangpu', sector: 'biotech' },
  '042999n30': { kind: 'rnd_institute', level: 'national', district: 'panyu', sector: 'next_gen_it' },
  '0060by663': { kind: 'new_rnd_institution', district: 'nansha', sector: 'biotech' },
  '054wd5j92': { kind: 'service_provider', district: 'baiyun', sector: 'related_services' },
  '00y7mag53': { kind: 'key_lab', level: 'provincial', district: 'nansha' },
  '01n179w26': { kind: 'key_lab', level: 'provincial', district: 'huangpu', sector: 'biotech' },
  '003mfbe21': { level: 'national', district: 'yuexiu', sector: 'biotech' },
  '00nycge49': { level: 'national', district: 'tianhe' },
  '00x9tpk83': { level: 'national', district: 'tianhe' },
  '010fszt18': { level: 'national', district: 'haizhu', sector: 'next_gen_it' },
  '01bs5br94': { level: 'national', district: 'haizhu', sector: 'biotech' },
  '020bzb737': { level: 'national', district: 'tianhe', sector: 'energy_saving_environment' },
  '02b5xr067': { level: 'national', district: 'haizhu' },
  '02gxm3r19': { level: 'national', district: 'tianhe', sector: 'new_materials' },
  '02v423v20': { level: 'national', district: 'tianhe', sector: 'new_materials' },
  '03d61dw70': { level: 'national', district: 'tianhe', sector: 'new_materials' },
  '03fxr9g07': { level: 'national', district: 'haizhu', sector: 'high_end_equipment' },
  '04dn2ax39': { level: 'national', district: 'yuexiu', sector: 'biotech' },
  '04hja5e04': { level: 'national', district: 'yuexiu', sector: 'biotech' },
  // Universities ROR lists that the 2021 MoE list does not, and a design institute ROR calls education.
  '050h0vm43': { district: 'nansha' },
  '010fems46': { kind: 'service_provider', sector: 'related_services' },
  // Companies.
  '05b0t0374': { district: 'haizhu', sector: 'high_end_equipment' },
  '01z86wn38': { district: 'huangpu', sector: 'biotech' },
  '02sdahq48': { sector: 'related_services' },
  '01dcpdv87': { district: 'tianhe', sector: 'biotech' },
  '04v7gh640': { district: 'nansha', sector: 'next_gen_it' },
  '05a5cgn70': { district: 'tianhe', sector: 'new_energy_vehicles' },
  '043s7kq40': { district: 'huangpu', sector: 'new_materials', zh: '金发科技股份有限公司' },
  '04qkde388': { sector: 'new_energy' },
  '01e43vr22': { sector: 'biotech', zh: '广东众生睿创生物科技有限公司' },
  '01ndavz03': { sector: 'biotech' },
  '020cmkv75': { sector: 'biotech' },
  '03j0jgk36': { sector: 'biotech', zh: '广东天普生化医药股份有限公司' },
  // Hospitals, agencies.
  '01eq10738': { district: 'baiyun', zh: '南方医院' },
  '037p24858': { district: 'yuexiu' },
  '0400g8r85': { district: 'yuexiu' },
  '02z2yec16': { district: 'yuexiu' },
  '016bped08': { district: 'liwan', zh: '广州市荔湾区中医医院' },
  '00s8ft489': { district: 'zengcheng' },
  '0277xhz50': { district: 'yuexiu' },
  '050m0b055': { zh: '广东省人民政府' },
  '01s5gyw91': { zh: '广东省教育厅' },
};
