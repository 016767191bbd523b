import type { TDeps } from '../../platform/deps.ts';
import * as repo from './directory.repo.ts';
import type { TOrganization } from './directory.schemas.ts';

/** Every active organisation, by kind then English name (sitemap, the directory's plain list). */
export const listOrganizations = (deps: TDeps): Promise<TOrganization[]> => repo.listAll(deps.db);

/** Organisations matching the text, for site search. */
export const searchOrganizations = (deps: TDeps, text: string, limit = 20) =>
  repo.searchText(deps.db, text, limit);
