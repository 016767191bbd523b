import type { TDeps } from '../../platform/deps.ts';
import { countByDistrict, type TRegistryRule } from './directory.stats.repo.ts';

export type { TRegistryRule } from './directory.stats.repo.ts';

/** How many active records match a rule, in all and by Guangzhou district (for computed indicators). */
export const countRegistry = async (
  deps: TDeps,
  rule: TRegistryRule,
): Promise<{ total: number; byDistrict: ReadonlyMap<string, number> }> => {
  const rows = await countByDistrict(deps.db, rule);
  const byDistrict = new Map<string, number>();
  let total = 0;
  for (const r of rows) {
    total += r.n;
    if (r.district) byDistrict.set(r.district, r.n);
  }
  return { total, byDistrict };
};
