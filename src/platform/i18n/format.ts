import { langTag, type TLocale } from './locale.ts';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
const numberFormat = (locale: TLocale, opts: Intl.NumberFormatOptions): Intl.NumberFormat => {
  const key = `n:${locale}:${JSON.stringify(opts)}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) {
    f = new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : 'en-GB', opts);
    cache.set(key, f);
  }
  return f;
};

/** A plain number with the locale's grouping: 2,995 / 2,995. */
export const formatNumber = (locale: TLocale, value: number, maxFractionDigits = 2): string =>
  numberFormat(locale, { maximumFractionDigits: maxFractionDigits }).format(value);

/** A percentage given in percent units: 46.4 → "46.4%". */
export const formatPercent = (locale: TLocale, value: number): string =>
  `${numberFormat(locale, { maximumFractionDigits: 2 }).format(value)}%`;

/**
 * A large number read naturally: English "436.1 billion", Chinese "4361亿" / "5.2万".
 * Below ten thousand the plain grouped number is clearer in both languages.
 */
export const formatLarge = (locale: TLocale, value: number): string => {
  if (Math.abs(value) < 10_000) return formatNumber(locale, value);
  return numberFormat(locale, {
    notation: 'compact',
    compactDisplay: 'long',
    maximumFractionDigits: 2,
  })
    .format(value)
    .replace(/\s+/g, locale === 'zh' ? '' : ' ');
};

/** An amount of yuan: "CNY 436.1 billion" / "4361亿元". */
export const formatYuan = (locale: TLocale, yuan: number): string =>
  locale === 'zh' ? `${formatLarge(locale, yuan)}元` : `CNY ${formatLarge(locale, yuan)}`;

const dateFormat = (locale: TLocale): Intl.DateTimeFormat => {
  const key = `d:${locale}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' });
    cache.set(key, f);
  }
  return f;
};

/** A calendar date (YYYY-MM-DD or an ISO timestamp): "26 September 2017" / "2017年9月26日". */
export const formatDate = (locale: TLocale, isoDate: string): string => {
  const d = new Date(isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate);
  return Number.isNaN(d.getTime()) ? isoDate : dateFormat(locale).format(d);
};

const dateTimeFormat = (locale: TLocale): Intl.DateTimeFormat => {
  const key = `dt:${locale}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Asia/Shanghai',
    });
    cache.set(key, f);
  }
  return f;
};

/** A moment in Beijing time, e.g. for sessions and messages: "26 Nov 2026, 14:05" / "2026年11月26日 14:05". */
export const formatDateTime = (locale: TLocale, iso: string): string => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTimeFormat(locale).format(d);
};

/** The machine-readable form for `<time datetime>`. */
export const isoDay = (isoDate: string): string => isoDate.slice(0, 10);

export { langTag };
