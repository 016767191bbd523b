import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import type { TLogger } from '../log.ts';
import type { Db } from './database.ts';
import { engineOf, nowIso } from './schema.ts';

export type TMigration = Readonly<{ name: string; up: (db: Db) => Promise<void> }>;
export type TMigrationStep = Readonly<{ name: string; status: 'applied' | 'failed' | 'rolled back' }>;
export type TMigrationResult = Readonly<{ applied: string[]; pending: number; error?: Error }>;

const TABLE = 'ecosphere_migration';
const NAME = /^\d{8}T\d{4}_[a-z0-9]+_[a-z0-9_]+\.ts$/;
// Any constant shared by all instances: the lock serialises concurrent starts on PostgreSQL.
const PG_LOCK_KEY = 720_531_001;

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations/', import.meta.url));

/** Loads `<YYYYMMDDTHHmm>_<module>_<change>.ts` files from a folder, in name order. */
export const loadMigrations = async (dir: string = MIGRATIONS_DIR): Promise<TMigration[]> => {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort();
  const bad = files.filter((f) => !NAME.test(f));
  if (bad.length > 0)
    throw new Error(`Migration files must be named <YYYYMMDDTHHmm>_<module>_<change>.ts: ${bad.join(', ')}`);
  const out: TMigration[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(`${dir}/${file}`).href)) as { up?: TMigration['up'] };
    if (typeof mod.up !== 'function') throw new Error(`Migration ${file} exports no up()`);
    out.push({ name: file.replace(/\.ts$/, ''), up: mod.up });
  }
  return out;
};

const ensureTable = async (db: Db) => {
  await db.schema
    .createTable(TABLE)
    .ifNotExists()
    .addColumn('name', 'varchar(200)', (c) => c.primaryKey())
    .addColumn('applied_at', 'varchar(32)', (c) => c.notNull())
    .execute();
};

/** Names of the migrations already applied, in order. */
export const appliedMigrations = async (db: Db): Promise<string[]> => {
  await ensureTable(db);
  const rows = await db.selectFrom(TABLE).select('name').orderBy('name').execute();
  return rows.map((r) => r.name as string);
};

/**
 * Runs `fn` in one transaction that holds the migration lock: on PostgreSQL an advisory lock (instances
 * that start together migrate one at a time); on SQLite `BEGIN IMMEDIATE`, which takes the write lock
 * up front so a second process waits (busy timeout) instead of deadlocking on a lock upgrade.
 */
const inMigrationLock = async (db: Db, fn: (trx: Db) => Promise<void>): Promise<void> => {
  if (engineOf(db) === 'postgres') {
    await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${PG_LOCK_KEY})`.execute(trx);
      await fn(trx);
    });
    return;
  }
  await db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      await fn(conn);
    } catch (err) {
      await sql`rollback`.execute(conn);
      throw err;
    }
    await sql`commit`.execute(conn);
  });
};

/**
 * Applies every pending migration inside one transaction: all of them land, or on the first failure
 * the database is left exactly as it was. `onStep` reports each migration as it goes.
 */
export const migrateToLatest = async (
  db: Db,
  migrations: TMigration[],
  onStep: (step: TMigrationStep) => void = () => {},
): Promise<TMigrationResult> => {
  const applied: string[] = [];
  let pendingCount = 0;
  try {
    await inMigrationLock(db, async (trx) => {
      const done = new Set(await appliedMigrations(trx));
      const known = new Set(migrations.map((m) => m.name));
      const unknown = [...done].filter((n) => !known.has(n));
      if (unknown.length > 0) {
        throw new Error(`The database has migrations this version does not know: ${unknown.join(', ')}`);
      }
      const pending = migrations.filter((m) => !done.has(m.name));
      pendingCount = pending.length;
      for (const m of pending) {
        try {
          await m.up(trx);
        } catch (err) {
          onStep({ name: m.name, status: 'failed' });
          throw new Error(`Migration ${m.name} failed: ${(err as Error).message}`, { cause: err });
        }
        await trx.insertInto(TABLE).values({ name: m.name, applied_at: nowIso() }).execute();
        applied.push(m.name);
        onStep({ name: m.name, status: 'applied' });
      }
    });
  } catch (err) {
    for (const name of applied) onStep({ name, status: 'rolled back' });
    return { applied: [], pending: pendingCount, error: err as Error };
  }
  return { applied, pending: 0 };
};

/**
 * Applies every pending migration from the migrations folder, logging each step; throws the failure.
 * Returns the names applied.
 */
export const migrate = async (database: { readonly db: Db }, log: TLogger): Promise<string[]> => {
  const result = await migrateToLatest(database.db, await loadMigrations(), (step) =>
    log.info(`migration ${step.status}`, { migration: step.name }),
  );
  if (result.error) throw result.error;
  return result.applied;
};
