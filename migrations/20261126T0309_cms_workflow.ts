import { type Kysely, sql } from 'kysely';
import { idColumn } from '../src/platform/db/schema.ts';

// Frozen once merged: change the schema with a new migration.
//
// The editorial workflow (ADR 0007). `cms_news_article` stays the public copy of each article — what
// readers, feeds and the sitemap read — and gains the workflow state; every save of the text is a row of
// `cms_news_revision`, whose JSON `content` holds the whole article as the editor left it. Publishing
// copies a revision into the public columns; `live_revision_id` says which one (NULL: nothing public).
// Tags of the public copy are rows of `cms_news_tag`, for filtering.
export const up = async (db: Kysely<any>): Promise<void> => {
  const columns: [string, string, boolean][] = [
    // draft | review | scheduled | published | archived
    ['state', 'varchar(12)', true],
    ['live_revision_id', 'integer', false],
    ['head_revision_id', 'integer', false],
    ['scheduled_at', 'varchar(32)', false],
    ['submitted_by', 'integer', false],
    ['created_by', 'integer', false],
    ['author_en', 'text', false],
    ['author_zh', 'text', false],
    // JSON array of indicator codes the article cites.
    ['figures', 'text', false],
    ['archived_at', 'varchar(32)', false],
    ['unpublished_at', 'varchar(32)', false],
    ['unpublished_reason', 'text', false],
  ];
  for (const [name, type, notNull] of columns) {
    await db.schema
      .alterTable('cms_news_article')
      .addColumn(name, type as 'text', (c) => (notNull ? c.notNull().defaultTo('draft') : c))
      .execute();
  }

  await db.schema
    .createTable('cms_news_revision')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('cms_news_article.id').onDelete('cascade'),
    )
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('author_id', 'integer')
    .addColumn('note', 'text')
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    // When this revision went live (NULL: never).
    .addColumn('published_at', 'varchar(32)')
    .addUniqueConstraint('cms_news_revision_number_uq', ['article_id', 'number'])
    .execute();

  await db.schema
    .createTable('cms_news_tag')
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('cms_news_article.id').onDelete('cascade'),
    )
    .addColumn('tag', 'varchar(80)', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('label_zh', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('cms_news_tag_pk', ['article_id', 'tag'])
    .execute();
  await db.schema
    .createIndex('cms_news_tag_tag_idx')
    .on('cms_news_tag')
    .columns(['tag', 'article_id'])
    .execute();
  await db.schema
    .createIndex('cms_news_article_state_idx')
    .on('cms_news_article')
    .columns(['state', 'scheduled_at'])
    .execute();
  // Readers only ever ask for listed articles (a live revision, not archived): partial indexes over just
  // those rows keep counts, year lists and filtered pages off the wide text columns. The repo writes the
  // same predicate literally, so both engines can match it to these indexes.
  await sql`create index cms_news_article_listed_idx on cms_news_article (published_at, id) where live_revision_id is not null and state <> 'archived'`.execute(
    db,
  );
  await sql`create index cms_news_article_listed_category_idx on cms_news_article (category, published_at, id) where live_revision_id is not null and state <> 'archived'`.execute(
    db,
  );

  // Articles from before the workflow become revision 1, published as they were.
  const rows = await db.selectFrom('cms_news_article').selectAll().execute();
  for (const r of rows) {
    const content = {
      category: r.category,
      title: { en: r.title_en, zh: r.title_zh },
      summary: { en: r.summary_en, zh: r.summary_zh },
      body: { en: r.body_en, zh: r.body_zh },
      tags: [],
      source: { en: r.source_name_en, zh: r.source_name_zh, url: r.source_url },
      author: { en: null, zh: null },
      figures: [],
    };
    const rev = await db
      .insertInto('cms_news_revision')
      .values({
        article_id: r.id,
        number: 1,
        author_id: null,
        note: null,
        content: JSON.stringify(content),
        created_at: r.updated_at,
        published_at: r.updated_at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('cms_news_article')
      .set({ state: 'published', live_revision_id: rev.id, head_revision_id: rev.id, figures: '[]' })
      .where('id', '=', r.id)
      .execute();
  }
};
