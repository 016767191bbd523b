import type { TDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/http/errors.ts';
import { parseEach } from '../../platform/http/validate.ts';
import type { TLocale } from '../../platform/i18n/locale.ts';
import * as repo from './cms.repo.ts';
import { type TNewsArticle, ZNewsSeed } from './cms.schemas.ts';

export const PAGE_SIZE = 10;

/**
 * The article's parts in the reader's language, each falling back to the other language when missing;
 * `*Lang` says which language each part is in, so the page can mark it and show a notice.
 */
export const localized = (a: TNewsArticle, locale: TLocale) => {
  const other: TLocale = locale === 'en' ? 'zh' : 'en';
  const pick = (v: { en: string | null; zh: string | null }) =>
    v[locale] ? { text: v[locale] as string, lang: locale } : { text: v[other] ?? '', lang: other };
  const title = pick(a.title);
  const summary = pick(a.summary);
  const body = pick(a.body);
  return {
    title: title.text,
    titleLang: title.lang,
    summary: summary.text,
    summaryLang: summary.lang,
    body: body.text,
    bodyLang: body.lang,
    isFallback: body.lang !== locale,
    source: locale === 'zh' ? a.source.zh : a.source.en,
  };
};

/** One page of published news, newest first. */
export const listNews = async (deps: TDeps, page: number) => {
  const total = await repo.countPublished(deps.db);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (page > pages) throw new AppError('NOT_FOUND');
  const items = await repo.listPublished(deps.db, PAGE_SIZE, (page - 1) * PAGE_SIZE);
  return { items, page, pages, total };
};

/** The newest articles, for the home page. */
export const latestNews = (deps: TDeps, limit: number): Promise<TNewsArticle[]> =>
  repo.listPublished(deps.db, limit);

/** A published article, or NOT_FOUND. */
export const getArticle = async (deps: TDeps, slug: string): Promise<TNewsArticle> => {
  const a = await repo.findBySlug(deps.db, slug);
  if (!a) throw new AppError('NOT_FOUND');
  return a;
};

export const FEED_SIZE = 20;

/** The newest published articles of a category (or all), for the RSS and Atom feeds. */
export const feedItems = (deps: TDeps, category: string | undefined): Promise<TNewsArticle[]> =>
  repo.listPublishedIn(deps.db, category, FEED_SIZE);

/** Every published article's slug and last change, for the sitemap. */
export const newsSitemapEntries = (deps: TDeps) => repo.listSlugs(deps.db);

/** Articles matching the text, for site search. */
export const searchNews = (deps: TDeps, text: string, limit = 20) => repo.searchText(deps.db, text, limit);

/** Loads demo articles in one transaction; validates every item first so bad data loads nothing. */
export const seedNews = async (deps: TDeps, input: unknown[]) => {
  const items = parseEach(ZNewsSeed, input, 'news item');
  const counts = { inserted: 0, updated: 0, unchanged: 0 };
  await deps.db.transaction().execute(async (trx) => {
    for (const item of items) counts[await repo.upsertSeed(trx, item)]++;
  });
  deps.pages.clear();
  return counts;
};
