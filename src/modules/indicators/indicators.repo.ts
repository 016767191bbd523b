import { type Kysely, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { containsText } from '../../platform/db/like.ts';
import { type TUpsertOutcome, upsertByKey } from '../../platform/db/upsert.ts';
import type { TFigure, TIndicatorSeed, TUnit } from './indicators.schemas.ts';

type IndicatorTable = {
  id: number;
  code: string;
  name_en: string;
  name_zh: string;
  unit: string;
  source_name_en: string;
  source_name_zh: string;
  source_url: string | null;
  origin: string;
  headline_rank: number | null;
  created_at: string;
  updated_at: string;
};
type ObservationTable = {
  id: number;
  indicator_id: number;
  geography: string;
  period: string;
  as_of: string;
  value: number;
  qualifier: string | null;
  note_en: string | null;
  note_zh: string | null;
  created_at: string;
  updated_at: string;
};
type Tables = { indicator: IndicatorTable; indicator_observation: ObservationTable };

const q = (db: Db) => db as unknown as Kysely<Tables>;

/**
 * Each indicator with its latest observation (largest as-of date), optionally only the headline ones
 * or those whose name contains a text.
 */
export const listLatestFigures = async (
  db: Db,
  opts: { headlineOnly?: boolean; text?: string; limit?: number } = {},
): Promise<TFigure[]> => {
  let query = q(db)
    .selectFrom('indicator as i')
    .innerJoin('indicator_observation as o', 'o.indicator_id', 'i.id')
    .where(
      'o.as_of',
      '=',
      sql<string>`(select max(o2.as_of) from indicator_observation o2 where o2.indicator_id = i.id)`,
    )
    .select([
      'i.code',
      'i.name_en',
      'i.name_zh',
      'i.unit',
      'i.source_name_en',
      'i.source_name_zh',
      'i.source_url',
      'i.headline_rank',
      'o.geography',
      'o.period',
      'o.as_of',
      'o.value',
      'o.qualifier',
      'o.note_en',
      'o.note_zh',
    ]);
  if (opts.headlineOnly) query = query.where('i.headline_rank', 'is not', null).orderBy('i.headline_rank');
  if (opts.text) {
    const text = opts.text;
    query = query.where((eb) => eb.or([containsText('i.name_en', text), containsText('i.name_zh', text)]));
  }
  query = query.orderBy('i.id').orderBy('o.geography');
  if (opts.limit) query = query.limit(opts.limit);
  const rows = await query.execute();
  return rows.map((r) => ({
    code: r.code,
    name: { en: r.name_en, zh: r.name_zh },
    unit: r.unit as TUnit,
    source: { en: r.source_name_en, zh: r.source_name_zh, url: r.source_url },
    headlineRank: r.headline_rank,
    geography: r.geography,
    period: r.period,
    asOf: r.as_of,
    value: Number(r.value),
    qualifier: r.qualifier === 'more_than' ? 'more_than' : null,
    note: { en: r.note_en, zh: r.note_zh },
  }));
};

/** Upserts an indicator by code and its observations by (geography, as-of); reports what changed. */
export const upsertSeed = async (
  db: Db,
  s: TIndicatorSeed,
): Promise<{ indicator: TUpsertOutcome; observations: TUpsertOutcome[] }> => {
  const ind = await upsertByKey(
    db,
    'indicator',
    { code: s.code },
    {
      name_en: s.name.en,
      name_zh: s.name.zh,
      unit: s.unit,
      source_name_en: s.source.en,
      source_name_zh: s.source.zh,
      source_url: s.source.url ?? null,
      origin: s.origin,
      headline_rank: s.headlineRank ?? null,
    },
  );
  const observations: TUpsertOutcome[] = [];
  for (const o of s.observations) {
    const obs = await upsertByKey(
      db,
      'indicator_observation',
      { indicator_id: ind.id, geography: o.geography, as_of: o.asOf },
      {
        period: o.period,
        value: o.value,
        qualifier: o.qualifier ?? null,
        note_en: o.note?.en || null,
        note_zh: o.note?.zh || null,
      },
    );
    observations.push(obs.outcome);
  }
  return { indicator: ind.outcome, observations };
};
