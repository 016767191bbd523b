import type { TRegistryRecordInput } from '../../src/modules/directory/index.ts';

// How the article's figures are counted from the registry (seeds/demo/README.md says the same in words;
// the statistics pages compute these indicators with the same rules): an active record of the kind, in
// Guangzhou, at the level the figure names, holding a certificate where the figure says "certified".

export type TFigureRule = Readonly<{
  indicator: string;
  value: number;
  kind: TRegistryRecordInput['kind'];
  level?: NonNullable<TRegistryRecordInput['level']>;
  certified?: boolean;
}>;

export const FIGURE_RULES: readonly TFigureRule[] = [
  { indicator: 'institutions_of_higher_learning', value: 83, kind: 'university' },
  { indicator: 'province_level_rnd_institutes', value: 44, kind: 'rnd_institute', level: 'provincial' },
  { indicator: 'national_key_labs', value: 19, kind: 'key_lab', level: 'national' },
  { indicator: 'incubators', value: 280, kind: 'incubator' },
  { indicator: 'high_tech_incubators', value: 215, kind: 'incubator', certified: true },
  { indicator: 'makerspaces', value: 138, kind: 'makerspace' },
  {
    indicator: 'province_certified_high_tech_enterprises',
    value: 2995,
    kind: 'enterprise',
    level: 'provincial',
    certified: true,
  },
];

/** Whether a record (every seeded record is active) counts toward a figure. */
export const countsToward = (rule: TFigureRule, r: TRegistryRecordInput): boolean =>
  r.kind === rule.kind &&
  r.city?.en === 'Guangzhou' &&
  (rule.level === undefined || r.level === rule.level) &&
  (!rule.certified || !!r.certificateNo);
