import type { Db } from '../../platform/db/database.ts';
import { quarterDeadline, quarterPeriod } from './indicators.calendar.ts';
import { CITY, districtGeography } from './indicators.geography.ts';
import { loadBatch, type TLoadResult } from './indicators.load.ts';
import * as repo from './indicators.reporting.repo.ts';
import { REPORT_COUNT_INDICATOR, REPORT_FIELDS, type TFieldName } from './indicators.reporting.rules.ts';
import type { TIndicatorMeta } from './indicators.schemas.ts';
import type { TObservationWrite, TRecorded } from './indicators.series.repo.ts';

// Approved reports roll up into the city's and each district's figures: for a quarter, the sum of every
// approved report's value (and how many reports that is), in total and by the organisations' kind. The
// district is the one a report was counted in when approved (the directory record its organisation
// manages); reports of organisations without one count towards the city only.

type TBi = Readonly<{ en: string; zh: string }>;

const NAMES: Record<TFieldName, { name: TBi; definition: TBi }> = {
  revenue: {
    name: {
      en: 'Revenue of incubators and makerspaces (reported)',
      zh: '孵化器和众创空间总收入（机构填报）',
    },
    definition: {
      en: 'Total revenue in the quarter that incubators and makerspaces reported in their approved quarterly reports.',
      zh: '孵化器和众创空间在经审核的季度报表中填报的当季总收入之和。',
    },
  },
  tenants: {
    name: { en: 'Companies in incubation (reported)', zh: '在孵企业数（机构填报）' },
    definition: {
      en: 'Companies housed by the reporting incubators and makerspaces at the end of the quarter.',
      zh: '填报的孵化器和众创空间在季度末的在孵企业数之和。',
    },
  },
  graduates: {
    name: { en: 'Companies graduated from incubation (reported)', zh: '毕业企业数（机构填报）' },
    definition: {
      en: 'Companies that graduated from the reporting incubators and makerspaces during the quarter.',
      zh: '填报的孵化器和众创空间当季毕业企业数之和。',
    },
  },
  jobs: {
    name: { en: 'Jobs in incubated companies (reported)', zh: '在孵企业从业人员（机构填报）' },
    definition: {
      en: 'People employed by the companies in incubation at the end of the quarter, as the reporting organisations counted them.',
      zh: '填报机构统计的季度末在孵企业从业人员数之和。',
    },
  },
  funds_raised: {
    name: { en: 'Funds raised by incubated companies (reported)', zh: '在孵企业融资额（机构填报）' },
    definition: {
      en: 'Investment and loans the companies in incubation raised during the quarter, as the reporting organisations counted them.',
      zh: '填报机构统计的在孵企业当季获得的投融资总额。',
    },
  },
};

const COMMON = {
  frequency: 'quarterly',
  panel: 'incubation',
  origin: 'reported',
  source: {
    en: 'Quarterly reports of Guangzhou’s incubators and makerspaces to this portal, approved by its staff',
    zh: '广州孵化器和众创空间向本门户提交并经审核的季度报表',
  },
  methodology: {
    en: 'The sum over the reports approved for the quarter, for the city and for the district of each reporting organisation’s registry record, in total and by kind of organisation. Organisations that have not reported are not estimated, so the sum is a lower bound; the number of reports it adds up is published beside it. Provisional until the deadline (the end of the month after the quarter); a report approved later corrects the figure, and the earlier value stays in the history.',
    zh: '对当季经审核的报表求和，分全市和填报机构名录记录所在区统计，并按机构类别分列。未填报的机构不作估算，因此合计为下限值；所汇总的报表数量同时公布。截止日期（季度结束后次月月底）前为初步数；之后审核通过的报表会更正该数值，旧值保留在修订历史中。',
  },
  comparability: {
    en: 'Covers only the organisations that reported on this portal; not comparable with official statistics or with the article’s 2017 figures.',
    zh: '仅涵盖在本门户填报的机构，不能与官方统计数据或文章中2017年的数据直接比较。',
  },
  owner: { en: 'Ecosphere portal', zh: '创新生态门户' },
  license: 'CC-BY-4.0',
  defaultGeography: CITY,
} as const;

/** The registry metadata of the reported indicators (one per field, and the count of reports). */
export const reportedMetas = (): Map<string, TIndicatorMeta> =>
  new Map([
    ...REPORT_FIELDS.map((f): [string, TIndicatorMeta] => [
      f.indicator,
      { ...COMMON, code: f.indicator, unit: f.unit, ...NAMES[f.name] },
    ]),
    [
      REPORT_COUNT_INDICATOR,
      {
        ...COMMON,
        code: REPORT_COUNT_INDICATOR,
        unit: 'count',
        name: {
          en: 'Approved quarterly reports of incubators and makerspaces',
          zh: '经审核的孵化器和众创空间季度报表数',
        },
        definition: {
          en: 'How many quarterly reports of incubators and makerspaces were approved for the quarter: the coverage of the reported figures.',
          zh: '当季经审核通过的孵化器和众创空间季度报表数量，即机构填报数据的覆盖面。',
        },
      },
    ],
  ]);

/**
 * Writes the quarter's sums over approved reports (in the caller's transaction) through the observation
 * batch path: an unchanged sum writes nothing, a changed one keeps the old value in the history.
 */
export const rollUpReports = async (
  trx: Db,
  form: string,
  period: string,
  today: string,
  rec: TRecorded,
): Promise<TLoadResult> => {
  const p = quarterPeriod(period);
  if (!p) throw new Error(`${period} is not a quarter`);
  const { sums, counts } = await repo.approvedSums(trx, form, period);
  // indicator → geography → breakdown value ('' for the total) → sum
  const acc = new Map<string, Map<string, Map<string, number>>>();
  const add = (indicator: string, district: string | null, kind: string, n: number) => {
    const byGeo = acc.get(indicator) ?? new Map<string, Map<string, number>>();
    acc.set(indicator, byGeo);
    const geo = district ? districtGeography(district) : undefined;
    for (const g of geo ? [CITY, geo] : [CITY]) {
      const byKind = byGeo.get(g) ?? new Map<string, number>();
      byGeo.set(g, byKind);
      for (const k of ['', kind]) byKind.set(k, (byKind.get(k) ?? 0) + n);
    }
  };
  for (const s of sums) {
    const f = REPORT_FIELDS.find((x) => x.name === s.field);
    if (f) add(f.indicator, s.district, s.kind, s.total);
  }
  for (const c of counts) add(REPORT_COUNT_INDICATOR, c.district, c.kind, c.n);
  const status = today > quarterDeadline(period) ? 'final' : 'provisional';
  const metas = reportedMetas();
  const items = [...acc].map(([code, byGeo]) => ({
    meta: metas.get(code) as TIndicatorMeta,
    observations: [...byGeo].flatMap(([geography, byKind]) =>
      [...byKind].map(
        ([kind, value]): TObservationWrite => ({
          geography,
          period: p.period,
          periodKind: p.kind,
          periodStart: p.start,
          periodEnd: p.end,
          breakdownDim: kind ? 'kind' : '',
          breakdownValue: kind,
          as_of: p.end,
          basis: null,
          // Sums of money typed with two decimals: keep them to the fen, not to float noise.
          value: Math.round(value * 100) / 100,
          qualifier: null,
          status,
          source_name_en: null,
          source_name_zh: null,
          source_url: null,
          note_en: null,
          note_zh: null,
        }),
      ),
    ),
  }));
  return loadBatch(trx, items, rec);
};
