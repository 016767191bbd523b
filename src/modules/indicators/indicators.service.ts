import { z } from 'zod';
import { writeAudit } from '../../platform/audit.ts';
import type { TActor, TCallMeta } from '../../platform/auth/actor.ts';
import { nowIso } from '../../platform/db/schema.ts';
import type { TDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/http/errors.ts';
import { parseEach } from '../../platform/http/validate.ts';
import { zText } from '../../platform/schemas.ts';
import { can } from '../accounts/index.ts';
import * as batch from './indicators.batch.repo.ts';
import { parsePeriod, STATUSES } from './indicators.codes.ts';
import { formatValue } from './indicators.format.ts';
import { CITY, normalizeGeography } from './indicators.geography.ts';
import { loadBatch, type TCounts, toWrite } from './indicators.load.ts';
import * as repo from './indicators.repo.ts';
import { type TFigure, ZIndicatorSeed, zBreakdownPart, zIndicatorCode } from './indicators.schemas.ts';
import * as series from './indicators.series.repo.ts';

export { periodLabel } from './indicators.format.ts';

/** A figure's value as a reader expects it: "CNY 436.1 billion" / "4361亿元", "46.4%", "more than 1,000". */
export const formatFigure = formatValue;

/** Headline figures for the home page, in their editorial order. */
export const headlineFigures = (deps: TDeps): Promise<TFigure[]> =>
  repo.listLatestFigures(deps.db, { headlineOnly: true });

/** Every figure of the city with its latest value (the figures of the source article). */
export const allFigures = (deps: TDeps): Promise<TFigure[]> =>
  repo.listLatestFigures(deps.db, { geography: CITY });

/** The latest value of each of these indicators, in the order given; unknown codes are left out. */
export const figuresByCode = async (deps: TDeps, codes: readonly string[]): Promise<TFigure[]> => {
  if (codes.length === 0) return [];
  const all = new Map((await repo.listLatestFigures(deps.db)).map((f) => [f.code, f]));
  return codes.map((c) => all.get(c)).filter((f): f is TFigure => f !== undefined);
};

/** Indicators whose name matches the text, for site search. */
export const searchFigures = (deps: TDeps, text: string, limit = 20): Promise<TFigure[]> =>
  repo.listLatestFigures(deps.db, { text, limit });

/**
 * Loads demo indicators with their metadata and observations in one transaction; validates everything
 * first (schema, period codes, geographies, repeated keys) so bad data loads nothing. Idempotent; a
 * changed value is a correction that keeps the old one in the history.
 */
export const seedIndicators = async (
  deps: TDeps,
  input: unknown[],
  via = 'demo data',
): Promise<{ indicators: TCounts; observations: TCounts }> => {
  const items = parseEach(ZIndicatorSeed, input, 'indicator').map((item, i) => {
    const seen = new Set<string>();
    const observations = item.observations.map((o, j) => {
      try {
        const w = toWrite(o);
        const key = series.keyOf(w);
        if (seen.has(key))
          throw new Error('repeats an earlier observation (same geography, period and breakdown)');
        seen.add(key);
        return w;
      } catch (e) {
        throw new AppError('INVALID', `indicator ${i + 1}: observations.${j}: ${(e as Error).message}`);
      }
    });
    return { meta: item, observations };
  });
  const result = await deps.db
    .transaction()
    .execute((trx) => loadBatch(trx, items, { by: null, via, reason: null, now: nowIso() }));
  if (result.changedCodes.length > 0 || result.indicators.updated + result.indicators.inserted > 0)
    deps.pages.clear();
  return { indicators: result.indicators, observations: result.observations };
};

export const ZCorrection = z.object({
  code: zIndicatorCode,
  geography: z.string().max(80),
  period: z.string().max(20),
  breakdown: z.object({ dimension: zBreakdownPart, value: zBreakdownPart }).optional(),
  value: z.number().finite(),
  status: z.enum(STATUSES).optional(),
  reason: zText(1000),
});
export type TCorrection = z.input<typeof ZCorrection>;

/**
 * Corrects one stored value (staff with `manage:statistics` only; others get "not found"): the old
 * value, who recorded it and why stay in the history, and an audit row records the change.
 */
export const correctObservation = async (
  deps: TDeps,
  actor: TActor | undefined,
  meta: TCallMeta,
  input: TCorrection,
): Promise<void> => {
  if (!can(actor, 'manage:statistics')) throw new AppError('NOT_FOUND');
  const c = ZCorrection.safeParse(input);
  if (!c.success)
    throw new AppError('INVALID', c.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const p = parsePeriod(c.data.period);
  const geography = normalizeGeography(c.data.geography);
  const [found] = await repo.listIndicators(deps.db, { codes: [c.data.code] });
  if (!p || !geography || !found) throw new AppError('NOT_FOUND');
  const now = nowIso();
  await deps.db.transaction().execute(async (trx) => {
    const old = await series.findObservation(trx, found.id, {
      geography,
      period: p.period,
      breakdownDim: c.data.breakdown?.dimension ?? '',
      breakdownValue: c.data.breakdown?.value ?? '',
    });
    if (!old) throw new AppError('NOT_FOUND');
    const next = {
      as_of: old.as_of,
      basis: old.basis,
      value: c.data.value,
      qualifier: old.qualifier,
      status: c.data.status ?? old.status,
      source_name_en: old.source_name_en,
      source_name_zh: old.source_name_zh,
      source_url: old.source_url,
      note_en: old.note_en,
      note_zh: old.note_zh,
    };
    if (!batch.differs(old, next)) return;
    await batch.correctObservation(trx, old, next, {
      by: actor?.personId ?? null,
      via: 'correction',
      reason: c.data.reason,
      now,
    });
    await repo.touchIndicators(trx, [found.id], now);
    await writeAudit(trx, {
      actorId: actor?.personId ?? null,
      action: 'correct:observation',
      subjectType: 'indicator-observation',
      subjectId: old.id,
      before: { value: Number(old.value), status: old.status, revision: old.revision },
      after: { value: next.value, status: next.status, revision: old.revision + 1, reason: c.data.reason },
      requestId: meta.requestId,
      ip: meta.ip,
    });
  });
  deps.pages.clear();
};

export { compareGeographies, latestWithChange, panelOverview } from './indicators.latest.service.ts';
// The statistics pages import the series reads from here too.
export {
  getIndicator,
  listIndicators,
  observationHistory,
  observationSeries,
} from './indicators.series.service.ts';
