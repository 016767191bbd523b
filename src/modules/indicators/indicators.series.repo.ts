import { type ExpressionBuilder, type Selectable, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { type ObservationTable, q, type Tables, type TObservationValues } from './indicators.tables.ts';

// Observations: series reads, the batch write path shared by imports and seeds, and corrections with
// their history.

export type TObservationRow = Selectable<ObservationTable>;
export type TRevisionRow = Selectable<Tables['indicator_observation_revision']>;

/** What identifies an observation of an indicator; '' / '' is the total. */
export type TObservationKey = Readonly<{
  geography: string;
  period: string;
  breakdownDim: string;
  breakdownValue: string;
}>;

/** A new or restated observation: its key, its normalised period and its values. */
export type TObservationWrite = TObservationKey &
  TObservationValues &
  Readonly<{ periodKind: string; periodStart: string; periodEnd: string }>;

export type TRecorded = Readonly<{ by: number | null; via: string; reason: string | null; now: string }>;

export const keyOf = (k: TObservationKey): string =>
  `${k.geography}|${k.period}|${k.breakdownDim}|${k.breakdownValue}`;

export type TBreakdownWhere = 'none' | 'all' | { dimension: string; value?: string | undefined };

export type TSeriesWhere = Readonly<{
  geographies?: readonly string[] | undefined;
  /** Observations starting on or after this day. */
  start?: string | undefined;
  /** Observations ending on or before this day. */
  end?: string | undefined;
  breakdown: TBreakdownWhere;
  status?: string | undefined;
  /** Keyset pagination: rows after this (period_start, period_end, geography, dim, value). */
  after?: readonly [string, string, string, string, string] | undefined;
  limit?: number | undefined;
}>;

const SORT = ['period_start', 'period_end', 'geography', 'breakdown_dim', 'breakdown_value'] as const;

/** An indicator's observations, in period then geography then breakdown order. */
export const selectSeries = async (
  db: Db,
  indicatorId: number,
  w: TSeriesWhere,
): Promise<TObservationRow[]> => {
  let query = q(db).selectFrom('indicator_observation').selectAll().where('indicator_id', '=', indicatorId);
  if (w.geographies && w.geographies.length > 0) query = query.where('geography', 'in', [...w.geographies]);
  if (w.start) query = query.where('period_start', '>=', w.start);
  if (w.end) query = query.where('period_end', '<=', w.end);
  if (w.status) query = query.where('status', '=', w.status);
  const b = w.breakdown;
  if (b === 'none') query = query.where('breakdown_dim', '=', '');
  else if (b !== 'all') {
    query = query.where('breakdown_dim', '=', b.dimension);
    if (b.value !== undefined) query = query.where('breakdown_value', '=', b.value);
  }
  if (w.after) {
    const after = w.after;
    query = query.where((eb: ExpressionBuilder<Tables, 'indicator_observation'>) =>
      eb(eb.refTuple(...SORT), '>', eb.tuple(...after)),
    );
  }
  for (const col of SORT) query = query.orderBy(col);
  if (w.limit) query = query.limit(w.limit);
  return query.execute();
};

/** One observation by its key. */
export const findObservation = (
  db: Db,
  indicatorId: number,
  k: TObservationKey,
): Promise<TObservationRow | undefined> =>
  q(db)
    .selectFrom('indicator_observation')
    .selectAll()
    .where('indicator_id', '=', indicatorId)
    .where('geography', '=', k.geography)
    .where('period', '=', k.period)
    .where('breakdown_dim', '=', k.breakdownDim)
    .where('breakdown_value', '=', k.breakdownValue)
    .executeTakeFirst();

/** The earlier values of an observation, newest first. */
export const selectRevisions = (db: Db, observationId: number): Promise<TRevisionRow[]> =>
  q(db)
    .selectFrom('indicator_observation_revision')
    .selectAll()
    .where('observation_id', '=', observationId)
    .orderBy('revision', 'desc')
    .execute();

/**
 * The latest total of each indicator at its default geography (largest period end; the longer period
 * on a tie), for the statistics home. One seek per indicator on indicator_observation_latest_idx: the
 * registry is the outer loop (a CROSS JOIN keeps SQLite, which has no table statistics, from scanning
 * every observation instead; PostgreSQL plans it as the inner join it is), the subquery reads one index
 * entry, and the row is found by all four columns of the index.
 */
export const selectLatestTotals = async (db: Db): Promise<TObservationRow[]> =>
  q(db)
    .selectFrom('indicator as i')
    .crossJoin('indicator_observation as o')
    .selectAll('o')
    .whereRef('o.indicator_id', '=', 'i.id')
    .whereRef('o.geography', '=', 'i.default_geography')
    .where('o.breakdown_dim', '=', '')
    .where(
      'o.period_end',
      '=',
      sql<string>`(select max(o2.period_end) from indicator_observation o2 where o2.indicator_id = i.id and o2.geography = i.default_geography and o2.breakdown_dim = '')`,
    )
    .orderBy('o.indicator_id')
    .orderBy('o.period_start')
    .execute();

/**
 * Totals or one breakdown of several indicators at one geography each, each within its own range of
 * period ends (one range scan of indicator_observation_latest_idx per indicator), in indicator then
 * period order.
 */
export const selectAround = async (
  db: Db,
  pairs: readonly Readonly<{ indicatorId: number; geography: string; endFrom: string; endTo: string }>[],
  breakdown: Readonly<{ dimension: string; value: string }> | undefined,
): Promise<TObservationRow[]> => {
  if (pairs.length === 0) return [];
  return q(db)
    .selectFrom('indicator_observation')
    .selectAll()
    .where((eb) =>
      eb.or(
        pairs.map((p) =>
          eb.and([
            eb('indicator_id', '=', p.indicatorId),
            eb('geography', '=', p.geography),
            eb('period_end', '>=', p.endFrom),
            eb('period_end', '<=', p.endTo),
          ]),
        ),
      ),
    )
    .where('breakdown_dim', '=', breakdown?.dimension ?? '')
    .where('breakdown_value', '=', breakdown?.value ?? '')
    .orderBy('indicator_id')
    .orderBy('period_end')
    .orderBy('period_start')
    .execute();
};

/** One period's observations of an indicator across geographies (for comparisons). */
export const selectPeriod = (
  db: Db,
  indicatorId: number,
  period: string | undefined,
  breakdown: Readonly<{ dimension: string; value: string }> | undefined,
): Promise<TObservationRow[]> => {
  let query = q(db)
    .selectFrom('indicator_observation')
    .selectAll()
    .where('indicator_id', '=', indicatorId)
    .where('breakdown_dim', '=', breakdown?.dimension ?? '')
    .where('breakdown_value', '=', breakdown?.value ?? '');
  if (period !== undefined) query = query.where('period', '=', period);
  return query.execute();
};
