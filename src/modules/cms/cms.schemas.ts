import { z } from 'zod';
import { zHttpUrl, zIsoDay, zText } from '../../platform/schemas.ts';

export const NEWS_CATEGORIES = ['city-news', 'policies', 'announcements', 'events'] as const;

const bilingual = (max: number) =>
  z
    .object({ en: zText(max).optional(), zh: zText(max).optional() })
    .refine((v) => v.en !== undefined || v.zh !== undefined, 'needs English or Chinese');

/** A news item as shipped in the demo files. */
export const ZNewsSeed = z.object({
  slug: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .max(160),
  category: z.enum(NEWS_CATEGORIES),
  title: bilingual(300),
  summary: z.object({ en: zText(1000).optional(), zh: zText(1000).optional() }),
  body: bilingual(50_000),
  source: z.object({ en: zText(500), zh: zText(500), url: zHttpUrl.optional() }),
  publishedAt: zIsoDay,
  updatedAt: zIsoDay,
});
export type TNewsSeed = z.infer<typeof ZNewsSeed>;

export const ZFeedQuery = z.object({ category: z.enum(NEWS_CATEGORIES).optional() });

export const ZNewsListQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

export type TNewsArticle = Readonly<{
  slug: string;
  category: (typeof NEWS_CATEGORIES)[number];
  title: { en: string | null; zh: string | null };
  summary: { en: string | null; zh: string | null };
  body: { en: string | null; zh: string | null };
  source: { en: string; zh: string; url: string | null };
  publishedAt: string;
  updatedAt: string;
  isDemo: boolean;
}>;
