// Chart options as plain data, and the formatters that make numbers read naturally in each language.
// Runs on the server and in the browser: the option travels to the page as JSON (functions cannot), and
// both sides attach the same formatters with `withFormatters`, so the hydrated chart reads exactly like
// the server's SVG.
import { formatNumber, formatPercent, formatYuan } from '../i18n/format.ts';
import type { TLocale } from '../i18n/locale.ts';
import type { TChartOption } from './echarts.ts';

/** How a chart's values read: plain numbers, percentages, or yuan (`scale` turns stored units into yuan). */
export type TValueFormat = Readonly<{ style: 'number' | 'percent' | 'yuan'; scale?: number }>;

export type TSeries = Readonly<{ name: string; values: readonly (number | null)[] }>;

// The site's font stack (single quotes: the value ends up inside a double-quoted attribute) and colours
// with at least 3:1 contrast on white for graphics, 4.5:1 for text (WCAG 1.4.3, 1.4.11).
const FONT =
  "'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', system-ui, Arial, sans-serif";
const TEXT = '#1b1b1b';
const MUTED = '#4a4a4a';
const GRID_LINE = '#d8d8d8';
export const PALETTE = ['#0b5d4b', '#1547a0', '#a33a00', '#5a2d82', '#6a5d00'] as const;
const OTHER_BAR = '#6f777b';
// Axis labels stay inside the drawing (ECharts 6's replacement for `containLabel`).
const GRID = {
  left: 16,
  right: 24,
  top: 16,
  bottom: 16,
  outerBoundsMode: 'same',
  outerBoundsContain: 'axisLabel',
} as const;

const compactFormats = new Map<TLocale, Intl.NumberFormat>();
/** Axis ticks: short, "436B" / "4361亿", "1.2M" / "120万"; small numbers in full. */
export const formatAxisValue = (locale: TLocale, fmt: TValueFormat, raw: number): string => {
  const value = raw * (fmt.scale ?? 1);
  if (fmt.style === 'percent') return formatPercent(locale, value);
  if (Math.abs(value) < 10_000) return formatNumber(locale, value);
  let f = compactFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : 'en-GB', {
      notation: 'compact',
      maximumFractionDigits: 1,
    });
    compactFormats.set(locale, f);
  }
  return f.format(value);
};

/** A value in full, as in the data table: "CNY 436.1 billion" / "4361亿元", "46.4%", "2,995". */
export const formatValue = (locale: TLocale, fmt: TValueFormat, raw: number): string => {
  const value = raw * (fmt.scale ?? 1);
  if (fmt.style === 'percent') return formatPercent(locale, value);
  if (fmt.style === 'yuan') return formatYuan(locale, value);
  return formatNumber(locale, value);
};

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
/** Text for HTML (the browser's tooltip is HTML): labels from data must never become markup. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

const base = (): TChartOption => ({
  // No animation: calm (WCAG 2.3.3), and the hydrated chart appears exactly where the SVG was.
  animation: false,
  color: [...PALETTE],
  textStyle: { fontFamily: FONT, fontSize: 14, color: TEXT },
  tooltip: { trigger: 'axis', className: 'chart-tooltip', confine: true },
});

const categoryAxis = (categories: readonly string[]) => ({
  type: 'category' as const,
  data: [...categories],
  axisLabel: { color: MUTED, fontSize: 13 },
  axisLine: { lineStyle: { color: MUTED } },
  axisTick: { alignWithLabel: true },
});

const valueAxis = () => ({
  type: 'value' as const,
  axisLabel: { color: MUTED, fontSize: 13 },
  splitLine: { lineStyle: { color: GRID_LINE } },
});

/** A line chart of one or more series over categories (years, quarters); gaps stay gaps. */
export const lineChartOption = (p: {
  categories: readonly string[];
  series: readonly TSeries[];
}): TChartOption => ({
  ...base(),
  grid: { ...GRID, top: p.series.length > 1 ? 48 : 24 },
  legend: p.series.length > 1 ? { top: 0, textStyle: { color: TEXT } } : { show: false },
  xAxis: { ...categoryAxis(p.categories), boundaryGap: false },
  yAxis: valueAxis(),
  series: p.series.map((s) => ({
    type: 'line' as const,
    name: s.name,
    data: [...s.values],
    symbolSize: 7,
    lineStyle: { width: 3 },
    emphasis: { disabled: true },
  })),
});

/**
 * A bar chart comparing categories (e.g. regions) on one value; `highlight` marks one bar in the brand
 * colour and the rest in grey. Horizontal bars read best for many long labels.
 */
export const barChartOption = (p: {
  name: string;
  categories: readonly string[];
  values: readonly (number | null)[];
  highlight?: number;
  horizontal?: boolean;
}): TChartOption => {
  const data = p.values.map((value, i) => ({
    value,
    itemStyle: { color: p.highlight === undefined || p.highlight === i ? PALETTE[0] : OTHER_BAR },
  }));
  const categories = p.horizontal
    ? { ...categoryAxis(p.categories), inverse: true, axisTick: { show: false } }
    : categoryAxis(p.categories);
  return {
    ...base(),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, className: 'chart-tooltip', confine: true },
    grid: GRID,
    legend: { show: false },
    xAxis: p.horizontal ? valueAxis() : categories,
    yAxis: p.horizontal ? categories : valueAxis(),
    series: [{ type: 'bar', name: p.name, data, barMaxWidth: 32, emphasis: { disabled: true } }],
  };
};

type TAxis = { type?: string; axisLabel?: Record<string, unknown> };
type TParam = { seriesName?: string; name?: string; value?: unknown };

const formatAxes = (axis: unknown, label: (v: number) => string): unknown => {
  const one = (a: TAxis) =>
    a.type === 'value' ? { ...a, axisLabel: { ...a.axisLabel, formatter: label } } : a;
  return Array.isArray(axis) ? axis.map(one) : axis ? one(axis as TAxis) : axis;
};

const numeric = (v: unknown): number | null => {
  const n = typeof v === 'object' && v !== null && 'value' in v ? (v as { value: unknown }).value : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
};

/**
 * The option with number formatters attached: value-axis ticks in the short form, the tooltip in full,
 * its labels escaped. Pure: returns a new object, the JSON-safe original stays as it was.
 */
export const withFormatters = (option: TChartOption, fmt: TValueFormat, locale: TLocale): TChartOption => {
  const tick = (v: number) => formatAxisValue(locale, fmt, v);
  const tooltip = (params: unknown): string => {
    const list = (Array.isArray(params) ? params : [params]) as TParam[];
    const head = list[0]?.name ? `<strong>${escapeHtml(list[0].name)}</strong>` : '';
    const rows = list.map((p) => {
      const n = numeric(p.value);
      return `${escapeHtml(p.seriesName ?? '')}: ${n === null ? '–' : escapeHtml(formatValue(locale, fmt, n))}`;
    });
    return [head, ...rows].filter(Boolean).join('<br>');
  };
  return {
    ...option,
    xAxis: formatAxes(option.xAxis, tick) as TChartOption['xAxis'],
    yAxis: formatAxes(option.yAxis, tick) as TChartOption['yAxis'],
    tooltip: { ...(option.tooltip as object), formatter: tooltip } as TChartOption['tooltip'],
  };
};
