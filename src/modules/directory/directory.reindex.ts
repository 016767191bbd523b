import type { TDeps } from '../../platform/deps.ts';
import { endBulkLoad } from './directory.bulk.repo.ts';
import { reindexAfter } from './directory.reindex.repo.ts';

/**
 * Recomputes every record's search column and name keys (after the tokenizer or the name keys change),
 * one transaction per batch; returns how many records it read and how many changed. First restores the
 * indexes of a bulk load that was interrupted and not resumed (ADR 0012).
 */
export const reindexDirectory = async (
  deps: TDeps,
  opts: { batchSize?: number; onProgress?: (p: { scanned: number; changed: number }) => void } = {},
): Promise<{ scanned: number; changed: number; restored: boolean }> => {
  const restored = await endBulkLoad(deps.db);
  const limit = Math.max(1, opts.batchSize ?? 1000);
  let after = 0;
  let scanned = 0;
  let changed = 0;
  for (;;) {
    const r = await deps.db.transaction().execute((trx) => reindexAfter(trx, after, limit));
    scanned += r.scanned;
    changed += r.changed;
    opts.onProgress?.({ scanned, changed });
    if (r.lastId === null || r.scanned < limit) break;
    after = r.lastId;
  }
  if (changed > 0 || restored) deps.pages.clear();
  return { scanned, changed, restored };
};
