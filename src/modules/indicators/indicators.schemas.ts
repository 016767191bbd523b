import { z } from 'zod';
import { zHttpUrl, zIsoDay, zText } from '../../platform/schemas.ts';
import {
  BASES,
  FREQUENCIES,
  LICENSE_IDS,
  ORIGINS,
  PANELS,
  STATUSES,
  type TBasis,
  type TFrequency,
  type TLicense,
  type TOrigin,
  type TPanel,
  type TPeriodKind,
  type TStatus,
  type TUnit,
  UNIT_CODES,
} from './indicators.codes.ts';

export type { TUnit } from './indicators.codes.ts';

const bilingual = (max: number) => z.object({ en: zText(max), zh: zText(max) });
const optionalBilingual = (max: number) =>
  z.object({ en: zText(max).optional(), zh: zText(max).optional() }).optional();

export const zIndicatorCode = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/)
  .max(120);
/** A breakdown dimension or value: lower-case words joined by underscores (sector, biotech, utility_model). */
export const zBreakdownPart = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/)
  .max(40);

/** Registry metadata of an indicator, as loaders and the codebook of an import give it. */
export const ZIndicatorMeta = z.object({
  code: zIndicatorCode,
  name: bilingual(300),
  definition: optionalBilingual(4000),
  unit: z.enum(UNIT_CODES as [TUnit, ...TUnit[]]),
  frequency: z.enum(FREQUENCIES).default('irregular'),
  panel: z.enum(PANELS).optional(),
  origin: z.enum(ORIGINS),
  source: z.object({ en: zText(1000), zh: zText(1000), url: zHttpUrl.optional() }),
  methodology: optionalBilingual(4000),
  comparability: optionalBilingual(4000),
  owner: optionalBilingual(300),
  license: z.enum(LICENSE_IDS as [TLicense, ...TLicense[]]).default('CC-BY-4.0'),
  /** The geography whose value the statistics home shows (e.g. CN-GD-GZ, CN-GD). */
  defaultGeography: z.string().max(40).optional(),
  headlineRank: z.number().int().min(1).max(100).optional(),
});
export type TIndicatorMeta = z.infer<typeof ZIndicatorMeta>;

export const ZObservationSeed = z.object({
  geography: zText(80),
  /** A period code (2017, 2017-H1, 2017-Q3, 2017-07, 2017-07-31); for as-of figures the as-of date. */
  period: zText(20),
  asOf: zIsoDay.optional(),
  basis: z.enum(BASES).optional(),
  breakdown: z.object({ dimension: zBreakdownPart, value: zBreakdownPart }).optional(),
  value: z.number().finite(),
  qualifier: z.enum(['more_than']).optional(),
  status: z.enum(STATUSES).default('final'),
  source: z.object({ en: zText(1000), zh: zText(1000), url: zHttpUrl.optional() }).optional(),
  note: z.object({ en: z.string().max(1000).optional(), zh: z.string().max(1000).optional() }).optional(),
});
export type TObservationSeed = z.infer<typeof ZObservationSeed>;

/** An indicator and its observations as the demo loader hands them over. */
export const ZIndicatorSeed = ZIndicatorMeta.extend({ observations: z.array(ZObservationSeed).min(1) });
export type TIndicatorSeed = z.infer<typeof ZIndicatorSeed>;

export type TBilingual = Readonly<{ en: string; zh: string }>;
export type TBilingualOpt = Readonly<{ en: string | null; zh: string | null }>;
export type TSource = Readonly<{ name: TBilingual; url: string | null }>;

/** An indicator of the registry. */
export type TIndicator = Readonly<{
  code: string;
  name: TBilingual;
  definition: TBilingualOpt;
  unit: TUnit;
  frequency: TFrequency;
  panel: TPanel | null;
  origin: TOrigin;
  source: TSource;
  methodology: TBilingualOpt;
  comparability: TBilingualOpt;
  owner: TBilingualOpt;
  license: TLicense;
  defaultGeography: string | null;
  headlineRank: number | null;
  /** Raised on every change to the indicator or its observations: a cache key for charts. */
  dataVersion: number;
  /** When the indicator or one of its observations last changed (ISO timestamp). */
  modifiedAt: string;
  createdAt: string;
  /** What the observations cover: first and last day, how many, how many geographies. */
  coverage: Readonly<{ from: string | null; to: string | null; observations: number; geographies: number }>;
}>;

/** An indicator of the registry without its coverage, for lists that do not show it (the statistics home). */
export type TIndicatorEntry = Omit<TIndicator, 'coverage'>;

/** An indicator with the geographies and breakdowns its observations use. */
export type TIndicatorDetail = TIndicator &
  Readonly<{
    geographies: readonly string[];
    breakdowns: readonly Readonly<{ dimension: string; values: readonly string[] }>[];
  }>;

export type TBreakdown = Readonly<{ dimension: string; value: string }>;

/** One value of an indicator for a period, a geography and (optionally) a breakdown. */
export type TObservation = Readonly<{
  geography: string;
  period: string;
  periodKind: TPeriodKind;
  periodStart: string;
  periodEnd: string;
  asOf: string;
  basis: TBasis | null;
  breakdown: TBreakdown | null;
  value: number;
  qualifier: 'more_than' | null;
  status: TStatus;
  /** The observation's own source, or the indicator's when it has none. */
  source: TSource;
  note: TBilingualOpt;
  /** 1 for a value never corrected; each correction adds one. */
  revision: number;
  updatedAt: string;
}>;

/** An earlier or the current value of an observation, with who recorded it, how and why. */
export type TRevision = Readonly<{
  revision: number;
  value: number;
  qualifier: 'more_than' | null;
  status: TStatus;
  source: TSource;
  note: TBilingualOpt;
  recordedAt: string;
  recordedBy: number | null;
  /** How it came in: "demo data", "import RDActivity.csv", "correction". */
  recordedVia: string | null;
  reason: string | null;
  /** When a later value replaced it; null for the current value. */
  supersededAt: string | null;
}>;

/** Which breakdown rows a query wants: totals only (default), every row, one dimension or one value. */
export type TBreakdownFilter = 'none' | 'all' | Readonly<{ dimension: string; value?: string }>;

export type TSeriesQuery = Readonly<{
  geography?: string | readonly string[];
  /** A period code: observations starting on or after its first day. */
  from?: string;
  /** A period code: observations ending on or before its last day. */
  to?: string;
  breakdown?: TBreakdownFilter;
}>;

export type TSeries = Readonly<{ indicator: TIndicator; observations: readonly TObservation[] }>;

export type TChange = Readonly<{
  /** latest − previous, in the indicator's unit (percentage points for percent). */
  absolute: number;
  /** (latest − previous) / previous, e.g. 0.116; null when the previous value is 0. */
  relative: number | null;
}>;

export type TLatest = Readonly<{
  indicator: TIndicatorEntry;
  latest: TObservation;
  /** The observation of the same kind of period one year earlier, if any. */
  previous: TObservation | null;
  change: TChange | null;
}>;

export type TComparison = Readonly<{
  indicator: TIndicator;
  period: string;
  level: 'country' | 'province' | 'city' | 'district';
  /** Highest value first. */
  rows: readonly Readonly<{ geography: string; value: number; status: TStatus; rank: number }>[];
  /** The parent geography's value for the same period (China for provinces), if there is one. */
  reference: Readonly<{ geography: string; value: number }> | null;
}>;

export type TPanelOverview = readonly Readonly<{
  panel: TPanel;
  items: readonly Readonly<{ indicator: TIndicatorEntry; latest: TLatest | null }>[];
}>[];

export type TFigure = Readonly<{
  code: string;
  name: { en: string; zh: string };
  unit: TUnit;
  source: { en: string; zh: string; url: string | null };
  headlineRank: number | null;
  geography: string;
  /** The period code, or for as-of figures what they count (stock, flow, to date, cumulative, …). */
  period: string;
  asOf: string;
  value: number;
  qualifier: 'more_than' | null;
  note: { en: string | null; zh: string | null };
}>;
