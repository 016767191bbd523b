import type { Kysely } from 'kysely';
import type { Db } from './database.ts';
import { nowIso } from './schema.ts';

type Tables = { ecosphere_setting: { key: string; value: string; updated_at: string } };
const q = (db: Db) => db as unknown as Kysely<Tables>;

/** A platform-wide setting (e.g. when the demo data was loaded), or undefined. */
export const getSetting = async (db: Db, key: string): Promise<string | undefined> =>
  (await q(db).selectFrom('ecosphere_setting').select('value').where('key', '=', key).executeTakeFirst())
    ?.value;

/** Sets a platform-wide setting. */
export const setSetting = async (db: Db, key: string, value: string): Promise<void> => {
  await q(db)
    .insertInto('ecosphere_setting')
    .values({ key, value, updated_at: nowIso() })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: nowIso() }))
    .execute();
};
