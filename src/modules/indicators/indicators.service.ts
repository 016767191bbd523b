import type { TDeps } from '../../platform/deps.ts';
import { parseEach } from '../../platform/http/validate.ts';
import { formatNumber, formatPercent, formatYuan } from '../../platform/i18n/format.ts';
import type { TLocale } from '../../platform/i18n/locale.ts';
import { t } from './indicators.messages.ts';
import * as repo from './indicators.repo.ts';
import { type TFigure, ZIndicatorSeed } from './indicators.schemas.ts';

/** A figure's value as a reader expects it: "CNY 436.1 billion" / "4361亿元", "46.4%", "more than 1,000". */
export const formatFigure = (locale: TLocale, f: Pick<TFigure, 'value' | 'unit' | 'qualifier'>): string => {
  const plain =
    f.unit === 'billion CNY'
      ? formatYuan(locale, f.value * 1e9)
      : f.unit === 'percent'
        ? formatPercent(locale, f.value)
        : formatNumber(locale, f.value);
  return f.qualifier === 'more_than' ? t(locale, 'indicators.moreThan', { value: plain }) : plain;
};

const PERIOD_KEYS = {
  stock: 'indicators.period.stock',
  flow: 'indicators.period.flow',
  'to date': 'indicators.period.toDate',
  cumulative: 'indicators.period.cumulative',
  planned: 'indicators.period.planned',
  event: 'indicators.period.event',
  'per year': 'indicators.period.perYear',
} as const;

/** The period of an observation in words: "First half of 2017" / "2017年上半年". */
export const periodLabel = (locale: TLocale, period: string): string => {
  const known = PERIOD_KEYS[period as keyof typeof PERIOD_KEYS];
  if (known) return t(locale, known);
  const half = /^(\d{4})-H([12])$/.exec(period);
  if (half)
    return t(locale, half[2] === '1' ? 'indicators.period.half1' : 'indicators.period.half2', {
      year: half[1]!,
    });
  if (/^\d{4}$/.test(period)) return t(locale, 'indicators.period.year', { year: period });
  return period;
};

/** Headline figures for the home page, in their editorial order. */
export const headlineFigures = (deps: TDeps): Promise<TFigure[]> =>
  repo.listLatestFigures(deps.db, { headlineOnly: true });

/** Every indicator with its latest value. */
export const allFigures = (deps: TDeps): Promise<TFigure[]> => repo.listLatestFigures(deps.db);

/** The latest value of each of these indicators, in the order given; unknown codes are left out. */
export const figuresByCode = async (deps: TDeps, codes: readonly string[]): Promise<TFigure[]> => {
  if (codes.length === 0) return [];
  const all = new Map((await repo.listLatestFigures(deps.db)).map((f) => [f.code, f]));
  return codes.map((c) => all.get(c)).filter((f): f is TFigure => f !== undefined);
};

/** Indicators whose name matches the text, for site search. */
export const searchFigures = (deps: TDeps, text: string, limit = 20): Promise<TFigure[]> =>
  repo.listLatestFigures(deps.db, { text, limit });

/** Loads demo indicators in one transaction; validates everything first so bad data loads nothing. */
export const seedIndicators = async (deps: TDeps, input: unknown[]) => {
  const items = parseEach(ZIndicatorSeed, input, 'indicator');
  const indicators = { inserted: 0, updated: 0, unchanged: 0 };
  const observations = { inserted: 0, updated: 0, unchanged: 0 };
  await deps.db.transaction().execute(async (trx) => {
    for (const item of items) {
      const r = await repo.upsertSeed(trx, item);
      indicators[r.indicator]++;
      for (const o of r.observations) observations[o]++;
    }
  });
  deps.pages.clear();
  return { indicators, observations };
};
