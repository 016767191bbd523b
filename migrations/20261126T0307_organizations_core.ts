import type { Kysely } from 'kysely';
import { idColumn } from '../src/platform/db/schema.ts';

// Frozen once merged: change the schema with a new migration.
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('organizations_organization')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('slug', 'varchar(160)', (c) => c.notNull().unique())
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('name_en', 'varchar(300)', (c) => c.notNull())
    .addColumn('name_zh', 'varchar(300)', (c) => c.notNull())
    .addColumn('website', 'varchar(500)')
    // Unified social credit code (统一社会信用代码), 18 characters with a check digit.
    .addColumn('credit_code', 'varchar(18)', (c) => c.unique())
    .addColumn('summary_en', 'text')
    .addColumn('summary_zh', 'text')
    .addColumn('verified_at', 'varchar(32)')
    .addColumn('verified_by', 'integer')
    .addColumn('verification_note', 'text')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('organizations_membership')
    .addColumn('org_id', 'integer', (c) =>
      c.notNull().references('organizations_organization.id').onDelete('cascade'),
    )
    .addColumn('person_id', 'integer', (c) => c.notNull())
    .addColumn('role', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('organizations_membership_pk', ['org_id', 'person_id'])
    .execute();
  await db.schema
    .createIndex('organizations_membership_person_idx')
    .on('organizations_membership')
    .columns(['person_id'])
    .execute();

  await db.schema
    .createTable('organizations_invitation')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('org_id', 'integer', (c) =>
      c.notNull().references('organizations_organization.id').onDelete('cascade'),
    )
    .addColumn('email', 'varchar(254)', (c) => c.notNull())
    .addColumn('role', 'varchar(10)', (c) => c.notNull())
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('invited_by', 'integer')
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('accepted_at', 'varchar(32)')
    .addColumn('revoked_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('organizations_join_request')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('org_id', 'integer', (c) =>
      c.notNull().references('organizations_organization.id').onDelete('cascade'),
    )
    .addColumn('person_id', 'integer', (c) => c.notNull())
    .addColumn('message', 'text')
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('decided_by', 'integer')
    .addColumn('decided_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('organizations_change_request')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('org_id', 'integer', (c) =>
      c.notNull().references('organizations_organization.id').onDelete('cascade'),
    )
    .addColumn('requested_by', 'integer')
    .addColumn('changes_json', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('decided_by', 'integer')
    .addColumn('decided_at', 'varchar(32)')
    .addColumn('decision_note', 'text')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
};
