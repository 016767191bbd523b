import { z } from 'zod';

export const NEWS_CATEGORIES = ['city-news', 'policies', 'announcements', 'events'] as const;

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1).max(max);

/** A news item as shipped in the demo files. */
export const ZNewsSeed = z.object({
  slug: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .max(160),
  category: z.enum(NEWS_CATEGORIES),
  title: z.object({ en: text(300).optional(), zh: text(300).optional() }),
  summary: z.object({ en: text(1000).optional(), zh: text(1000).optional() }),
  body: z.object({ en: text(50_000).optional(), zh: text(50_000).optional() }),
  source: z.object({ en: text(500), zh: text(500), url: z.url().optional() }),
  publishedAt: isoDay,
  updatedAt: isoDay,
});
export type TNewsSeed = z.infer<typeof ZNewsSeed>;

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
