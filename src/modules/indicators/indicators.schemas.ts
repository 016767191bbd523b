import { z } from 'zod';
import { zHttpUrl, zIsoDay, zText } from '../../platform/schemas.ts';

export const UNITS = ['count', 'billion CNY', 'percent'] as const;
export type TUnit = (typeof UNITS)[number];

const bilingual = (max: number) => z.object({ en: zText(max), zh: zText(max) });

export const ZObservationSeed = z.object({
  geography: zText(80),
  period: zText(40),
  asOf: zIsoDay,
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
    en: zText(1000),
    zh: zText(1000),
    url: zHttpUrl.optional(),
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
