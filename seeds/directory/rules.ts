import {
  ARTICLE_FIGURES,
  FIGURE_CITY,
  type TArticleFigure,
  type TRegistryRecordInput,
} from '../../src/modules/directory/index.ts';

// How the article's figures are counted from the registry: the directory's one list of them
// (ARTICLE_FIGURES, src/modules/directory/directory.figures.ts; seeds/demo/README.md says the same in
// words), which the directory home and the computed indicators of the statistics pages count by too: an
// active record of the kind, in Guangzhou, at the level the figure names, holding a certificate where the
// figure says "certified".

export type TFigureRule = TArticleFigure;

export const FIGURE_RULES: readonly TFigureRule[] = ARTICLE_FIGURES;

/** Whether a record (every seeded record is active) counts toward a figure. */
export const countsToward = (rule: TFigureRule, r: TRegistryRecordInput): boolean =>
  r.kind === rule.kind &&
  r.city?.en === FIGURE_CITY &&
  (rule.level === undefined || r.level === rule.level) &&
  (!rule.certified || !!r.certificateNo);
