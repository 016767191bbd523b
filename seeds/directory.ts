import {
  seedRegistry,
  type TRegistryRecordInput,
  type TRegistrySeedReport,
  type TSeedPerson,
  type TSeedRelation,
} from '../src/modules/directory/index.ts';
import type { TDeps } from '../src/platform/deps.ts';
import { companies, gaps, incubators, institutes, makerspaces, universities } from './directory/generate.ts';
import type { TNames } from './directory/generate-common.ts';
import { investors, people, relations } from './directory/generate-links.ts';
import { realDirectory } from './directory/real.ts';

// The demo directory: real records (Guangdong's universities, Guangzhou's ROR records, the article's
// organisations) and, in full, generated ones so that the counts match the article's figures
// (seeds/directory/rules.ts; seeds/demo/README.md).

/** `full`: real and generated records (about 4,200); `real`: the real and named ones only (about 260). */
export type TDirectorySeedMode = 'full' | 'real';

/** How many start-ups (uncertified companies) the full demo generates beside the figures' records. */
const STARTUPS = 400;

export type TDemoDirectory = Readonly<{
  records: TRegistryRecordInput[];
  relations: TSeedRelation[];
  people: TSeedPerson[];
  /** Every row the seed writes carries this time, so a second run leaves identical rows. */
  now: string;
}>;

/** The demo directory's records, relations and people, built in memory (deterministic). */
export const demoDirectory = (mode: TDirectorySeedMode = 'full'): TDemoDirectory => {
  const real = realDirectory();
  const now = `${real.extractedOn}T00:00:00.000Z`;
  if (mode === 'real') return { records: real.records, relations: real.relations, people: [], now };
  const names: TNames = {
    en: new Set(real.records.map((r) => r.name.en.toLowerCase())),
    zh: new Set(real.records.map((r) => r.name.zh)),
  };
  const gap = gaps(real.records);
  const generated: TRegistryRecordInput[] = [
    ...universities(gap.institutions_of_higher_learning ?? 0, names),
    ...institutes(gap.province_level_rnd_institutes ?? 0, names, 'rnd_institute'),
    ...institutes(gap.national_key_labs ?? 0, names, 'key_lab'),
    ...incubators(gap.incubators ?? 0, gap.high_tech_incubators ?? 0, names),
    ...makerspaces(gap.makerspaces ?? 0, names),
    ...companies(gap.province_certified_high_tech_enterprises ?? 0, names, { certified: true }),
    ...companies(STARTUPS, names, { certified: false }),
    ...investors(names),
  ];
  const records = [...real.records, ...generated];
  return {
    records,
    relations: [...real.relations, ...relations(records)],
    people: people(records),
    now,
  };
};

/** Loads the demo directory through the registry (idempotent: a second run reports everything unchanged). */
export const seedDirectory = (
  deps: TDeps,
  mode: TDirectorySeedMode = 'full',
): Promise<TRegistrySeedReport> => {
  const d = demoDirectory(mode);
  return seedRegistry(deps, { records: d.records, relations: d.relations, people: d.people, now: d.now });
};
