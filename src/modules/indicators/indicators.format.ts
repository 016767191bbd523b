import { formatDate, formatNumber, formatPercent, formatYuan } from '../../platform/i18n/format.ts';
import type { TLocale } from '../../platform/i18n/locale.ts';
import {
  parsePeriod,
  type TFrequency,
  type TOrigin,
  type TPanel,
  type TStatus,
  type TUnit,
  UNITS,
} from './indicators.codes.ts';
import { type TDataKey, td } from './indicators.data.messages.ts';
import { geographyOf } from './indicators.geography.ts';
import { t } from './indicators.messages.ts';
import type { TBreakdown, TChange } from './indicators.schemas.ts';

// How values, changes, periods and code-list entries read, in each language.

/** A value as a reader expects it: "CNY 436.1 billion" / "4361亿元", "46.4%", "2,995", "more than 1,000". */
export const formatValue = (
  locale: TLocale,
  f: Readonly<{ value: number; unit: TUnit | string; qualifier?: 'more_than' | null | undefined }>,
): string => {
  const unit = (Object.hasOwn(UNITS, f.unit) ? f.unit : 'count') as TUnit;
  const spec = UNITS[unit];
  const plain =
    spec.kind === 'money'
      ? formatYuan(locale, f.value * spec.factor)
      : spec.kind === 'percent'
        ? formatPercent(locale, f.value)
        : unit === 'person_years'
          ? td(locale, 'indicators.value.personYears', { value: formatNumber(locale, f.value) })
          : formatNumber(locale, f.value);
  return f.qualifier === 'more_than' ? t(locale, 'indicators.moreThan', { value: plain }) : plain;
};

const signed = (v: number, format: (n: number) => string): string =>
  v > 0 ? `+${format(v)}` : v < 0 ? `−${format(-v)}` : format(0);

/**
 * A year-on-year change: the relative change ("+11.6%"); for indicators measured in per cent the
 * difference in percentage points ("+0.12 percentage points" / "+0.12个百分点"); the difference in the
 * unit when the earlier value was 0.
 */
export const formatChange = (locale: TLocale, change: TChange, unit: TUnit | string): string => {
  if (unit === 'percent')
    return td(locale, 'indicators.change.points', {
      value: signed(change.absolute, (n) => formatNumber(locale, n)),
    });
  if (change.relative === null)
    return signed(change.absolute, (n) => formatValue(locale, { value: n, unit }));
  return signed(Math.round(change.relative * 1000) / 10, (n) => formatPercent(locale, n));
};

export const unitLabel = (locale: TLocale, unit: TUnit): string =>
  td(locale, `indicators.unit.${unit}` as TDataKey);
export const panelLabel = (locale: TLocale, panel: TPanel): string =>
  td(locale, `indicators.panel.${panel}` as TDataKey);
export const frequencyLabel = (locale: TLocale, f: TFrequency): string =>
  td(locale, `indicators.frequency.${f}` as TDataKey);
export const originLabel = (locale: TLocale, o: TOrigin): string =>
  td(locale, `indicators.origin.${o}` as TDataKey);
export const statusLabel = (locale: TLocale, s: TStatus): string =>
  td(locale, `indicators.status.${s}` as TDataKey);

/** A geography's name in the reader's language; the code itself when unknown. */
export const geographyName = (locale: TLocale, code: string): string =>
  geographyOf(code)?.name[locale] ?? code;

const hasKey = (key: string): key is TDataKey => td('en', key as TDataKey) !== key;

/** A breakdown in words ("Invention", "Basic research"); "Total" for none; the raw value when unknown. */
export const breakdownLabel = (locale: TLocale, b: TBreakdown | null): string => {
  if (!b) return td(locale, 'indicators.breakdown.total');
  const key = `indicators.dim.${b.dimension}.${b.value}`;
  return hasKey(key) ? td(locale, key) : b.value.replace(/_/g, ' ');
};

/** A breakdown dimension in words ("Type of activity"); the raw code when unknown. */
export const dimensionLabel = (locale: TLocale, dimension: string): string => {
  const key = `indicators.dim.${dimension}`;
  return hasKey(key) ? td(locale, key) : dimension.replace(/_/g, ' ');
};

const BASIS_KEYS = {
  stock: 'indicators.period.stock',
  flow: 'indicators.period.flow',
  'to date': 'indicators.period.toDate',
  to_date: 'indicators.period.toDate',
  cumulative: 'indicators.period.cumulative',
  planned: 'indicators.period.planned',
  event: 'indicators.period.event',
  'per year': 'indicators.period.perYear',
  per_year: 'indicators.period.perYear',
} as const;

// Chinese writes months as numbers (7月); Intl's long form would give 七月.
const monthName = (locale: TLocale, month: number): string =>
  locale === 'zh'
    ? `${month}月`
    : new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(
        new Date(Date.UTC(2000, month - 1, 1)),
      );

/**
 * A period in words: "Year 2017" / "2017年", "First half of 2017" / "2017年上半年", "Q3 2017" /
 * "2017年第3季度", "July 2017" / "2017年7月", a date as "31 July 2017"; what an as-of figure counts
 * ("Total", "Cumulative to date", …) for a basis code.
 */
export const periodLabel = (locale: TLocale, period: string): string => {
  const basis = BASIS_KEYS[period as keyof typeof BASIS_KEYS];
  if (basis) return t(locale, basis);
  const p = parsePeriod(period);
  if (!p) return period;
  const year = p.period.slice(0, 4);
  switch (p.kind) {
    case 'year':
      return t(locale, 'indicators.period.year', { year });
    case 'half':
      return t(locale, p.period.endsWith('1') ? 'indicators.period.half1' : 'indicators.period.half2', {
        year,
      });
    case 'quarter':
      return td(locale, 'indicators.period.quarter', { year, quarter: p.period.slice(-1) });
    case 'month':
      return td(locale, 'indicators.period.month', {
        year,
        month: monthName(locale, Number(p.period.slice(5))),
      });
    default:
      return formatDate(locale, p.period);
  }
};

/** The stable addresses of an indicator: its API resources, its CSV download and its pages. */
export const indicatorLinks = (publicUrl: string, code: string) => {
  const api = `${publicUrl}/api/v1/indicators/${encodeURIComponent(code)}`;
  return {
    api,
    observations: `${api}/observations`,
    csv: `${api}/observations?format=csv`,
    page: {
      en: `${publicUrl}/en/statistics/${encodeURIComponent(code)}`,
      zh: `${publicUrl}/zh/statistics/${encodeURIComponent(code)}`,
    },
  } as const;
};

/**
 * A caller's value quoted back in a message: at most 40 characters, anything but letters, digits and
 * a few separators replaced by "?", so no markup or control character travels back.
 */
export const echo = (value: string): string =>
  [...value.slice(0, 40)].map((ch) => (/^[\p{L}\p{N} ._:,+-]$/u.test(ch) ? ch : '?')).join('');
