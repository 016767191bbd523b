import { type ColumnDefinitionBuilder, PostgresAdapter } from 'kysely';
import type { Db } from './database.ts';

/** Which engine a Kysely handle talks to (migrations branch on it for the few types that differ). */
export const engineOf = (db: Db): 'sqlite' | 'postgres' =>
  db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';

/** An auto-numbered integer primary key on both engines. */
export const idColumn =
  (db: Db) =>
  (col: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    engineOf(db) === 'postgres'
      ? col.primaryKey().generatedByDefaultAsIdentity()
      : col.primaryKey().autoIncrement();

/** Current time as an ISO-8601 UTC string: the one timestamp format stored on both engines. */
export const nowIso = (): string => new Date().toISOString();
