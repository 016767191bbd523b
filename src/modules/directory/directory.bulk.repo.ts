import { type Kysely, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { engineOf } from '../../platform/db/schema.ts';

// Bulk loads (ADR 0012). Every row written to directory_organization updates nine secondary indexes
// and, on SQLite, the full-text index through triggers: in a profile of the ROR import, most of the
// database's share of the time. A large import drops them for its duration and rebuilds them once at the
// end: building an index from the full table, or an FTS5 'rebuild', costs a fraction of as many row-by-row
// updates.
// The definitions are saved in directory_bulk_index in the same transaction that drops them, so a load
// killed half-way leaves a record of what to restore; any later import (the rerun first of all) continues
// in bulk mode and restores them when it ends, and `ecosphere directory reindex` restores them too.
// While a load runs, searches still answer (the table's primary and unique keys stay), but more slowly,
// and records the load has written are not found by words until it ends.

type Tables = {
  directory_bulk_index: { name: string; kind: 'index' | 'trigger'; definition: string };
  directory_counter: { name: string; value: number };
};
const q = (db: Db) => db as unknown as Kysely<Tables>;

const TABLE = 'directory_organization';
/** On SQLite, the triggers that keep the external-content FTS5 index in step with the table. */
const FTS_TRIGGER = /^directory_organization_fts_/;
/**
 * Kept: every search's refresh of the facet index, the term cache and the name order reads the rows
 * changed since a change number through it (a full scan without it: seconds at a million rows), and it
 * only ever grows at its end, which costs little.
 */
const KEPT = new Set(['directory_organization_seq_idx']);

type TDefinition = { name: string; kind: 'index' | 'trigger'; definition: string };

/** What a bulk load drops: secondary indexes (not primary or unique keys) and, on SQLite, FTS triggers. */
const droppable = async (db: Db): Promise<TDefinition[]> => {
  if (engineOf(db) === 'postgres') {
    const { rows } = await sql<{ name: string; definition: string }>`
      select i.indexname as name, i.indexdef as definition
      from pg_indexes i
      where i.schemaname = current_schema() and i.tablename = ${TABLE}
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)
        and not exists (
          select 1 from pg_index x join pg_class k on k.oid = x.indexrelid
          where k.relname = i.indexname and x.indisunique
        )
      order by i.indexname`.execute(db);
    return rows
      .filter((r) => !KEPT.has(r.name))
      .map((r) => ({ name: r.name, kind: 'index', definition: r.definition }));
  }
  const { rows } = await sql<{ name: string; type: string; definition: string | null }>`
    select name, type, sql as definition from sqlite_master
    where tbl_name = ${TABLE} and type in ('index', 'trigger') and sql is not null
    order by type, name`.execute(db);
  return rows
    .filter((r) => r.definition !== null && !KEPT.has(r.name))
    .filter((r) =>
      r.type === 'index' ? !/^\s*create\s+unique/i.test(r.definition as string) : FTS_TRIGGER.test(r.name),
    )
    .map((r) => ({ name: r.name, kind: r.type as 'index' | 'trigger', definition: r.definition as string }));
};

/** Whether a bulk load is under way (or was interrupted and not yet restored). */
export const bulkLoadPending = async (db: Db): Promise<boolean> =>
  (await q(db).selectFrom('directory_bulk_index').select('name').limit(1).executeTakeFirst()) !== undefined;

/**
 * Starts a bulk load: saves and drops the droppable indexes and triggers. Run it inside a transaction.
 * Does nothing when a load is already pending (its saved definitions stay the ones to restore).
 */
export const beginBulkLoad = async (trx: Db): Promise<void> => {
  if (await bulkLoadPending(trx)) return;
  const defs = await droppable(trx);
  if (defs.length === 0) return;
  await q(trx).insertInto('directory_bulk_index').values(defs).execute();
  // Searches read this with the change number: while it is set they cache no hits from the full-text
  // index, which lacks the load's records (SQLite: its triggers are off; on PostgreSQL the search reads
  // the table's own column, without the dropped index, so its hits stay whole).
  if (defs.some((d) => d.kind === 'trigger'))
    await q(trx)
      .insertInto('directory_counter')
      .values({ name: 'bulk', value: 1 })
      .onConflict((oc) => oc.column('name').doUpdateSet({ value: 1 }))
      .execute();
  for (const d of defs) {
    if (d.kind === 'trigger') await sql`drop trigger if exists ${sql.id(d.name)}`.execute(trx);
    else await sql`drop index if exists ${sql.id(d.name)}`.execute(trx);
  }
};

/**
 * Ends a bulk load: recreates the saved indexes and triggers, rebuilds the full-text index when its
 * triggers were off, and forgets the definitions, all in one transaction (on SQLite and PostgreSQL both
 * DDL is transactional: a crash here leaves the load pending, never half restored). Returns whether
 * there was anything to restore.
 */
export const endBulkLoad = async (db: Db): Promise<boolean> => {
  if (!(await bulkLoadPending(db))) return false;
  await db.transaction().execute(async (trx) => {
    // Two imports ending at once: on PostgreSQL the second waits here, then finds nothing left (SQLite
    // has one writer at a time anyway).
    const saved = q(trx).selectFrom('directory_bulk_index').selectAll().orderBy('name');
    const defs = await (engineOf(trx) === 'postgres' ? saved.forUpdate() : saved).execute();
    if (defs.length === 0) return;
    for (const d of defs) {
      if (d.kind === 'index') await sql.raw(d.definition).execute(trx);
    }
    if (defs.some((d) => d.kind === 'trigger')) {
      await sql`insert into directory_organization_fts(directory_organization_fts) values ('rebuild')`.execute(
        trx,
      );
      for (const d of defs) if (d.kind === 'trigger') await sql.raw(d.definition).execute(trx);
    }
    await q(trx).deleteFrom('directory_bulk_index').execute();
    await q(trx).updateTable('directory_counter').set({ value: 0 }).where('name', '=', 'bulk').execute();
  });
  // PostgreSQL plans by statistics, which a bulk load leaves behind; SQLite keeps none unless asked.
  if (engineOf(db) === 'postgres') await sql`analyze directory_organization`.execute(db);
  return true;
};

/** Rows in the registry table (all statuses): what a bulk load's rebuild has to read again. */
export const registrySize = async (db: Db): Promise<number> => {
  const row = await sql<{ n: number | string }>`select count(*) as n from directory_organization`.execute(db);
  return Number(row.rows[0]?.n ?? 0);
};
