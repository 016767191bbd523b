import {
  articleFigure,
  FIGURE_CITY,
  figureRule,
  type TArticleIndicator,
  type TRegistryRule,
} from '../directory/index.ts';
import type { TPanel } from './indicators.codes.ts';
import { CITY } from './indicators.geography.ts';
import type { TIndicatorMeta } from './indicators.schemas.ts';

// The computed indicators: each is a count over the portal's registry (the directory), defined by a rule
// the directory evaluates (countRegistry), snapshotted once a month for the city and each district. The
// rules are those the article's 2017 figures are counted by (the directory's ARTICLE_FIGURES), so a reader
// can set today's registry beside the article's figure; those figures stay as published (origin imported).
// ADR 0011 says why they are indicators of their own.

type TBi = Readonly<{ en: string; zh: string }>;

export type TComputedDefinition = Readonly<{
  code: string;
  /** The article's indicator counted the same way, if any. */
  mirrors: string | null;
  name: TBi;
  definition: TBi;
  panel: TPanel;
  /** The registry rule; `validOnToday` adds "certificate valid on the day of the snapshot". */
  rule: Omit<TRegistryRule, 'city' | 'validOn'>;
  validOnToday?: boolean;
}>;

/** The city the registry rules count in, as the directory stores it (city_en). */
export const REGISTRY_CITY = FIGURE_CITY;

/** The article's indicator a computed one mirrors, and the rule it is counted by (the directory's). */
const mirroring = (indicator: TArticleIndicator): Pick<TComputedDefinition, 'mirrors' | 'rule'> => ({
  mirrors: indicator,
  rule: figureRule(articleFigure(indicator)),
});

export const COMPUTED: readonly TComputedDefinition[] = [
  {
    code: 'registry_institutions_of_higher_learning',
    ...mirroring('institutions_of_higher_learning'),
    name: { en: 'Institutions of higher learning in the registry', zh: '名录中的高等院校' },
    definition: {
      en: 'Active records of kind university in Guangzhou in the portal’s registry.',
      zh: '本门户名录中位于广州、状态为有效的高等院校记录数。',
    },
    panel: 'knowledge',
  },
  {
    code: 'registry_province_level_rnd_institutes',
    ...mirroring('province_level_rnd_institutes'),
    name: { en: 'Provincial-level R&D institutes in the registry', zh: '名录中的省级科研院所' },
    definition: {
      en: 'Active records of kind R&D institute at provincial level in Guangzhou in the portal’s registry.',
      zh: '本门户名录中位于广州、状态为有效的省级科研院所记录数。',
    },
    panel: 'knowledge',
  },
  {
    code: 'registry_national_key_labs',
    ...mirroring('national_key_labs'),
    name: { en: 'National key laboratories in the registry', zh: '名录中的国家重点实验室' },
    definition: {
      en: 'Active records of kind key laboratory at national level in Guangzhou in the portal’s registry.',
      zh: '本门户名录中位于广州、状态为有效的国家级重点实验室记录数。',
    },
    panel: 'knowledge',
  },
  {
    code: 'registry_incubators',
    ...mirroring('incubators'),
    name: { en: 'Incubators in the registry', zh: '名录中的孵化器' },
    definition: {
      en: 'Active records of kind incubator in Guangzhou in the portal’s registry, certified or not.',
      zh: '本门户名录中位于广州、状态为有效的孵化器记录数（不论是否经认定）。',
    },
    panel: 'incubation',
  },
  {
    code: 'registry_high_tech_incubators',
    ...mirroring('high_tech_incubators'),
    name: { en: 'Certified incubators in the registry', zh: '名录中经认定的孵化器' },
    definition: {
      en: 'Active incubators in Guangzhou in the portal’s registry that hold a certificate number (national, provincial or municipal certification).',
      zh: '本门户名录中位于广州、状态为有效且持有认定证书编号（国家级、省级或市级认定）的孵化器记录数。',
    },
    panel: 'incubation',
  },
  {
    code: 'registry_makerspaces',
    ...mirroring('makerspaces'),
    name: { en: 'Makerspaces in the registry', zh: '名录中的众创空间' },
    definition: {
      en: 'Active records of kind makerspace in Guangzhou in the portal’s registry.',
      zh: '本门户名录中位于广州、状态为有效的众创空间记录数。',
    },
    panel: 'incubation',
  },
  {
    code: 'registry_province_certified_high_tech_enterprises',
    ...mirroring('province_certified_high_tech_enterprises'),
    name: {
      en: 'Province-certified high-tech enterprises in the registry',
      zh: '名录中的省级认定高新技术企业',
    },
    definition: {
      en: 'Active enterprises in Guangzhou in the portal’s registry at provincial level that hold a high-tech enterprise certificate number, whether or not it is still valid.',
      zh: '本门户名录中位于广州、状态为有效、省级且持有高新技术企业证书编号的企业记录数（不论证书是否仍在有效期内）。',
    },
    panel: 'firms',
  },
  {
    code: 'registry_high_tech_enterprises_valid',
    mirrors: null,
    name: {
      en: 'High-tech enterprises with a valid certificate in the registry',
      zh: '名录中证书在有效期内的高新技术企业',
    },
    definition: {
      en: 'Active enterprises in Guangzhou in the portal’s registry whose high-tech enterprise certificate is valid on the day of the snapshot (any level).',
      zh: '本门户名录中位于广州、状态为有效、高新技术企业证书在快照当日仍有效的企业记录数（不限级别）。',
    },
    panel: 'firms',
    rule: { kind: 'enterprise', certified: true },
    validOnToday: true,
  },
];

const SOURCE = {
  en: 'Computed by this portal from its registry of organisations (the directory)',
  zh: '本门户根据其机构名录（创新主体名录）计算',
};

/** The registry metadata of a computed indicator. */
export const computedMeta = (d: TComputedDefinition): TIndicatorMeta => ({
  code: d.code,
  name: d.name,
  definition: d.definition,
  unit: 'count',
  frequency: 'monthly',
  panel: d.panel,
  origin: 'computed',
  source: SOURCE,
  methodology: {
    en: 'Recomputed every day (and on demand) from the registry: the count of records matching the rule in the definition, for the city and for each district (a record without a district counts towards the city only). One value per month: a recompute within the month replaces the month’s value, keeping the earlier one in the history; the value stays provisional until the month has ended.',
    zh: '每天（及按需）根据名录重新计算：符合定义中规则的记录数，分全市和各区统计（未注明所在区的记录只计入全市）。每月一个数值：同月内重新计算会更新当月数值，旧值保留在修订历史中；当月结束前为初步数。',
  },
  comparability: d.mirrors
    ? {
        en: `Counted by the same rule as the article’s 2017 figure (${d.mirrors}), but from this portal’s registry, which may be more or less complete than the sources of official statistics.`,
        zh: `与文章2017年的数据（${d.mirrors}）采用相同规则统计，但来源为本门户名录，其完整程度可能与官方统计来源不同。`,
      }
    : {
        en: 'From this portal’s registry, which may be more or less complete than the sources of official statistics.',
        zh: '来源为本门户名录，其完整程度可能与官方统计来源不同。',
      },
  owner: { en: 'Ecosphere portal', zh: '创新生态门户' },
  license: 'CC-BY-4.0',
  defaultGeography: CITY,
});
