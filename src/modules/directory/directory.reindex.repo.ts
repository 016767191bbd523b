import type { Kysely } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { nameKey, nameKeyZh } from '../../platform/search/name-key.ts';
import { searchTextOf } from './directory.registry.content.ts';
import { nextSeq } from './directory.registry.repo.ts';
import type { DirectoryTables } from './directory.tables.ts';

// `directory reindex`: the search column and name keys recomputed from the stored names, summaries and
// cities, a page of records at a time.

const q = (db: Db) => db as unknown as Kysely<DirectoryTables>;

/**
 * Recomputes the search column and the name keys of up to `limit` records after `afterId` (in id order),
 * writing only those that differ, all with one new change sequence number. For `directory reindex`.
 */
export const reindexAfter = async (
  db: Db,
  afterId: number,
  limit: number,
): Promise<{ lastId: number | null; scanned: number; changed: number }> => {
  const rows = await q(db)
    .selectFrom('directory_organization')
    .select([
      'id',
      'name_en',
      'name_zh',
      'acronym',
      'aliases',
      'summary_en',
      'summary_zh',
      'city_en',
      'city_zh',
      'search_text',
      'name_key',
      'name_key_zh',
    ])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  let seq: number | undefined;
  let changed = 0;
  for (const r of rows) {
    let aliases: string[] = [];
    try {
      const parsed = r.aliases ? JSON.parse(r.aliases) : [];
      if (Array.isArray(parsed)) aliases = parsed.filter((a): a is string => typeof a === 'string');
    } catch {
      // A hand-edited aliases column that is not JSON: index the names without it.
    }
    const next = {
      search_text: searchTextOf({
        nameEn: r.name_en,
        nameZh: r.name_zh,
        acronym: r.acronym,
        aliases,
        summaryEn: r.summary_en,
        summaryZh: r.summary_zh,
        cityEn: r.city_en,
        cityZh: r.city_zh,
      }),
      name_key: nameKey(r.name_en),
      name_key_zh: nameKeyZh(r.name_zh),
    };
    if (
      next.search_text === r.search_text &&
      next.name_key === (r.name_key ?? null) &&
      next.name_key_zh === (r.name_key_zh ?? null)
    )
      continue;
    seq ??= await nextSeq(db);
    await q(db)
      .updateTable('directory_organization')
      .set({ ...next, seq })
      .where('id', '=', Number(r.id))
      .execute();
    changed++;
  }
  const last = rows[rows.length - 1];
  return { lastId: last ? Number(last.id) : null, scanned: rows.length, changed };
};
