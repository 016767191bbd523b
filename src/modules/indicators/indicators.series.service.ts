import type { TDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { TLocale } from '../../platform/i18n/locale.ts';
import {
  PANELS,
  parsePeriod,
  type TBasis,
  type TOrigin,
  type TPanel,
  type TPeriodKind,
  type TStatus,
} from './indicators.codes.ts';
import { td } from './indicators.data.messages.ts';
import { buildCatalog } from './indicators.dcat.ts';
import { echo } from './indicators.format.ts';
import { GEOGRAPHIES } from './indicators.geography.ts';
import * as repo from './indicators.repo.ts';
import type {
  TBreakdown,
  TBreakdownFilter,
  TIndicator,
  TIndicatorDetail,
  TIndicatorEntry,
  TObservation,
  TRevision,
  TSeries,
  TSeriesQuery,
  TSource,
} from './indicators.schemas.ts';
import * as series from './indicators.series.repo.ts';

// Reading the registry and its series: what the statistics pages and the open-data API show.

const GEO_ORDER = new Map(GEOGRAPHIES.map((g, i) => [g.code, i]));
export const byGeography = (a: string, b: string) =>
  (GEO_ORDER.get(a) ?? 1e6) - (GEO_ORDER.get(b) ?? 1e6) || (a < b ? -1 : a > b ? 1 : 0);

const ownSource = (r: series.TObservationRow, fallback: TSource): TSource =>
  r.source_name_en && r.source_name_zh
    ? { name: { en: r.source_name_en, zh: r.source_name_zh }, url: r.source_url }
    : fallback;

/** A stored observation as the pages and the API see it. */
export const toObservation = (r: series.TObservationRow, indicator: TIndicatorEntry): TObservation => ({
  geography: r.geography,
  period: r.period,
  periodKind: r.period_kind as TPeriodKind,
  periodStart: r.period_start,
  periodEnd: r.period_end,
  asOf: r.as_of,
  basis: (r.basis as TBasis | null) ?? null,
  breakdown: r.breakdown_dim === '' ? null : { dimension: r.breakdown_dim, value: r.breakdown_value },
  value: Number(r.value),
  qualifier: r.qualifier === 'more_than' ? 'more_than' : null,
  status: r.status as TStatus,
  source: ownSource(r, indicator.source),
  note: { en: r.note_en, zh: r.note_zh },
  revision: Number(r.revision),
  updatedAt: r.updated_at,
});

const panelRank = (p: TPanel | null) => (p === null ? PANELS.length : PANELS.indexOf(p));
export const byDisplayOrder = (a: TIndicatorEntry, b: TIndicatorEntry) =>
  panelRank(a.panel) - panelRank(b.panel) ||
  (a.headlineRank ?? 1000) - (b.headlineRank ?? 1000) ||
  (a.code < b.code ? -1 : 1);

/** Indicators with their metadata and coverage, in panel order, then headline rank, then code. */
export const listIndicators = async (
  deps: TDeps,
  filter: Readonly<{ panel?: TPanel; origin?: TOrigin }> = {},
): Promise<TIndicator[]> =>
  (await repo.listIndicators(deps.db, filter)).map((r) => r.indicator).sort(byDisplayOrder);

export const findIndicator = async (
  deps: TDeps,
  code: string,
): Promise<{ id: number; indicator: TIndicator } | undefined> =>
  (await repo.listIndicators(deps.db, { codes: [code] }))[0];

/** One indicator with the geographies and breakdowns its observations use; undefined when unknown. */
export const getIndicator = async (deps: TDeps, code: string): Promise<TIndicatorDetail | undefined> => {
  const found = await findIndicator(deps, code);
  if (!found) return undefined;
  const dims = await repo.indicatorDimensions(deps.db, found.id);
  const breakdowns = new Map<string, string[]>();
  for (const b of dims.breakdowns)
    breakdowns.set(b.dimension, [...(breakdowns.get(b.dimension) ?? []), b.value]);
  return {
    ...found.indicator,
    geographies: dims.geographies.sort(byGeography),
    breakdowns: [...breakdowns].map(([dimension, values]) => ({ dimension, values })),
  };
};

const notFound = (locale: TLocale, code: string) =>
  new AppError('NOT_FOUND', td(locale, 'indicators.api.notFound', { code: echo(code) }));

/** Parses a period bound, or throws BAD_REQUEST in the reader's language. */
export const periodBound = (locale: TLocale, param: 'from' | 'to', value: string | undefined) => {
  if (value === undefined) return undefined;
  const p = parsePeriod(value);
  if (!p)
    throw new AppError('BAD_REQUEST', td(locale, 'indicators.api.badPeriod', { param, value: echo(value) }));
  return p;
};

const toWhere = (
  locale: TLocale,
  query: TSeriesQuery,
): Omit<series.TSeriesWhere, 'after' | 'limit' | 'status'> => {
  const from = periodBound(locale, 'from', query.from);
  const to = periodBound(locale, 'to', query.to);
  if (from && to && from.start > to.end)
    throw new AppError('BAD_REQUEST', td(locale, 'indicators.api.badRange'));
  const geographies =
    query.geography === undefined
      ? undefined
      : typeof query.geography === 'string'
        ? [query.geography]
        : query.geography;
  return { geographies, start: from?.start, end: to?.end, breakdown: query.breakdown ?? 'none' };
};

/**
 * An indicator's observations: every geography, the whole range and totals only unless the query
 * narrows or widens it. Unknown code → NOT_FOUND; a bad period → BAD_REQUEST.
 */
export const observationSeries = async (
  deps: TDeps,
  code: string,
  query: TSeriesQuery = {},
  locale: TLocale = 'en',
): Promise<TSeries> => {
  const found = await findIndicator(deps, code);
  if (!found) throw notFound(locale, code);
  const rows = await series.selectSeries(deps.db, found.id, toWhere(locale, query));
  return { indicator: found.indicator, observations: rows.map((r) => toObservation(r, found.indicator)) };
};

export type TPageQuery = TSeriesQuery &
  Readonly<{
    status?: TStatus;
    limit: number;
    after?: readonly [string, string, string, string, string];
  }>;

/** One page of observations for the API, and the sort key to continue after (none on the last page). */
export const observationPage = async (
  deps: TDeps,
  code: string,
  query: TPageQuery,
  locale: TLocale,
): Promise<{
  indicator: TIndicator;
  observations: TObservation[];
  next: readonly [string, string, string, string, string] | null;
}> => {
  const found = await findIndicator(deps, code);
  if (!found) throw notFound(locale, code);
  const rows = await series.selectSeries(deps.db, found.id, {
    ...toWhere(locale, query),
    status: query.status,
    after: query.after,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    indicator: found.indicator,
    observations: page.map((r) => toObservation(r, found.indicator)),
    next:
      rows.length > query.limit && last
        ? [last.period_start, last.period_end, last.geography, last.breakdown_dim, last.breakdown_value]
        : null,
  };
};

/**
 * Every value an observation has had, newest first: the current one (supersededAt null), then each
 * earlier one with who recorded it, how and why. Undefined when the indicator or observation is unknown.
 */
export const observationHistory = async (
  deps: TDeps,
  code: string,
  key: Readonly<{ geography: string; period: string; breakdown?: TBreakdown }>,
): Promise<TRevision[] | undefined> => {
  const found = await findIndicator(deps, code);
  const p = parsePeriod(key.period);
  if (!found || !p) return undefined;
  const row = await series.findObservation(deps.db, found.id, {
    geography: key.geography,
    period: p.period,
    breakdownDim: key.breakdown?.dimension ?? '',
    breakdownValue: key.breakdown?.value ?? '',
  });
  if (!row) return undefined;
  const current = toObservation(row, found.indicator);
  const earlier = await series.selectRevisions(deps.db, row.id);
  return [
    {
      revision: current.revision,
      value: current.value,
      qualifier: current.qualifier,
      status: current.status,
      source: current.source,
      note: current.note,
      recordedAt: row.updated_at,
      recordedBy: row.recorded_by,
      recordedVia: row.recorded_via,
      reason: row.recorded_reason,
      supersededAt: null,
    },
    ...earlier.map(
      (r): TRevision => ({
        revision: Number(r.revision),
        value: Number(r.value),
        qualifier: r.qualifier === 'more_than' ? 'more_than' : null,
        status: r.status as TStatus,
        source:
          r.source_name_en && r.source_name_zh
            ? { name: { en: r.source_name_en, zh: r.source_name_zh }, url: r.source_url }
            : found.indicator.source,
        note: { en: r.note_en, zh: r.note_zh },
        recordedAt: r.recorded_at,
        recordedBy: r.recorded_by,
        recordedVia: r.recorded_via,
        reason: r.recorded_reason,
        supersededAt: r.superseded_at,
      }),
    ),
  ];
};

/** The DCAT catalogue (JSON-LD) of every indicator, with this portal as publisher. */
export const catalog = async (deps: TDeps) => {
  const [listed, geographies] = await Promise.all([
    repo.listIndicators(deps.db),
    repo.geographiesByIndicator(deps.db),
  ]);
  return buildCatalog({
    publicUrl: deps.config.publicUrl,
    publisher: { en: deps.config.site.ownerEn, zh: deps.config.site.ownerZh },
    indicators: listed.map((r) => r.indicator).sort(byDisplayOrder),
    geographies,
  });
};

export type { TBreakdownFilter };
