import type { TDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/http/errors.ts';
import { parseEach } from '../../platform/http/validate.ts';
import * as repo from './directory.repo.ts';
import { type TOrganization, ZOrganizationSeed } from './directory.schemas.ts';

/** The whole (demo-sized) directory. */
export const listOrganizations = (deps: TDeps): Promise<TOrganization[]> => repo.listAll(deps.db);

/** One organisation, or NOT_FOUND. */
export const getOrganization = async (deps: TDeps, slug: string): Promise<TOrganization> => {
  const org = await repo.findBySlug(deps.db, slug);
  if (!org) throw new AppError('NOT_FOUND');
  return org;
};

/** Organisations matching the text, for site search. */
export const searchOrganizations = (deps: TDeps, text: string, limit = 20) =>
  repo.searchText(deps.db, text, limit);

/** Loads demo organisations in one transaction, all validated first. */
export const seedOrganizations = async (deps: TDeps, input: unknown[]) => {
  const items = parseEach(ZOrganizationSeed, input, 'organisation');
  const counts = { inserted: 0, updated: 0, unchanged: 0 };
  await deps.db.transaction().execute(async (trx) => {
    for (const item of items) counts[await repo.upsertSeed(trx, item)]++;
  });
  deps.pages.clear();
  return counts;
};
