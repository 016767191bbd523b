import type { TLocale } from './locale.ts';

export type TParams = Record<string, string | number>;
export type TCatalog<K extends string> = Readonly<Record<K, string>>;
export type TTranslate<K extends string> = (locale: TLocale, key: K, params?: TParams) => string;

const interpolate = (template: string, params?: TParams): string =>
  params ? template.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole)) : template;

/**
 * Declares a catalog pair: Chinese must have exactly the English keys (the type checker enforces it,
 * a test double-checks at run time). Returns the pair and a translate function.
 */
export const defineMessages = <K extends string>(en: TCatalog<K>, zh: TCatalog<K>) => {
  const catalogs = { en, zh } as const;
  const t: TTranslate<K> = (locale, key, params) =>
    interpolate(catalogs[locale][key] ?? en[key] ?? key, params);
  return { catalogs, t };
};
