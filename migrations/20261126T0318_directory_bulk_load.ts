import { type Kysely, sql } from 'kysely';
import { engineOf } from '../src/platform/db/schema.ts';

// Frozen once merged: change the schema with a new migration.
// Bulk loads (ADR 0012): a large import drops the registry table's secondary indexes and, on SQLite, the
// triggers that keep the full-text index in step, then rebuilds them once at the end. Their definitions
// wait here meanwhile, written in the same transaction that drops them, so an import killed half-way
// leaves behind exactly what must be restored (by the rerun, `ecosphere directory reindex`, or any later
// import).
// The name order (ADR 0008) is code point order: PostgreSQL sorts by it with COLLATE "C", which the
// (name, id) indexes in the database's collation cannot serve; these two let building the order read an
// index instead of sorting the table (SQLite's BINARY indexes already are in that order).
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('directory_bulk_index')
    .addColumn('name', 'varchar(200)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .execute();
  if (engineOf(db) === 'postgres') {
    for (const column of ['name_en', 'name_zh']) {
      await sql`create index ${sql.id(`directory_organization_${column}_c_idx`)}
        on directory_organization (${sql.id(column)} collate "C", id)`.execute(db);
    }
  }
};
