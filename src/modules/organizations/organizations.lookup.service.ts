import type { Db } from '../../platform/db/database.ts';
import type { TOrgBrief } from './organizations.link.service.ts';
import * as repo from './organizations.lookup.repo.ts';
import type { TOrgKind } from './organizations.schemas.ts';

// Lookups other modules need (the indicators module's periodic reports): an organisation by the slug in a
// path, and every organisation of a kind (to remind those that have not reported).

const brief = (r: repo.TLookupRow): TOrgBrief => ({
  id: Number(r.id),
  slug: r.slug,
  kind: r.kind as TOrgKind,
  name: { en: r.name_en, zh: r.name_zh },
  verifiedAt: r.verified_at,
});

/** An organisation by its slug, or undefined. */
export const organizationBySlug = async (db: Db, slug: string): Promise<TOrgBrief | undefined> => {
  const r = await repo.orgBySlug(db, slug);
  return r ? brief(r) : undefined;
};

/** Every organisation of these kinds (only verified ones when `verifiedOnly`), by id. */
export const organizationsOfKinds = async (
  db: Db,
  kinds: readonly TOrgKind[],
  opts: { verifiedOnly?: boolean } = {},
): Promise<TOrgBrief[]> =>
  kinds.length === 0 ? [] : (await repo.orgsOfKinds(db, kinds, opts.verifiedOnly ?? false)).map(brief);
