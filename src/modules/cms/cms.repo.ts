import { type Generated, type Kysely, type Selectable, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { containsText } from '../../platform/db/like.ts';
import { engineOf } from '../../platform/db/schema.ts';
import type {
  TEditorialArticle,
  TNewsArticle,
  TNewsCategory,
  TNewsContent,
  TNewsState,
  TRevision,
  TTag,
} from './cms.schemas.ts';

type ArticleTable = {
  id: Generated<number>;
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
  state: string;
  live_revision_id: number | null;
  head_revision_id: number | null;
  scheduled_at: string | null;
  submitted_by: number | null;
  created_by: number | null;
  author_en: string | null;
  author_zh: string | null;
  figures: string | null;
  archived_at: string | null;
  unpublished_at: string | null;
  unpublished_reason: string | null;
};
type RevisionTable = {
  id: Generated<number>;
  article_id: number;
  number: number;
  author_id: number | null;
  note: string | null;
  content: string;
  created_at: string;
  published_at: string | null;
};
type TagTable = { article_id: number; tag: string; label_en: string; label_zh: string };
type Tables = { cms_news_article: ArticleTable; cms_news_revision: RevisionTable; cms_news_tag: TagTable };
type Row = Selectable<ArticleTable>;

const q = (db: Db) => db as unknown as Kysely<Tables>;

const figuresOf = (json: string | null): string[] => {
  try {
    const v = JSON.parse(json ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

const toArticle = (r: Row, tags: readonly TTag[]): TNewsArticle => ({
  id: r.id,
  slug: r.slug,
  state: r.state as TNewsState,
  category: r.category as TNewsCategory,
  title: { en: r.title_en, zh: r.title_zh },
  summary: { en: r.summary_en, zh: r.summary_zh },
  body: { en: r.body_en, zh: r.body_zh },
  tags,
  source: { en: r.source_name_en, zh: r.source_name_zh, url: r.source_url },
  author: { en: r.author_en, zh: r.author_zh },
  figures: figuresOf(r.figures),
  publishedAt: r.published_at,
  updatedAt: r.updated_at,
  archivedAt: r.state === 'archived' ? r.archived_at : null,
  isDemo: r.is_demo === 1,
});

/**
 * Readers see an article once a revision of it is live, until it is archived or unpublished. Written
 * literally (no bound parameter) so that both engines match it to the partial indexes of migration 0309.
 */
const LISTED = sql<boolean>`live_revision_id is not null and state <> 'archived'`;
const isListed = () => LISTED;

export type TPublicFilter = Readonly<{
  category?: string | undefined;
  tag?: string | undefined;
  year?: number | undefined;
  text?: string | undefined;
}>;

const filtered = (db: Db, f: TPublicFilter) => {
  let query = q(db).selectFrom('cms_news_article').where(isListed);
  if (f.category) query = query.where('category', '=', f.category);
  if (f.year) {
    query = query.where('published_at', '>=', `${f.year}`).where('published_at', '<', `${f.year + 1}`);
  }
  if (f.tag) {
    const tag = f.tag;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('cms_news_tag')
          .select('cms_news_tag.tag')
          .whereRef('cms_news_tag.article_id', '=', 'cms_news_article.id')
          .where('cms_news_tag.tag', '=', tag),
      ),
    );
  }
  if (f.text) {
    const text = f.text;
    query = query.where((eb) =>
      eb.or(
        ['title_en', 'title_zh', 'summary_en', 'summary_zh', 'body_en', 'body_zh'].map((col) =>
          containsText(col, text),
        ),
      ),
    );
  }
  return query;
};

/** The tags of these articles' public copies. */
const tagsFor = async (db: Db, ids: readonly number[]): Promise<Map<number, TTag[]>> => {
  const out = new Map<number, TTag[]>();
  if (ids.length === 0) return out;
  const rows = await q(db)
    .selectFrom('cms_news_tag')
    .selectAll()
    .where('article_id', 'in', ids)
    .orderBy('article_id')
    .orderBy('label_en')
    .execute();
  for (const r of rows) {
    const list = out.get(r.article_id) ?? [];
    list.push({ key: r.tag, en: r.label_en, zh: r.label_zh });
    out.set(r.article_id, list);
  }
  return out;
};

const withTags = async (db: Db, rows: Row[]): Promise<TNewsArticle[]> => {
  const tags = await tagsFor(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toArticle(r, tags.get(r.id) ?? []));
};

/** Listed articles matching the filter, newest first. */
export const listPublic = async (
  db: Db,
  f: TPublicFilter,
  limit: number,
  offset = 0,
): Promise<TNewsArticle[]> => {
  const rows = await filtered(db, f)
    .selectAll()
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return withTags(db, rows);
};

/** How many listed articles match the filter. */
export const countPublic = async (db: Db, f: TPublicFilter): Promise<number> => {
  const row = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
};

/** The years that have listed articles, newest first (for the year filter). */
export const publicYears = async (db: Db): Promise<number[]> => {
  const rows = await q(db)
    .selectFrom('cms_news_article')
    .where(isListed)
    .select(sql<string>`substr(published_at, 1, 4)`.as('y'))
    .distinct()
    .execute();
  return rows.map((r) => Number(r.y)).sort((a, b) => b - a);
};

/** The tags of listed articles with how many articles carry each, most used first. */
export const publicTags = async (db: Db, limit: number): Promise<(TTag & { count: number })[]> => {
  // Tag rows exist only for listed articles, so counting reads only the (tag, article_id) index; the
  // labels are then read for the few tags shown.
  const counted = await q(db)
    .selectFrom('cms_news_tag')
    .select((eb) => ['cms_news_tag.tag', eb.fn.countAll<number>().as('n')])
    .groupBy('cms_news_tag.tag')
    .orderBy('n', 'desc')
    .orderBy('cms_news_tag.tag')
    .limit(limit)
    .execute();
  if (counted.length === 0) return [];
  const labels = new Map<string, { en: string; zh: string }>();
  for (const tag of counted.map((r) => r.tag)) {
    const l = await q(db)
      .selectFrom('cms_news_tag')
      .select(['label_en', 'label_zh'])
      .where('tag', '=', tag)
      .orderBy('article_id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (l) labels.set(tag, { en: l.label_en, zh: l.label_zh });
  }
  return counted.map((r) => ({
    key: r.tag,
    en: labels.get(r.tag)?.en ?? r.tag,
    zh: labels.get(r.tag)?.zh ?? r.tag,
    count: Number(r.n),
  }));
};

/** Slug and last change of every listed article (for the sitemap). */
export const listedSlugs = async (db: Db): Promise<{ slug: string; updatedAt: string }[]> =>
  (
    await q(db)
      .selectFrom('cms_news_article')
      .where(isListed)
      .select(['slug', 'updated_at'])
      .orderBy('id')
      .execute()
  ).map((r) => ({ slug: r.slug, updatedAt: r.updated_at }));

/** An article readers may open (listed, or archived and shown with a notice), or undefined. */
export const findPublicBySlug = async (db: Db, slug: string): Promise<TNewsArticle | undefined> => {
  const row = await q(db)
    .selectFrom('cms_news_article')
    .selectAll()
    .where('slug', '=', slug)
    .where('live_revision_id', 'is not', null)
    .executeTakeFirst();
  return row ? (await withTags(db, [row]))[0] : undefined;
};

// ——— Editorial ———

const toRevision = (r: Selectable<RevisionTable>): TRevision => ({
  id: r.id,
  articleId: r.article_id,
  number: r.number,
  authorId: r.author_id,
  note: r.note,
  content: JSON.parse(r.content) as TNewsContent,
  createdAt: r.created_at,
  publishedAt: r.published_at,
});

/** The public columns that carry a revision's content. */
const publicColumns = (c: TNewsContent) => ({
  category: c.category,
  title_en: c.title.en,
  title_zh: c.title.zh,
  summary_en: c.summary.en,
  summary_zh: c.summary.zh,
  body_en: c.body.en,
  body_zh: c.body.zh,
  source_name_en: c.source.en,
  source_name_zh: c.source.zh,
  source_url: c.source.url,
  author_en: c.author.en,
  author_zh: c.author.zh,
  figures: JSON.stringify(c.figures),
});

/** True when some article already uses the slug. */
export const slugTaken = async (db: Db, slug: string, exceptId?: number): Promise<boolean> => {
  let query = q(db).selectFrom('cms_news_article').select('id').where('slug', '=', slug);
  if (exceptId !== undefined) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
};

export const insertRevision = async (
  db: Db,
  r: {
    articleId: number;
    number: number;
    authorId: number | null;
    note: string | null;
    content: TNewsContent;
    at: string;
  },
): Promise<number> => {
  const row = await q(db)
    .insertInto('cms_news_revision')
    .values({
      article_id: r.articleId,
      number: r.number,
      author_id: r.authorId,
      note: r.note,
      content: JSON.stringify(r.content),
      created_at: r.at,
      published_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
};

/**
 * A new article in draft with its first revision. Its public columns hold the draft too, but nobody
 * reads them until a revision is live.
 */
export const insertArticle = async (
  db: Db,
  a: {
    slug: string;
    content: TNewsContent;
    authorId: number | null;
    note: string | null;
    at: string;
    isDemo: boolean;
  },
): Promise<{ id: number; revisionId: number }> => {
  const row = await q(db)
    .insertInto('cms_news_article')
    .values({
      slug: a.slug,
      ...publicColumns(a.content),
      published_at: a.at,
      updated_at: a.at,
      is_demo: a.isDemo ? 1 : 0,
      created_at: a.at,
      state: 'draft',
      live_revision_id: null,
      head_revision_id: null,
      scheduled_at: null,
      submitted_by: null,
      created_by: a.authorId,
      archived_at: null,
      unpublished_at: null,
      unpublished_reason: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(row.id);
  const revisionId = await insertRevision(db, {
    articleId: id,
    number: 1,
    authorId: a.authorId,
    note: a.note,
    content: a.content,
    at: a.at,
  });
  await q(db)
    .updateTable('cms_news_article')
    .set({ head_revision_id: revisionId })
    .where('id', '=', id)
    .execute();
  return { id, revisionId };
};

const revisionById = async (db: Db, id: number): Promise<TRevision | undefined> => {
  const r = await q(db).selectFrom('cms_news_revision').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toRevision(r) : undefined;
};

const toEditorial = (r: Row, head: TRevision): TEditorialArticle => ({
  id: r.id,
  slug: r.slug,
  state: r.state as TNewsState,
  head,
  liveRevisionId: r.live_revision_id,
  scheduledAt: r.scheduled_at,
  submittedBy: r.submitted_by,
  createdBy: r.created_by,
  publishedAt: r.live_revision_id !== null || r.state === 'archived' ? r.published_at : null,
  updatedAt: r.live_revision_id !== null || r.state === 'archived' ? r.updated_at : null,
  archivedAt: r.archived_at,
  unpublishedAt: r.unpublished_at,
  unpublishedReason: r.unpublished_reason,
});

/** An article with its latest revision; `lock` holds the row for the transaction on PostgreSQL. */
export const findEditorial = async (
  db: Db,
  id: number,
  opts: { lock?: boolean } = {},
): Promise<TEditorialArticle | undefined> => {
  let query = q(db).selectFrom('cms_news_article').selectAll().where('id', '=', id);
  if (opts.lock && engineOf(db) === 'postgres') query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row || row.head_revision_id === null) return undefined;
  const head = await revisionById(db, row.head_revision_id);
  return head ? toEditorial(row, head) : undefined;
};

/** The article id for a slug, whatever its state. */
export const idBySlug = async (db: Db, slug: string): Promise<number | undefined> =>
  (await q(db).selectFrom('cms_news_article').select('id').where('slug', '=', slug).executeTakeFirst())?.id;

export type TStatePatch = Partial<{
  slug: string;
  state: TNewsState;
  head_revision_id: number;
  scheduled_at: string | null;
  submitted_by: number | null;
  archived_at: string | null;
  unpublished_at: string | null;
  unpublished_reason: string | null;
  live_revision_id: number | null;
  updated_at: string;
}>;

export const updateArticle = async (db: Db, id: number, patch: TStatePatch): Promise<void> => {
  await q(db).updateTable('cms_news_article').set(patch).where('id', '=', id).execute();
};

/**
 * Makes a revision the public copy: content into the public columns, its tags, and the dates —
 * `published_at` on first publication only, `updated_at` every time — from the revision's going live.
 */
export const publishRevision = async (
  db: Db,
  articleId: number,
  revision: TRevision,
  at: string,
  firstTime: boolean,
): Promise<void> => {
  await q(db)
    .updateTable('cms_news_article')
    .set({
      ...publicColumns(revision.content),
      ...(firstTime ? { published_at: at } : {}),
      updated_at: at,
      state: 'published',
      live_revision_id: revision.id,
      scheduled_at: null,
      submitted_by: null,
      archived_at: null,
      unpublished_at: null,
      unpublished_reason: null,
    })
    .where('id', '=', articleId)
    .execute();
  await q(db)
    .updateTable('cms_news_revision')
    .set({ published_at: at })
    .where('id', '=', revision.id)
    .execute();
  await setListedTags(db, articleId, revision.content.tags);
};

/**
 * The tags readers can filter by: rows exist only while the article is listed (published, not archived),
 * so counting them needs no join. An empty list removes them (archive, unpublish).
 */
export const setListedTags = async (db: Db, articleId: number, tags: readonly TTag[]): Promise<void> => {
  await q(db).deleteFrom('cms_news_tag').where('article_id', '=', articleId).execute();
  if (tags.length > 0) {
    await q(db)
      .insertInto('cms_news_tag')
      .values(tags.map((t) => ({ article_id: articleId, tag: t.key, label_en: t.en, label_zh: t.zh })))
      .execute();
  }
};

/** The content of one revision by its id (e.g. the live one). */
export const revisionContent = async (db: Db, id: number): Promise<TNewsContent | undefined> =>
  (await revisionById(db, id))?.content;

export type TEditorialRow = Readonly<{
  id: number;
  slug: string;
  state: TNewsState;
  title: { en: string | null; zh: string | null };
  category: TNewsCategory;
  live: boolean;
  scheduledAt: string | null;
  changedAt: string;
}>;

/** Articles for the editors' list, most recently changed first. */
export const listEditorial = async (
  db: Db,
  state: TNewsState | undefined,
  limit: number,
  offset: number,
): Promise<{ rows: TEditorialRow[]; total: number; counts: Record<string, number> }> => {
  let query = q(db)
    .selectFrom('cms_news_article')
    .innerJoin('cms_news_revision', 'cms_news_revision.id', 'cms_news_article.head_revision_id');
  if (state) query = query.where('cms_news_article.state', '=', state);
  const rows = await query
    .select([
      'cms_news_article.id',
      'cms_news_article.slug',
      'cms_news_article.state',
      'cms_news_article.live_revision_id',
      'cms_news_article.scheduled_at',
      'cms_news_revision.content',
      'cms_news_revision.created_at',
    ])
    .orderBy('cms_news_revision.created_at', 'desc')
    .orderBy('cms_news_article.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  const grouped = await q(db)
    .selectFrom('cms_news_article')
    .select((eb) => ['state', eb.fn.countAll<number>().as('n')])
    .groupBy('state')
    .execute();
  const counts: Record<string, number> = {};
  for (const g of grouped) counts[g.state] = Number(g.n);
  const total = state ? (counts[state] ?? 0) : Object.values(counts).reduce((a, b) => a + b, 0);
  return {
    total,
    counts,
    rows: rows.map((r) => {
      const c = JSON.parse(r.content) as TNewsContent;
      return {
        id: r.id,
        slug: r.slug,
        state: r.state as TNewsState,
        title: c.title,
        category: c.category,
        live: r.live_revision_id !== null,
        scheduledAt: r.scheduled_at,
        changedAt: r.created_at,
      };
    }),
  };
};

/** Every revision of an article, newest first. */
export const listRevisions = async (db: Db, articleId: number): Promise<TRevision[]> =>
  (
    await q(db)
      .selectFrom('cms_news_revision')
      .selectAll()
      .where('article_id', '=', articleId)
      .orderBy('number', 'desc')
      .execute()
  ).map(toRevision);

export const findRevision = async (
  db: Db,
  articleId: number,
  number: number,
): Promise<TRevision | undefined> => {
  const r = await q(db)
    .selectFrom('cms_news_revision')
    .selectAll()
    .where('article_id', '=', articleId)
    .where('number', '=', number)
    .executeTakeFirst();
  return r ? toRevision(r) : undefined;
};

/** Scheduled articles whose time has come. */
export const dueScheduled = async (db: Db, at: string): Promise<number[]> =>
  (
    await q(db)
      .selectFrom('cms_news_article')
      .select('id')
      .where('state', '=', 'scheduled')
      .where('scheduled_at', '<=', at)
      .orderBy('scheduled_at')
      .execute()
  ).map((r) => r.id);

/** Marks an article as demo content (the seed loader). */
export const markDemo = async (db: Db, id: number): Promise<void> => {
  await q(db).updateTable('cms_news_article').set({ is_demo: 1 }).where('id', '=', id).execute();
};
