import type { TOrgKind } from '../organizations/index.ts';
import type { TLevel } from './directory.codes.ts';
import type { TRegistryRule } from './directory.stats.repo.ts';

// The article's counts of Guangzhou's ecosystem, as rules over the registry: an active record of the kind,
// in Guangzhou, at the level the figure names, holding a certificate where it says "certified". The one
// list of them: the directory home shows them counted live, the demo data is built so that they give the
// article's numbers (seeds/directory/rules.ts), and the computed indicators of the statistics pages count
// the same way (indicators.computed.ts).

/** The city the figures count in, as the registry stores it (city_en). */
export const FIGURE_CITY = 'Guangzhou';

export type TArticleFigure = Readonly<{
  /** The article's indicator (its code on the statistics pages). */
  indicator: string;
  /** The figure as the article published it (2017). */
  value: number;
  /** The figure's key on the directory home (directory.figure.<key>); absent when the home leaves it out. */
  homeKey?: string;
  kind: TOrgKind;
  level?: TLevel;
  /** Only records holding a certificate number. */
  certified?: boolean;
}>;

export const ARTICLE_FIGURES = [
  {
    indicator: 'institutions_of_higher_learning',
    value: 83,
    homeKey: 'universities',
    kind: 'university',
  },
  {
    indicator: 'province_level_rnd_institutes',
    value: 44,
    homeKey: 'provincialInstitutes',
    kind: 'rnd_institute',
    level: 'provincial',
  },
  {
    indicator: 'national_key_labs',
    value: 19,
    homeKey: 'nationalKeyLabs',
    kind: 'key_lab',
    level: 'national',
  },
  { indicator: 'incubators', value: 280, homeKey: 'incubators', kind: 'incubator' },
  { indicator: 'high_tech_incubators', value: 215, kind: 'incubator', certified: true },
  { indicator: 'makerspaces', value: 138, homeKey: 'makerspaces', kind: 'makerspace' },
  {
    indicator: 'province_certified_high_tech_enterprises',
    value: 2995,
    homeKey: 'highTechEnterprises',
    kind: 'enterprise',
    level: 'provincial',
    certified: true,
  },
] as const satisfies readonly TArticleFigure[];

export type TArticleIndicator = (typeof ARTICLE_FIGURES)[number]['indicator'];

/** A figure's counting rule over the registry, without the city (FIGURE_CITY). */
export const figureRule = (f: TArticleFigure): TRegistryRule => ({
  kind: f.kind,
  ...(f.level ? { level: f.level } : {}),
  ...(f.certified ? { certified: true } : {}),
});

/** The figure of one of the article's indicators. */
export const articleFigure = (indicator: TArticleIndicator): TArticleFigure =>
  ARTICLE_FIGURES.find((f) => f.indicator === indicator) as TArticleFigure;

/** The figures the directory home counts live, in Guangzhou. */
export const GUANGZHOU_FIGURES: readonly { key: string; rule: TRegistryRule }[] = ARTICLE_FIGURES.flatMap(
  (f: TArticleFigure) =>
    f.homeKey ? [{ key: f.homeKey, rule: { ...figureRule(f), city: FIGURE_CITY } }] : [],
);
