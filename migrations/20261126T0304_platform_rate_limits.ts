import type { Kysely } from 'kysely';

// Frozen once merged: change the schema with a new migration.
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('ecosphere_rate_limit')
    .addColumn('bucket', 'varchar(200)', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('expires_at_ms', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ecosphere_rate_limit_expires_idx')
    .on('ecosphere_rate_limit')
    .columns(['expires_at_ms'])
    .execute();
};
