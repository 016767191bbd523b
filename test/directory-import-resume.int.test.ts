import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../src/platform/csv.ts';
import { createTestApp, type TTestApp } from './app.ts';
import { BIN, runCli } from './cli.ts';
import { foundByWords, registryIndexes } from './registry.ts';

// An import killed with SIGKILL in the middle resumes where its last committed batch ended: the rerun of
// the same file reports the earlier run's progress, and the directory ends exactly as a clean import
// would leave it — every record once, the failures reported once. Both ways of writing are killed: row by
// row, and a bulk load (ADR 0012), whose dropped search indexes the rerun must restore and fill.

const ROWS = 30_000;
const BATCH = 500;
// Every 997th row has no name: reported, not imported.
const isBad = (i: number) => i % 997 === 0;
const BAD = Array.from({ length: ROWS }, (_, i) => i + 1).filter(isBad).length;

let t: TTestApp;
let db: Kysely<any>;
const work = mkdtempSync(join(tmpdir(), 'ecosphere-resume-'));
const file = join(work, 'orgs.csv');
const mapping = join(work, 'orgs.mapping.json');
const report = join(work, 'report.csv');

beforeAll(() => {
  const lines = ['id,name_en,name_zh,kind,district'];
  const districts = ['tianhe', 'huangpu', 'haizhu', 'panyu', 'nansha'];
  for (let i = 1; i <= ROWS; i++) {
    const name = isBad(i) ? '' : `Resume Test Organisation ${i}`;
    lines.push(`R${i},${name},${isBad(i) ? '' : `续传测试机构${i}`},enterprise,${districts[i % 5]}`);
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  writeFileSync(
    mapping,
    JSON.stringify({
      columns: {
        'externalIds.csv': 'id',
        'name.en': 'name_en',
        'name.zh': 'name_zh',
        kind: 'kind',
        district: 'district',
      },
      constants: { 'source.en': 'Generated test rows', 'source.zh': '生成的测试数据' },
    }),
  );
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

const env = () => ({
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '',
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  DATABASE_URL: t.testDb.url,
  DATA_DIR: t.config.dataDir,
});
const argsFor = (flag: string) => [
  'import',
  'csv',
  file,
  '--mapping',
  mapping,
  '--batch-size',
  String(BATCH),
  '--report',
  report,
  flag,
];
const count = async (table: string) =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const runRow = (): Promise<Record<string, any>[]> =>
  db.selectFrom('directory_import_run').selectAll().orderBy('id').execute();

describe.each([
  { mode: 'row by row', flag: '--no-bulk' },
  { mode: 'in bulk', flag: '--bulk' },
])('an import killed with SIGKILL, writing $mode', ({ flag }) => {
  const args = argsFor(flag);
  let indexesBefore: string[] = [];
  beforeAll(async () => {
    t = await createTestApp({ seed: false });
    db = t.deps.db as Kysely<any>;
    indexesBefore = await registryIndexes(t);
    rmSync(report, { force: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('resumes after the last committed batch and ends as a clean import would', async () => {
    const child = spawn(process.execPath, [BIN, ...args], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));

    // Wait until at least one batch has committed, then kill it without warning.
    let done = 0;
    for (let i = 0; i < 2400 && done === 0 && child.exitCode === null; i++) {
      await new Promise((r) => setTimeout(r, 25));
      const rows = await runRow();
      done = Number(rows[0]?.records_done ?? 0);
    }
    child.kill('SIGKILL');
    await exited;
    expect(output, 'the import finished before it could be killed').not.toMatch(/^inserted/m);

    // What the killed run left: whole batches only, its counters in step with the rows.
    const killed = (await runRow())[0] as Record<string, any>;
    expect(killed).toMatchObject({ status: 'running' });
    const committed = Number(killed.records_done);
    expect(committed).toBeGreaterThan(0);
    expect(committed).toBeLessThan(ROWS);
    expect(committed % BATCH).toBe(0);
    expect(await count('directory_organization')).toBe(Number(killed.inserted));
    if (flag === '--bulk') {
      // The killed bulk load left its indexes dropped, and their definitions saved to restore.
      expect(await count('directory_bulk_index')).toBeGreaterThan(0);
      expect((await registryIndexes(t)).length).toBeLessThan(indexesBefore.length);
    } else {
      expect(await count('directory_bulk_index')).toBe(0);
      expect(await registryIndexes(t)).toEqual(indexesBefore);
    }

    // The rerun continues after the committed records.
    const again = await runCli(args, env(), 240_000);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(
      `resumed  run ${killed.id} after ${committed.toLocaleString('en-US')} records`,
    );
    expect(again.stdout).toMatch(
      new RegExp(`^read +${(ROWS - committed).toLocaleString('en-US')} records`, 'm'),
    );

    // The end state of a clean import: every good row once, one run, done, with whole-file counters.
    expect(await count('directory_organization')).toBe(ROWS - BAD);
    if (flag === '--bulk') expect(again.stdout).toMatch(/^bulk +search indexes rebuilt/m);
    // Whichever way it was written, the search indexes are all back and hold every record, those written
    // before the kill and after it, in English and in Chinese.
    expect(await count('directory_bulk_index')).toBe(0);
    expect(await registryIndexes(t)).toEqual(indexesBefore);
    expect(await foundByWords(t, 'Resume Test Organisation')).toBe(ROWS - BAD);
    expect(await foundByWords(t, '续传测试机构')).toBe(ROWS - BAD);
    expect(await foundByWords(t, '续传测试机构29999')).toBe(1);
    const dupes = await db
      .selectFrom('directory_external_id')
      .select(['scheme', 'value'])
      .groupBy(['scheme', 'value'])
      .having((eb) => eb.fn.countAll(), '>', 1)
      .execute();
    expect(dupes).toEqual([]);
    const names = await db
      .selectFrom('directory_organization')
      .select((eb) => eb.fn.count('name_en').distinct().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(names.n)).toBe(ROWS - BAD);
    const runs = await runRow();
    expect(runs).toHaveLength(1);
    const only = runs[0] as Record<string, any>;
    expect(only).toMatchObject({ status: 'done' });
    expect(Number(only.records_done)).toBe(ROWS);
    expect(Number(only.inserted)).toBe(ROWS - BAD);
    expect(Number(only.failed)).toBe(BAD);

    // Each bad row is in the report once, though the batch in flight at the kill was read twice.
    const rows = parseCsv(readFileSync(report, 'utf8')).slice(1);
    expect(rows.map((r) => Number(r[0]))).toEqual(
      Array.from({ length: ROWS }, (_, i) => i + 1).filter(isBad),
    );

    // A fresh import of the same file now changes nothing.
    const third = await runCli(args, env(), 240_000);
    expect(third.code, third.stderr).toBe(0);
    expect(third.stdout).toMatch(new RegExp(`^unchanged ${(ROWS - BAD).toLocaleString('en-US')}$`, 'm'));
    expect(await count('directory_organization')).toBe(ROWS - BAD);
  }, 600_000);
});
