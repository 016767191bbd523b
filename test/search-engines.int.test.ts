import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { searchDirectory, type TSearchParams, writeRecords } from '../src/modules/directory/index.ts';
import { openDatabase, type TDatabase } from '../src/platform/db/database.ts';
import { loadMigrations, migrateToLatest } from '../src/platform/db/migrate.ts';
import { createDeps, type TDeps } from '../src/platform/deps.ts';
import { createLogger } from '../src/platform/log.ts';
import { createTestDatabase, type TTestDatabase } from './db.ts';
import {
  nameOrderRecords,
  nameRecord,
  referenceOrder,
  type TNameRow,
} from './fixtures/directory/name-order.ts';
import { RELEVANCE_CASES, SEARCH_CORPUS } from './fixtures/directory/search-corpus.ts';

// The same corpus on SQLite and on PostgreSQL must give the same results in the same order: tokens,
// matching and ranking all live in the application, and this test holds the engines to it. It opens
// both engines whichever project runs it.

type TSide = { testDb: TTestDatabase; database: TDatabase; deps: TDeps };
const sides: Partial<Record<'sqlite' | 'postgres', TSide>> = {};

const open = async (engine: 'sqlite' | 'postgres'): Promise<TSide> => {
  const testDb = await createTestDatabase(engine);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: testDb.url });
  const database = await openDatabase(config.database);
  const r = await migrateToLatest(database.db, await loadMigrations());
  if (r.error) throw r.error;
  const deps = createDeps(database, config, createLogger('silent'));
  await writeRecords(deps, SEARCH_CORPUS);
  return { testDb, database, deps };
};

beforeAll(async () => {
  sides.sqlite = await open('sqlite');
  sides.postgres = await open('postgres');
});
afterAll(async () => {
  for (const s of Object.values(sides)) {
    await s.database.close();
    s.deps.mailer.close();
    await s.testDb.drop();
  }
});

const params = (q: string, extra: Partial<TSearchParams> = {}): TSearchParams => ({
  q,
  filters: { kind: [], district: [], sector: [], level: [] },
  foundedFrom: null,
  foundedTo: null,
  sort: q ? 'relevance' : 'name',
  page: 1,
  limit: 20,
  ...extra,
});

const run = async (engine: 'sqlite' | 'postgres', p: TSearchParams, locale: 'en' | 'zh' = 'en') => {
  const r = await searchDirectory((sides[engine] as TSide).deps, p, locale);
  return { total: r.total, slugs: r.items.map((i) => i.slug), facets: r.facets, corrected: r.correctedTo };
};

describe('SQLite and PostgreSQL agree', () => {
  const queries = [
    ...RELEVANCE_CASES.map((c) => c.q),
    '大学',
    '广州',
    'technology',
    'guangzhou incubator',
    '科技 孵化',
    'SZU',
    'ZZZ',
    '"NEAR(',
  ];
  for (const q of queries) {
    it(`“${q}”: same hits, same order, same facet counts`, async () => {
      const a = await run('sqlite', params(q));
      const b = await run('postgres', params(q));
      expect(b).toEqual(a);
      if (q !== 'ZZZ' && q !== '"NEAR(') expect(a.total).toBeGreaterThan(0);
    });
  }

  it('agrees on filtered and sorted browsing in both languages', async () => {
    for (const locale of ['en', 'zh'] as const) {
      for (const sort of ['name', 'newest', 'oldest', 'relevance'] as const) {
        const p = params('', {
          sort,
          filters: { kind: ['university', 'incubator'], district: [], sector: [], level: [] },
        });
        expect(await run('postgres', p, locale)).toEqual(await run('sqlite', p, locale));
      }
    }
  });
});

describe('the name order', () => {
  const write = async (records: readonly unknown[]) => {
    for (const side of Object.values(sides)) await writeRecords(side.deps, records);
  };
  const allPages = async (engine: 'sqlite' | 'postgres', locale: 'en' | 'zh', kinds: string[]) => {
    const out: string[] = [];
    for (let page = 1; ; page++) {
      const filters = { kind: kinds, district: [], sector: [], level: [] };
      const r = await run(engine, params('', { sort: 'name', filters, limit: 50, page }), locale);
      out.push(...r.slugs);
      if (r.slugs.length < 50) return out;
    }
  };
  const expectSameOrder = async () => {
    const rows = (await (sides.sqlite as TSide).deps.db
      .selectFrom('directory_organization')
      .select(['id', 'slug', 'name_en', 'name_zh', 'status', 'kind'])
      .execute()) as TNameRow[];
    for (const locale of ['en', 'zh'] as const) {
      for (const kinds of [[], ['key_lab']]) {
        const sqlite = await allPages('sqlite', locale, kinds);
        expect(sqlite).toEqual(referenceOrder(rows, locale, kinds));
        expect(await allPages('postgres', locale, kinds)).toEqual(sqlite);
      }
    }
  };

  it('is code point order, then id, on both engines, through inserts and renames', async () => {
    await write(nameOrderRecords());
    await expectSameOrder();
    await write([
      nameRecord('t7', '\u{1F3C1} Last Lab', '\u{2A700}末', { kind: 'key_lab' }),
      nameRecord('g21', 'acme lab', '阿里研究院', { kind: 'key_lab' }),
      nameRecord('late1', '\uFB01ne Tools 0', '\u{20000}实验室0'),
      nameRecord('late2', 'Twin Name', '双名', { kind: 'key_lab' }),
    ]);
    await expectSameOrder();
  });
});
