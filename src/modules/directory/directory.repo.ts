import type { Kysely, Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { containsText } from '../../platform/db/like.ts';
import type { TOrganization, TOrgKind } from './directory.schemas.ts';
import type { DirectoryTables, OrganizationTable } from './directory.tables.ts';

const q = (db: Db) => db as unknown as Kysely<DirectoryTables>;

const toOrganization = (r: Selectable<OrganizationTable>): TOrganization => ({
  slug: r.slug,
  kind: r.kind as TOrgKind,
  name: { en: r.name_en, zh: r.name_zh },
  summary: { en: r.summary_en, zh: r.summary_zh },
  website: r.website,
  city: { en: r.city_en, zh: r.city_zh },
  source: { en: r.source_name_en, zh: r.source_name_zh },
  isGenerated: r.is_generated === 1,
  updatedAt: r.updated_at,
});

/** Every active organisation, by kind then English name. */
export const listAll = async (db: Db): Promise<TOrganization[]> =>
  (
    await q(db)
      .selectFrom('directory_organization')
      .selectAll()
      .where('status', '=', 'active')
      .orderBy('kind')
      .orderBy('name_en')
      .execute()
  ).map(toOrganization);

/** One organisation by slug, or undefined. */
export const findBySlug = async (db: Db, slug: string): Promise<TOrganization | undefined> => {
  const r = await q(db)
    .selectFrom('directory_organization')
    .selectAll()
    .where('slug', '=', slug)
    .executeTakeFirst();
  return r ? toOrganization(r) : undefined;
};

/** Organisations whose name (either language) contains the text. */
export const searchText = async (db: Db, text: string, limit: number): Promise<TOrganization[]> =>
  (
    await q(db)
      .selectFrom('directory_organization')
      .selectAll()
      .where('status', '=', 'active')
      .where((eb) => eb.or([containsText('name_en', text), containsText('name_zh', text)]))
      .orderBy('name_en')
      .limit(limit)
      .execute()
  ).map(toOrganization);
