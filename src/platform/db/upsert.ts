import type { Db } from './database.ts';
import { nowIso } from './schema.ts';

export type TUpsertOutcome = 'inserted' | 'updated' | 'unchanged';
type TValue = string | number | null;

/**
 * Inserts a row, or updates the row with the same natural key, or leaves an identical row alone, so
 * loaders can run again and again without churning `updated_at`. Tables need created_at and updated_at
 * column; `updated_at` is stamped too unless `touchUpdatedAt` is false (when the data carries its own). Returns what happened and the row id.
 */
export const upsertByKey = async (
  db: Db,
  table: string,
  key: Readonly<Record<string, TValue>>,
  values: Readonly<Record<string, TValue>>,
  options: { touchUpdatedAt?: boolean } = {},
): Promise<{ outcome: TUpsertOutcome; id: number }> => {
  const touch = options.touchUpdatedAt ?? true;
  let find = db.selectFrom(table).selectAll();
  for (const [col, v] of Object.entries(key)) find = find.where(col, '=', v);
  const existing = (await find.executeTakeFirst()) as Record<string, unknown> | undefined;
  if (!existing) {
    const now = nowIso();
    const row = await db
      .insertInto(table)
      .values({ ...key, ...values, created_at: now, ...(touch ? { updated_at: now } : {}) })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { outcome: 'inserted', id: Number(row.id) };
  }
  const id = Number(existing.id);
  const changed = Object.entries(values).some(([col, v]) => existing[col] !== v);
  if (!changed) return { outcome: 'unchanged', id };
  await db
    .updateTable(table)
    .set({ ...values, ...(touch ? { updated_at: nowIso() } : {}) })
    .where('id', '=', id)
    .execute();
  return { outcome: 'updated', id };
};
