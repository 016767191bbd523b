import type { TDeps } from '../../platform/deps.ts';
import { PANELS, parsePeriod, previousYearPeriod, type TStatus } from './indicators.codes.ts';
import { geographyOf, type TGeographyLevel } from './indicators.geography.ts';
import * as repo from './indicators.repo.ts';
import type {
  TBreakdown,
  TChange,
  TComparison,
  TLatest,
  TObservation,
  TPanelOverview,
} from './indicators.schemas.ts';
import * as series from './indicators.series.repo.ts';
import { byDisplayOrder, byGeography, findIndicator, toObservation } from './indicators.series.service.ts';

// What the statistics home and the indicator pages summarise: the latest value with its year-on-year
// change, every panel's latest values, and one period compared across geographies.

const changeOf = (latest: TObservation, previous: TObservation | null): TChange | null =>
  previous
    ? {
        absolute: latest.value - previous.value,
        relative: previous.value === 0 ? null : (latest.value - previous.value) / previous.value,
      }
    : null;

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** The observation one year before `latest` among candidates: same period one year on, or ±31 days for dates. */
const previousOf = (latest: TObservation, candidates: readonly TObservation[]): TObservation | null => {
  const p = parsePeriod(latest.period);
  const prev = p ? previousYearPeriod(p) : undefined;
  if (!prev) return null;
  if (latest.periodKind !== 'date') return candidates.find((c) => c.period === prev.period) ?? null;
  const target = dayNumber(prev.end);
  let best: TObservation | null = null;
  for (const c of candidates) {
    if (c.periodKind !== 'date') continue;
    const d = Math.abs(dayNumber(c.periodEnd) - target);
    if (d <= 31 && (!best || d < Math.abs(dayNumber(best.periodEnd) - target))) best = c;
  }
  return best;
};

/**
 * The range of period ends that holds every candidate previousOf may choose for `latest`: the end of
 * the same period one year before (what a period of the same kind ends on), ±31 days (dates). Undefined
 * when there is no such period.
 */
const yearBeforeRange = (latest: TObservation): { endFrom: string; endTo: string } | undefined => {
  const p = parsePeriod(latest.period);
  const prev = p ? previousYearPeriod(p) : undefined;
  if (!prev) return undefined;
  const day = dayNumber(prev.end);
  const iso = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);
  return { endFrom: iso(day - 31), endTo: iso(day + 31) };
};

/**
 * The latest value of an indicator at a geography (its default one unless given; the total unless a
 * breakdown is given), with the value one year earlier and the change. Undefined when the code is
 * unknown or nothing is recorded there.
 */
export const latestWithChange = async (
  deps: TDeps,
  code: string,
  geography?: string,
  opts: Readonly<{ breakdown?: TBreakdown }> = {},
): Promise<TLatest | undefined> => {
  const found = await findIndicator(deps, code);
  const geo = geography ?? found?.indicator.defaultGeography;
  if (!found || !geo) return undefined;
  const all = (
    await series.selectSeries(deps.db, found.id, {
      geographies: [geo],
      breakdown: opts.breakdown ?? 'none',
    })
  ).map((r) => toObservation(r, found.indicator));
  const latest = [...all].sort((a, b) =>
    a.periodEnd === b.periodEnd
      ? a.periodStart < b.periodStart
        ? -1
        : 1
      : a.periodEnd > b.periodEnd
        ? -1
        : 1,
  )[0];
  if (!latest) return undefined;
  const previous = previousOf(latest, all);
  return { indicator: found.indicator, latest, previous, change: changeOf(latest, previous) };
};

/**
 * Every panel of the statistics home (in PANELS order, empty ones too) with its indicators and each
 * one's latest total at its default geography and year-on-year change, in three queries, each read by
 * index (the home shows no coverage, so the registry is read without it).
 */
export const panelOverview = async (deps: TDeps): Promise<TPanelOverview> => {
  const listed = await repo.listIndicatorEntries(deps.db);
  const indicators = listed.map((r) => r.indicator).sort(byDisplayOrder);
  const idOf = new Map(listed.map((r) => [r.id, r.indicator]));
  const ids = new Map(listed.map((r) => [r.indicator.code, r.id]));
  const latestByCode = new Map<string, TObservation>();
  for (const r of await series.selectLatestTotals(deps.db)) {
    const ind = idOf.get(r.indicator_id);
    if (ind && !latestByCode.has(ind.code)) latestByCode.set(ind.code, toObservation(r, ind));
  }
  const before = new Map<string, TObservation[]>();
  // Each indicator's values around one year before its latest, at its default geography.
  const pairs = indicators.flatMap((i) => {
    const l = latestByCode.get(i.code);
    const range = l && i.defaultGeography ? yearBeforeRange(l) : undefined;
    return range
      ? [{ indicatorId: ids.get(i.code) as number, geography: i.defaultGeography as string, ...range }]
      : [];
  });
  for (const r of await series.selectAround(deps.db, pairs, undefined)) {
    const ind = idOf.get(r.indicator_id);
    if (!ind || r.geography !== ind.defaultGeography) continue;
    before.set(ind.code, [...(before.get(ind.code) ?? []), toObservation(r, ind)]);
  }
  return PANELS.map((panel) => ({
    panel,
    items: indicators
      .filter((i) => i.panel === panel)
      .map((indicator) => {
        const l = latestByCode.get(indicator.code);
        if (!l) return { indicator, latest: null };
        const previous = previousOf(l, before.get(indicator.code) ?? []);
        return { indicator, latest: { indicator, latest: l, previous, change: changeOf(l, previous) } };
      }),
  }));
};

/**
 * One period's values across the geographies of one level (provinces by default for provincial
 * data), highest first, with the parent's value. The period defaults to the latest one that has values
 * for at least two geographies of that level.
 */
export const compareGeographies = async (
  deps: TDeps,
  code: string,
  period?: string,
  opts: Readonly<{ level?: TGeographyLevel; breakdown?: TBreakdown }> = {},
): Promise<TComparison | undefined> => {
  const found = await findIndicator(deps, code);
  if (!found) return undefined;
  const level =
    opts.level ??
    geographyOf(found.indicator.defaultGeography ?? '')?.level ??
    ('province' as TGeographyLevel);
  const canonical = period === undefined ? undefined : parsePeriod(period)?.period;
  if (period !== undefined && !canonical) return undefined;
  const rows = (await series.selectPeriod(deps.db, found.id, canonical, opts.breakdown)).filter(
    (r) => geographyOf(r.geography) !== undefined,
  );
  const atLevel = rows.filter((r) => geographyOf(r.geography)?.level === level);
  let chosen = canonical;
  if (!chosen) {
    const counts = new Map<string, { n: number; end: string }>();
    for (const r of atLevel)
      counts.set(r.period, { n: (counts.get(r.period)?.n ?? 0) + 1, end: r.period_end });
    chosen = [...counts].filter(([, c]) => c.n >= 2).sort((a, b) => (a[1].end > b[1].end ? -1 : 1))[0]?.[0];
  }
  if (!chosen) return undefined;
  const inPeriod = atLevel
    .filter((r) => r.period === chosen)
    .sort((a, b) => Number(b.value) - Number(a.value) || byGeography(a.geography, b.geography));
  const parents = new Set(inPeriod.map((r) => geographyOf(r.geography)?.parent).filter(Boolean));
  const parent = parents.size === 1 ? [...parents][0] : undefined;
  const ref = parent ? rows.find((r) => r.period === chosen && r.geography === parent) : undefined;
  return {
    indicator: found.indicator,
    period: chosen,
    level,
    rows: inPeriod.map((r, i) => ({
      geography: r.geography,
      value: Number(r.value),
      status: r.status as TStatus,
      rank: i + 1,
    })),
    reference: ref ? { geography: ref.geography, value: Number(ref.value) } : null,
  };
};
