import type { Kysely } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

// Organisations looked up by what other modules know of them: a slug, or a kind.

type Tables = {
  organizations_organization: {
    id: number;
    slug: string;
    kind: string;
    name_en: string;
    name_zh: string;
    verified_at: string | null;
  };
};
const q = (db: Db) => db as unknown as Kysely<Tables>;

const COLUMNS = ['id', 'slug', 'kind', 'name_en', 'name_zh', 'verified_at'] as const;

export type TLookupRow = Readonly<{
  id: number;
  slug: string;
  kind: string;
  name_en: string;
  name_zh: string;
  verified_at: string | null;
}>;

/** One organisation by its slug. */
export const orgBySlug = (db: Db, slug: string): Promise<TLookupRow | undefined> =>
  q(db).selectFrom('organizations_organization').select(COLUMNS).where('slug', '=', slug).executeTakeFirst();

/** Organisations of these kinds, verified ones only when asked, by id. */
export const orgsOfKinds = (
  db: Db,
  kinds: readonly string[],
  verifiedOnly: boolean,
): Promise<TLookupRow[]> => {
  let query = q(db)
    .selectFrom('organizations_organization')
    .select(COLUMNS)
    .where('kind', 'in', [...kinds]);
  if (verifiedOnly) query = query.where('verified_at', 'is not', null);
  return query.orderBy('id').execute();
};
