import { type Kysely, sql } from 'kysely';
import { engineOf, idColumn } from '../src/platform/db/schema.ts';

// Frozen once merged: change the schema with a new migration.
// The audit log is append-only: a trigger refuses every UPDATE on both engines. Rows are deleted
// only by the retention purge (older than AUDIT_RETENTION_DAYS).
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('ecosphere_audit')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('action', 'varchar(80)', (c) => c.notNull())
    .addColumn('subject_type', 'varchar(40)', (c) => c.notNull())
    .addColumn('subject_id', 'varchar(80)')
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('request_id', 'varchar(80)')
    .addColumn('ip', 'varchar(64)')
    .execute();
  await db.schema.createIndex('ecosphere_audit_at_idx').on('ecosphere_audit').columns(['at']).execute();
  await db.schema
    .createIndex('ecosphere_audit_subject_idx')
    .on('ecosphere_audit')
    .columns(['subject_type', 'subject_id'])
    .execute();
  await db.schema
    .createIndex('ecosphere_audit_actor_idx')
    .on('ecosphere_audit')
    .columns(['actor_id', 'at'])
    .execute();
  if (engineOf(db) === 'postgres') {
    await sql`create function ecosphere_audit_append_only() returns trigger language plpgsql as $$
      begin raise exception 'ecosphere_audit is append-only'; end $$`.execute(db);
    await sql`create trigger ecosphere_audit_no_update before update on ecosphere_audit
      for each row execute function ecosphere_audit_append_only()`.execute(db);
  } else {
    await sql`create trigger ecosphere_audit_no_update before update on ecosphere_audit
      begin select raise(abort, 'ecosphere_audit is append-only'); end`.execute(db);
  }
};
