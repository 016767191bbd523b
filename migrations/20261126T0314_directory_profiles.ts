import type { Kysely } from 'kysely';
import { idColumn } from '../src/platform/db/schema.ts';

// Frozen once merged: change the schema with a new migration.
// Claims of directory records by accounts-side organisations. A claim waits here, with the claimant's
// evidence, until staff decide it; only an approved claim sets directory_organization.claimed_org_id, so
// that column always means "managed by its organisation" (several organisations may claim one record, and
// an organisation that exists already may claim a record without skipping the staff check).
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('directory_claim')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('record_id', 'integer', (c) =>
      c.notNull().references('directory_organization.id').onDelete('cascade'),
    )
    // organizations_organization.id (the organisations module owns that table: no foreign key across modules).
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('requested_by', 'integer', (c) => c.notNull())
    .addColumn('evidence', 'text')
    // pending, approved, rejected
    .addColumn('status', 'varchar(10)', (c) => c.notNull().defaultTo('pending'))
    .addColumn('decided_by', 'integer')
    .addColumn('decided_at', 'varchar(32)')
    .addColumn('decision_note', 'text')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('directory_claim_status_idx')
    .on('directory_claim')
    .columns(['status', 'record_id'])
    .execute();
  await db.schema
    .createIndex('directory_claim_requester_idx')
    .on('directory_claim')
    .columns(['requested_by'])
    .execute();
};
