import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { seedNews } from '../src/modules/cms/index.ts';
import { seedAudiences, seedHelp } from '../src/modules/pages/index.ts';
import { getSetting, setSetting } from '../src/platform/db/settings.ts';
import type { TDeps } from '../src/platform/deps.ts';
import { seedDirectory, type TDirectorySeedMode } from './directory.ts';
import { seedDemoIndicators } from './indicators.ts';

const DEMO_LOADED = 'demo_data_loaded_at';
const DEMO_DIR = fileURLToPath(new URL('./demo/', import.meta.url));

type TBilingual = { en: string; zh: string };
type TCounts = { inserted: number; updated: number; unchanged: number };
export type TSeedReport = Readonly<
  Record<
    | 'indicators'
    | 'observations'
    | 'statistics'
    | 'organizations'
    | 'relations'
    | 'people'
    | 'news'
    | 'help'
    | 'audiencePages'
    | 'audienceLinks',
    TCounts
  >
>;

const readJson = <T>(file: string): T => JSON.parse(readFileSync(`${DEMO_DIR}${file}`, 'utf8')) as T;

/** True once the demo data set has been loaded into this database (by `serve --demo` or `seed --demo`). */
export const isDemoLoaded = async (deps: TDeps): Promise<boolean> =>
  (await getSetting(deps.db, DEMO_LOADED)) !== undefined;

/**
 * Loads the demonstration data set: the article's figures, the directory (real records, the
 * organisations the article names and, with `directory: 'full'`, the generated records that make its
 * counts match the article's), news written from it, and the Help Center and audience pages written for
 * the demo. Idempotent: a second run reports everything unchanged and writes nothing.
 */
export const seedDemo = async (
  deps: TDeps,
  opts: { directory?: TDirectorySeedMode } = {},
): Promise<TSeedReport> => {
  const news = readJson<{ source: TBilingual; articles: Record<string, unknown>[] }>('news.json');
  const { indicators, observations, statistics } = await seedDemoIndicators(deps);
  const directory = await seedDirectory(deps, opts.directory ?? 'full');
  const newsCounts = await seedNews(
    deps,
    news.articles.map((a) => ({ ...a, source: news.source })),
  );
  const help = await seedHelp(deps, readJson<{ entries: unknown[] }>('help.json').entries);
  const audiences = await seedAudiences(deps, readJson<{ pages: unknown[] }>('audiences.json').pages);
  await setSetting(deps.db, DEMO_LOADED, new Date().toISOString());
  return {
    indicators,
    observations,
    statistics,
    organizations: directory.organizations,
    relations: directory.relations,
    people: directory.people,
    news: newsCounts,
    help,
    audiencePages: audiences.pages,
    audienceLinks: audiences.links,
  };
};
