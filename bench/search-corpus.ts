// The search benchmark's corpus: N generated organisations (bench/search-generator.ts), written into a
// migrated SQLite file by a bulk path that stores exactly the rows the registry's upsertBatch would
// (contentOf: search tokens, name keys, weight; one change-sequence value per 500 rows; the name
// vocabulary). The demo's real records come first, through the registry itself, so acronyms (SCUT, GDAS)
// and real names are in it. PostgreSQL gets a copy of it.
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { randomStream } from '../seeds/directory/random.ts';
import { seedDirectory } from '../seeds/directory.ts';
import { loadConfig } from '../src/config.ts';
import { contentOf } from '../src/modules/directory/directory.registry.repo.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { loadMigrations, migrateToLatest } from '../src/platform/db/migrate.ts';
import { createDeps } from '../src/platform/deps.ts';
import { createLogger } from '../src/platform/log.ts';
import { latinWords } from '../src/platform/search/tokens.ts';
import { GENERATOR_VERSION, makeRecord } from './search-generator.ts';

const NOW = '2026-01-01T00:00:00.000Z';

export type TCorpus = Readonly<{
  file: string;
  rows: number;
  cached: boolean;
  seconds: number;
  bytes: number;
}>;

/** Where a corpus of `rows` generated records is cached, keyed by the generator version and the migrations. */
export const corpusFile = async (rows: number): Promise<{ file: string; key: string }> => {
  const migrations = (await loadMigrations()).map((m) => m.name).join(',');
  const { createHash } = await import('node:crypto');
  const key = createHash('sha256')
    .update(`${GENERATOR_VERSION}|${rows}|${migrations}`)
    .digest('hex')
    .slice(0, 10);
  const dir = join(tmpdir(), 'ecosphere-bench-search');
  mkdirSync(dir, { recursive: true });
  return { file: join(dir, `corpus-${rows}-${key}.sqlite`), key };
};

/** The SQLite corpus: reused when cached, else generated (with the naive baseline's FTS5 table). */
export const sqliteCorpus = async (rows: number, log: (s: string) => void): Promise<TCorpus> => {
  const { file } = await corpusFile(rows);
  if (existsSync(file)) return { file, rows, cached: true, seconds: 0, bytes: statSync(file).size };
  const t0 = performance.now();
  const building = `${file}.building`;
  for (const f of [building, `${building}-wal`, `${building}-shm`]) rmSync(f, { force: true });

  // 1. Migrations and the demo's real records, through the registry.
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: building,
    DATA_DIR: tmpdir(),
  });
  const database = await openDatabase(config.database);
  const migrated = await migrateToLatest(database.db, await loadMigrations());
  if (migrated.error) throw migrated.error;
  const deps = createDeps(database, config, createLogger('silent'));
  await seedDirectory(deps, 'real');
  deps.mailer.close();
  await database.close();

  // 2. The generated records, in bulk, with the FTS triggers off (rebuilt once at the end).
  const db = new SQLite(building);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const triggers = db
    .prepare(
      "select name, sql from sqlite_master where type = 'trigger' and tbl_name = 'directory_organization'",
    )
    .all() as { name: string; sql: string }[];
  for (const t of triggers) db.exec(`drop trigger ${t.name}`);
  const columns = [
    ...Object.keys(contentOf(makeRecord(0, randomStream('probe')))),
    'slug',
    'status',
    'confirmed_at',
    'imported_at',
    'seq',
    'created_at',
    'updated_at',
  ];
  const insert = db.prepare(
    `insert into directory_organization (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`,
  );
  let seq = (db.prepare("select value from directory_counter where name = 'seq'").get() as { value: number })
    .value;
  const terms = new Set<string>();
  const rnd = randomStream(`bench/search/v${GENERATOR_VERSION}`);
  const CHUNK = 10_000;
  for (let start = 0; start < rows; start += CHUNK) {
    const batch: Record<string, unknown>[] = [];
    for (let i = start; i < Math.min(rows, start + CHUNK); i++) {
      if (i % 500 === 0) seq++;
      const r = makeRecord(i, rnd);
      for (const w of latinWords(`${r.name.en} ${r.acronym ?? ''}`)) if (w.length >= 3) terms.add(w);
      batch.push({
        ...contentOf(r),
        slug: r.slug,
        status: 'active',
        confirmed_at: NOW,
        imported_at: NOW,
        seq,
        created_at: NOW,
        updated_at: NOW,
      });
    }
    db.transaction(() => {
      for (const row of batch) insert.run(row);
    })();
    const done = Math.min(rows, start + CHUNK);
    if (done % 100_000 === 0 || done === rows) {
      const s = (performance.now() - t0) / 1000;
      log(
        `  generated ${done.toLocaleString('en')} of ${rows.toLocaleString('en')} (${Math.round(done / s)} rows/s)`,
      );
    }
  }
  db.transaction(() => {
    const addTerm = db.prepare('insert into directory_term (term) values (?) on conflict do nothing');
    for (const t of terms) addTerm.run(t);
    db.prepare("update directory_counter set value = ? where name = 'seq'").run(seq);
  })();
  log('  indexing (FTS5 rebuild, naive baseline table)…');
  db.exec("insert into directory_organization_fts(directory_organization_fts) values ('rebuild')");
  for (const t of triggers) db.exec(t.sql);
  // The naive baseline: FTS5 over the raw names and descriptions, default tokenizer, full detail.
  db.exec(`create virtual table bench_naive_fts using fts5(name, description)`);
  db.exec(`insert into bench_naive_fts (rowid, name, description)
           select id, name_en || ' ' || name_zh, coalesce(summary_en, '') || ' ' || coalesce(summary_zh, '')
           from directory_organization`);
  db.exec("insert into bench_naive_fts(bench_naive_fts) values ('optimize')");
  db.exec("insert into directory_organization_fts(directory_organization_fts) values ('optimize')");
  db.exec('analyze');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  renameSync(building, file);
  for (const f of [`${building}-wal`, `${building}-shm`]) rmSync(f, { force: true });
  return { file, rows, cached: false, seconds: (performance.now() - t0) / 1000, bytes: statSync(file).size };
};

const DONE = 'ecosphere search benchmark corpus, complete';

/**
 * A PostgreSQL database holding a copy of the SQLite corpus (migrated by the app's migrations, rows
 * copied as they are, the search index built after the copy); reused when a complete one exists.
 */
export const postgresCorpus = async (
  adminUrl: string,
  sqliteFile: string,
  rows: number,
  log: (s: string) => void,
): Promise<{ url: string; cached: boolean; seconds: number }> => {
  const { key } = await corpusFile(rows);
  const name = `ecosphere_bench_search_${rows}_${key}`;
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const found = await admin.query(
      'select shobj_description(oid, $2) as note from pg_database where datname = $1',
      [name, 'pg_database'],
    );
    if (found.rows[0]?.note === DONE) return { url, cached: true, seconds: 0 };
    const t0 = performance.now();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(
      `create database ${name} encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8' template template0`,
    );
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: url,
      DATA_DIR: tmpdir(),
    });
    const database = await openDatabase(config.database);
    const migrated = await migrateToLatest(database.db, await loadMigrations());
    await database.close();
    if (migrated.error) throw migrated.error;

    const src = new SQLite(sqliteFile, { readonly: true });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const index = await client.query(
        "select indexname, indexdef from pg_indexes where tablename = 'directory_organization' and indexdef ilike '%gin%'",
      );
      for (const ix of index.rows) await client.query(`drop index ${ix.indexname}`);
      for (const table of ['directory_organization', 'directory_term', 'directory_external_id']) {
        const pgCols = (
          await client.query('select column_name from information_schema.columns where table_name = $1', [
            table,
          ])
        ).rows.map((r) => r.column_name as string);
        const cols = (
          src.prepare(`select name from pragma_table_info('${table}')`).all() as { name: string }[]
        )
          .map((c) => c.name)
          .filter((c) => pgCols.includes(c));
        const per = Math.floor(30_000 / cols.length);
        let batch: unknown[][] = [];
        let copied = 0;
        const flush = async () => {
          if (batch.length === 0) return;
          const values = batch
            .map((_, r) => `(${cols.map((__, c) => `$${r * cols.length + c + 1}`).join(', ')})`)
            .join(', ');
          await client.query(`insert into ${table} (${cols.join(', ')}) values ${values}`, batch.flat());
          copied += batch.length;
          batch = [];
          if (table === 'directory_organization' && copied % 100_000 < per)
            log(`  copied ${copied.toLocaleString('en')} rows to PostgreSQL`);
        };
        await client.query('begin');
        for (const row of src
          .prepare(`select ${cols.join(', ')} from ${table}`)
          .raw()
          .iterate()) {
          batch.push(row as unknown[]);
          if (batch.length >= per) await flush();
        }
        await flush();
        await client.query('commit');
      }
      const seq = src.prepare("select value from directory_counter where name = 'seq'").get() as {
        value: number;
      };
      await client.query("update directory_counter set value = $1 where name = 'seq'", [seq.value]);
      await client.query(
        "select setval(pg_get_serial_sequence('directory_organization', 'id'), (select max(id) from directory_organization))",
      );
      log('  indexing (GIN over the search tokens)…');
      for (const ix of index.rows) await client.query(ix.indexdef);
      await client.query('analyze');
    } finally {
      await client.end();
      src.close();
    }
    await admin.query(`comment on database ${name} is '${DONE}'`);
    return { url, cached: false, seconds: (performance.now() - t0) / 1000 };
  } finally {
    await admin.end();
  }
};
