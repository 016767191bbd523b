import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { engineOf } from '../../platform/db/schema.ts';
import type { TObservationRow, TObservationWrite, TRecorded } from './indicators.series.repo.ts';
import { q, type TObservationValues, VALUE_COLUMNS } from './indicators.tables.ts';

// The write path of observations: a batch compared with what is stored and inserted in two statements,
// and corrections that keep the old value in the revision table.

// The batch travels as one JSON parameter and each engine unpacks it: one statement finds the changed
// rows, one inserts the new ones, whatever the size (a row at a time costs ~0.1 ms of query building).
const BATCH_COLUMNS = [
  ['indicator_id', 'integer'],
  ['geography', 'text'],
  ['period', 'text'],
  ['period_kind', 'text'],
  ['period_start', 'text'],
  ['period_end', 'text'],
  ['breakdown_dim', 'text'],
  ['breakdown_value', 'text'],
  ['as_of', 'text'],
  ['basis', 'text'],
  ['value', 'double precision'],
  ['qualifier', 'text'],
  ['status', 'text'],
  ['source_name_en', 'text'],
  ['source_name_zh', 'text'],
  ['source_url', 'text'],
  ['note_en', 'text'],
  ['note_zh', 'text'],
] as const;
const KEY_COLUMNS = ['indicator_id', 'geography', 'period', 'breakdown_dim', 'breakdown_value'] as const;
const NULLABLE = new Set([
  'basis',
  'qualifier',
  'source_name_en',
  'source_name_zh',
  'source_url',
  'note_en',
  'note_zh',
]);
const JSON_CHUNK = 10_000;

export type TBatchRow = TObservationWrite & Readonly<{ indicatorId: number }>;

const batchJson = (rows: readonly TBatchRow[]): string =>
  JSON.stringify(
    rows.map((r) => [
      r.indicatorId,
      r.geography,
      r.period,
      r.periodKind,
      r.periodStart,
      r.periodEnd,
      r.breakdownDim,
      r.breakdownValue,
      ...VALUE_COLUMNS.map((c) => r[c]),
    ]),
  );

/** The batch as a relation `x` with the BATCH_COLUMNS, unpacked from its JSON by the engine. */
const batchRelation = (db: Db, json: string) => {
  if (engineOf(db) === 'postgres') {
    const cols = BATCH_COLUMNS.map(
      ([name, type], i) => sql`(j.v ->> ${sql.lit(i)})::${sql.raw(type)} as ${sql.ref(name)}`,
    );
    return sql`(select ${sql.join(cols)} from jsonb_array_elements(${json}::jsonb) as j(v))`;
  }
  const cols = BATCH_COLUMNS.map(([name], i) => sql`j.value ->> ${sql.lit(i)} as ${sql.ref(name)}`);
  // Binary JSON (SQLite 3.45+): each row's array is read without parsing its text 18 times.
  return sql`(select ${sql.join(cols)} from jsonb_each(jsonb(${json})) as j)`;
};

const sameKey = sql.join(
  KEY_COLUMNS.map((c) => sql`o.${sql.ref(c)} = x.${sql.ref(c)}`),
  sql` and `,
);

/**
 * The stored observations whose values differ from the batch's, each with the batch's values
 * (prefixed `new_`), so the caller can correct them and keep the old ones.
 */
export const selectChanged = async (
  db: Db,
  rows: readonly TBatchRow[],
): Promise<(TObservationRow & { next: TObservationValues })[]> => {
  const pg = engineOf(db) === 'postgres';
  const differs = sql.join(
    VALUE_COLUMNS.map((c) =>
      NULLABLE.has(c)
        ? pg
          ? sql`o.${sql.ref(c)} is distinct from x.${sql.ref(c)}`
          : sql`o.${sql.ref(c)} is not x.${sql.ref(c)}`
        : sql`o.${sql.ref(c)} <> x.${sql.ref(c)}`,
    ),
    sql` or `,
  );
  const out: (TObservationRow & { next: TObservationValues })[] = [];
  for (let i = 0; i < rows.length; i += JSON_CHUNK) {
    const x = batchRelation(db, batchJson(rows.slice(i, i + JSON_CHUNK)));
    const news = sql.join(VALUE_COLUMNS.map((c) => sql`x.${sql.ref(c)} as ${sql.ref(`new_${c}`)}`));
    const found = await sql<
      Record<string, unknown>
    >`select o.*, ${news} from indicator_observation o inner join ${x} x on ${sameKey} where ${differs}`.execute(
      db,
    );
    for (const r of found.rows) {
      const next = Object.fromEntries(
        VALUE_COLUMNS.map((c) => [c, r[`new_${c}`] ?? null]),
      ) as TObservationValues;
      next.value = Number(next.value);
      out.push({ ...(r as unknown as TObservationRow), next });
    }
  }
  return out;
};

/** Inserts the batch's rows that are not stored yet; returns the indicator id of each inserted row. */
export const insertMissing = async (
  db: Db,
  rows: readonly TBatchRow[],
  rec: TRecorded,
): Promise<number[]> => {
  const pg = engineOf(db) === 'postgres';
  const names = BATCH_COLUMNS.map(([name]) => name);
  const target = sql.join(
    [...names, 'revision', 'recorded_by', 'recorded_via', 'recorded_reason', 'created_at', 'updated_at'].map(
      (c) => sql.ref(c),
    ),
  );
  const by = pg ? sql`cast(${rec.by} as integer)` : sql`${rec.by}`;
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += JSON_CHUNK) {
    const x = batchRelation(db, batchJson(rows.slice(i, i + JSON_CHUNK)));
    const picked = sql.join(names.map((c) => sql`x.${sql.ref(c)}`));
    const r = await sql<{ indicator_id: number }>`insert into indicator_observation (${target})
      select ${picked}, 1, ${by}, ${rec.via}, ${rec.reason}, ${rec.now}, ${rec.now} from ${x} x
      where not exists (select 1 from indicator_observation o where ${sameKey})
      returning indicator_id`.execute(db);
    for (const row of r.rows) ids.push(Number(row.indicator_id));
  }
  return ids;
};

/** True when the stored observation's values differ from the new ones. */
export const differs = (old: TObservationRow, next: TObservationValues): boolean =>
  VALUE_COLUMNS.some((c) => (c === 'value' ? Number(old.value) !== next.value : old[c] !== next[c]));

/**
 * Replaces an observation's values, keeping the old ones in the revision table with who recorded
 * them, how and why, and when they were replaced.
 */
export const correctObservation = async (
  db: Db,
  old: TObservationRow,
  next: TObservationValues,
  rec: TRecorded,
): Promise<void> => {
  await q(db)
    .insertInto('indicator_observation_revision')
    .values({
      observation_id: old.id,
      revision: old.revision,
      value: old.value,
      qualifier: old.qualifier,
      status: old.status,
      source_name_en: old.source_name_en,
      source_name_zh: old.source_name_zh,
      source_url: old.source_url,
      note_en: old.note_en,
      note_zh: old.note_zh,
      recorded_at: old.updated_at,
      recorded_by: old.recorded_by,
      recorded_via: old.recorded_via,
      recorded_reason: old.recorded_reason,
      superseded_at: rec.now,
    })
    .execute();
  await q(db)
    .updateTable('indicator_observation')
    .set({
      ...(Object.fromEntries(VALUE_COLUMNS.map((c) => [c, next[c]])) as TObservationValues),
      revision: old.revision + 1,
      recorded_by: rec.by,
      recorded_via: rec.via,
      recorded_reason: rec.reason,
      updated_at: rec.now,
    })
    .where('id', '=', old.id)
    .execute();
};
