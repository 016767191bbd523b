import { z } from 'zod';
import { zText } from '../../platform/schemas.ts';
import { ORG_KINDS } from '../organizations/index.ts';
import {
  DISTRICTS,
  ID_SCHEMES,
  INVESTOR_TYPES,
  LEVELS,
  SECTOR_CODES,
  SOURCE_KINDS,
  STAGES,
} from './directory.codes.ts';

// One organisation as imports, seeds and editors hand it to the registry: validated here, written by
// directory.registry.repo.ts in batches (search tokens, change sequence and external ids in one go).

const zOptText = (max: number) => zText(max).nullish();
const zBilingualOpt = (max: number) => z.object({ en: zOptText(max), zh: zOptText(max) });

export const ZInvestorFocus = z.object({
  sectors: z
    .array(z.enum(SECTOR_CODES as [string, ...string[]]))
    .max(9)
    .default([]),
  stages: z.array(z.enum(STAGES)).max(4).default([]),
  /** Typical ticket in CNY: smallest and largest. */
  ticketMinCny: z.number().int().nonnegative().nullish(),
  ticketMaxCny: z.number().int().nonnegative().nullish(),
  regions: z.array(zText(60)).max(20).default([]),
});
export type TInvestorFocus = z.infer<typeof ZInvestorFocus>;

export const ZExternalId = z.object({
  scheme: z.enum(ID_SCHEMES),
  value: zText(200),
});
export type TExternalId = z.infer<typeof ZExternalId>;

export const ZRegistryRecord = z
  .object({
    /** Optional: derived from the English name when missing. */
    slug: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      .max(160)
      .optional(),
    kind: z.enum(ORG_KINDS),
    name: z.object({ en: zText(300), zh: zText(300) }),
    acronym: zOptText(40),
    aliases: z.array(zText(300)).max(30).default([]),
    summary: zBilingualOpt(4000),
    website: z
      .string()
      .trim()
      .max(500)
      .regex(/^https?:\/\/[^\s]+$/i, 'expected an http(s) address')
      .nullish(),
    city: zBilingualOpt(80),
    countryCode: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .nullish(),
    district: z.enum(DISTRICTS).nullish(),
    sector: z.enum(SECTOR_CODES as [string, ...string[]]).nullish(),
    foundedYear: z.number().int().min(1000).max(2100).nullish(),
    level: z.enum(LEVELS).nullish(),
    certificateNo: zOptText(60),
    certificateValidUntil: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullish(),
    subtype: z.enum(INVESTOR_TYPES).nullish(),
    investorFocus: ZInvestorFocus.nullish(),
    source: z.object({ en: zText(500), zh: zText(500) }),
    sourceKind: z.enum(SOURCE_KINDS),
    sourceUrl: zOptText(500),
    isGenerated: z.boolean().default(false),
    /** When the data was last confirmed by its source or its organisation (ISO time). */
    confirmedAt: z.string().datetime().nullish(),
    externalIds: z.array(ZExternalId).max(30).default([]),
  })
  .strict();
export type TRegistryRecord = z.infer<typeof ZRegistryRecord>;
export type TRegistryRecordInput = z.input<typeof ZRegistryRecord>;

/** The host of a website address without "www.", lower-cased; null when there is none. */
export const websiteDomain = (website: string | null | undefined): string | null => {
  if (!website) return null;
  try {
    return new URL(website).hostname.toLowerCase().replace(/^www\./, '') || null;
  } catch {
    return null;
  }
};

/** A URL slug from a name: ASCII letters and digits joined by hyphens, at most 80 characters. */
export const slugify = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '') || 'organisation';
