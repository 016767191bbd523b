import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../seeds/demo.ts';
import { loadConfig } from '../src/config.ts';
import { seedNews } from '../src/modules/cms/index.ts';
import { type Db, openDatabase, type TDatabase } from '../src/platform/db/database.ts';
import {
  appliedMigrations,
  loadMigrations,
  migrateToLatest,
  type TMigration,
  type TMigrationStep,
} from '../src/platform/db/migrate.ts';
import { engineOf } from '../src/platform/db/schema.ts';
import { createDeps, type TDeps } from '../src/platform/deps.ts';
import { createLogger } from '../src/platform/log.ts';
import { createTestDatabase, type TTestDatabase } from './db.ts';

const open: { database: TDatabase; testDb: TTestDatabase }[] = [];
const freshDatabase = async () => {
  const testDb = await createTestDatabase();
  const database = await openDatabase(testDb.config);
  open.push({ database, testDb });
  return database;
};
afterEach(async () => {
  for (const { database, testDb } of open.splice(0)) {
    await database.close();
    await testDb.drop();
  }
});

const tables = async (db: Db): Promise<string[]> => {
  const q =
    engineOf(db) === 'postgres'
      ? sql<{ name: string }>`select tablename as name from pg_tables where schemaname = current_schema()`
      : sql<{
          name: string;
        }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`;
  return (await q.execute(db)).rows.map((r) => r.name).sort();
};

const snapshot = async (db: Db) => {
  const out: Record<string, unknown[]> = {};
  for (const table of ['indicator', 'indicator_observation', 'directory_organization', 'cms_news_article']) {
    out[table] = await db.selectFrom(table).selectAll().orderBy('id').execute();
  }
  return out;
};

const depsFor = (database: TDatabase): TDeps =>
  createDeps(database, loadConfig({ NODE_ENV: 'test' }), createLogger('silent'));

describe('migrations', () => {
  it('apply in name order, report each step, and run once', async () => {
    const { db } = await freshDatabase();
    const migrations = await loadMigrations();
    const steps: TMigrationStep[] = [];
    const first = await migrateToLatest(db, migrations, (s) => steps.push(s));
    expect(first.error).toBeUndefined();
    expect(first.applied).toEqual(migrations.map((m) => m.name));
    expect(steps).toEqual(migrations.map((m) => ({ name: m.name, status: 'applied' })));
    expect(await appliedMigrations(db)).toEqual(migrations.map((m) => m.name));
    expect(await tables(db)).toEqual(
      expect.arrayContaining([
        'cms_news_article',
        'directory_organization',
        'indicator',
        'indicator_observation',
      ]),
    );
    const again = await migrateToLatest(db, migrations);
    expect(again).toEqual({ applied: [], pending: 0 });
  });

  it('leave the database exactly as it was when one fails', async () => {
    const { db } = await freshDatabase();
    const real = await loadMigrations();
    const extra: TMigration[] = [
      {
        name: '29990101T0000_test_good',
        up: async (d) => {
          await d.schema.createTable('zz_good').addColumn('id', 'integer').execute();
        },
      },
      {
        name: '29990101T0001_test_bad',
        up: async (d) => {
          await d.schema.createTable('zz_bad').addColumn('id', 'integer').execute();
          await sql`select * from no_such_table`.execute(d);
        },
      },
    ];
    // From empty: nothing at all may remain, not even the real migrations that ran first.
    const steps: TMigrationStep[] = [];
    const failed = await migrateToLatest(db, [...real, ...extra], (s) => steps.push(s));
    expect(failed.error?.message).toMatch(/29990101T0001_test_bad failed/);
    expect(steps.filter((s) => s.status === 'failed')).toEqual([
      { name: '29990101T0001_test_bad', status: 'failed' },
    ]);
    expect(steps.filter((s) => s.status === 'rolled back')).toHaveLength(real.length + 1);
    expect(await appliedMigrations(db)).toEqual([]);
    expect(await tables(db)).toEqual(['ecosphere_migration']);

    // From a populated database: the data stays, the failed batch leaves no trace.
    expect((await migrateToLatest(db, real)).error).toBeUndefined();
    await seedDemo(depsFor({ db, engine: engineOf(db), describe: '', close: async () => {} }), {
      directory: 'real',
    });
    const before = await snapshot(db);
    const tablesBefore = await tables(db);
    expect((await migrateToLatest(db, [...real, ...extra])).error).toBeDefined();
    expect(await tables(db)).toEqual(tablesBefore);
    expect(await snapshot(db)).toEqual(before);
    expect(await appliedMigrations(db)).toEqual(real.map((m) => m.name));
  });

  it('refuse a database migrated by a newer version', async () => {
    const { db } = await freshDatabase();
    const real = await loadMigrations();
    await migrateToLatest(db, [...real, { name: '29990101T0000_test_future', up: async () => {} }]);
    const result = await migrateToLatest(db, real);
    expect(result.error?.message).toMatch(/does not know: 29990101T0000_test_future/);
  });

  it('refuse badly named migration files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecosphere-mig-'));
    writeFileSync(join(dir, 'add-things.ts'), 'export const up = async () => {};');
    await expect(loadMigrations(dir)).rejects.toThrow(/add-things\.ts/);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('demo data', () => {
  it('loads the article’s figures, organisations and news, and a second run changes nothing', async () => {
    const database = await freshDatabase();
    await migrateToLatest(database.db, await loadMigrations());
    const deps = depsFor(database);
    // The directory's real and named records (test/directory-demo.int.test.ts loads the generated ones).
    const first = await seedDemo(deps, { directory: 'real' });
    expect(first).toEqual({
      indicators: { inserted: 25, updated: 0, unchanged: 0 },
      observations: { inserted: 25, updated: 0, unchanged: 0 },
      statistics: { inserted: 2524, updated: 0, unchanged: 0 },
      organizations: { inserted: 230, updated: 0, unchanged: 0 },
      relations: { inserted: 23, updated: 0, unchanged: 0 },
      people: { inserted: 0, updated: 0, unchanged: 0 },
      news: { inserted: 3, updated: 0, unchanged: 0 },
      help: { inserted: 22, updated: 0, unchanged: 0 },
      audiencePages: { inserted: 4, updated: 0, unchanged: 0 },
      audienceLinks: { inserted: 20, updated: 0, unchanged: 0 },
    });
    const before = await snapshot(database.db);
    const second = await seedDemo(deps, { directory: 'real' });
    expect(second).toEqual({
      indicators: { inserted: 0, updated: 0, unchanged: 25 },
      observations: { inserted: 0, updated: 0, unchanged: 25 },
      statistics: { inserted: 0, updated: 0, unchanged: 2524 },
      organizations: { inserted: 0, updated: 0, unchanged: 230 },
      relations: { inserted: 0, updated: 0, unchanged: 23 },
      people: { inserted: 0, updated: 0, unchanged: 0 },
      news: { inserted: 0, updated: 0, unchanged: 3 },
      help: { inserted: 0, updated: 0, unchanged: 22 },
      audiencePages: { inserted: 0, updated: 0, unchanged: 4 },
      audienceLinks: { inserted: 0, updated: 0, unchanged: 20 },
    });
    expect(await snapshot(database.db)).toEqual(before);
  });

  it('keeps every figure’s source, and puts back a record someone changed', async () => {
    const database = await freshDatabase();
    await migrateToLatest(database.db, await loadMigrations());
    const deps = depsFor(database);
    await seedDemo(deps, { directory: 'real' });
    const sources = await database.db
      .selectFrom('indicator')
      .select(['source_name_en', 'source_name_zh'])
      .where('default_geography', '=', 'CN-GD-GZ')
      .execute();
    expect(sources).toHaveLength(25);
    for (const s of sources) {
      expect(s.source_name_en).toMatch(/Guangzhou municipal portal/);
      expect(s.source_name_zh).toMatch(/广州市政府门户网站/);
    }
    // The provincial statistics name the yearbook and the package they come through.
    const provincial = await database.db
      .selectFrom('indicator')
      .select(['source_name_en', 'source_name_zh'])
      .where('default_geography', '=', 'CN-GD')
      .execute();
    expect(provincial).toHaveLength(6);
    for (const s of provincial) {
      expect(s.source_name_en).toMatch(/huhuaping\/techme \(MIT\)/);
      expect(s.source_name_zh).toMatch(/huhuaping\/techme/);
    }
    await database.db
      .updateTable('directory_organization')
      .set({ name_en: 'Wrong' })
      .where('slug', '=', 'cisco')
      .execute();
    const report = await seedDemo(deps, { directory: 'real' });
    expect(report.organizations).toEqual({ inserted: 0, updated: 1, unchanged: 229 });
    const cisco = await database.db
      .selectFrom('directory_organization')
      .select('name_en')
      .where('slug', '=', 'cisco')
      .executeTakeFirst();
    expect(cisco?.name_en).toBe('Cisco');
  });

  it('rejects a bad item with its number and field, and stores nothing of the batch', async () => {
    const database = await freshDatabase();
    await migrateToLatest(database.db, await loadMigrations());
    const good = {
      slug: 'a-good-one',
      category: 'city-news',
      title: { en: 'Good' },
      summary: {},
      body: { en: 'Body' },
      source: { en: 'S', zh: '源' },
      publishedAt: '2020-01-01',
      updatedAt: '2020-01-01',
    };
    const bad = { ...good, slug: 'Not A Slug', publishedAt: '1 Jan 2020' };
    await expect(seedNews(depsFor(database), [good, bad])).rejects.toThrow(
      /news item 2: slug: .*publishedAt: expected YYYY-MM-DD/s,
    );
    const n = await database.db
      .selectFrom('cms_news_article')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    expect(Number(n?.n)).toBe(0);
  });
});
