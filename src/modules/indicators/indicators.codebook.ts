import { z } from 'zod';
import { ZIndicatorMeta, zBreakdownPart, zIndicatorCode } from './indicators.schemas.ts';

// The codebook an import of long-format statistics reads: which indicator (and breakdown) each of the
// table's variable codes feeds, and the registry metadata of those indicators. The built-in one maps
// the China S&T statistics of huhuaping/techme (../shared/data/china-sti/, codebook varsList.csv);
// `ecosphere import stats --codebook <file.json>` reads another of the same shape.

export const ZCodebook = z
  .object({
    name: z.string().min(1).max(80),
    indicators: z.array(ZIndicatorMeta).min(1),
    variables: z.record(
      z.string().min(1).max(120),
      z.union([
        z.object({
          indicator: zIndicatorCode,
          breakdown: z.object({ dimension: zBreakdownPart, value: zBreakdownPart }).optional(),
        }),
        // A variable known to the codebook and deliberately not imported, with the reason.
        z.object({ skip: z.string().min(1).max(300) }),
      ]),
    ),
  })
  .superRefine((book, ctx) => {
    const codes = new Set(book.indicators.map((i) => i.code));
    if (codes.size !== book.indicators.length)
      ctx.addIssue({ code: 'custom', path: ['indicators'], message: 'an indicator code appears twice' });
    for (const [variable, target] of Object.entries(book.variables)) {
      if ('indicator' in target && !codes.has(target.indicator))
        ctx.addIssue({
          code: 'custom',
          path: ['variables', variable],
          message: `names indicator "${target.indicator}", which the codebook does not define`,
        });
    }
  });
export type TCodebook = z.output<typeof ZCodebook>;

const YEARBOOK = {
  en: 'China Statistical Yearbook on Science and Technology, via huhuaping/techme (MIT)',
  zh: '《中国科技统计年鉴》，经 huhuaping/techme 整理（MIT 许可）',
  url: 'https://github.com/huhuaping/techme',
};
const TORCH = {
  en: 'Lists of recognised high-tech enterprises published through the Torch High Technology Industry Development Center (Ministry of Science and Technology), via huhuaping/techme (MIT)',
  zh: '科学技术部火炬高技术产业开发中心网站公示的高新技术企业认定名单，经 huhuaping/techme 整理（MIT 许可）',
  url: 'https://github.com/huhuaping/techme',
};
const CURRENT_PRICES = {
  en: 'In current prices (not adjusted for inflation). The national total is published separately and need not equal the sum of the provinces.',
  zh: '按当年价格计算（未剔除价格因素）。全国数另行公布，不一定等于各省份之和。',
};
const PROVINCIAL = {
  frequency: 'annual',
  origin: 'imported',
  license: 'MIT',
  defaultGeography: 'CN-GD',
} as const;

const TABLE_NOTE = (table: string) => ({
  en: `Annual provincial statistics as tabulated by the techme R package (table ${table}), from the China Statistical Yearbook on Science and Technology; units as published.`,
  zh: `techme R 包整理的分省年度数据（${table} 表），源自《中国科技统计年鉴》；单位与原表一致。`,
});

const PATENT_LABELS = {
  en: 'The techme codebook labels both patent tables 专利授权 (patents granted); the file names (RDPatentAccept, RDPatentAuthority) and the magnitudes show that one counts applications accepted and the other patents granted.',
  zh: 'techme 的变量表把两张专利表都标为“专利授权”；从文件名（RDPatentAccept、RDPatentAuthority）和数量级可见，一张为专利申请受理数，一张为专利授权数。',
};

/** The built-in codebook for ../shared/data/china-sti (huhuaping/techme). */
export const CHINA_STI_CODEBOOK: TCodebook = ZCodebook.parse({
  name: 'china-sti',
  indicators: [
    {
      ...PROVINCIAL,
      code: 'rd_expenditure',
      name: { en: 'R&D expenditure', zh: 'R&D经费内部支出' },
      definition: {
        en: 'Intramural expenditure on research and experimental development (R&D) by all performers in the area during the year, by type of activity: basic research, applied research and experimental development.',
        zh: '当年本地区全社会研究与试验发展（R&D）经费内部支出，按活动类型分为基础研究、应用研究和试验发展。',
      },
      unit: 'cny_10k',
      panel: 'knowledge',
      source: YEARBOOK,
      methodology: TABLE_NOTE('RDActivity'),
      comparability: CURRENT_PRICES,
    },
    {
      ...PROVINCIAL,
      code: 'rd_intensity',
      name: { en: 'R&D intensity (R&D expenditure as a share of GDP)', zh: 'R&D经费投入强度' },
      definition: {
        en: 'R&D expenditure divided by the gross regional product of the same year, in per cent.',
        zh: 'R&D经费内部支出与当年地区生产总值之比，以百分比表示。',
      },
      unit: 'percent',
      panel: 'knowledge',
      source: YEARBOOK,
      methodology: TABLE_NOTE('RDIntense'),
      comparability: {
        en: 'GDP figures are revised after economic censuses, so a year’s intensity can differ between editions of the yearbook.',
        zh: '地区生产总值在经济普查后会修订，同一年份的强度在不同年份的年鉴中可能不同。',
      },
    },
    {
      ...PROVINCIAL,
      code: 'patent_applications',
      name: { en: 'Patent applications accepted', zh: '专利申请受理数' },
      definition: {
        en: 'Patent applications accepted by the patent office in the year from applicants in the area, by type of patent.',
        zh: '当年专利行政部门受理的本地区申请人的专利申请数，按专利类型分。',
      },
      unit: 'count',
      panel: 'ip',
      source: YEARBOOK,
      methodology: TABLE_NOTE('RDPatentAccept'),
      comparability: PATENT_LABELS,
    },
    {
      ...PROVINCIAL,
      code: 'patents_granted',
      name: { en: 'Patents granted', zh: '专利授权数' },
      definition: {
        en: 'Patents granted in the year to applicants in the area, by type of patent (invention, utility model, design).',
        zh: '当年本地区申请人获得授权的专利数，按专利类型（发明、实用新型、外观设计）分。',
      },
      unit: 'count',
      panel: 'ip',
      source: YEARBOOK,
      methodology: TABLE_NOTE('RDPatentAuthority'),
      comparability: PATENT_LABELS,
    },
    {
      ...PROVINCIAL,
      code: 'patents_in_force',
      name: { en: 'Patents in force', zh: '有效专利数' },
      definition: {
        en: 'Patents held by owners in the area and still in force at the end of the year, by type of patent.',
        zh: '年末本地区专利权人拥有的、仍然有效的专利数，按专利类型分。',
      },
      unit: 'count',
      panel: 'ip',
      source: YEARBOOK,
      methodology: TABLE_NOTE('RDPatentValid'),
    },
    {
      ...PROVINCIAL,
      code: 'tech_contracts_sold_value',
      name: { en: 'Value of technology contracts sold', zh: '输出技术合同成交额' },
      definition: {
        en: 'Turnover of registered technology contracts in which the seller of the technology is in the area (technology flowing out of the area).',
        zh: '本地区作为卖方（技术输出方）登记的技术合同成交金额。',
      },
      unit: 'cny_10k',
      panel: 'tech_transfer',
      source: YEARBOOK,
      methodology: TABLE_NOTE('MarketPush'),
      comparability: CURRENT_PRICES,
    },
    {
      ...PROVINCIAL,
      code: 'tech_contracts_sold',
      name: { en: 'Technology contracts sold', zh: '输出技术合同数' },
      definition: {
        en: 'Number of registered technology contracts in which the seller of the technology is in the area.',
        zh: '本地区作为卖方（技术输出方）登记的技术合同数。',
      },
      unit: 'count',
      panel: 'tech_transfer',
      source: YEARBOOK,
      methodology: TABLE_NOTE('MarketPush'),
    },
    {
      ...PROVINCIAL,
      code: 'tech_contracts_bought_value',
      name: { en: 'Value of technology contracts bought', zh: '吸纳技术合同成交额' },
      definition: {
        en: 'Turnover of registered technology contracts in which the buyer of the technology is in the area (technology flowing into the area).',
        zh: '本地区作为买方（技术吸纳方）的技术合同成交金额。',
      },
      unit: 'cny_10k',
      panel: 'tech_transfer',
      source: YEARBOOK,
      methodology: TABLE_NOTE('MarketPull'),
      comparability: CURRENT_PRICES,
    },
    {
      ...PROVINCIAL,
      code: 'tech_contracts_bought',
      name: { en: 'Technology contracts bought', zh: '吸纳技术合同数' },
      definition: {
        en: 'Number of registered technology contracts in which the buyer of the technology is in the area.',
        zh: '本地区作为买方（技术吸纳方）的技术合同数。',
      },
      unit: 'count',
      panel: 'tech_transfer',
      source: YEARBOOK,
      methodology: TABLE_NOTE('MarketPull'),
    },
    {
      ...PROVINCIAL,
      code: 'high_tech_enterprises_listed',
      name: {
        en: 'High-tech enterprises on the year’s recognition lists',
        zh: '当年公示认定的高新技术企业数',
      },
      definition: {
        en: 'Enterprises on the lists of high-tech enterprise recognitions published for the province during the year.',
        zh: '当年本省份公示的高新技术企业认定名单中的企业数。',
      },
      unit: 'count',
      panel: 'firms',
      source: TORCH,
      methodology: {
        en: 'Counted from the published recognition lists as collected by the techme R package (table HitechFirmsPub, column num; the extraction script gives it the variable code HitechFirmsPub.num).',
        zh: '由 techme R 包收集的公示名单计数（HitechFirmsPub 表 num 列；抽取脚本为其指定变量代码 HitechFirmsPub.num）。',
      },
      comparability: {
        en: 'Certificates are valid for three years and the lists hold new and renewed recognitions, so this is not the number of enterprises holding a valid certificate.',
        zh: '高新技术企业证书有效期三年，名单包括新认定和重新认定的企业，因此不等于持有有效证书的企业总数。',
      },
    },
  ],
  variables: {
    v4_zh_nbzc_hj: { indicator: 'rd_expenditure' },
    v4_zh_nbzc_jcyj: {
      indicator: 'rd_expenditure',
      breakdown: { dimension: 'activity', value: 'basic_research' },
    },
    v4_zh_nbzc_yyyj: {
      indicator: 'rd_expenditure',
      breakdown: { dimension: 'activity', value: 'applied_research' },
    },
    v4_zh_nbzc_syfz: {
      indicator: 'rd_expenditure',
      breakdown: { dimension: 'activity', value: 'experimental_development' },
    },
    v4_ztr_qd_RD: { indicator: 'rd_intensity' },
    v4_ztr_jf_RD: {
      skip: 'R&D expenditure in CNY 100 million, rounded: rd_expenditure takes it from RDActivity (v4_zh_nbzc_hj) in CNY 10,000',
    },
    v4_cg_zlsq_hj: { indicator: 'patent_applications' },
    v4_cg_zlsq_fm: { indicator: 'patent_applications', breakdown: { dimension: 'type', value: 'invention' } },
    v4_cg_zlsq_syxx: {
      indicator: 'patent_applications',
      breakdown: { dimension: 'type', value: 'utility_model' },
    },
    v4_cg_zlsq_wgsj: { indicator: 'patent_applications', breakdown: { dimension: 'type', value: 'design' } },
    v4_cg_zlsq2_hj: { indicator: 'patents_granted' },
    v4_cg_zlsq2_fm: { indicator: 'patents_granted', breakdown: { dimension: 'type', value: 'invention' } },
    v4_cg_zlsq2_syxx: {
      indicator: 'patents_granted',
      breakdown: { dimension: 'type', value: 'utility_model' },
    },
    v4_cg_zlsq2_wgsj: { indicator: 'patents_granted', breakdown: { dimension: 'type', value: 'design' } },
    v4_cg_zlsyx_hj: { indicator: 'patents_in_force' },
    v4_cg_zlsyx_fm: { indicator: 'patents_in_force', breakdown: { dimension: 'type', value: 'invention' } },
    v4_cg_zlsyx_syxx: {
      indicator: 'patents_in_force',
      breakdown: { dimension: 'type', value: 'utility_model' },
    },
    v4_cg_zlsyx_wgsj: { indicator: 'patents_in_force', breakdown: { dimension: 'type', value: 'design' } },
    v4_cg_jssc_je: { indicator: 'tech_contracts_sold_value' },
    v4_cg_jssc_ht: { indicator: 'tech_contracts_sold' },
    v4_cg_jssr_je: { indicator: 'tech_contracts_bought_value' },
    v4_cg_jssr_ht: { indicator: 'tech_contracts_bought' },
    'HitechFirmsPub.num': { indicator: 'high_tech_enterprises_listed' },
  },
});
