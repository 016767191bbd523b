import { type Kysely, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { DirectoryTables } from './directory.tables.ts';

// Counts over the registry for computed indicators (issue #6): active records of a kind in a city, at a
// level, holding a certificate (valid on a date when given), by district.

const q = (db: Db) => db as unknown as Kysely<DirectoryTables>;

export type TRegistryRule = Readonly<{
  kind: string;
  level?: string;
  /** Only records holding a certificate number. */
  certified?: boolean;
  /** Only certificates valid on this day (YYYY-MM-DD); implies certified. */
  validOn?: string;
  /** English city name as stored (e.g. Guangzhou). */
  city?: string;
  /** Only records founded in or before this year (a registry snapshot for a past period). */
  foundedBy?: number;
}>;

/** Counts of matching active records by district (null: no district), in one grouped query. */
export const countByDistrict = async (
  db: Db,
  rule: TRegistryRule,
): Promise<{ district: string | null; n: number }[]> => {
  let query = q(db)
    .selectFrom('directory_organization')
    .select(['district', sql<number>`count(*)`.as('n')])
    .where('status', '=', 'active')
    .where('kind', '=', rule.kind);
  if (rule.level) query = query.where('level', '=', rule.level);
  if (rule.city) query = query.where('city_en', '=', rule.city);
  if (rule.certified || rule.validOn) query = query.where('certificate_no', 'is not', null);
  if (rule.validOn) query = query.where('certificate_valid_until', '>=', rule.validOn);
  if (rule.foundedBy !== undefined) {
    const by = rule.foundedBy;
    query = query.where((eb) => eb.or([eb('founded_year', 'is', null), eb('founded_year', '<=', by)]));
  }
  const rows = await query.groupBy('district').execute();
  return rows.map((r) => ({ district: r.district, n: Number(r.n) }));
};
