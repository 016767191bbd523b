import type { Kysely } from 'kysely';

// Frozen once merged: change the schema with a new migration.
// Bulk loads (ADR 0012): a large import drops the registry table's secondary indexes and, on SQLite, the
// triggers that keep the full-text index in step, then rebuilds them once at the end. Their definitions
// wait here meanwhile, written in the same transaction that drops them, so an import killed half-way
// leaves behind exactly what must be restored (by the rerun, `ecosphere directory reindex`, or any later
// import).
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('directory_bulk_index')
    .addColumn('name', 'varchar(200)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .execute();
};
