// npm run bench:search [-- --rows 1000000 --rounds 10 --engines sqlite,postgres]
// Search over a generated, deterministic registry of N organisations (bench/search-corpus.ts; cached under
// the OS temp folder by rows and generator version, so reruns skip generation), through the directory's
// own searchDirectory (hits, total and facet counts, one page of rows) on SQLite and PostgreSQL, beside a
// naive FTS5 baseline on the same SQLite file in the same run: the raw name and description text under the
// default tokenizer, `MATCH ? ORDER BY bm25 LIMIT 20`, a count and GROUP BY facet counts.
// Prints p50/p95/p99 per query and overall, and the naive/ours ratio on the naive baseline's worst queries.
// Asserts nothing.
import { tmpdir } from 'node:os';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { loadConfig } from '../src/config.ts';
import { parseSearchParams } from '../src/modules/directory/directory.search.schemas.ts';
import type { TSearchParams } from '../src/modules/directory/index.ts';
import { searchDirectory } from '../src/modules/directory/index.ts';
import { openDatabase, type TDatabase } from '../src/platform/db/database.ts';
import { createDeps, type TDeps } from '../src/platform/deps.ts';
import { createLogger } from '../src/platform/log.ts';
import { median } from './lib.ts';
import { postgresCorpus, sqliteCorpus } from './search-corpus.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '10' },
    engines: { type: 'string', default: 'sqlite,postgres' },
    'pg-url': {
      type: 'string',
      default: process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    },
  },
});
const ROWS = Number(values.rows);
const ROUNDS = Math.max(1, Number(values.rounds));
const ENGINES = new Set((values.engines ?? '').split(',').map((e) => e.trim()));
if (!(ROWS > 0) || ![...ENGINES].every((e) => e === 'sqlite' || e === 'postgres')) {
  console.error('usage: bench/search.mts [--rows N] [--rounds N] [--engines sqlite,postgres]');
  process.exit(2);
}

/** The fixed query mix: what a reader types, and the facet filters of the results page. */
const QUERIES: readonly { label: string; query: string }[] = [
  { label: 'English word, very common', query: 'q=technology' },
  { label: 'English words', query: 'q=artificial intelligence' },
  { label: 'English word, rare', query: 'q=graphene' },
  { label: 'English prefix', query: 'q=incub' },
  { label: 'Chinese 2 chars, city', query: 'q=深圳' },
  { label: 'Chinese 2 chars', query: 'q=专利' },
  { label: 'Chinese 2 chars, very common', query: 'q=科技' },
  { label: 'Chinese 3 chars', query: 'q=孵化器' },
  { label: 'Chinese 4 chars', query: 'q=人工智能' },
  { label: 'Chinese, rare', query: 'q=石墨烯' },
  { label: 'mixed', query: 'q=广州 AI' },
  { label: 'typo', query: 'q=univeristy' },
  { label: 'acronym', query: 'q=SCUT' },
  { label: 'common + district facet', query: 'q=technology&district=huangpu' },
  { label: 'Chinese + facets', query: 'q=孵化器&district=tianhe&level=national' },
  {
    label: 'words + kind, sector, years',
    query: 'q=software&kind=enterprise&sector=next_gen_it&founded_from=2010&founded_to=2020',
  },
  { label: 'facets only, no words', query: 'kind=enterprise&sector=biotech&district=tianhe' },
];

const paramsOf = (query: string): TSearchParams => {
  const parsed = parseSearchParams(new URLSearchParams(query));
  if (!parsed.ok) throw new Error(`bad benchmark query ${query}: ${JSON.stringify(parsed.problems)}`);
  return parsed.value;
};
const isCjk = (s: string) => /[\u4e00-\u9fff]/.test(s);

// ——— the naive baseline ————————————————————————————————————————————————————————————————————

type TNaive = { run: (p: TSearchParams) => number | null };

/** FTS5 with the default tokenizer over raw text: each typed word a quoted token, the last a prefix. */
const naiveBaseline = (file: string): { naive: TNaive; close: () => void } => {
  const db = new SQLite(file, { readonly: true });
  const cache = new Map<string, SQLite.Statement>();
  const prep = (s: string) => {
    let st = cache.get(s);
    if (!st) {
      st = db.prepare(s);
      cache.set(s, st);
    }
    return st;
  };
  const run = (p: TSearchParams): number | null => {
    const words = p.q
      .toLowerCase()
      .split(/\s+/)
      .map((w) => w.replace(/"/g, ''))
      .filter(Boolean);
    if (words.length === 0) return null;
    const match = words
      .map((w, i) => `"${w}"${i === words.length - 1 && !isCjk(w) && w.length >= 2 ? '*' : ''}`)
      .join(' ');
    const where: string[] = ['bench_naive_fts match ?'];
    const args: unknown[] = [match];
    for (const [facet, codes] of Object.entries(p.filters)) {
      if (codes.length === 0) continue;
      where.push(`o.${facet} in (${codes.map(() => '?').join(', ')})`);
      args.push(...codes);
    }
    if (p.foundedFrom !== null) {
      where.push('o.founded_year >= ?');
      args.push(p.foundedFrom);
    }
    if (p.foundedTo !== null) {
      where.push('o.founded_year <= ?');
      args.push(p.foundedTo);
    }
    const from = `from bench_naive_fts f join directory_organization o on o.id = f.rowid where ${where.join(' and ')}`;
    prep(
      `select o.id, o.slug, o.name_en, o.name_zh, o.kind, o.district, o.summary_en ${from} order by bm25(bench_naive_fts) limit 20`,
    ).all(...args);
    const total = (prep(`select count(*) as n ${from}`).get(...args) as { n: number }).n;
    for (const facet of ['kind', 'district', 'sector', 'level']) {
      prep(`select o.${facet} as code, count(*) as n ${from} group by o.${facet}`).all(...args);
    }
    return total;
  };
  return { naive: { run }, close: () => db.close() };
};

// ——— measuring ——————————————————————————————————————————————————————————————————————————

const percentile = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] as number;
};
const fmt = (ms: number | undefined) => (ms === undefined ? '—' : ms < 10 ? ms.toFixed(2) : ms.toFixed(1));
const log = (s: string) => console.log(s);

type TTarget = 'sqlite' | 'postgres' | 'naive';
const times = new Map<string, number[]>();
const totals = new Map<string, number | null>();
const record = (target: TTarget, q: number, ms: number) => {
  const key = `${target}|${q}`;
  times.set(key, [...(times.get(key) ?? []), ms]);
};

const openDeps = async (url: string): Promise<{ deps: TDeps; database: TDatabase }> => {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: url, DATA_DIR: tmpdir() });
  const database = await openDatabase(config.database);
  return { deps: createDeps(database, config, createLogger('silent')), database };
};

const main = async () => {
  log(
    `Search benchmark: ${ROWS.toLocaleString('en')} generated organisations, ${QUERIES.length} queries × ${ROUNDS} rounds, engines: ${[...ENGINES].join(', ')}`,
  );
  const corpus = await sqliteCorpus(ROWS, log);
  log(
    corpus.cached
      ? `SQLite corpus: reusing the cached ${corpus.file} (${(corpus.bytes / 1e6).toFixed(0)} MB); no generation`
      : `SQLite corpus: generated ${corpus.file} in ${corpus.seconds.toFixed(0)} s (${Math.round(ROWS / corpus.seconds)} rows/s, ${(corpus.bytes / 1e6).toFixed(0)} MB)`,
  );
  const targets: { name: TTarget; deps?: TDeps; close: () => Promise<void> }[] = [];
  if (ENGINES.has('sqlite')) {
    const { deps, database } = await openDeps(corpus.file);
    targets.push({ name: 'sqlite', deps, close: () => database.close() });
  }
  if (ENGINES.has('postgres')) {
    const pgc = await postgresCorpus(values['pg-url'] as string, corpus.file, ROWS, log);
    log(
      pgc.cached
        ? 'PostgreSQL corpus: reusing the cached database; no copy'
        : `PostgreSQL corpus: copied in ${pgc.seconds.toFixed(0)} s`,
    );
    const { deps, database } = await openDeps(pgc.url);
    targets.push({ name: 'postgres', deps, close: () => database.close() });
  }
  const { naive, close: closeNaive } = naiveBaseline(corpus.file);
  const params = QUERIES.map((q) => paramsOf(q.query));
  const localeOf = (p: TSearchParams) => (isCjk(p.q) ? 'zh' : 'en');

  // Warm-up: the first search loads the facet index; then every query once (page cache of the engine).
  for (const t of targets) {
    const t0 = performance.now();
    await searchDirectory(t.deps as TDeps, params[0] as TSearchParams, 'en');
    log(`${t.name}: first search (loads the facet index) ${fmt(performance.now() - t0)} ms`);
    for (const p of params) await searchDirectory(t.deps as TDeps, p, localeOf(p));
  }
  for (const p of params) naive.run(p);
  log('warm-up done; measuring');

  for (let round = 0; round < ROUNDS; round++) {
    for (const [qi, p] of params.entries()) {
      for (const t of targets) {
        const t0 = performance.now();
        const r = await searchDirectory(t.deps as TDeps, p, localeOf(p));
        record(t.name, qi, performance.now() - t0);
        totals.set(`${t.name}|${qi}`, r.total);
      }
      const t0 = performance.now();
      const n = naive.run(p);
      if (n !== null) record('naive', qi, performance.now() - t0);
      totals.set(`naive|${qi}`, n);
    }
    log(`  round ${round + 1} of ${ROUNDS} done`);
  }
  for (const t of targets) await t.close();
  closeNaive();

  // ——— report ——————————————————————————————————————————————————————————————————————————
  const names: TTarget[] = [...targets.map((t) => t.name), 'naive'];
  const W = 27;
  const cell = (xs: readonly number[] | undefined) =>
    `${(xs && xs.length > 0 ? `${fmt(percentile(xs, 50))} / ${fmt(percentile(xs, 95))} / ${fmt(percentile(xs, 99))}` : 'n/a').padEnd(W)} `;
  const head = names
    .map((n) => `${(n === 'naive' ? 'naive FTS5 (SQLite)' : `ours ${n}`).padEnd(W)} `)
    .join('');
  log(`\nms per search, p50 / p95 / p99 over ${ROUNDS} rounds (hits: ours / naive)`);
  log(`${'query'.padEnd(32)} ${'hits'.padEnd(19)} ${head}`);
  for (const [qi, q] of QUERIES.entries()) {
    const hits = `${totals.get(`${targets[0]?.name}|${qi}`) ?? '—'} / ${totals.get(`naive|${qi}`) ?? '—'}`;
    log(
      `${q.label.padEnd(32)} ${hits.padEnd(19)} ${names.map((n) => cell(times.get(`${n}|${qi}`))).join('')}`,
    );
  }
  const all = (n: TTarget) => [...times].filter(([k]) => k.startsWith(`${n}|`)).flatMap(([, v]) => v);
  log(`${'overall'.padEnd(52)} ${names.map((n) => cell(all(n))).join('')}`);
  if (targets.some((t) => t.name === 'postgres')) {
    const sq = all('sqlite');
    const pq = all('postgres');
    if (sq.length && pq.length) log(`postgres/sqlite median ratio: ${(median(pq) / median(sq)).toFixed(1)}×`);
  }
  // The naive baseline's worst queries (by its p95) and how much faster ours is on them.
  const worst = QUERIES.map((q, qi) => ({
    q,
    qi,
    p95: percentile(times.get(`naive|${qi}`) ?? [Number.NaN], 95),
  }))
    .filter((x) => Number.isFinite(x.p95))
    .sort((a, b) => b.p95 - a.p95)
    .slice(0, 3);
  log('\nnaive baseline’s worst queries: naive p95 / ours p95');
  for (const w of worst) {
    const ratios = targets
      .map(
        (t) =>
          `${t.name} ${(w.p95 / percentile(times.get(`${t.name}|${w.qi}`) ?? [Number.NaN], 95)).toFixed(1)}×`,
      )
      .join(', ');
    log(`  ${w.q.label.padEnd(32)} naive ${fmt(w.p95)} ms → ${ratios}`);
  }
};

await main();
