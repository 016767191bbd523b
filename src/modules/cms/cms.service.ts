import type { TDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/http/errors.ts';
import { parseEach } from '../../platform/http/validate.ts';
import type { TLocale } from '../../platform/i18n/locale.ts';
import * as repo from './cms.repo.ts';
import {
  type TBi,
  type TNewsArticle,
  type TNewsContent,
  type TNewsListQuery,
  type TNewsSeed,
  tagKey,
  ZNewsSeed,
} from './cms.schemas.ts';

export const PAGE_SIZE = 10;

type TLocalizable = Pick<TNewsContent, 'title' | 'summary' | 'body' | 'source' | 'author'>;

/**
 * The article's parts in the reader's language, each falling back to the other language when missing;
 * `*Lang` says which language each part is in, so the page can mark it and show a notice.
 */
export const localized = (a: TLocalizable, locale: TLocale) => {
  const other: TLocale = locale === 'en' ? 'zh' : 'en';
  const pick = (v: TBi) =>
    v[locale] ? { text: v[locale] as string, lang: locale } : { text: v[other] ?? '', lang: other };
  const title = pick(a.title);
  const summary = pick(a.summary);
  const body = pick(a.body);
  const author = pick(a.author);
  return {
    title: title.text,
    titleLang: title.lang,
    summary: summary.text,
    summaryLang: summary.lang,
    body: body.text,
    bodyLang: body.lang,
    author: author.text,
    isFallback: body.lang !== locale,
    source: locale === 'zh' ? a.source.zh : a.source.en,
  };
};

/** One page of listed news matching the filters, newest first, with what the filter form offers. */
export const listNews = async (deps: TDeps, query: TNewsListQuery) => {
  const filter = { category: query.category, tag: query.tag, year: query.year, text: query.q };
  const total = await repo.countPublic(deps.db, filter);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (query.page > pages) throw new AppError('NOT_FOUND');
  const [items, years, tags] = await Promise.all([
    repo.listPublic(deps.db, filter, PAGE_SIZE, (query.page - 1) * PAGE_SIZE),
    repo.publicYears(deps.db),
    repo.publicTags(deps.db, 50),
  ]);
  return { items, page: query.page, pages, total, years, tags };
};

/** The newest articles, for the home page. */
export const latestNews = (deps: TDeps, limit: number): Promise<TNewsArticle[]> =>
  repo.listPublic(deps.db, {}, limit);

/** An article readers may open (listed or archived), or NOT_FOUND — drafts never show. */
export const getArticle = async (deps: TDeps, slug: string): Promise<TNewsArticle> => {
  const a = await repo.findPublicBySlug(deps.db, slug);
  if (!a) throw new AppError('NOT_FOUND');
  return a;
};

export const FEED_SIZE = 20;

/** The newest listed articles of a category (or all), for the RSS and Atom feeds. */
export const feedItems = (deps: TDeps, category: string | undefined): Promise<TNewsArticle[]> =>
  repo.listPublic(deps.db, { category }, FEED_SIZE);

/** Every listed article's slug and last change, for the sitemap. */
export const newsSitemapEntries = (deps: TDeps) => repo.listedSlugs(deps.db);

/** Articles matching the text in either language, for site search. */
export const searchNews = (deps: TDeps, text: string, limit = 20) =>
  repo.listPublic(deps.db, { text }, limit);

const seedContent = (s: TNewsSeed): TNewsContent => ({
  category: s.category,
  title: { en: s.title.en ?? null, zh: s.title.zh ?? null },
  summary: { en: s.summary.en ?? null, zh: s.summary.zh ?? null },
  body: { en: s.body.en ?? null, zh: s.body.zh ?? null },
  tags: s.tags.map((t) => ({ key: tagKey(t.en, t.zh), en: t.en, zh: t.zh })),
  source: { en: s.source.en, zh: s.source.zh, url: s.source.url ?? null },
  author: { en: s.author.en ?? null, zh: s.author.zh ?? null },
  figures: s.figures,
});

/**
 * Loads demo articles in one transaction through the workflow's own records: each is a revision,
 * published on the date the source gives. Validates every item first, so bad data loads nothing; an
 * article whose text is unchanged is left alone.
 */
export const seedNews = async (deps: TDeps, input: unknown[]) => {
  const items = parseEach(ZNewsSeed, input, 'news item');
  const counts = { inserted: 0, updated: 0, unchanged: 0 };
  await deps.db.transaction().execute(async (trx) => {
    for (const item of items) {
      const content = seedContent(item);
      const existing = await repo.idBySlug(trx, item.slug);
      if (existing === undefined) {
        const { id } = await repo.insertArticle(trx, {
          slug: item.slug,
          content,
          authorId: null,
          note: null,
          at: item.publishedAt,
          isDemo: true,
        });
        const a = await repo.findEditorial(trx, id);
        if (!a) throw new Error(`seed article ${item.slug} vanished`);
        await repo.publishRevision(trx, id, a.head, item.publishedAt, true);
        if (item.updatedAt !== item.publishedAt)
          await repo.updateArticle(trx, id, { updated_at: item.updatedAt });
        counts.inserted++;
        continue;
      }
      const a = await repo.findEditorial(trx, existing);
      if (!a) throw new Error(`seed article ${item.slug} has no revision`);
      if (JSON.stringify(a.head.content) === JSON.stringify(content) && a.liveRevisionId === a.head.id) {
        counts.unchanged++;
        continue;
      }
      const revisionId = await repo.insertRevision(trx, {
        articleId: a.id,
        number: a.head.number + 1,
        authorId: null,
        note: 'demo data',
        content,
        at: item.updatedAt,
      });
      await repo.updateArticle(trx, a.id, { head_revision_id: revisionId });
      const head = await repo.findEditorial(trx, a.id);
      if (!head) throw new Error(`seed article ${item.slug} vanished`);
      await repo.publishRevision(trx, a.id, head.head, item.updatedAt, false);
      await repo.markDemo(trx, a.id);
      counts.updated++;
    }
  });
  deps.pages.clear();
  return counts;
};
