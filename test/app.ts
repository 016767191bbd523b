import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemo } from '../seeds/demo.ts';
import { createApp } from '../src/app.ts';
import { loadConfig, type TConfig } from '../src/config.ts';
import { openDatabase, type TDatabase } from '../src/platform/db/database.ts';
import { loadMigrations, migrateToLatest } from '../src/platform/db/migrate.ts';
import { createDeps, type TDeps } from '../src/platform/deps.ts';
import { buildAssets } from '../src/platform/http/assets.ts';
import { createLogger } from '../src/platform/log.ts';
import { createTestDatabase, type TTestDatabase } from './db.ts';

export type TTestApp = Readonly<{
  app: ReturnType<typeof createApp>;
  deps: TDeps;
  database: TDatabase;
  testDb: TTestDatabase;
  config: TConfig;
  close: () => Promise<void>;
}>;

/**
 * A real app on a fresh database of the engine under test, migrated, with the demo data unless told not
 * to. The demo directory is its real and named records; `seed: 'full'` adds the ~3,900 generated ones
 * that make the counts match the article (about a second more per test file).
 */
export const createTestApp = async (
  opts: { seed?: boolean | 'full'; env?: Record<string, string> } = {},
): Promise<TTestApp> => {
  const testDb = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'ecosphere-data-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: testDb.url,
    DATA_DIR: dataDir,
    ...opts.env,
  });
  const database = await openDatabase(config.database);
  const result = await migrateToLatest(database.db, await loadMigrations());
  if (result.error) throw result.error;
  const deps = createDeps(database, config, createLogger('silent'));
  if (opts.seed ?? true) await seedDemo(deps, { directory: opts.seed === 'full' ? 'full' : 'real' });
  const app = createApp(deps, await buildAssets());
  return {
    app,
    deps,
    database,
    testDb,
    config,
    close: async () => {
      await database.close();
      deps.mailer.close();
      await testDb.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

/** Reads a response body as text and returns it with the response, for assertions on pages. */
export const getPage = async (app: TTestApp['app'], path: string, headers: Record<string, string> = {}) => {
  const res = await app.request(path, { headers });
  return { res, html: await res.text() };
};
