import type { Kysely } from 'kysely';
import { idColumn } from '../src/platform/db/schema.ts';

// Frozen once merged: change the schema with a new migration.
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('accounts_person')
    .addColumn('id', 'integer', idColumn(db))
    // Lower-cased on write; a deleted account gets `deleted-<id>@invalid`, so the column stays unique.
    .addColumn('email', 'varchar(254)', (c) => c.notNull().unique())
    .addColumn('email_verified_at', 'varchar(32)')
    .addColumn('password_hash', 'varchar(200)')
    .addColumn('name_latin', 'varchar(200)')
    .addColumn('name_zh', 'varchar(200)')
    .addColumn('locale', 'varchar(5)', (c) => c.notNull().defaultTo('en'))
    .addColumn('role', 'varchar(20)', (c) => c.notNull().defaultTo('member'))
    // AES-256-GCM ciphertext of the TOTP key (the key itself is derived from SESSION_SECRET).
    .addColumn('totp_secret', 'varchar(200)')
    .addColumn('totp_enabled_at', 'varchar(32)')
    .addColumn('totp_last_step', 'bigint')
    .addColumn('deleted_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('accounts_session')
    // SHA-256 of the cookie value: a stolen copy of the table cannot be replayed as cookies.
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('person_id', 'integer', (c) =>
      c.notNull().references('accounts_person.id').onDelete('cascade'),
    )
    // 'mfa' while the second factor is still owed, then 'active'.
    .addColumn('stage', 'varchar(10)', (c) => c.notNull())
    .addColumn('mfa_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('last_seen_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('idle_seconds', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('ip', 'varchar(64)')
    .addColumn('user_agent', 'varchar(300)')
    .execute();
  await db.schema
    .createIndex('accounts_session_person_idx')
    .on('accounts_session')
    .columns(['person_id'])
    .execute();

  await db.schema
    .createTable('accounts_token')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('person_id', 'integer', (c) =>
      c.notNull().references('accounts_person.id').onDelete('cascade'),
    )
    .addColumn('purpose', 'varchar(20)', (c) => c.notNull())
    .addColumn('new_email', 'varchar(254)')
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('used_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('accounts_token_person_idx')
    .on('accounts_token')
    .columns(['person_id', 'purpose'])
    .execute();

  await db.schema
    .createTable('accounts_recovery_code')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('person_id', 'integer', (c) =>
      c.notNull().references('accounts_person.id').onDelete('cascade'),
    )
    .addColumn('code_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('used_at', 'varchar(32)')
    .execute();
  await db.schema
    .createIndex('accounts_recovery_code_person_idx')
    .on('accounts_recovery_code')
    .columns(['person_id'])
    .execute();
};
