import { writeAudit } from '../../platform/audit.ts';
import type { TActor, TCallMeta } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import type { TDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/http/errors.ts';
import { can } from '../accounts/index.ts';
import { countRegistry } from '../directory/index.ts';
import { addDays, cityDay, monthOf } from './indicators.calendar.ts';
import { parsePeriod, type TPeriod } from './indicators.codes.ts';
import * as runs from './indicators.computed.repo.ts';
import { COMPUTED, computedMeta, REGISTRY_CITY } from './indicators.computed.ts';
import { CITY, districtGeography, GEOGRAPHIES } from './indicators.geography.ts';
import { loadBatch, type TCounts, type TLoadItem } from './indicators.load.ts';
import * as repo from './indicators.repo.ts';
import * as series from './indicators.series.repo.ts';

// Recomputing the computed indicators: count the registry by each definition's rule, then write this
// month's value for the city and every district through the observation batch path (one transaction),
// so an unchanged count writes nothing and a changed one keeps the old value in the history. Months
// that have ended are marked final by the first recompute after them.

export type TRecomputeTrigger = 'startup' | 'daily' | 'staff' | 'cli';

export type TRecomputeResult = Readonly<{
  period: string;
  ms: number;
  /** Each indicator's city total and how many matching records have no district. */
  totals: readonly Readonly<{ code: string; total: number; withoutDistrict: number }>[];
  observations: TCounts;
  /** Observations of ended months marked final by this run. */
  finalised: number;
}>;

const DISTRICTS = GEOGRAPHIES.filter((g) => g.level === 'district').map((g) => g.code);

const monthValue = (month: TPeriod, geography: string, value: number) => ({
  geography,
  period: month.period,
  periodKind: month.kind,
  periodStart: month.start,
  periodEnd: month.end,
  breakdownDim: '',
  breakdownValue: '',
  as_of: month.end,
  basis: null,
  value,
  qualifier: null,
  // The month is still open: its count may change until it ends.
  status: 'provisional',
  source_name_en: null,
  source_name_zh: null,
  source_url: null,
  note_en: null,
  note_zh: null,
});

/** A stored observation rewritten with the final status (its values otherwise as stored). */
const asFinal = (o: series.TObservationRow): series.TObservationWrite => ({
  geography: o.geography,
  period: o.period,
  periodKind: o.period_kind,
  periodStart: o.period_start,
  periodEnd: o.period_end,
  breakdownDim: o.breakdown_dim,
  breakdownValue: o.breakdown_value,
  as_of: o.as_of,
  basis: o.basis,
  value: Number(o.value),
  qualifier: o.qualifier,
  status: 'final',
  source_name_en: o.source_name_en,
  source_name_zh: o.source_name_zh,
  source_url: o.source_url,
  note_en: o.note_en,
  note_zh: o.note_zh,
});

/** Provisional observations of the computed indicators for months that ended before `month`. */
const endedProvisional = async (trx: Db, month: TPeriod): Promise<Map<string, series.TObservationRow[]>> => {
  const out = new Map<string, series.TObservationRow[]>();
  const found = await repo.listIndicators(trx, { codes: COMPUTED.map((d) => d.code) });
  for (const { id, indicator } of found) {
    const rows = await series.selectSeries(trx, id, {
      end: addDays(month.start, -1),
      status: 'provisional',
      breakdown: 'all',
    });
    if (rows.length > 0) out.set(indicator.code, rows);
  }
  return out;
};

/**
 * Recomputes every computed indicator for the month of `now` (in Guangzhou) and records the run.
 * `audit` runs inside the write transaction (a staff recompute leaves its audit row there).
 */
export const recomputeIndicators = async (
  deps: TDeps,
  opts: {
    trigger: TRecomputeTrigger;
    now?: Date;
    actorId?: number | null;
    audit?: (trx: Db, result: TRecomputeResult) => Promise<void>;
  },
): Promise<TRecomputeResult> => {
  const started = performance.now();
  const now = opts.now ?? new Date();
  const day = cityDay(now);
  const month = parsePeriod(monthOf(day)) as TPeriod;
  // Counted before the transaction opens: SQLite has one connection, and the counts only read.
  const counted: { d: (typeof COMPUTED)[number]; count: Awaited<ReturnType<typeof countRegistry>> }[] = [];
  for (const d of COMPUTED) {
    const rule = { ...d.rule, city: REGISTRY_CITY, ...(d.validOnToday ? { validOn: day } : {}) };
    counted.push({ d, count: await countRegistry(deps, rule) });
  }
  const totals = counted.map(({ d, count }) => {
    let inDistricts = 0;
    for (const [district, n] of count.byDistrict) if (districtGeography(district)) inDistricts += n;
    return { code: d.code, total: count.total, withoutDistrict: count.total - inDistricts };
  });
  const at = now.toISOString();
  const rec = { by: opts.actorId ?? null, via: `recompute (${opts.trigger})`, reason: null, now: at };
  const result = await deps.db.transaction().execute(async (trx) => {
    const ended = await endedProvisional(trx, month);
    let finalised = 0;
    const items: TLoadItem[] = counted.map(({ d, count }) => {
      const byGeography = new Map<string, number>(DISTRICTS.map((g) => [g, 0]));
      for (const [district, n] of count.byDistrict) {
        const g = districtGeography(district);
        if (g) byGeography.set(g, n);
      }
      const past = (ended.get(d.code) ?? []).map(asFinal);
      finalised += past.length;
      return {
        meta: computedMeta(d),
        observations: [
          ...past,
          monthValue(month, CITY, count.total),
          ...[...byGeography].map(([g, n]) => monthValue(month, g, n)),
        ],
      };
    });
    const loaded = await loadBatch(trx, items, rec);
    const observations = { ...loaded.observations, updated: loaded.observations.updated - finalised };
    const r: TRecomputeResult = {
      period: month.period,
      ms: Math.round(performance.now() - started),
      totals,
      observations,
      finalised,
    };
    await runs.insertRecompute(trx, {
      trigger: opts.trigger,
      actor_id: opts.actorId ?? null,
      period: month.period,
      started_at: at,
      ms: r.ms,
      inserted: observations.inserted,
      updated: observations.updated,
      unchanged: observations.unchanged,
    });
    await opts.audit?.(trx, r);
    return { r, changed: loaded.changedCodes.length > 0 || loaded.indicators.updated > 0 };
  });
  if (result.changed) deps.pages.clear();
  return result.r;
};

/** A scheduled recompute is due this long after the last one, whatever started it. */
const RECOMPUTE_EVERY_MS = 23 * 3_600_000;

/**
 * The background job (checked at start-up and every hour): recomputes when the last run is a day old,
 * belongs to an earlier month, or some computed indicator is not registered yet (a new definition).
 * Restarting the server does not recount a large registry each time. Returns undefined when not due.
 */
export const recomputeIfDue = async (
  deps: TDeps,
  trigger: 'startup' | 'daily',
  now: Date = new Date(),
): Promise<TRecomputeResult | undefined> => {
  const last = (await runs.latestRecomputes(deps.db, 1))[0];
  const registered = await repo.listIndicators(deps.db, { codes: COMPUTED.map((d) => d.code) });
  const due =
    !last ||
    now.getTime() - Date.parse(last.started_at) >= RECOMPUTE_EVERY_MS ||
    last.period !== monthOf(cityDay(now)) ||
    registered.length < COMPUTED.length;
  return due ? recomputeIndicators(deps, { trigger, now }) : undefined;
};

/** A recompute asked for by staff (`manage:statistics`; others get "not found"), with an audit row. */
export const recomputeByStaff = (deps: TDeps, actor: TActor | undefined, meta: TCallMeta) => {
  if (!actor || !can(actor, 'manage:statistics')) throw new AppError('NOT_FOUND');
  return recomputeIndicators(deps, {
    trigger: 'staff',
    actorId: actor.personId,
    audit: (trx, r) =>
      writeAudit(trx, {
        actorId: actor.personId,
        action: 'recompute:indicators',
        subjectType: 'indicator',
        subjectId: null,
        after: { period: r.period, ...r.observations, finalised: r.finalised },
        requestId: meta.requestId,
        ip: meta.ip,
      }),
  });
};

export type TComputedOverview = Readonly<{
  rows: readonly Readonly<{
    code: string;
    name: Readonly<{ en: string; zh: string }>;
    mirrors: string | null;
    latest: Readonly<{ period: string; value: number; status: string; revision: number }> | null;
  }>[];
  runs: readonly runs.TRecomputeRow[];
}>;

/** What the staff page shows: each computed indicator's latest city value, and the latest runs. */
export const computedOverview = async (
  deps: TDeps,
  actor: TActor | undefined,
): Promise<TComputedOverview> => {
  if (!actor || !can(actor, 'manage:statistics')) throw new AppError('NOT_FOUND');
  const found = new Map(
    (await repo.listIndicators(deps.db, { codes: COMPUTED.map((d) => d.code) })).map((f) => [
      f.indicator.code,
      f,
    ]),
  );
  const rows = [];
  for (const d of COMPUTED) {
    const f = found.get(d.code);
    const latest = f
      ? (await series.selectSeries(deps.db, f.id, { geographies: [CITY], breakdown: 'none' })).at(-1)
      : undefined;
    rows.push({
      code: d.code,
      name: d.name,
      mirrors: d.mirrors,
      latest: latest
        ? {
            period: latest.period,
            value: Number(latest.value),
            status: latest.status,
            revision: latest.revision,
          }
        : null,
    });
  }
  return { rows, runs: await runs.latestRecomputes(deps.db, 10) };
};
