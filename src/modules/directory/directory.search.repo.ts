import { type Kysely, sql } from 'kysely';
import type { Db, TEngine } from '../../platform/db/database.ts';
import { fts5Match, type TParsedQuery, tsQuery } from '../../platform/search/query.ts';

// Reads for search: full-text hit ids (the only engine-specific query, with the name order's collation),
// the facet columns and names of changed rows, candidate rows for ranking, and page rows. Ranking and
// facet counting happen in the service.

export type TFacetRow = Readonly<{
  id: number;
  kind: string;
  district: string | null;
  sector: string | null;
  level: string | null;
  founded_year: number | null;
  weight: number;
  status: string;
}>;

export type TRankRow = Readonly<{
  id: number;
  name_en: string;
  name_zh: string;
  acronym: string | null;
  aliases: string | null;
}>;

export type TListRow = TRankRow &
  Readonly<{
    summary_en: string | null;
    summary_zh: string | null;
    slug: string;
    kind: string;
    district: string | null;
    sector: string | null;
    level: string | null;
    founded_year: number | null;
    website: string | null;
    city_en: string | null;
    city_zh: string | null;
    country_code: string | null;
    certificate_no: string | null;
    certificate_valid_until: string | null;
    subtype: string | null;
    source_name_en: string;
    source_name_zh: string;
    source_kind: string;
    is_generated: number;
    confirmed_at: string | null;
    verified_at: string | null;
    updated_at: string;
  }>;

type Tables = {
  directory_organization: TListRow & {
    weight: number;
    status: string;
    seq: number;
    search_text: string;
  };
  directory_term: { term: string };
};
const q = (db: Db) => db as unknown as Kysely<Tables>;

/** Ids of every record whose search tokens match all terms of the query (any status). */
export const matchIds = async (db: Db, engine: TEngine, query: TParsedQuery): Promise<number[]> => {
  if (query.terms.length === 0) return [];
  if (engine === 'sqlite') {
    const r = await sql<{
      rowid: number;
    }>`select rowid from directory_organization_fts where directory_organization_fts match ${fts5Match(query)}`.execute(
      db,
    );
    return r.rows.map((x) => Number(x.rowid));
  }
  const r = await sql<{
    id: number;
  }>`select id from directory_organization where array_to_tsvector(string_to_array(search_text, ' ')) @@ ${tsQuery(query)}::tsquery`.execute(
    db,
  );
  return r.rows.map((x) => Number(x.id));
};

/** Facet columns of every record changed after `afterSeq` (all records for 0). */
export const facetRowsSince = async (db: Db, afterSeq: number): Promise<TFacetRow[]> =>
  (
    await q(db)
      .selectFrom('directory_organization')
      .select(['id', 'kind', 'district', 'sector', 'level', 'founded_year', 'weight', 'status'])
      .where('seq', '>', afterSeq)
      .execute()
  ).map((r) => ({ ...r, id: Number(r.id), weight: Number(r.weight) }));

/** Names, acronym and aliases of the given records, for ranking and name sorting. */
export const rankRows = async (db: Db, ids: readonly number[]): Promise<TRankRow[]> => {
  const out: TRankRow[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    const rows = await q(db)
      .selectFrom('directory_organization')
      .select(['id', 'name_en', 'name_zh', 'acronym', 'aliases'])
      .where('id', 'in', part)
      .execute();
    for (const r of rows) out.push({ ...r, id: Number(r.id) });
  }
  return out;
};

const LIST_COLUMNS = [
  'id',
  'slug',
  'kind',
  'name_en',
  'name_zh',
  'acronym',
  'aliases',
  'summary_en',
  'summary_zh',
  'district',
  'sector',
  'level',
  'founded_year',
  'website',
  'city_en',
  'city_zh',
  'country_code',
  'certificate_no',
  'certificate_valid_until',
  'subtype',
  'source_name_en',
  'source_name_zh',
  'source_kind',
  'is_generated',
  'confirmed_at',
  'verified_at',
  'updated_at',
] as const;

/** Rows for a page or an export chunk, returned in the order of `ids`. */
export const listRows = async (db: Db, ids: readonly number[]): Promise<TListRow[]> => {
  if (ids.length === 0) return [];
  const byId = new Map<number, TListRow>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await q(db)
      .selectFrom('directory_organization')
      .select([...LIST_COLUMNS])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) byId.set(Number(r.id), { ...r, id: Number(r.id) } as TListRow);
  }
  return ids.map((id) => byId.get(id)).filter((r): r is TListRow => r !== undefined);
};

export type TNameColumn = 'name_en' | 'name_zh';
export type TNameRow = Readonly<{ id: number; name: string; seq: number }>;

/**
 * Every record's id in name order: code point order of the name (UTF-8 byte order: SQLite's BINARY,
 * PostgreSQL's "C"), then id, so both engines give one order whatever the database's collation. On SQLite
 * this reads only the (name, id) index; PostgreSQL sorts, once per build of the in-memory name order.
 */
export const idsByName = async (db: Db, engine: TEngine, column: TNameColumn): Promise<Uint32Array> => {
  const rows = await q(db)
    .selectFrom('directory_organization')
    .select('id')
    .orderBy(engine === 'postgres' ? sql`${sql.ref(column)} collate "C"` : sql.ref(column))
    .orderBy('id')
    .execute();
  const ids = new Uint32Array(rows.length);
  for (let i = 0; i < rows.length; i++) ids[i] = Number((rows[i] as { id: number }).id);
  return ids;
};

/** One language's names of the given records, with their change sequence numbers (any order). */
export const namesOf = async (db: Db, column: TNameColumn, ids: readonly number[]): Promise<TNameRow[]> => {
  const out: TNameRow[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await q(db)
      .selectFrom('directory_organization')
      .select(['id', `${column} as name`, 'seq'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) out.push({ id: Number(r.id), name: String(r.name), seq: Number(r.seq) });
  }
  return out;
};

/** One language's names of records written after `afterSeq`, at most `limit`. */
export const namesSince = async (
  db: Db,
  column: TNameColumn,
  afterSeq: number,
  limit: number,
): Promise<TNameRow[]> =>
  (
    await q(db)
      .selectFrom('directory_organization')
      .select(['id', `${column} as name`, 'seq'])
      .where('seq', '>', afterSeq)
      .limit(limit)
      .execute()
  ).map((r) => ({ id: Number(r.id), name: String(r.name), seq: Number(r.seq) }));

/** The smallest string after every string starting with `prefix` (for index range scans). */
const prefixEnd = (prefix: string): string =>
  prefix.slice(0, -1) + String.fromCodePoint((prefix.codePointAt(prefix.length - 1) ?? 0) + 1);

/**
 * Name words of the registry starting with `prefix` (for "did you mean"), at most `limit`: a range scan of
 * the primary key. Words are lower-case letters and digits, which sort the same under any collation.
 */
export const termsWithPrefix = async (db: Db, prefix: string, limit: number): Promise<string[]> =>
  (
    await q(db)
      .selectFrom('directory_term')
      .select('term')
      .where('term', '>=', prefix)
      .where('term', '<', prefixEnd(prefix))
      .limit(limit)
      .execute()
  ).map((r) => r.term);

/** Whether a word is in the registry's name vocabulary (exactly, or as the start of one). */
export const hasTerm = async (db: Db, term: string, isPrefix: boolean): Promise<boolean> => {
  const query = q(db).selectFrom('directory_term').select('term');
  const row = await (isPrefix
    ? query.where('term', '>=', term).where('term', '<', prefixEnd(term))
    : query.where('term', '=', term)
  )
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
};

/** An active or merged record by slug or numeric id, with its external ids. */
export const recordByKey = async (
  db: Db,
  key: { slug: string } | { id: number },
): Promise<
  | {
      row: TListRow;
      status: string;
      mergedInto: number | null;
      externalIds: { scheme: string; value: string }[];
    }
  | undefined
> => {
  const base = (db as unknown as Kysely<Tables & { directory_organization: { merged_into: number | null } }>)
    .selectFrom('directory_organization')
    .select([...LIST_COLUMNS, 'status', 'merged_into']);
  const row = await ('slug' in key
    ? base.where('slug', '=', key.slug)
    : base.where('id', '=', key.id)
  ).executeTakeFirst();
  if (!row) return undefined;
  const ids = await (
    db as unknown as Kysely<{ directory_external_id: { scheme: string; value: string; org_id: number } }>
  )
    .selectFrom('directory_external_id')
    .select(['scheme', 'value'])
    .where('org_id', '=', Number(row.id))
    .orderBy('scheme')
    .orderBy('value')
    .execute();
  return {
    row: { ...row, id: Number(row.id) } as TListRow,
    status: row.status,
    mergedInto: row.merged_into === null ? null : Number(row.merged_into),
    externalIds: ids,
  };
};

/** Ids and search tokens of rows written after `afterSeq`, at most `limit` (to keep term caches exact). */
export const changedTokensSince = async (
  db: Db,
  afterSeq: number,
  limit: number,
): Promise<{ id: number; search_text: string }[]> =>
  (
    await q(db)
      .selectFrom('directory_organization')
      .select(['id', 'search_text'])
      .where('seq', '>', afterSeq)
      .limit(limit)
      .execute()
  ).map((r) => ({ id: Number(r.id), search_text: r.search_text }));
