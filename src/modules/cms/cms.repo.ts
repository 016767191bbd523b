import type { Kysely, Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { containsText } from '../../platform/db/like.ts';
import { type TUpsertOutcome, upsertByKey } from '../../platform/db/upsert.ts';
import type { TNewsArticle, TNewsSeed } from './cms.schemas.ts';

type NewsArticleTable = {
  id: number;
  slug: string;
  category: string;
  title_en: string | null;
  title_zh: string | null;
  summary_en: string | null;
  summary_zh: string | null;
  body_en: string | null;
  body_zh: string | null;
  source_name_en: string;
  source_name_zh: string;
  source_url: string | null;
  published_at: string;
  updated_at: string;
  is_demo: number;
  created_at: string;
};
type Tables = { cms_news_article: NewsArticleTable };
type Row = Selectable<NewsArticleTable>;

const q = (db: Db) => db as unknown as Kysely<Tables>;

const toArticle = (r: Row): TNewsArticle => ({
  slug: r.slug,
  category: r.category as TNewsArticle['category'],
  title: { en: r.title_en, zh: r.title_zh },
  summary: { en: r.summary_en, zh: r.summary_zh },
  body: { en: r.body_en, zh: r.body_zh },
  source: { en: r.source_name_en, zh: r.source_name_zh, url: r.source_url },
  publishedAt: r.published_at,
  updatedAt: r.updated_at,
  isDemo: r.is_demo === 1,
});

/** Published articles, newest first. */
export const listPublished = async (db: Db, limit: number, offset = 0): Promise<TNewsArticle[]> => {
  const rows = await q(db)
    .selectFrom('cms_news_article')
    .selectAll()
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map(toArticle);
};

/** Published articles, newest first, optionally of one category (for feeds). */
export const listPublishedIn = async (
  db: Db,
  category: string | undefined,
  limit: number,
): Promise<TNewsArticle[]> => {
  let query = q(db).selectFrom('cms_news_article').selectAll();
  if (category) query = query.where('category', '=', category);
  const rows = await query.orderBy('published_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toArticle);
};

/** Slug and last change of every published article (for the sitemap). */
export const listSlugs = async (db: Db): Promise<{ slug: string; updatedAt: string }[]> =>
  (await q(db).selectFrom('cms_news_article').select(['slug', 'updated_at']).orderBy('id').execute()).map(
    (r) => ({
      slug: r.slug,
      updatedAt: r.updated_at,
    }),
  );

/** How many published articles there are. */
export const countPublished = async (db: Db): Promise<number> => {
  const row = await q(db)
    .selectFrom('cms_news_article')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
};

/** One article by its slug, or undefined. */
export const findBySlug = async (db: Db, slug: string): Promise<TNewsArticle | undefined> => {
  const row = await q(db)
    .selectFrom('cms_news_article')
    .selectAll()
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row ? toArticle(row) : undefined;
};

/** Articles whose title or summary contains the text, in either language. */
export const searchText = async (db: Db, text: string, limit: number): Promise<TNewsArticle[]> => {
  const rows = await q(db)
    .selectFrom('cms_news_article')
    .selectAll()
    .where((eb) =>
      eb.or([
        containsText('title_en', text),
        containsText('title_zh', text),
        containsText('summary_en', text),
        containsText('summary_zh', text),
      ]),
    )
    .orderBy('published_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toArticle);
};

/** Inserts or updates a demo article by slug; leaves an identical row untouched. */
export const upsertSeed = async (db: Db, s: TNewsSeed): Promise<TUpsertOutcome> => {
  const { outcome } = await upsertByKey(
    db,
    'cms_news_article',
    { slug: s.slug },
    {
      category: s.category,
      title_en: s.title.en ?? null,
      title_zh: s.title.zh ?? null,
      summary_en: s.summary.en ?? null,
      summary_zh: s.summary.zh ?? null,
      body_en: s.body.en ?? null,
      body_zh: s.body.zh ?? null,
      source_name_en: s.source.en,
      source_name_zh: s.source.zh,
      source_url: s.source.url ?? null,
      published_at: s.publishedAt,
      updated_at: s.updatedAt,
      is_demo: 1,
    },
    { touchUpdatedAt: false },
  );
  return outcome;
};
