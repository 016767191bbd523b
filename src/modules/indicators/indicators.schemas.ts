import { z } from 'zod';

export const UNITS = ['count', 'billion CNY', 'percent'] as const;
export type TUnit = (typeof UNITS)[number];

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const bilingual = (max: number) =>
  z.object({ en: z.string().trim().min(1).max(max), zh: z.string().trim().min(1).max(max) });

export const ZObservationSeed = z.object({
  geography: z.string().trim().min(1).max(80),
  period: z.string().trim().min(1).max(40),
  asOf: isoDay,
  value: z.number().finite(),
  qualifier: z.enum(['more_than']).optional(),
  note: z.object({ en: z.string().max(1000).optional(), zh: z.string().max(1000).optional() }).optional(),
});

/** An indicator and its observations as the demo loader hands them over. */
export const ZIndicatorSeed = z.object({
  code: z
    .string()
    .regex(/^[a-z0-9_]+$/)
    .max(120),
  name: bilingual(300),
  unit: z.enum(UNITS),
  source: z.object({
    en: z.string().trim().min(1).max(1000),
    zh: z.string().trim().min(1).max(1000),
    url: z.url().optional(),
  }),
  origin: z.enum(['imported', 'computed', 'reported']),
  headlineRank: z.number().int().min(1).max(100).optional(),
  observations: z.array(ZObservationSeed).min(1),
});
export type TIndicatorSeed = z.infer<typeof ZIndicatorSeed>;

export type TFigure = Readonly<{
  code: string;
  name: { en: string; zh: string };
  unit: TUnit;
  source: { en: string; zh: string; url: string | null };
  headlineRank: number | null;
  geography: string;
  period: string;
  asOf: string;
  value: number;
  qualifier: 'more_than' | null;
  note: { en: string | null; zh: string | null };
}>;
