import type { Db } from '../../platform/db/database.ts';
import * as writes from './indicators.batch.repo.ts';
import { parsePeriod } from './indicators.codes.ts';
import { normalizeGeography } from './indicators.geography.ts';
import * as repo from './indicators.repo.ts';
import type { TIndicatorMeta, TObservationSeed } from './indicators.schemas.ts';
import type * as series from './indicators.series.repo.ts';

// The one write path for batches of indicators and observations, shared by the demo loader and the
// statistics import: registry rows upserted by code, observations inserted, left alone when identical,
// or corrected with the old value kept in the history. The caller owns the transaction.

export type TLoadItem = Readonly<{ meta: TIndicatorMeta; observations: readonly series.TObservationWrite[] }>;
export type TCounts = { inserted: number; updated: number; unchanged: number };
export type TLoadResult = Readonly<{ indicators: TCounts; observations: TCounts; changedCodes: string[] }>;

/** A seed observation as a row to write; throws with the reason when its period or geography is unknown. */
export const toWrite = (o: TObservationSeed): series.TObservationWrite => {
  const p = parsePeriod(o.period);
  if (!p) throw new Error(`"${o.period}" is not a period code`);
  const geography = normalizeGeography(o.geography);
  if (!geography) throw new Error(`"${o.geography}" is not a known geography`);
  return {
    geography,
    period: p.period,
    periodKind: p.kind,
    periodStart: p.start,
    periodEnd: p.end,
    breakdownDim: o.breakdown?.dimension ?? '',
    breakdownValue: o.breakdown?.value ?? '',
    as_of: o.asOf ?? p.end,
    basis: o.basis ?? null,
    value: o.value,
    qualifier: o.qualifier ?? null,
    status: o.status,
    source_name_en: o.source?.en ?? null,
    source_name_zh: o.source?.zh ?? null,
    source_url: o.source?.url ?? null,
    note_en: o.note?.en || null,
    note_zh: o.note?.zh || null,
  };
};

/** Writes a batch (validated beforehand) in the caller's transaction and counts what changed. */
export const loadBatch = async (
  trx: Db,
  items: readonly TLoadItem[],
  rec: series.TRecorded,
): Promise<TLoadResult> => {
  const {
    ids,
    counts: indicators,
    fresh,
  } = await repo.upsertIndicators(
    trx,
    items.map((i) => i.meta),
    rec.now,
  );
  const batch: writes.TBatchRow[] = items.flatMap((item) => {
    const indicatorId = ids.get(item.meta.code) as number;
    return item.observations.map((o) => ({ ...o, indicatorId }));
  });
  const changed = new Set<number>();
  const freshIds = new Set([...fresh].map((code) => ids.get(code) as number));
  // Indicators registered just now have nothing stored to correct.
  const corrections = await writes.selectChanged(
    trx,
    batch.filter((r) => !freshIds.has(r.indicatorId)),
  );
  for (const c of corrections) {
    await writes.correctObservation(trx, c, c.next, rec);
    changed.add(c.indicator_id);
  }
  const inserted = await writes.insertMissing(trx, batch, rec);
  for (const id of inserted) changed.add(id);
  const observations = {
    inserted: inserted.length,
    updated: corrections.length,
    unchanged: batch.length - inserted.length - corrections.length,
  };
  const codeOf = new Map([...ids].map(([code, id]) => [id, code]));
  const changedCodes = [...changed].map((id) => codeOf.get(id) as string);
  await repo.touchIndicators(trx, [...changed], rec.now);
  return { indicators, observations, changedCodes };
};
