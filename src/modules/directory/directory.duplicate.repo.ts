import { type Kysely, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { DirectoryTables, OrganizationTable } from './directory.tables.ts';

// Queries behind duplicate suggestions and merges: the records read in name-key order (keyset pages), the
// groups sharing a website domain, the suggestions themselves, and the moves a merge makes.

const q = (db: Db) => db as unknown as Kysely<DirectoryTables>;

/** What duplicate detection reads of a record. */
export type TDupCandidate = Readonly<{
  id: number;
  kind: string;
  key: string;
  domain: string | null;
  nameKey: string | null;
  nameKeyZh: string | null;
  city: string | null;
  country: string | null;
  source: string;
  seq: number;
}>;

const COLUMNS = [
  'id',
  'kind',
  'domain',
  'name_key',
  'name_key_zh',
  'city_en',
  'country_code',
  'source_kind',
  'seq',
] as const;
type TRow = Pick<OrganizationTable, (typeof COLUMNS)[number]>;
const toCandidate = (r: TRow, key: string): TDupCandidate => ({
  id: Number(r.id),
  kind: r.kind,
  key,
  domain: r.domain,
  nameKey: r.name_key,
  nameKeyZh: r.name_key_zh,
  city: r.city_en?.toLowerCase() ?? null,
  country: r.country_code,
  source: r.source_kind,
  seq: Number(r.seq),
});

/** One page of active records in (key, id) order after the given position; uses the key's index. */
export const pageByKey = async (
  db: Db,
  column: 'name_key' | 'name_key_zh',
  after: Readonly<{ key: string; id: number }> | null,
  limit: number,
): Promise<TDupCandidate[]> => {
  let s = q(db)
    .selectFrom('directory_organization')
    .select(COLUMNS)
    .where(column, 'is not', null)
    .where('status', '=', 'active');
  if (after) {
    s = s.where((eb) =>
      eb.or([eb(column, '>', after.key), eb.and([eb(column, '=', after.key), eb('id', '>', after.id)])]),
    );
  }
  const rows = await s.orderBy(column).orderBy('id').limit(limit).execute();
  return rows.map((r) => toCandidate(r, r[column] as string));
};

/**
 * Active records of the website domains that 2..maxGroup active records share (bigger groups are hosting
 * services, not one organisation), where one of them changed after `sinceSeq`.
 */
export const sharedDomainRecords = async (
  db: Db,
  sinceSeq: number,
  maxGroup: number,
): Promise<TDupCandidate[]> => {
  const domains = (
    await q(db)
      .selectFrom('directory_organization')
      .select('domain')
      .where('domain', 'is not', null)
      .where('status', '=', 'active')
      .groupBy('domain')
      .having(sql`count(*)`, '>=', 2)
      .having(sql`count(*)`, '<=', maxGroup)
      .having(sql`max(seq)`, '>', sinceSeq)
      .execute()
  ).map((r) => r.domain as string);
  const out: TDupCandidate[] = [];
  for (let i = 0; i < domains.length; i += 500) {
    const rows = await q(db)
      .selectFrom('directory_organization')
      .select(COLUMNS)
      .where('domain', 'in', domains.slice(i, i + 500))
      .where('status', '=', 'active')
      .orderBy('domain')
      .orderBy('id')
      .execute();
    out.push(...rows.map((r) => toCandidate(r, r.domain as string)));
  }
  return out;
};

/** Active records changed after `sinceSeq` (by the seq index), at most `limit`. */
export const changedSince = async (db: Db, sinceSeq: number, limit: number): Promise<TDupCandidate[]> =>
  (
    await q(db)
      .selectFrom('directory_organization')
      .select(COLUMNS)
      .where('seq', '>', sinceSeq)
      .where('status', '=', 'active')
      .limit(limit)
      .execute()
  ).map((r) => toCandidate(r, ''));

/** Active records whose key is one of `keys`. */
export const withKeys = async (
  db: Db,
  column: 'name_key' | 'name_key_zh',
  keys: readonly string[],
): Promise<TDupCandidate[]> => {
  const out: TDupCandidate[] = [];
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await q(db)
      .selectFrom('directory_organization')
      .select(COLUMNS)
      .where(column, 'in', keys.slice(i, i + 500))
      .where('status', '=', 'active')
      .execute();
    out.push(...rows.map((r) => toCandidate(r, r[column] as string)));
  }
  return out;
};

/** The `limit` active records just before or just after a key in key order (by the key's index). */
export const besideKey = async (
  db: Db,
  column: 'name_key' | 'name_key_zh',
  key: string,
  side: 'before' | 'after',
  limit: number,
): Promise<TDupCandidate[]> => {
  const rows = await q(db)
    .selectFrom('directory_organization')
    .select(COLUMNS)
    .where(column, side === 'before' ? '<' : '>', key)
    .where('status', '=', 'active')
    .orderBy(column, side === 'before' ? 'desc' : 'asc')
    .limit(limit)
    .execute();
  return rows.map((r) => toCandidate(r, r[column] as string));
};

/** Active records of those of `domains` that 2..maxGroup active records share. */
export const recordsSharingDomains = async (
  db: Db,
  domains: readonly string[],
  maxGroup: number,
): Promise<TDupCandidate[]> => {
  const out: TDupCandidate[] = [];
  for (let i = 0; i < domains.length; i += 500) {
    const shared = (
      await q(db)
        .selectFrom('directory_organization')
        .select('domain')
        .where('domain', 'in', domains.slice(i, i + 500))
        .where('status', '=', 'active')
        .groupBy('domain')
        .having(sql`count(*)`, '>=', 2)
        .having(sql`count(*)`, '<=', maxGroup)
        .execute()
    ).map((r) => r.domain as string);
    if (shared.length === 0) continue;
    const rows = await q(db)
      .selectFrom('directory_organization')
      .select(COLUMNS)
      .where('domain', 'in', shared)
      .where('status', '=', 'active')
      .execute();
    out.push(...rows.map((r) => toCandidate(r, r.domain as string)));
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id - b.id));
};

export type TPair = Readonly<{ a: number; b: number; reason: 'same_domain' | 'similar_name'; score: number }>;

/** Stores new suggestions (a_id < b_id); a pair already suggested (or decided) stays as it is. */
export const insertPairs = async (db: Db, pairs: readonly TPair[], now: string): Promise<number> => {
  let added = 0;
  for (let i = 0; i < pairs.length; i += 300) {
    const r = await q(db)
      .insertInto('directory_duplicate')
      .values(
        pairs.slice(i, i + 300).map((p) => ({
          a_id: Math.min(p.a, p.b),
          b_id: Math.max(p.a, p.b),
          reason: p.reason,
          score: p.score,
          status: 'open',
          created_at: now,
        })) as never,
      )
      .onConflict((oc) => oc.columns(['a_id', 'b_id']).doNothing())
      .executeTakeFirst();
    added += Number(r.numInsertedOrUpdatedRows ?? 0);
  }
  return added;
};
