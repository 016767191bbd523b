import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { seedNews } from '../src/modules/cms/index.ts';
import { seedOrganizations } from '../src/modules/directory/index.ts';
import { seedIndicators } from '../src/modules/indicators/index.ts';
import { seedAudiences, seedHelp } from '../src/modules/pages/index.ts';
import { parseCsvRecords } from '../src/platform/csv.ts';
import { getSetting, setSetting } from '../src/platform/db/settings.ts';
import type { TDeps } from '../src/platform/deps.ts';

const DEMO_LOADED = 'demo_data_loaded_at';
const DEMO_DIR = fileURLToPath(new URL('./demo/', import.meta.url));

type TBilingual = { en: string; zh: string };
type TCounts = { inserted: number; updated: number; unchanged: number };
export type TSeedReport = Readonly<
  Record<
    'indicators' | 'observations' | 'organizations' | 'news' | 'help' | 'audiencePages' | 'audienceLinks',
    TCounts
  >
>;

const readJson = <T>(file: string): T => JSON.parse(readFileSync(`${DEMO_DIR}${file}`, 'utf8')) as T;

/** Turns the article's figures (CSV, kept as published) and their names into indicator seeds. */
export const buildIndicatorSeeds = (): unknown[] => {
  const meta = readJson<{
    source: TBilingual;
    indicators: Record<string, TBilingual & { noteZh?: string; headline?: number }>;
  }>('indicators.json');
  const rows = parseCsvRecords(readFileSync(`${DEMO_DIR}guangzhou-2017-figures.csv`, 'utf8'));
  return rows.map((r) => {
    const code = r.indicator ?? '';
    const m = meta.indicators[code];
    if (!m) throw new Error(`indicators.json has no names for "${code}"`);
    const moreThan = /\(more than\)/.test(r.unit ?? '');
    return {
      code,
      name: { en: m.en, zh: m.zh },
      unit: (r.unit ?? '').replace(/\s*\(more than\)/, ''),
      source: meta.source,
      origin: 'imported',
      headlineRank: m.headline,
      observations: [
        {
          geography: r.scope,
          period: r.period,
          asOf: r.as_of,
          value: Number(r.value),
          qualifier: moreThan ? 'more_than' : undefined,
          note: { en: r.note || undefined, zh: m.noteZh },
        },
      ],
    };
  });
};

/** True once the demo data set has been loaded into this database (by `serve --demo` or `seed --demo`). */
export const isDemoLoaded = async (deps: TDeps): Promise<boolean> =>
  (await getSetting(deps.db, DEMO_LOADED)) !== undefined;

/**
 * Loads the demonstration data set: the article's figures, the organisations it names, news written
 * from it, and the Help Center and audience pages written for the demo. Idempotent: a second run
 * reports everything unchanged and writes nothing.
 */
export const seedDemo = async (deps: TDeps): Promise<TSeedReport> => {
  const orgs = readJson<{ source: TBilingual; organizations: Record<string, unknown>[] }>(
    'organizations.json',
  );
  const news = readJson<{ source: TBilingual; articles: Record<string, unknown>[] }>('news.json');
  const { indicators, observations } = await seedIndicators(deps, buildIndicatorSeeds());
  const organizations = await seedOrganizations(
    deps,
    orgs.organizations.map((o) => ({ ...o, source: orgs.source })),
  );
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
    organizations,
    news: newsCounts,
    help,
    audiencePages: audiences.pages,
    audienceLinks: audiences.links,
  };
};
