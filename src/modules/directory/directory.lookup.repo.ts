import type { Kysely } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { DirectoryTables } from './directory.tables.ts';

// The directory records organisations manage, looked up by the organisation (for other modules).

const q = (db: Db) => db as unknown as Kysely<DirectoryTables>;

/** Active records claimed by these organisations, oldest record first. */
export const recordsClaimedBy = (db: Db, orgIds: readonly number[]) =>
  q(db)
    .selectFrom('directory_organization')
    .select(['id', 'slug', 'name_en', 'name_zh', 'kind', 'district', 'claimed_org_id'])
    .where('claimed_org_id', 'in', [...orgIds])
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();
