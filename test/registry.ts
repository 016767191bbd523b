import { type Kysely, sql } from 'kysely';
import { expect } from 'vitest';
import type { TTestApp } from './app.ts';

// What the directory tests read back from the registry beyond its pages: the table's indexes (a bulk
// load drops and restores them, ADR 0012) and how many records a reader finds by words.

/** Names of directory_organization's indexes (and, on SQLite, its triggers) as they stand now. */
export const registryIndexes = async (t: TTestApp): Promise<string[]> => {
  const db = t.deps.db as Kysely<unknown>;
  const rows = t.testDb.url.startsWith('postgres')
    ? await sql<{ name: string }>`select indexname as name from pg_indexes
        where tablename = 'directory_organization' and schemaname = current_schema()`.execute(db)
    : await sql<{ name: string }>`select name from sqlite_master
        where tbl_name = 'directory_organization' and type in ('index', 'trigger') and sql is not null`.execute(
        db,
      );
  return rows.rows.map((r) => r.name).sort();
};

/** The API's total for a query: how many records a reader finds by these words. */
export const foundByWords = async (t: TTestApp, q: string): Promise<number> => {
  const res = await t.app.request(`/api/v1/organizations?q=${encodeURIComponent(q)}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { total: number }).total;
};
