import { type Generated, type Kysely, type Selectable, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { containsText } from '../../platform/db/like.ts';
import { type TUpsertOutcome, upsertByKey } from '../../platform/db/upsert.ts';
import type { TAudience, TAudienceLink, TBilingual, THelpEntry, THelpTopic } from './pages.schemas.ts';

type HelpEntryTable = {
  id: Generated<number>;
  slug: string;
  topic: string;
  question_en: string | null;
  question_zh: string | null;
  answer_en: string | null;
  answer_zh: string | null;
  position: number;
  is_published: number;
  search_text: string;
  created_at: string;
  updated_at: string;
};
type AudienceTable = {
  id: Generated<number>;
  audience: string;
  intro_en: string | null;
  intro_zh: string | null;
  created_at: string;
  updated_at: string;
};
type AudienceLinkTable = {
  id: Generated<number>;
  audience: string;
  position: number;
  target: string;
  title_en: string | null;
  title_zh: string | null;
  description_en: string | null;
  description_zh: string | null;
  created_at: string;
  updated_at: string;
};
type Tables = {
  pages_help_entry: HelpEntryTable;
  pages_audience: AudienceTable;
  pages_audience_link: AudienceLinkTable;
};
const q = (db: Db) => db as unknown as Kysely<Tables>;

const toEntry = (r: Selectable<HelpEntryTable>): THelpEntry => ({
  id: r.id,
  slug: r.slug,
  topic: r.topic as THelpTopic,
  question: { en: r.question_en, zh: r.question_zh },
  answer: { en: r.answer_en, zh: r.answer_zh },
  position: Number(r.position),
  isPublished: Number(r.is_published) === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toLink = (r: Selectable<AudienceLinkTable>): TAudienceLink => ({
  id: r.id,
  audience: r.audience as TAudience,
  position: Number(r.position),
  target: r.target,
  title: { en: r.title_en, zh: r.title_zh },
  description: { en: r.description_en, zh: r.description_zh },
  updatedAt: r.updated_at,
});

/** The stored columns of a help entry (what editors write, and the search text computed from it). */
export type THelpRow = Readonly<{
  slug: string;
  topic: THelpTopic;
  question_en: string | null;
  question_zh: string | null;
  answer_en: string | null;
  answer_zh: string | null;
  position: number;
  is_published: number;
  search_text: string;
}>;

// ---- Help entries ----

/** Help entries (only published ones unless told), by position within their topic. */
export const listHelpEntries = async (
  db: Db,
  opts: { publishedOnly: boolean; topic?: THelpTopic },
): Promise<THelpEntry[]> => {
  let query = q(db).selectFrom('pages_help_entry').selectAll();
  if (opts.publishedOnly) query = query.where('is_published', '=', 1);
  if (opts.topic) query = query.where('topic', '=', opts.topic);
  return (await query.orderBy('position').orderBy('id').execute()).map(toEntry);
};

/** Published entries whose questions or answers (either language) contain every term. */
export const searchHelpEntries = async (
  db: Db,
  terms: readonly string[],
  limit: number,
): Promise<THelpEntry[]> => {
  let query = q(db).selectFrom('pages_help_entry').selectAll().where('is_published', '=', 1);
  for (const term of terms) query = query.where(containsText('search_text', term));
  return (await query.orderBy('position').orderBy('id').limit(limit).execute()).map(toEntry);
};

export const findHelpBySlug = async (db: Db, slug: string): Promise<THelpEntry | undefined> => {
  const r = await q(db)
    .selectFrom('pages_help_entry')
    .selectAll()
    .where('slug', '=', slug)
    .executeTakeFirst();
  return r ? toEntry(r) : undefined;
};

export const findHelpById = async (db: Db, id: number): Promise<THelpEntry | undefined> => {
  const r = await q(db).selectFrom('pages_help_entry').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toEntry(r) : undefined;
};

/** The next free position at the end of a topic. */
export const nextHelpPosition = async (db: Db, topic: THelpTopic): Promise<number> => {
  const r = await q(db)
    .selectFrom('pages_help_entry')
    .select(sql<number | null>`max(position)`.as('m'))
    .where('topic', '=', topic)
    .executeTakeFirst();
  return r?.m === null || r?.m === undefined ? 1 : Number(r.m) + 1;
};

export const insertHelpEntry = async (db: Db, row: THelpRow, now: string): Promise<number> =>
  (
    await q(db)
      .insertInto('pages_help_entry')
      .values({ ...row, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;

export const updateHelpEntry = async (db: Db, id: number, row: Partial<THelpRow>, now: string) => {
  await q(db)
    .updateTable('pages_help_entry')
    .set({ ...row, updated_at: now })
    .where('id', '=', id)
    .execute();
};

export const deleteHelpEntry = async (db: Db, id: number) => {
  await q(db).deleteFrom('pages_help_entry').where('id', '=', id).execute();
};

/** Inserts or updates a demo entry by its slug; an identical entry is left alone. */
export const upsertHelpSeed = (db: Db, row: THelpRow): Promise<{ outcome: TUpsertOutcome; id: number }> => {
  const { slug, ...values } = row;
  return upsertByKey(db, 'pages_help_entry', { slug }, values);
};

// ---- Audience pages ----

export const findAudience = async (
  db: Db,
  audience: TAudience,
): Promise<{ intro: TBilingual; updatedAt: string } | undefined> => {
  const r = await q(db)
    .selectFrom('pages_audience')
    .selectAll()
    .where('audience', '=', audience)
    .executeTakeFirst();
  return r ? { intro: { en: r.intro_en, zh: r.intro_zh }, updatedAt: r.updated_at } : undefined;
};

/** When each audience page last changed, and how many links it has. */
export const audienceSummaries = async (
  db: Db,
): Promise<{ audience: string; updatedAt: string | null; links: number }[]> => {
  const [pages, counts] = await Promise.all([
    q(db).selectFrom('pages_audience').select(['audience', 'updated_at']).execute(),
    q(db)
      .selectFrom('pages_audience_link')
      .select(['audience', sql<number>`count(*)`.as('n')])
      .groupBy('audience')
      .execute(),
  ]);
  const byAudience = new Map(counts.map((c) => [c.audience, Number(c.n)]));
  return pages.map((p) => ({
    audience: p.audience,
    updatedAt: p.updated_at,
    links: byAudience.get(p.audience) ?? 0,
  }));
};

/**
 * Stores the intro (or, with `intro` undefined, only marks the page changed): the page's row is made
 * when it is first touched.
 */
export const touchAudience = async (db: Db, audience: TAudience, now: string, intro?: TBilingual) => {
  const existing = await q(db)
    .selectFrom('pages_audience')
    .select('id')
    .where('audience', '=', audience)
    .executeTakeFirst();
  const text = intro ? { intro_en: intro.en, intro_zh: intro.zh } : {};
  if (existing) {
    await q(db)
      .updateTable('pages_audience')
      .set({ ...text, updated_at: now })
      .where('id', '=', existing.id)
      .execute();
  } else {
    await q(db)
      .insertInto('pages_audience')
      .values({ audience, intro_en: null, intro_zh: null, ...text, created_at: now, updated_at: now })
      .execute();
  }
};

/** An audience page's links, in order. */
export const listLinks = async (db: Db, audience: TAudience): Promise<TAudienceLink[]> =>
  (
    await q(db)
      .selectFrom('pages_audience_link')
      .selectAll()
      .where('audience', '=', audience)
      .orderBy('position')
      .orderBy('id')
      .execute()
  ).map(toLink);

export const findLink = async (
  db: Db,
  audience: TAudience,
  id: number,
): Promise<TAudienceLink | undefined> => {
  const r = await q(db)
    .selectFrom('pages_audience_link')
    .selectAll()
    .where('audience', '=', audience)
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? toLink(r) : undefined;
};

/** The stored columns of a link. */
export type TLinkRow = Readonly<{
  target: string;
  title_en: string | null;
  title_zh: string | null;
  description_en: string | null;
  description_zh: string | null;
}>;

export const insertLink = async (
  db: Db,
  audience: TAudience,
  position: number,
  row: TLinkRow,
  now: string,
): Promise<number> =>
  (
    await q(db)
      .insertInto('pages_audience_link')
      .values({ audience, position, ...row, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;

export const updateLink = async (db: Db, id: number, row: Partial<TLinkRow>, now: string) => {
  await q(db)
    .updateTable('pages_audience_link')
    .set({ ...row, updated_at: now })
    .where('id', '=', id)
    .execute();
};

export const setLinkPosition = async (db: Db, id: number, position: number) => {
  await q(db).updateTable('pages_audience_link').set({ position }).where('id', '=', id).execute();
};

export const deleteLink = async (db: Db, id: number) => {
  await q(db).deleteFrom('pages_audience_link').where('id', '=', id).execute();
};

/** Inserts or updates a demo intro by audience. */
export const upsertAudienceSeed = (db: Db, audience: TAudience, intro: TBilingual) =>
  upsertByKey(db, 'pages_audience', { audience }, { intro_en: intro.en, intro_zh: intro.zh });

/** Inserts or updates a demo link by audience and target. */
export const upsertLinkSeed = (db: Db, audience: TAudience, position: number, row: TLinkRow) => {
  const { target, ...values } = row;
  return upsertByKey(db, 'pages_audience_link', { audience, target }, { position, ...values });
};
