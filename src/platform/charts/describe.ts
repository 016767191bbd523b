// A chart's text alternative: what a sighted reader takes from it at a glance, in words.
import type { TLocale } from '../i18n/locale.ts';
import { tc } from './charts.messages.ts';

export type TPoint = Readonly<{ label: string; value: number | null }>;

/**
 * The trend of one series: "Rose from 1,234 in 2010 to 5,678 in 2023." — plus its highest (or lowest)
 * point when that lies in between, so a rise and fall is not read as a plain rise.
 */
export const describeTrend = (locale: TLocale, points: readonly TPoint[], format: (v: number) => string) => {
  const known = points.filter((p): p is { label: string; value: number } => p.value !== null);
  const first = known[0];
  const last = known.at(-1);
  if (!first || !last) return tc(locale, 'charts.trend.empty');
  if (known.length === 1)
    return tc(locale, 'charts.trend.single', { value: format(first.value), label: first.label });
  const params = { from: format(first.value), to: format(last.value), start: first.label, end: last.label };
  if (first.value === last.value && known.every((p) => p.value === first.value)) {
    return tc(locale, 'charts.trend.flat', {
      value: format(first.value),
      start: first.label,
      end: last.label,
    });
  }
  const rose = last.value >= first.value;
  const sentence = tc(locale, rose ? 'charts.trend.rose' : 'charts.trend.fell', params);
  const inner = known.slice(1, -1);
  if (inner.length === 0) return sentence;
  // A rise that peaked earlier, or a fall that bottomed out earlier, is worth saying.
  const extreme = inner.reduce((a, b) => (rose ? (b.value > a.value ? b : a) : b.value < a.value ? b : a));
  const beyond = rose ? extreme.value > last.value : extreme.value < last.value;
  if (!beyond) return sentence;
  const extra = tc(locale, rose ? 'charts.trend.peak' : 'charts.trend.low', {
    value: format(extreme.value),
    label: extreme.label,
  });
  return `${sentence}${locale === 'zh' ? '' : ' '}${extra}`;
};

/** Several series, one sentence each: "R&D spending: Rose from … Patents: Fell from …". */
export const describeSeries = (
  locale: TLocale,
  series: readonly { name: string; points: readonly TPoint[] }[],
  format: (v: number) => string,
): string =>
  series.length === 1
    ? describeTrend(locale, series[0]?.points ?? [], format)
    : series
        .map((s) =>
          tc(locale, 'charts.trend.series', { name: s.name, trend: describeTrend(locale, s.points, format) }),
        )
        .join(locale === 'zh' ? '' : ' ');

/**
 * A ranking in words: where one item stands ("Guangdong: …, number 1 of 31.") and the two ends of the
 * range. Items without a value are left out of the count.
 */
export const describeRanking = (
  locale: TLocale,
  items: readonly TPoint[],
  format: (v: number) => string,
  focus?: string,
): string => {
  const known = items
    .filter((p): p is { label: string; value: number } => p.value !== null)
    .sort((a, b) => b.value - a.value);
  const top = known[0];
  const bottom = known.at(-1);
  if (!top || !bottom) return tc(locale, 'charts.trend.empty');
  const range = tc(locale, 'charts.rank.range', {
    top: top.label,
    topValue: format(top.value),
    bottom: bottom.label,
    bottomValue: format(bottom.value),
  });
  const index = focus === undefined ? -1 : known.findIndex((p) => p.label === focus);
  const mine = known[index];
  if (!mine) return range;
  const position = tc(locale, 'charts.rank.position', {
    label: mine.label,
    value: format(mine.value),
    rank: index + 1,
    count: known.length,
  });
  return `${position}${locale === 'zh' ? '' : ' '}${range}`;
};
