import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importStatistics, seedIndicators } from '../src/modules/indicators/index.ts';
import { parseCsvRecords } from '../src/platform/csv.ts';
import type { TDeps } from '../src/platform/deps.ts';

// The demo's statistics: the article's figures (CSV as published + names, definitions and panels written
// for the demo) and the provincial subset of the China S&T statistics, loaded through the same import
// path as `ecosphere import stats`.

const DEMO_DIR = fileURLToPath(new URL('./demo/', import.meta.url));

type TBilingual = { en: string; zh: string };
type TCounts = { inserted: number; updated: number; unchanged: number };

// What the article's as-of figures count, as the CSV words it.
const BASIS: Readonly<Record<string, string>> = {
  stock: 'stock',
  flow: 'flow',
  'to date': 'to_date',
  cumulative: 'cumulative',
  planned: 'planned',
  event: 'event',
  'per year': 'per_year',
};

/** Turns the article's figures (CSV, kept as published) and their metadata into indicator seeds. */
export const buildIndicatorSeeds = (): unknown[] => {
  const meta = JSON.parse(readFileSync(`${DEMO_DIR}indicators.json`, 'utf8')) as {
    source: TBilingual;
    methodology: TBilingual;
    comparability: TBilingual;
    license: string;
    indicators: Record<
      string,
      TBilingual & {
        noteZh?: string;
        headline?: number;
        panel: string;
        frequency: string;
        definition: TBilingual;
      }
    >;
  };
  const rows = parseCsvRecords(readFileSync(`${DEMO_DIR}guangzhou-2017-figures.csv`, 'utf8'));
  return rows.map((r) => {
    const code = r.indicator ?? '';
    const m = meta.indicators[code];
    if (!m) throw new Error(`indicators.json has no names for "${code}"`);
    const moreThan = /\(more than\)/.test(r.unit ?? '');
    const unit = (r.unit ?? '').replace(/\s*\(more than\)/, '');
    const basis = BASIS[r.period ?? ''];
    return {
      code,
      name: { en: m.en, zh: m.zh },
      definition: m.definition,
      unit: unit === 'billion CNY' ? 'cny_billion' : unit,
      frequency: m.frequency,
      panel: m.panel,
      source: meta.source,
      methodology: meta.methodology,
      comparability: meta.comparability,
      license: meta.license,
      origin: 'imported',
      defaultGeography: 'CN-GD-GZ',
      headlineRank: m.headline,
      observations: [
        {
          geography: r.scope,
          // An as-of figure is filed under its date, with what it counts; a period figure under its period.
          period: basis ? r.as_of : r.period,
          asOf: r.as_of,
          basis,
          value: Number(r.value),
          qualifier: moreThan ? 'more_than' : undefined,
          note: { en: r.note || undefined, zh: m.noteZh },
        },
      ],
    };
  });
};

/**
 * Loads the article's figures and the provincial statistics. The second goes through importStatistics,
 * like `ecosphere import stats seeds/demo/china-sti-subset.csv`; a problem in the shipped file is a bug.
 */
export const seedDemoIndicators = async (
  deps: TDeps,
): Promise<{ indicators: TCounts; observations: TCounts; statistics: TCounts }> => {
  const article = await seedIndicators(deps, buildIndicatorSeeds());
  const report = await importStatistics(deps, readFileSync(`${DEMO_DIR}china-sti-subset.csv`, 'utf8'), {
    via: 'demo data: seeds/demo/china-sti-subset.csv',
  });
  if (!report.ok) {
    const first = report.problems.slice(0, 5).map((p) => `line ${p.line} ${p.field}: ${p.problem}`);
    throw new Error(
      `seeds/demo/china-sti-subset.csv has ${report.problems.length} problem(s): ${first.join('; ')}`,
    );
  }
  return { ...article, statistics: report.observations };
};
