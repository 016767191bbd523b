import type { Generated, Kysely, Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

// The log of recomputes of the computed indicators (migration 0316).

type RecomputeTable = {
  id: Generated<number>;
  trigger: string;
  actor_id: number | null;
  period: string;
  started_at: string;
  ms: number;
  inserted: number;
  updated: number;
  unchanged: number;
};
type Tables = { indicator_recompute: RecomputeTable };
const q = (db: Db) => db as unknown as Kysely<Tables>;

export type TRecomputeRow = Selectable<RecomputeTable>;

/** Records one recompute. */
export const insertRecompute = async (db: Db, row: Omit<TRecomputeRow, 'id'>): Promise<void> => {
  await q(db).insertInto('indicator_recompute').values(row).execute();
};

/** The latest recomputes, newest first. */
export const latestRecomputes = (db: Db, limit: number): Promise<TRecomputeRow[]> =>
  q(db)
    .selectFrom('indicator_recompute')
    .selectAll()
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
