import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beginBulkLoad } from '../src/modules/directory/directory.bulk.repo.ts';
import { parseSearchParams } from '../src/modules/directory/directory.search.schemas.ts';
import { searchDirectory } from '../src/modules/directory/directory.search.service.ts';
import { importFile, writeRecords } from '../src/modules/directory/index.ts';
import { createTestApp, type TTestApp } from './app.ts';
import { runCli } from './cli.ts';
import { nameRecord } from './fixtures/directory/name-order.ts';
import { foundByWords, registryIndexes } from './registry.ts';

// Bulk loads (ADR 0012): while one is pending the registry's secondary indexes and full-text triggers are
// off; whatever ends it — the import that continues it, or `ecosphere directory reindex` — puts every one
// back and leaves every record findable by words. Small imports never start one on their own.

const work = mkdtempSync(join(tmpdir(), 'ecosphere-bulk-'));
let t: TTestApp;
let db: Kysely<any>;
let indexesBefore: string[] = [];

const pending = async () =>
  Number(
    (
      await db
        .selectFrom('directory_bulk_index')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

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
  indexesBefore = await registryIndexes(t);
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
    expect(await registryIndexes(t)).toEqual(indexesBefore);
    expect(await foundByWords(t, 'Quokka')).toBe(1);
    expect(await foundByWords(t, '袋鼬光电')).toBe(1);
  });

  it('an import continues a pending bulk load and ends it: indexes back, every record found', async () => {
    await db.transaction().execute((trx) => beginBulkLoad(trx));
    expect(await pending()).toBeGreaterThan(0);
    const off = await registryIndexes(t);
    expect(off.length).toBeLessThan(indexesBefore.length);
    // Beginning again while one is pending changes nothing: the saved definitions stay the ones to restore.
    await db.transaction().execute((trx) => beginBulkLoad(trx));
    expect(await registryIndexes(t)).toEqual(off);

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
    expect(await registryIndexes(t)).toEqual(indexesBefore);
    expect(await foundByWords(t, 'Wombat')).toBe(1);
    expect(await foundByWords(t, '袋食蚁兽')).toBe(1);
    // Records written before the load are still found too (the full-text index was rebuilt, not emptied).
    expect(await foundByWords(t, 'Quokka')).toBe(1);
  });

  it('searches during a bulk load cache no short hits: every record is found once it ends', async () => {
    const burrow = (n: string) =>
      nameRecord(`bulk-${n}`, `Kookaburra Burrow Works ${n}`, `笑翠鸟洞穴工场${n}`, { kind: 'makerspace' });
    const burrows = async () => {
      const parsed = parseSearchParams(new URLSearchParams('q=burrow'));
      if (!parsed.ok) throw new Error('bad query');
      // Any term with a hit counts as frequent here, so its hits would be cached as a bitset.
      return (await searchDirectory(t.deps, parsed.value, 'en', { tuning: { frequentTerm: 1 } })).total;
    };
    await writeRecords(t.deps, [burrow('a')]);
    await db.transaction().execute((trx) => beginBulkLoad(trx));
    // Written while the full-text triggers are off: not in the full-text index until the load ends.
    await writeRecords(t.deps, [burrow('b'), burrow('c')]);
    // The first search for the word during the load finds what the full-text index has: on SQLite the
    // records before the load; PostgreSQL reads the column itself while its index is off.
    expect(await burrows()).toBe(t.testDb.url.startsWith('postgres') ? 3 : 1);
    const r = await runCli(['directory', 'reindex'], env());
    expect(r.code, r.stderr).toBe(0);
    // The load's end takes no change number: hits cached during the load would still say 1.
    expect(await burrows()).toBe(3);
    expect(await foundByWords(t, '笑翠鸟洞穴工场')).toBe(3);
  });

  it('`ecosphere directory reindex` restores the indexes of an interrupted bulk load', async () => {
    await db.transaction().execute((trx) => beginBulkLoad(trx));
    const r = await runCli(['directory', 'reindex'], env());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('restored the search indexes an interrupted bulk import had dropped');
    expect(await pending()).toBe(0);
    expect(await registryIndexes(t)).toEqual(indexesBefore);
    expect(await foundByWords(t, 'Wombat')).toBe(1);
  });

  it('--bulk loads even a small file in bulk; --bulk with --no-bulk is a usage error', async () => {
    const file = csv('forced', [['B4', 'Bilby Materials', '兔耳袋狸材料']]);
    const r = await runCli(
      ['import', 'csv', file, '--mapping', mapping, '--bulk', '--report', join(work, 'r4.csv')],
      env(),
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^bulk +search indexes rebuilt at the end/m);
    expect(await registryIndexes(t)).toEqual(indexesBefore);
    expect(await foundByWords(t, 'Bilby')).toBe(1);

    const both = await runCli(['import', 'csv', file, '--mapping', mapping, '--bulk', '--no-bulk'], env());
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--bulk and --no-bulk cannot go together');
  });
});
