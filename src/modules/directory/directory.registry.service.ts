import type { TDeps } from '../../platform/deps.ts';
import { parseEach } from '../../platform/http/validate.ts';
import { type TRegistryRecord, ZRegistryRecord } from './directory.record.ts';
import { type TBatchOutcome, upsertBatch } from './directory.registry.repo.ts';

/**
 * Validates every record first, then writes them in batches of 500, each batch one transaction; the
 * page cache is cleared so lists and counts show the change. Returns one outcome per record.
 */
export const writeRecords = async (deps: TDeps, input: readonly unknown[]): Promise<TBatchOutcome[]> => {
  const records: TRegistryRecord[] = parseEach(ZRegistryRecord, [...input], 'organisation');
  const outcomes: TBatchOutcome[] = [];
  for (let i = 0; i < records.length; i += 500) {
    const part = records.slice(i, i + 500);
    outcomes.push(...(await deps.db.transaction().execute((trx) => upsertBatch(trx, part))));
  }
  deps.pages.clear();
  return outcomes;
};
