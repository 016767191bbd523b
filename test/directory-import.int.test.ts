import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportInputError, importFile, type TImportOptions } from '../src/modules/directory/index.ts';
import { parseCsv } from '../src/platform/csv.ts';
import { createTestApp, type TTestApp } from './app.ts';
import { runCli } from './cli.ts';

// `ecosphere import` on small real samples (test/fixtures/directory/README.md): every format, ROR schema v1
// and v2 mixed, gzip by its magic bytes, GBK, the validation report, idempotent reruns and dry runs.

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/directory/${name}`, import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'ecosphere-import-'));

let t: TTestApp;
let db: Kysely<any>;
beforeAll(async () => {
  t = await createTestApp({ seed: false });
  db = t.deps.db as Kysely<any>;
});
afterAll(async () => {
  await t?.close();
  rmSync(work, { recursive: true, force: true });
});

let reports = 0;
const run = (o: Omit<TImportOptions, 'reportPath'>) =>
  importFile(t.deps, { reportPath: join(work, `report-${++reports}.csv`), ...o });
const reportRows = (path: string) => parseCsv(readFileSync(path, 'utf8'));
const count = async (table: string, where?: [string, string, unknown]) => {
  let q = db.selectFrom(table).select((eb) => eb.fn.countAll().as('n'));
  if (where) q = q.where(where[0], where[1] as never, where[2]);
  return Number((await q.executeTakeFirstOrThrow()).n);
};
const org = (externalId: string) =>
  db
    .selectFrom('directory_organization as o')
    .innerJoin('directory_external_id as e', 'e.org_id', 'o.id')
    .selectAll('o')
    .where('e.value', '=', externalId)
    .executeTakeFirst();

describe('ROR JSON lines', () => {
  it('imports schema v1 and v2 from one gzipped file, skipping withdrawn and inactive records', async () => {
    const s = await run({ format: 'ror', file: fixture('ror-sample.jsonl.gz') });
    expect(s).toMatchObject({ read: 40, inserted: 36, updated: 0, unchanged: 0, skipped: 4, failed: 0 });
    expect(await count('directory_organization')).toBe(36);
    expect(reportRows(s.reportPath)).toEqual([['record', 'line', 'field', 'problem', 'value']]);

    // v2: names with languages, locations, links and external ids as lists.
    const sysu = await org('https://ror.org/0064kty71');
    expect(sysu).toMatchObject({
      kind: 'university',
      name_en: 'Sun Yat-sen University',
      name_zh: '中山大学',
      website: 'https://www.sysu.edu.cn',
      domain: 'sysu.edu.cn',
      city_en: 'Guangzhou',
      city_zh: '广州',
      country_code: 'CN',
      founded_year: 1924,
      source_kind: 'ror',
      source_url: 'https://ror.org/0064kty71',
      source_name_en: 'Research Organization Registry (ROR), CC0',
    });
    // v1: name, labels, acronyms, addresses, external ids as an object (GRID "all" given as a string).
    const gdas = await org('https://ror.org/01g9hkj35');
    expect(gdas).toMatchObject({
      kind: 'rnd_institute',
      name_en: 'Guangdong Academy of Sciences',
      name_zh: '广东省科学院',
      acronym: 'GDAS',
      founded_year: 1958,
    });
    const ids = await db
      .selectFrom('directory_external_id')
      .select(['scheme', 'value'])
      .where('org_id', '=', gdas?.id)
      .orderBy('scheme')
      .execute();
    expect(ids.map((i) => i.scheme)).toEqual(['fundref', 'grid', 'isni', 'ror', 'wikidata']);
    // A Guangzhou district read from the name; a state key laboratory with its level; search tokens.
    expect(await org('https://ror.org/016bped08')).toMatchObject({ district: 'liwan' });
    expect(await org('https://ror.org/00s8ft489')).toMatchObject({
      district: 'zengcheng',
      name_zh: '广州市增城区中医医院',
    });
    expect(await org('https://ror.org/003mfbe21')).toMatchObject({ kind: 'key_lab', level: 'national' });
    expect(sysu?.search_text.split(' ')).toEqual(expect.arrayContaining(['sun', 'yat', '中山', '大学']));
    // Withdrawn (00se3yr70) and inactive (04s92tb21) records are not in the directory.
    expect(await org('https://ror.org/00se3yr70')).toBeUndefined();
    expect(await org('https://ror.org/04s92tb21')).toBeUndefined();
  });

  it('reports everything unchanged on a second import, from the same data not gzipped', async () => {
    const seq = async () =>
      Number(
        (
          await db
            .selectFrom('directory_counter')
            .select('value')
            .where('name', '=', 'seq')
            .executeTakeFirstOrThrow()
        ).value,
      );
    const before = await seq();
    const s = await run({ format: 'ror', file: fixture('ror-sample.jsonl') });
    expect(s).toMatchObject({ read: 40, inserted: 0, updated: 0, unchanged: 36, skipped: 4, failed: 0 });
    expect(await count('directory_organization')).toBe(36);
    // Nothing changed, so no change number was taken: search caches keyed by it stay valid.
    expect(await seq()).toBe(before);
    const ids = await db.selectFrom('directory_external_id').select(['scheme', 'value']).execute();
    expect(new Set(ids.map((i) => `${i.scheme} ${i.value}`)).size).toBe(ids.length);
  });

  it('recognises gzip by its magic bytes, whatever the file is called', async () => {
    const disguised = join(work, 'ror-records.jsonl');
    copyFileSync(fixture('ror-sample.jsonl.gz'), disguised);
    const s = await run({ format: 'ror', file: disguised });
    expect(s).toMatchObject({ read: 40, unchanged: 36 });
  });

  it('reports malformed lines, missing fields and bad values per record and imports the rest', async () => {
    const s = await run({ format: 'ror', file: fixture('ror-bad.jsonl') });
    // 9 lines: one blank (not a record), 3 good (already imported above), 5 bad.
    expect(s).toMatchObject({ read: 8, unchanged: 3, failed: 5 });
    const rows = reportRows(s.reportPath);
    expect(rows[0]).toEqual(['record', 'line', 'field', 'problem', 'value']);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['2', '2', '(line)'],
      ['4', '5', 'name'],
      ['5', '6', 'id'],
      ['6', '7', 'foundedYear'],
      ['7', '8', '(record)'],
    ]);
    expect(rows[1]?.[3]).toMatch(/^malformed JSON/);
    expect(rows[1]?.[4]).toContain('Broken line');
    expect(rows[2]?.[3]).toBe('missing name');
    expect(rows[3]?.[3]).toBe('missing ROR id');
    expect(rows[4]?.[4]).toBe('99999');
    expect(rows[5]?.[3]).toBe('not a JSON object');
  });

  it('writes nothing on a dry run, not even a run row, but still writes the report', async () => {
    const before = {
      orgs: await count('directory_organization'),
      runs: await count('directory_import_run'),
    };
    const s = await run({ format: 'moe', file: fixture('moe-sample.json'), dryRun: true });
    expect(s).toMatchObject({ dryRun: true, runId: null, read: 30, failed: 0, inserted: 0 });
    expect(await count('directory_organization')).toBe(before.orgs);
    expect(await count('directory_import_run')).toBe(before.runs);
    const bad = await run({ format: 'ror', file: fixture('ror-bad.jsonl'), dryRun: true });
    expect(bad.failed).toBe(5);
    expect(reportRows(bad.reportPath)).toHaveLength(6);
  });

  it('marks a record inactive when its source withdraws it', async () => {
    const line = readFileSync(fixture('ror-sample.jsonl'), 'utf8')
      .split('\n')
      .find((l) => l.includes('https://ror.org/043s7kq40')) as string;
    const file = join(work, 'ror-withdrawn.jsonl');
    writeFileSync(file, `${line.replace('"status": "active"', '"status": "withdrawn"')}\n`);
    const s = await run({ format: 'ror', file });
    expect(s).toMatchObject({ read: 1, skipped: 1, retired: 1, inserted: 0 });
    expect(await org('https://ror.org/043s7kq40')).toMatchObject({
      name_en: 'Kingfa (China)',
      status: 'inactive',
    });
  });
});

describe('university lists', () => {
  it('imports the Ministry of Education list with websites from the companion file', async () => {
    const s = await run({
      format: 'moe',
      file: fixture('moe-sample.json'),
      websites: fixture('moe-websites.json'),
    });
    expect(s).toMatchObject({ read: 30, inserted: 30, failed: 0 });
    expect(await org('华南理工大学')).toMatchObject({
      kind: 'university',
      name_zh: '华南理工大学',
      name_en: '华南理工大学',
      website: 'http://www.scut.edu.cn',
      country_code: 'CN',
      source_kind: 'moe',
      slug: 'scut-edu-cn',
    });
    expect(await org('北京大学')).toMatchObject({ city_en: 'Beijing', city_zh: '北京' });
    const again = await run({
      format: 'moe',
      file: fixture('moe-sample.json'),
      websites: fixture('moe-websites.json'),
    });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 30 });
  });

  it('imports the Hipo list for one country, keyed by domain', async () => {
    const s = await run({ format: 'hipo', file: fixture('hipo-sample.json'), country: 'cn' });
    expect(s).toMatchObject({ read: 13, inserted: 8, skipped: 5, failed: 0 });
    expect(await org('mail2.sysu.edu.cn')).toMatchObject({
      name_en: 'Sun Yat-Sen University',
      website: 'https://sysu.edu.cn/',
      domain: 'sysu.edu.cn',
      source_kind: 'hipo',
    });
  });
});

describe('CSV with a column mapping', () => {
  it('detects and decodes GBK, maps values to codes and reports the bad rows', async () => {
    const s = await run({
      format: 'csv',
      file: fixture('orgs-gbk.csv'),
      mappingFile: fixture('orgs.mapping.json'),
    });
    expect(s).toMatchObject({ encoding: 'gbk', read: 12, inserted: 8, failed: 4 });
    expect(await org('GZ-002')).toMatchObject({
      kind: 'university',
      name_zh: '中山大学',
      name_en: 'Sun Yat-sen University',
      district: 'haizhu',
      founded_year: 1924,
      aliases: JSON.stringify(['中大', 'SYSU']),
      source_kind: 'csv',
    });
    // "天河" and "Haizhu District" are read as district codes; "www.gzhu.edu.cn" gets a scheme.
    expect(await org('GZ-003')).toMatchObject({ district: 'tianhe' });
    expect(await org('GZ-007')).toMatchObject({ district: 'haizhu' });
    expect(await org('GZ-005')).toMatchObject({ website: 'http://www.gzhu.edu.cn' });
    const rows = reportRows(s.reportPath).slice(1);
    expect(rows.map((r) => [r[0], r[1], r[2], r[4]])).toEqual([
      ['8', '9', 'name', ''],
      ['9', '10', 'foundedYear', '公元二〇一〇'],
      ['10', '11', 'district', '东山区'],
      ['11', '12', 'kind', '未知类型'],
    ]);
  });

  it('reads the same rows in UTF-8 with a BOM as unchanged', async () => {
    const s = await run({
      format: 'csv',
      file: fixture('orgs-utf8-bom.csv'),
      mappingFile: fixture('orgs.mapping.json'),
    });
    expect(s).toMatchObject({ encoding: 'utf-8', inserted: 0, updated: 0, unchanged: 8, failed: 4 });
  });

  it('reports rows whose bytes are not text in a forced encoding, and imports the others', async () => {
    // An ASCII header and a GBK row read as UTF-8: that row is reported, the ASCII one imported.
    const file = join(work, 'mixed.csv');
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from('id,name,kind\r\nX-1,Plain Name Institute,rnd_institute\r\nX-2,'),
        Buffer.from([0xb9, 0xe3, 0xd6, 0xdd]), // 广州 in GBK
        Buffer.from(',enterprise\r\n'),
      ]),
    );
    const mapping = join(work, 'mixed.mapping.json');
    writeFileSync(
      mapping,
      JSON.stringify({
        columns: { 'externalIds.csv': 'id', 'name.en': 'name', kind: 'kind' },
        constants: { 'source.en': 'Test rows', 'source.zh': '测试数据' },
      }),
    );
    const s = await run({ format: 'csv', file, mappingFile: mapping, encoding: 'utf-8' });
    expect(s).toMatchObject({ encoding: 'utf-8', read: 2, inserted: 1, failed: 1 });
    expect(reportRows(s.reportPath)[1]?.slice(0, 4)).toEqual([
      '2',
      '3',
      '(row)',
      'bytes that are not valid text in the file’s encoding',
    ]);
    // Forced onto the GBK file, UTF-8 mangles the header too: the mapping's columns are not found.
    await expect(
      run({
        format: 'csv',
        file: fixture('orgs-gbk.csv'),
        mappingFile: fixture('orgs.mapping.json'),
        encoding: 'utf-8',
      }),
    ).rejects.toThrow(/the mapping names column\(s\) the file lacks/);
  });
});

describe('input that cannot be read at all', () => {
  it('refuses a missing file, a bad mapping and bytes that are neither UTF-8 nor GBK', async () => {
    await expect(run({ format: 'ror', file: join(work, 'nope.jsonl') })).rejects.toThrow(/no such file/);
    const badMapping = join(work, 'bad-mapping.json');
    writeFileSync(badMapping, JSON.stringify({ columns: { 'name.zh': '名称', colour: 'x' } }));
    await expect(
      run({ format: 'csv', file: fixture('orgs-gbk.csv'), mappingFile: badMapping }),
    ).rejects.toThrow(/unknown field\(s\) colour.*no "kind".*no "source.en"/);
    const latin1 = join(work, 'latin1.csv');
    writeFileSync(
      latin1,
      Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0x43, 0x61, 0x66, 0xe9, 0x0a, 0xff, 0xfe, 0x80]),
    );
    await expect(
      run({ format: 'csv', file: latin1, mappingFile: fixture('orgs.mapping.json') }),
    ).rejects.toThrow(/neither UTF-8 nor GBK/);
    await expect(run({ format: 'ror', file: latin1 })).rejects.toBeInstanceOf(ImportInputError);
  });
});

describe('ecosphere import (the command)', () => {
  const env = () => ({ DATABASE_URL: t.testDb.url, DATA_DIR: t.config.dataDir });

  it('prints progress lines and a summary, and answers bad command lines with 2 and bad files with 1', async () => {
    const report = join(work, 'cli-report.csv');
    const r = await runCli(
      ['import', 'hipo', fixture('hipo-sample.json'), '--country', 'CN', '--report', report],
      env(),
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^progress +100% +13 records/m);
    expect(r.stdout).toMatch(/^unchanged 8$/m);
    expect(r.stdout).toMatch(/^skipped +5 /m);
    expect(r.stdout).toContain(`report    ${report} (0 problem(s))`);

    const help = await runCli(['import', '--help'], env());
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: ecosphere import <format> <file>');
    // (Each run is a real process that compiles the app: three cases stand for the option checks.)
    for (const args of [
      ['import', 'xml', 'a.xml'],
      ['import', 'csv', fixture('orgs-gbk.csv')],
      ['import', 'ror', fixture('ror-sample.jsonl'), '--batch-size', '0'],
    ]) {
      const bad = await runCli(args, env());
      expect(bad.code, args.join(' ')).toBe(2);
      expect(bad.stderr).toContain('Usage: ecosphere import');
    }
    const missing = await runCli(['import', 'ror', join(work, 'missing.jsonl')], env());
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no such file');
  }, 180_000);
});
