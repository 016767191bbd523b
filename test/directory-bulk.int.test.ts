import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beginBulkLoad } from '../src/modules/directory/directory.bulk.repo.ts';
import { importFile } from '../src/modules/directory/index.ts';
import { createTestApp, type TTestApp } from './app.ts';
import { runCli } from './cli.ts';

// Bulk loads (ADR 0012): while one is pending the registry's secondary indexes and full-text triggers are
// off; whatever ends it — the import that continues it, or `ecosphere directory reindex` — puts every one
// back and leaves every record findable by words. Small imports never start one on their own.

const work = mkdtempSync(join(tmpdir(), 'ecosphere-bulk-'));
let t: TTestApp;
let db: Kysely<any>;
let indexesBefore: string[] = [];

const registryIndexes = async (): Promise<string[]> => {
  const pg = t.testDb.url.startsWith('postgres');
  const rows = pg
    ? await sql<{ name: string }>`select indexname as name from pg_indexes
        where tablename = 'directory_organization' and schemaname = current_schema()`.execute(db)
    : await sql<{ name: string }>`select name from sqlite_master
        where tbl_name = 'directory_organization' and type in ('index', 'trigger') and sql is not null`.execute(
        db,
      );
  return rows.rows.map((r) => r.name).sort();
};
const pending = async () =>
  Number(
    (
      await db
        .selectFrom('directory_bulk_index')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const found = async (q: string): Promise<number> => {
  const res = await t.app.request(`/api/v1/organizations?q=${encodeURIComponent(q)}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { total: number }).total;
};

const csv = (name: string, rows: readonly [string, string, string][]) => {
  const file = join(work, `${name}.csv`);
  writeFileSync(file, `id,name_en,name_zh\n${rows.map((r) => r.join(',')).join('\n')}\n`);
  return file;
};
const mapping = join(work, 'mapping.json');
const env = () => ({ LOG_LEVEL: 'silent', DATABASE_URL: t.testDb.url, DATA_DIR: t.config.dataDir });

beforeAll(async () => {
  t = await createTestApp();
  db = t.deps.db as Kysely<any>;
  indexesBefore = await registryIndexes();
  writeFileSync(
    mapping,
    JSON.stringify({
      columns: { 'externalIds.csv': 'id', 'name.en': 'name_en', 'name.zh': 'name_zh' },
      constants: { kind: 'enterprise', 'source.en': 'Bulk test rows', 'source.zh': '批量测试数据' },
    }),
  );
});
afterAll(async () => {
  await t?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('bulk loads', () => {
  it('a small import loads row by row and keeps every index', async () => {
    const file = csv('small', [['B1', 'Quokka Photonics', '袋鼬光电']]);
    const s = await importFile(t.deps, {
      format: 'csv',
      file,
      mappingFile: mapping,
      reportPath: join(work, 'r1.csv'),
    });
    expect(s).toMatchObject({ inserted: 1, failed: 0, bulk: false, rebuildSeconds: 0 });
    expect(await registryIndexes()).toEqual(indexesBefore);
    expect(await found('Quokka')).toBe(1);
    expect(await found('袋鼬光电')).toBe(1);
  });

  it('an import continues a pending bulk load and ends it: indexes back, every record found', async () => {
    await db.transaction().execute((trx) => beginBulkLoad(trx));
    expect(await pending()).toBeGreaterThan(0);
    const off = await registryIndexes();
    expect(off.length).toBeLessThan(indexesBefore.length);
    // Beginning again while one is pending changes nothing: the saved definitions stay the ones to restore.
    await db.transaction().execute((trx) => beginBulkLoad(trx));
    expect(await registryIndexes()).toEqual(off);

    const file = csv('continued', [
      ['B2', 'Wombat Robotics', '袋熊机器人'],
      ['B3', 'Numbat Biologics', '袋食蚁兽生物'],
    ]);
    const s = await importFile(t.deps, {
      format: 'csv',
      file,
      mappingFile: mapping,
      reportPath: join(work, 'r2.csv'),
    });
    expect(s).toMatchObject({ inserted: 2, failed: 0, bulk: true });
    expect(await pending()).toBe(0);
    expect(await registryIndexes()).toEqual(indexesBefore);
    expect(await found('Wombat')).toBe(1);
    expect(await found('袋食蚁兽')).toBe(1);
    // Records written before the load are still found too (the full-text index was rebuilt, not emptied).
    expect(await found('Quokka')).toBe(1);
  });

  it('`ecosphere directory reindex` restores the indexes of an interrupted bulk load', async () => {
    await db.transaction().execute((trx) => beginBulkLoad(trx));
    const r = await runCli(['directory', 'reindex'], env());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('restored the search indexes an interrupted bulk import had dropped');
    expect(await pending()).toBe(0);
    expect(await registryIndexes()).toEqual(indexesBefore);
    expect(await found('Wombat')).toBe(1);
  });

  it('--bulk loads even a small file in bulk; --bulk with --no-bulk is a usage error', async () => {
    const file = csv('forced', [['B4', 'Bilby Materials', '兔耳袋狸材料']]);
    const r = await runCli(
      ['import', 'csv', file, '--mapping', mapping, '--bulk', '--report', join(work, 'r4.csv')],
      env(),
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^bulk +search indexes rebuilt at the end/m);
    expect(await registryIndexes()).toEqual(indexesBefore);
    expect(await found('Bilby')).toBe(1);

    const both = await runCli(['import', 'csv', file, '--mapping', mapping, '--bulk', '--no-bulk'], env());
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--bulk and --no-bulk cannot go together');
  });
});
