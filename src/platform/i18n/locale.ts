export const LOCALES = ['en', 'zh'] as const;
export type TLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: TLocale = 'en';

export const isLocale = (v: unknown): v is TLocale => v === 'en' || v === 'zh';

/** A stored or submitted language as a site locale, `fallback` for anything else. */
export const asLocale = (v: unknown, fallback: TLocale = DEFAULT_LOCALE): TLocale =>
  isLocale(v) ? v : fallback;

/** BCP 47 tag for `<html lang>` and `Intl`. */
export const langTag = (locale: TLocale): string => (locale === 'zh' ? 'zh-CN' : 'en');

const MAX_HEADER = 1024;

/**
 * Picks a site locale from an Accept-Language header. Tolerates any malformed input:
 * unparseable parts are ignored and the answer falls back to English when unsure.
 */
export const negotiateLocale = (header: string | null | undefined): TLocale => {
  if (!header) return DEFAULT_LOCALE;
  const ranges: { tag: string; q: number; order: number }[] = [];
  header
    .slice(0, MAX_HEADER)
    .split(',')
    .forEach((part, order) => {
      const [rawTag, ...params] = part.trim().split(';');
      const tag = (rawTag ?? '').trim().toLowerCase();
      if (!/^[a-z]{1,8}(-[a-z0-9]{1,8})*$|^\*$/.test(tag)) return;
      let q = 1;
      for (const p of params) {
        const m = /^\s*q\s*=\s*([0-9](\.[0-9]{0,3})?)\s*$/i.exec(p);
        if (m) q = Math.min(1, Number.parseFloat(m[1] ?? '1'));
      }
      if (q > 0) ranges.push({ tag, q, order });
    });
  ranges.sort((a, b) => b.q - a.q || a.order - b.order);
  for (const r of ranges) {
    const primary = r.tag.split('-')[0];
    if (primary === 'zh') return 'zh';
    if (primary === 'en') return 'en';
  }
  return DEFAULT_LOCALE;
};

/** The path of the same page in another language: `/en/news?page=2` → `/zh/news?page=2`. */
export const switchLocalePath = (pathWithQuery: string, to: TLocale): string => {
  const m = /^\/(en|zh)(?=\/|$|\?)(.*)$/.exec(pathWithQuery);
  if (!m) return `/${to}/`;
  const rest = m[2] ?? '';
  return `/${to}${rest === '' ? '/' : rest}`;
};
