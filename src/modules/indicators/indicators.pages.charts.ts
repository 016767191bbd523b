// The charts of the statistics pages, as inputs to the platform's chart component: what to draw, how its
// numbers read, the words that describe it and the table beside it.
import type { TChartInput } from '../../platform/charts/chart.tsx';
import { describeRanking, describeSeries } from '../../platform/charts/describe.ts';
import { barChartOption, lineChartOption, type TValueFormat } from '../../platform/charts/option.ts';
import { formatDate } from '../../platform/i18n/format.ts';
import type { TLocale } from '../../platform/i18n/locale.ts';
import { UNITS } from './indicators.codes.ts';
import {
  breakdownLabel,
  dimensionLabel,
  formatChange,
  formatValue,
  geographyName,
  periodLabel,
  statusLabel,
} from './indicators.format.ts';
import { tp } from './indicators.pages.messages.ts';
import type { TComparison, TIndicator, TObservation } from './indicators.schemas.ts';

/** How an indicator's unit reads on a chart: money in yuan (万/亿 in Chinese), percentages, counts. */
export const chartFormat = (indicator: TIndicator): TValueFormat => {
  const u = UNITS[indicator.unit];
  return u.kind === 'money'
    ? { style: 'yuan', scale: u.factor }
    : u.kind === 'percent'
      ? { style: 'percent' }
      : { style: 'number' };
};

/** A period as an axis label: 2017 / 2017年, 2017 H1 / 2017年上半年, Q3 2017, a date. */
export const shortPeriod = (locale: TLocale, o: Pick<TObservation, 'period' | 'periodKind'>): string => {
  if (o.periodKind === 'year') return locale === 'zh' ? `${o.period}年` : o.period;
  if (o.periodKind === 'date') return formatDate(locale, o.period);
  return periodLabel(locale, o.period);
};

/** A chart id unique across the site (it keys the SVG cache): lower-case words and hyphens. */
export const chartId = (...parts: string[]): string =>
  parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

const value = (locale: TLocale, indicator: TIndicator, o: Pick<TObservation, 'value' | 'qualifier'>) =>
  formatValue(locale, { value: o.value, unit: indicator.unit, qualifier: o.qualifier });

/**
 * The change of each observation on the same period a year earlier, when the series has it: years
 * against years, halves against halves.
 */
export const yearOnYear = (observations: readonly TObservation[]): Map<TObservation, number | null> => {
  const byPeriod = new Map(observations.map((o) => [o.period, o]));
  const out = new Map<TObservation, number | null>();
  for (const o of observations) {
    const earlier = `${Number(o.period.slice(0, 4)) - 1}${o.period.slice(4)}`;
    const prev = o.periodKind === 'date' ? undefined : byPeriod.get(earlier);
    out.set(o, prev ? o.value - prev.value : null);
  }
  return out;
};

/** A line chart of one region's values over time, with every value in the table beside it. */
export const trendChart = (p: {
  locale: TLocale;
  indicator: TIndicator;
  geography: string;
  observations: readonly TObservation[];
  script?: string | undefined;
  onError?: (e: unknown) => void;
}): TChartInput => {
  const { locale, indicator, observations } = p;
  const name = indicator.name[locale];
  const place = geographyName(locale, p.geography);
  const labels = observations.map((o) => shortPeriod(locale, o));
  const fmt = (v: number) => value(locale, indicator, { value: v, qualifier: null });
  const changes = yearOnYear(observations);
  const byPeriod = new Map(observations.map((o) => [o.period, o]));
  // The status column only when some value is still provisional.
  const withStatus = observations.some((o) => o.status !== 'final');
  return {
    id: chartId('trend', indicator.code, p.geography),
    option: lineChartOption({
      categories: labels,
      series: [{ name, values: observations.map((o) => o.value) }],
    }),
    format: chartFormat(indicator),
    title:
      labels.length > 1 && labels[0] !== labels.at(-1)
        ? tp(locale, 'indicators.pages.trend.title', {
            name,
            geography: place,
            from: labels[0] ?? '',
            to: labels.at(-1) ?? '',
          })
        : tp(locale, 'indicators.pages.trend.titleOne', { name, geography: place, period: labels[0] ?? '' }),
    description: describeSeries(
      locale,
      [{ name, points: observations.map((o, i) => ({ label: labels[i] ?? o.period, value: o.value })) }],
      fmt,
    ),
    table: {
      head: [
        tp(locale, 'indicators.pages.col.period'),
        tp(locale, 'indicators.pages.col.value'),
        tp(locale, 'indicators.pages.col.change'),
        ...(withStatus ? [tp(locale, 'indicators.pages.col.status')] : []),
      ],
      rows: observations.map((o) => {
        const diff = changes.get(o) ?? null;
        const prev = byPeriod.get(`${Number(o.period.slice(0, 4)) - 1}${o.period.slice(4)}`);
        const change =
          diff === null || !prev
            ? '–'
            : formatChange(
                locale,
                { absolute: diff, relative: prev.value === 0 ? null : diff / prev.value },
                indicator.unit,
              );
        const cells = [labels[observations.indexOf(o)] ?? o.period, value(locale, indicator, o), change];
        return withStatus ? [...cells, statusLabel(locale, o.status)] : cells;
      }),
    },
    locale,
    version: String(indicator.dataVersion),
    height: 340,
    script: p.script,
    onError: p.onError,
  };
};

/** Several breakdown values (e.g. patent types) of one region over time, one line each. */
export const breakdownChart = (p: {
  locale: TLocale;
  indicator: TIndicator;
  geography: string;
  dimension: string;
  observations: readonly TObservation[];
  script?: string | undefined;
  onError?: (e: unknown) => void;
}): TChartInput | undefined => {
  const { locale, indicator } = p;
  const periods = [...new Map(p.observations.map((o) => [o.period, o])).values()];
  const values = [...new Set(p.observations.map((o) => o.breakdown?.value ?? ''))].filter(Boolean);
  if (periods.length < 2 || values.length < 2) return undefined;
  const labels = periods.map((o) => shortPeriod(locale, o));
  const cell = new Map(p.observations.map((o) => [`${o.breakdown?.value}|${o.period}`, o]));
  const series = values.map((v) => ({
    name: breakdownLabel(locale, { dimension: p.dimension, value: v }),
    values: periods.map((o) => cell.get(`${v}|${o.period}`)?.value ?? null),
  }));
  const fmt = (v: number) => value(locale, indicator, { value: v, qualifier: null });
  return {
    id: chartId('breakdown', indicator.code, p.geography, p.dimension),
    option: lineChartOption({ categories: labels, series }),
    format: chartFormat(indicator),
    title: tp(locale, 'indicators.pages.breakdowns.heading', {
      // "By type", not "By Type" (English words mid-sentence); acronyms (R&D) stay as they are.
      dimension: dimensionLabel(locale, p.dimension).replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase()),
    }),
    description: describeSeries(
      locale,
      series.map((s) => ({
        name: s.name,
        points: s.values.map((v, i) => ({ label: labels[i] ?? '', value: v })),
      })),
      fmt,
    ),
    table: {
      head: [tp(locale, 'indicators.pages.col.period'), ...series.map((s) => s.name)],
      rows: periods.map((o, i) => [
        labels[i] ?? o.period,
        ...series.map((s) => {
          const v = s.values[i];
          return v === null || v === undefined ? '–' : fmt(v);
        }),
      ]),
    },
    locale,
    version: String(indicator.dataVersion),
    height: 340,
    script: p.script,
    onError: p.onError,
  };
};

/** Regions side by side for one period, highest first, `focus` (e.g. Guangdong) in the brand colour. */
export const comparisonChart = (p: {
  locale: TLocale;
  comparison: TComparison;
  focus: string;
  title: string;
  script?: string | undefined;
  onError?: (e: unknown) => void;
}): TChartInput => {
  const { locale, comparison } = p;
  const { indicator } = comparison;
  const names = comparison.rows.map((r) => geographyName(locale, r.geography));
  const fmt = (v: number) => value(locale, indicator, { value: v, qualifier: null });
  const focusIndex = comparison.rows.findIndex((r) => r.geography === p.focus);
  return {
    id: chartId('compare', indicator.code, comparison.level, comparison.period),
    option: barChartOption({
      name: indicator.name[locale],
      categories: names,
      values: comparison.rows.map((r) => r.value),
      ...(focusIndex >= 0 ? { highlight: focusIndex } : {}),
      horizontal: true,
    }),
    format: chartFormat(indicator),
    title: p.title,
    description: describeRanking(
      locale,
      comparison.rows.map((r, i) => ({ label: names[i] ?? r.geography, value: r.value })),
      fmt,
      focusIndex >= 0 ? names[focusIndex] : undefined,
    ),
    table: {
      head: [
        tp(locale, 'indicators.pages.col.region'),
        tp(locale, 'indicators.pages.col.rank'),
        tp(locale, 'indicators.pages.col.value'),
      ],
      rows: comparison.rows.map((r, i) => [
        names[i] ?? r.geography,
        String(r.rank),
        r.status === 'provisional'
          ? `${fmt(r.value)} (${tp(locale, 'indicators.pages.provisional')})`
          : fmt(r.value),
      ]),
    },
    locale,
    version: String(indicator.dataVersion),
    height: Math.max(240, 40 + comparison.rows.length * 24),
    script: p.script,
    onError: p.onError,
  };
};
