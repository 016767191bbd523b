import { type Selectable, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { containsText } from '../../platform/db/like.ts';
import type { TFrequency, TLicense, TOrigin, TPanel, TUnit } from './indicators.codes.ts';
import type { TFigure, TIndicator, TIndicatorEntry, TIndicatorMeta } from './indicators.schemas.ts';
import { type IndicatorTable, q } from './indicators.tables.ts';

// The registry: indicators, their metadata and coverage, and the figures other modules cite.

// How the first migration's figures named what an as-of figure counts; TFigure keeps those words.
const LEGACY_BASIS: Record<string, string> = { to_date: 'to date', per_year: 'per year' };

/**
 * Each indicator's latest total at its default geography (largest as-of date), optionally only the
 * headline ones, those of one geography, or those whose name contains a text.
 */
export const listLatestFigures = async (
  db: Db,
  opts: { headlineOnly?: boolean; text?: string; limit?: number; geography?: string } = {},
): Promise<TFigure[]> => {
  let query = q(db)
    .selectFrom('indicator as i')
    .innerJoin('indicator_observation as o', 'o.indicator_id', 'i.id')
    .where('o.breakdown_dim', '=', '')
    .where(sql<boolean>`o.geography = coalesce(i.default_geography, o.geography)`)
    .where(
      'o.as_of',
      '=',
      sql<string>`(select max(o2.as_of) from indicator_observation o2 where o2.indicator_id = i.id and o2.geography = o.geography and o2.breakdown_dim = '')`,
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
      'o.basis',
      'o.as_of',
      'o.value',
      'o.qualifier',
      'o.note_en',
      'o.note_zh',
    ]);
  if (opts.headlineOnly) query = query.where('i.headline_rank', 'is not', null).orderBy('i.headline_rank');
  if (opts.geography) query = query.where('o.geography', '=', opts.geography);
  if (opts.text) {
    const text = opts.text;
    query = query.where((eb) => eb.or([containsText('i.name_en', text), containsText('i.name_zh', text)]));
  }
  query = query.orderBy('i.id').orderBy('o.period_start');
  if (opts.limit) query = query.limit(opts.limit);
  const rows = await query.execute();
  return rows.map((r) => ({
    code: r.code,
    name: { en: r.name_en, zh: r.name_zh },
    unit: r.unit as TUnit,
    source: { en: r.source_name_en, zh: r.source_name_zh, url: r.source_url },
    headlineRank: r.headline_rank,
    geography: r.geography,
    period: r.basis ? (LEGACY_BASIS[r.basis] ?? r.basis) : r.period,
    asOf: r.as_of,
    value: Number(r.value),
    qualifier: r.qualifier === 'more_than' ? 'more_than' : null,
    note: { en: r.note_en, zh: r.note_zh },
  }));
};

/** The columns an indicator's metadata fills. */
const metaRow = (m: TIndicatorMeta) => ({
  name_en: m.name.en,
  name_zh: m.name.zh,
  definition_en: m.definition?.en ?? null,
  definition_zh: m.definition?.zh ?? null,
  unit: m.unit,
  frequency: m.frequency,
  panel: m.panel ?? null,
  origin: m.origin,
  source_name_en: m.source.en,
  source_name_zh: m.source.zh,
  source_url: m.source.url ?? null,
  methodology_en: m.methodology?.en ?? null,
  methodology_zh: m.methodology?.zh ?? null,
  comparability_en: m.comparability?.en ?? null,
  comparability_zh: m.comparability?.zh ?? null,
  owner_en: m.owner?.en ?? null,
  owner_zh: m.owner?.zh ?? null,
  license: m.license,
  default_geography: m.defaultGeography ?? null,
  headline_rank: m.headlineRank ?? null,
});

export type TUpsertCounts = { inserted: number; updated: number; unchanged: number };

/**
 * Inserts or updates indicators by code (one query when nothing changed); returns each code's id, the
 * codes inserted just now, and the counts.
 */
export const upsertIndicators = async (
  db: Db,
  metas: readonly TIndicatorMeta[],
  now: string,
): Promise<{ ids: Map<string, number>; counts: TUpsertCounts; fresh: Set<string> }> => {
  const ids = new Map<string, number>();
  const fresh = new Set<string>();
  const counts = { inserted: 0, updated: 0, unchanged: 0 };
  if (metas.length === 0) return { ids, counts, fresh };
  const existing = new Map(
    (
      await q(db)
        .selectFrom('indicator')
        .selectAll()
        .where(
          'code',
          'in',
          metas.map((m) => m.code),
        )
        .execute()
    ).map((r) => [r.code, r]),
  );
  for (const m of metas) {
    const row = metaRow(m);
    const old = existing.get(m.code);
    if (!old) {
      const made = await q(db)
        .insertInto('indicator')
        .values({ code: m.code, ...row, data_version: 1, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.set(m.code, Number(made.id));
      fresh.add(m.code);
      counts.inserted++;
      continue;
    }
    ids.set(m.code, Number(old.id));
    const changed = (Object.keys(row) as (keyof typeof row)[]).some(
      (k) => (old[k] as unknown) !== (row[k] as unknown),
    );
    if (!changed) {
      counts.unchanged++;
      continue;
    }
    await q(db)
      .updateTable('indicator')
      .set({ ...row, data_version: sql`data_version + 1`, updated_at: now })
      .where('id', '=', old.id)
      .execute();
    counts.updated++;
  }
  return { ids, counts, fresh };
};

/** Marks indicators whose observations changed: a new data version and modification time. */
export const touchIndicators = async (db: Db, ids: readonly number[], now: string): Promise<void> => {
  if (ids.length === 0) return;
  await q(db)
    .updateTable('indicator')
    .set({ data_version: sql`data_version + 1`, updated_at: now })
    .where('id', 'in', [...ids])
    .execute();
};

type TCoverageRow = Selectable<IndicatorTable> & {
  cov_from: string | null;
  cov_to: string | null;
  cov_n: number | string | null;
  cov_geo: number | string | null;
};

const toEntry = (r: Selectable<IndicatorTable>): TIndicatorEntry => ({
  code: r.code,
  name: { en: r.name_en, zh: r.name_zh },
  definition: { en: r.definition_en, zh: r.definition_zh },
  unit: r.unit as TUnit,
  frequency: r.frequency as TFrequency,
  panel: (r.panel as TPanel | null) ?? null,
  origin: r.origin as TOrigin,
  source: { name: { en: r.source_name_en, zh: r.source_name_zh }, url: r.source_url },
  methodology: { en: r.methodology_en, zh: r.methodology_zh },
  comparability: { en: r.comparability_en, zh: r.comparability_zh },
  owner: { en: r.owner_en, zh: r.owner_zh },
  license: r.license as TLicense,
  defaultGeography: r.default_geography,
  headlineRank: r.headline_rank,
  dataVersion: Number(r.data_version),
  modifiedAt: r.updated_at,
  createdAt: r.created_at,
});

const toIndicator = (r: TCoverageRow): TIndicator => ({
  ...toEntry(r),
  coverage: {
    from: r.cov_from ?? null,
    to: r.cov_to ?? null,
    observations: Number(r.cov_n ?? 0),
    geographies: Number(r.cov_geo ?? 0),
  },
});

/**
 * Every indicator (with its id) without its coverage, in code order: the registry's rows alone, no
 * observation read. For lists that do not show coverage, such as the statistics home.
 */
export const listIndicatorEntries = async (db: Db): Promise<{ id: number; indicator: TIndicatorEntry }[]> =>
  (await q(db).selectFrom('indicator').selectAll().orderBy('code').execute()).map((r) => ({
    id: Number(r.id),
    indicator: toEntry(r),
  }));

/** Indicators (with their ids) and what their observations cover, filtered by panel, origin or codes. */
export const listIndicators = async (
  db: Db,
  opts: { panel?: string; origin?: string; codes?: readonly string[] } = {},
): Promise<{ id: number; indicator: TIndicator }[]> => {
  if (opts.codes && opts.codes.length === 0) return [];
  const codes = opts.codes ? [...opts.codes] : undefined;
  let coverage = q(db)
    .selectFrom('indicator_observation')
    .select((eb) => [
      'indicator_id',
      eb.fn.min('period_start').as('cov_from'),
      eb.fn.max('period_end').as('cov_to'),
      eb.fn.countAll().as('cov_n'),
      eb.fn.count('geography').distinct().as('cov_geo'),
    ])
    .groupBy('indicator_id');
  // Asked for a few codes: aggregate only their observations.
  if (codes)
    coverage = coverage.where(
      'indicator_id',
      'in',
      q(db).selectFrom('indicator').select('id').where('code', 'in', codes),
    );
  let query = q(db)
    .selectFrom('indicator as i')
    .leftJoin(coverage.as('c'), 'c.indicator_id', 'i.id')
    .selectAll('i')
    .select(['c.cov_from', 'c.cov_to', 'c.cov_n', 'c.cov_geo']);
  if (opts.panel) query = query.where('i.panel', '=', opts.panel);
  if (opts.origin) query = query.where('i.origin', '=', opts.origin);
  if (codes) query = query.where('i.code', 'in', codes);
  const rows = await query.orderBy('i.code').execute();
  return rows.map((r) => ({ id: Number(r.id), indicator: toIndicator(r as TCoverageRow) }));
};

/** The distinct geographies and breakdowns an indicator's observations use. */
export const indicatorDimensions = async (
  db: Db,
  id: number,
): Promise<{ geographies: string[]; breakdowns: { dimension: string; value: string }[] }> => {
  const [geos, bds] = await Promise.all([
    q(db)
      .selectFrom('indicator_observation')
      .select('geography')
      .distinct()
      .where('indicator_id', '=', id)
      .execute(),
    q(db)
      .selectFrom('indicator_observation')
      .select(['breakdown_dim', 'breakdown_value'])
      .distinct()
      .where('indicator_id', '=', id)
      .where('breakdown_dim', '<>', '')
      .orderBy('breakdown_dim')
      .orderBy('breakdown_value')
      .execute(),
  ]);
  return {
    geographies: geos.map((g) => g.geography),
    breakdowns: bds.map((b) => ({ dimension: b.breakdown_dim, value: b.breakdown_value })),
  };
};

/** The distinct geographies of every indicator's observations, by indicator code. */
export const geographiesByIndicator = async (db: Db): Promise<Map<string, string[]>> => {
  const rows = await q(db)
    .selectFrom('indicator_observation as o')
    .innerJoin('indicator as i', 'i.id', 'o.indicator_id')
    .select(['i.code', 'o.geography'])
    .distinct()
    .orderBy('i.code')
    .orderBy('o.geography')
    .execute();
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.code, [...(out.get(r.code) ?? []), r.geography]);
  return out;
};
