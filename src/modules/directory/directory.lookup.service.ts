import type { Db } from '../../platform/db/database.ts';
import { recordsClaimedBy } from './directory.lookup.repo.ts';

/** The registry record an organisation manages, as other modules need it (e.g. its district). */
export type TManagedRecord = Readonly<{
  slug: string;
  name: Readonly<{ en: string; zh: string }>;
  kind: string;
  /** The directory's district code (tianhe, …), or null when the record names none. */
  district: string | null;
}>;

/**
 * The active directory record each organisation manages (its approved claim), by organisation id;
 * organisations that manage none are left out, and one that manages several gets its oldest. Takes the
 * caller's database handle so it can run inside the caller's transaction.
 */
export const recordsManagedBy = async (
  db: Db,
  orgIds: readonly number[],
): Promise<Map<number, TManagedRecord>> => {
  const out = new Map<number, TManagedRecord>();
  if (orgIds.length === 0) return out;
  for (const r of await recordsClaimedBy(db, orgIds)) {
    const orgId = Number(r.claimed_org_id);
    if (out.has(orgId)) continue;
    out.set(orgId, {
      slug: r.slug,
      name: { en: r.name_en, zh: r.name_zh },
      kind: r.kind,
      district: r.district,
    });
  }
  return out;
};
