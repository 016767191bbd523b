import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { TDatabaseConfig } from '../../config.ts';

// Every module types its own tables; the shared handle is untyped and each repo narrows it.
export type Db = Kysely<any>;
export type TEngine = 'sqlite' | 'postgres';
export type TDatabase = Readonly<{ db: Db; engine: TEngine; describe: string; close: () => Promise<void> }>;

/** The database could not be opened; the message names the target and the reason. */
export class DatabaseOpenError extends Error {
  constructor(target: string, reason: string) {
    super(`Cannot open the database at ${target}: ${reason}`);
    this.name = 'DatabaseOpenError';
  }
}

// pg returns int8 (count(*), sums) as strings; our counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));

const redactUrl = (url: string): string => {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
};

/**
 * better-sqlite3 behind a cache of prepared statements. Kysely prepares every query afresh, and for the
 * small indexed lookups every request makes (the session check) preparing costs more than running.
 * A statement still being iterated is never handed out twice: a busy one gets a fresh copy.
 */
const withStatementCache = (handle: SQLite.Database, max = 500) => {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      cache.clear();
      handle.close();
    },
    prepare: (text: string): SQLite.Statement => {
      const hit = cache.get(text);
      if (hit && !hit.busy) return hit;
      const statement = handle.prepare(text);
      if (!hit) {
        cache.set(text, statement);
        if (cache.size > max) cache.delete(cache.keys().next().value as string);
      }
      return statement;
    },
  };
};

const openSqlite = (path: string): TDatabase => {
  let handle: SQLite.Database;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    handle = new SQLite(path, { timeout: 5000 });
    handle.pragma('journal_mode = WAL');
    handle.pragma('foreign_keys = ON');
    handle.pragma('synchronous = NORMAL');
    handle.pragma('busy_timeout = 5000');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason =
      code === 'EEXIST' || code === 'ENOTDIR'
        ? `a part of the folder path is a file, not a folder (${(err as Error).message})`
        : (err as Error).message;
    throw new DatabaseOpenError(path, reason);
  }
  const db: Db = new Kysely<any>({ dialect: new SqliteDialect({ database: withStatementCache(handle) }) });
  return Object.freeze({
    db,
    engine: 'sqlite' as const,
    describe: `SQLite ${path}`,
    close: () => db.destroy(),
  });
};

const openPostgres = async (url: string): Promise<TDatabase> => {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
  // An idle client that errors (server restart) must not crash the process.
  pool.on('error', () => {});
  const db: Db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`select 1`.execute(db);
  } catch (err) {
    await db.destroy().catch(() => {});
    throw new DatabaseOpenError(redactUrl(url), (err as Error).message || String(err));
  }
  return Object.freeze({
    db,
    engine: 'postgres' as const,
    describe: `PostgreSQL ${redactUrl(url)}`,
    close: () => db.destroy(),
  });
};

/** Opens SQLite (WAL, foreign keys, busy timeout) or a PostgreSQL pool, and checks that it answers. */
export const openDatabase = async (config: TDatabaseConfig): Promise<TDatabase> => {
  if (config.engine === 'postgres') return openPostgres(config.url);
  const opened = openSqlite(config.path);
  try {
    await sql`select 1`.execute(opened.db);
  } catch (err) {
    await opened.close().catch(() => {});
    throw new DatabaseOpenError(config.path, (err as Error).message);
  }
  return opened;
};

/** True when the database answers a trivial query. */
export const pingDatabase = async (db: Db): Promise<boolean> => {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
};
