import { type Kysely, sql } from 'kysely';
import { engineOf, idColumn } from '../src/platform/db/schema.ts';

// Frozen once merged: change the schema with a new migration.
// The indicator registry gets its metadata (definition, frequency, methodology, panel, licence…);
// observations get normalised periods, breakdowns, a status, their own source, and a revision history
// so a corrected value never overwrites the old one silently.

const OLD_BASIS: Record<string, string> = {
  stock: 'stock',
  flow: 'flow',
  'to date': 'to_date',
  cumulative: 'cumulative',
  planned: 'planned',
  event: 'event',
  'per year': 'per_year',
};

const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The normalised period of an observation of the first migration (period text + as-of date). */
const normalise = (period: string, asOf: string) => {
  if (/^\d{4}$/.test(period))
    return { period, kind: 'year', start: `${period}-01-01`, end: `${period}-12-31` };
  const half = /^(\d{4})-H([12])$/.exec(period);
  if (half)
    return half[2] === '1'
      ? { period, kind: 'half', start: `${half[1]}-01-01`, end: `${half[1]}-06-30` }
      : { period, kind: 'half', start: `${half[1]}-07-01`, end: `${half[1]}-12-31` };
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) {
    const end = `${period}-${String(lastDay(Number(month[1]), Number(month[2]))).padStart(2, '0')}`;
    return { period, kind: 'month', start: `${period}-01`, end };
  }
  return { period: asOf, kind: 'date', start: asOf, end: asOf, basis: OLD_BASIS[period] ?? null };
};

const OBSERVATION_COLUMNS = [
  'id',
  'indicator_id',
  'geography',
  'period',
  'period_kind',
  'period_start',
  'period_end',
  'as_of',
  'basis',
  'breakdown_dim',
  'breakdown_value',
  'value',
  'qualifier',
  'status',
  'source_name_en',
  'source_name_zh',
  'source_url',
  'note_en',
  'note_zh',
  'revision',
  'recorded_by',
  'recorded_via',
  'recorded_reason',
  'created_at',
  'updated_at',
];

export const up = async (db: Kysely<any>): Promise<void> => {
  const engine = engineOf(db);

  // --- the registry -----------------------------------------------------------------------------
  const addIndicator = (
    name: string,
    type: 'text' | 'integer' | `varchar(${number})`,
    def?: string | number,
  ) =>
    db.schema
      .alterTable('indicator')
      .addColumn(name, type, (c) => (def === undefined ? c : c.notNull().defaultTo(def)))
      .execute();
  await addIndicator('definition_en', 'text');
  await addIndicator('definition_zh', 'text');
  await addIndicator('frequency', 'varchar(12)', 'irregular');
  await addIndicator('methodology_en', 'text');
  await addIndicator('methodology_zh', 'text');
  await addIndicator('comparability_en', 'text');
  await addIndicator('comparability_zh', 'text');
  await addIndicator('owner_en', 'text');
  await addIndicator('owner_zh', 'text');
  await addIndicator('panel', 'varchar(20)');
  await addIndicator('license', 'varchar(20)', 'CC-BY-4.0');
  await addIndicator('default_geography', 'varchar(40)');
  // Raised on every change to the indicator or its observations: charts are cached by it.
  await addIndicator('data_version', 'integer', 1);
  // Units become codes (count, percent, cny_billion, …).
  await db.updateTable('indicator').set({ unit: 'cny_billion' }).where('unit', '=', 'billion CNY').execute();
  await db.schema.createIndex('indicator_panel_idx').on('indicator').columns(['panel']).execute();

  // --- observations -----------------------------------------------------------------------------
  const addObservation = (
    name: string,
    type: 'text' | 'integer' | `varchar(${number})`,
    def?: string | number,
  ) =>
    db.schema
      .alterTable('indicator_observation')
      .addColumn(name, type, (c) => (def === undefined ? c : c.notNull().defaultTo(def)))
      .execute();
  await addObservation('period_kind', 'varchar(8)', 'date');
  await addObservation('period_start', 'varchar(10)', '');
  await addObservation('period_end', 'varchar(10)', '');
  await addObservation('basis', 'varchar(16)');
  // '' and '' for the total: empty strings rather than NULL so the unique key holds on both engines.
  await addObservation('breakdown_dim', 'varchar(40)', '');
  await addObservation('breakdown_value', 'varchar(40)', '');
  await addObservation('status', 'varchar(12)', 'final');
  await addObservation('source_name_en', 'text');
  await addObservation('source_name_zh', 'text');
  await addObservation('source_url', 'text');
  await addObservation('revision', 'integer', 1);
  await addObservation('recorded_by', 'integer');
  await addObservation('recorded_via', 'varchar(200)');
  await addObservation('recorded_reason', 'text');

  const old = await db
    .selectFrom('indicator_observation')
    .select(['id', 'geography', 'period', 'as_of'])
    .execute();
  for (const row of old as { id: number; geography: string; period: string; as_of: string }[]) {
    const p = normalise(row.period, row.as_of);
    await db
      .updateTable('indicator_observation')
      .set({
        // The first migration wrote the city by name; geographies are codes now.
        geography: row.geography === 'Guangzhou' ? 'CN-GD-GZ' : row.geography,
        period: p.period,
        period_kind: p.kind,
        period_start: p.start,
        period_end: p.end,
        basis: 'basis' in p ? p.basis : null,
      })
      .where('id', '=', row.id)
      .execute();
  }
  await db
    .updateTable('indicator')
    .set({ default_geography: 'CN-GD-GZ' })
    .where(
      'id',
      'in',
      db.selectFrom('indicator_observation').select('indicator_id').where('geography', '=', 'CN-GD-GZ'),
    )
    .execute();

  // The old key (indicator, geography, as-of) cannot hold breakdowns. PostgreSQL drops the constraint;
  // SQLite cannot drop a table constraint, so the table is rebuilt (its documented procedure).
  if (engine === 'postgres') {
    await sql`alter table indicator_observation drop constraint indicator_observation_key`.execute(db);
  } else {
    await sql`create table indicator_observation_next (
      id integer primary key autoincrement,
      indicator_id integer not null references indicator (id) on delete cascade,
      geography varchar(80) not null,
      period varchar(40) not null,
      period_kind varchar(8) not null default 'date',
      period_start varchar(10) not null default '',
      period_end varchar(10) not null default '',
      as_of varchar(10) not null,
      basis varchar(16),
      breakdown_dim varchar(40) not null default '',
      breakdown_value varchar(40) not null default '',
      value double precision not null,
      qualifier varchar(20),
      status varchar(12) not null default 'final',
      source_name_en text,
      source_name_zh text,
      source_url text,
      note_en text,
      note_zh text,
      revision integer not null default 1,
      recorded_by integer,
      recorded_via varchar(200),
      recorded_reason text,
      created_at varchar(32) not null,
      updated_at varchar(32) not null
    )`.execute(db);
    const cols = sql.join(OBSERVATION_COLUMNS.map((c) => sql.ref(c)));
    await sql`insert into indicator_observation_next (${cols}) select ${cols} from indicator_observation`.execute(
      db,
    );
    await sql`drop table indicator_observation`.execute(db);
    await sql`alter table indicator_observation_next rename to indicator_observation`.execute(db);
  }
  await db.schema
    .createIndex('indicator_observation_key')
    .on('indicator_observation')
    .columns(['indicator_id', 'geography', 'period', 'breakdown_dim', 'breakdown_value'])
    .unique()
    .execute();
  // Series and "latest" read by indicator and period end.
  await db.schema
    .createIndex('indicator_observation_period_idx')
    .on('indicator_observation')
    .columns(['indicator_id', 'period_end'])
    .execute();

  // --- corrections keep their history -------------------------------------------------------------
  // One row per value an observation has had before its current one: the old value, who recorded it,
  // how and why, and when it was replaced. The current value lives on the observation itself.
  await db.schema
    .createTable('indicator_observation_revision')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('observation_id', 'integer', (c) =>
      c.notNull().references('indicator_observation.id').onDelete('cascade'),
    )
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('qualifier', 'varchar(20)')
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('source_name_en', 'text')
    .addColumn('source_name_zh', 'text')
    .addColumn('source_url', 'text')
    .addColumn('note_en', 'text')
    .addColumn('note_zh', 'text')
    .addColumn('recorded_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('recorded_by', 'integer')
    .addColumn('recorded_via', 'varchar(200)')
    .addColumn('recorded_reason', 'text')
    .addColumn('superseded_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('indicator_observation_revision_key', ['observation_id', 'revision'])
    .execute();
};
