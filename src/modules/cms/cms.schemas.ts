import { z } from 'zod';
import { markdownProblems } from '../../platform/markdown.ts';
import { SLUG, zHttpUrl, zIsoDay, zLine, zText } from '../../platform/schemas.ts';

export const NEWS_CATEGORIES = ['city-news', 'policies', 'announcements', 'events'] as const;
export type TNewsCategory = (typeof NEWS_CATEGORIES)[number];

/** Where an article is in the editorial workflow. */
export const NEWS_STATES = ['draft', 'review', 'scheduled', 'published', 'archived'] as const;
export type TNewsState = (typeof NEWS_STATES)[number];

export type TBi = { en: string | null; zh: string | null };
export type TTag = Readonly<{ key: string; en: string; zh: string }>;

/** Everything an editor writes: what one revision holds, and what publishing makes public. */
export type TNewsContent = Readonly<{
  category: TNewsCategory;
  title: TBi;
  summary: TBi;
  body: TBi;
  tags: readonly TTag[];
  source: { en: string; zh: string; url: string | null };
  author: TBi;
  figures: readonly string[];
}>;

/** The public copy of an article. */
export type TNewsArticle = Readonly<
  TNewsContent & {
    id: number;
    slug: string;
    state: TNewsState;
    publishedAt: string;
    updatedAt: string;
    archivedAt: string | null;
    isDemo: boolean;
  }
>;

/** An article as editors see it: its state, the latest revision's content, and what is live. */
export type TEditorialArticle = Readonly<{
  id: number;
  slug: string;
  state: TNewsState;
  head: TRevision;
  liveRevisionId: number | null;
  scheduledAt: string | null;
  submittedBy: number | null;
  createdBy: number | null;
  publishedAt: string | null;
  updatedAt: string | null;
  archivedAt: string | null;
  unpublishedAt: string | null;
  unpublishedReason: string | null;
}>;

export type TRevision = Readonly<{
  id: number;
  articleId: number;
  number: number;
  authorId: number | null;
  note: string | null;
  content: TNewsContent;
  createdAt: string;
  publishedAt: string | null;
}>;

/** A tag key: the English label in slug form, or the Chinese label when there is no English one. */
export const tagKey = (en: string, zh: string): string => {
  const slug = en
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return slug || zh.trim().slice(0, 80);
};

const splitTags = (s: string | undefined): string[] =>
  (s ?? '')
    .split(/[,，、;；]/)
    .map((x) => x.trim())
    .filter(Boolean);

/** An optional form field: empty (or only spaces) means absent (null). */
const optional = <S extends z.ZodType>(schema: S) =>
  z
    .preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional())
    .transform((v) => (v === undefined ? null : v));

/** Markdown that renders safely is not enough: images need alt text and links must be safe. */
const zMarkdown = (max: number) =>
  zText(max).superRefine((v, ctx) => {
    const p = markdownProblems(v)[0];
    if (p) ctx.addIssue({ code: 'custom', message: `cms.error.markdown.${p.kind}` });
  });

const FIGURE_CODE = /^[a-z0-9_]{1,120}$/;

/** The article form, as editors fill it in (both languages side by side). */
export const ZArticleForm = z
  .object({
    slug: optional(z.string().trim().max(160).regex(SLUG, 'cms.error.slug')),
    category: z.enum(NEWS_CATEGORIES),
    title_en: optional(zLine(300)),
    title_zh: optional(zLine(300)),
    summary_en: optional(zText(1000)),
    summary_zh: optional(zText(1000)),
    body_en: optional(zMarkdown(50_000)),
    body_zh: optional(zMarkdown(50_000)),
    tags_en: optional(zLine(600)),
    tags_zh: optional(zLine(600)),
    source_en: zLine(500),
    source_zh: zLine(500),
    source_url: optional(z.string().trim().max(500).pipe(zHttpUrl)),
    author_en: optional(zLine(200)),
    author_zh: optional(zLine(200)),
    figures: optional(zLine(600)),
    note: optional(zLine(300)),
    base_revision: optional(z.coerce.number().int().min(0).max(1_000_000_000)),
  })
  .superRefine((v, ctx) => {
    if (!v.title_en && !v.title_zh)
      ctx.addIssue({ code: 'custom', path: ['title_en'], message: 'cms.error.titleNeeded' });
    if (!v.body_en && !v.body_zh)
      ctx.addIssue({ code: 'custom', path: ['body_en'], message: 'cms.error.bodyNeeded' });
    const en = splitTags(v.tags_en ?? undefined);
    const zh = splitTags(v.tags_zh ?? undefined);
    if (en.length && zh.length && en.length !== zh.length)
      ctx.addIssue({ code: 'custom', path: ['tags_zh'], message: 'cms.error.tagsPaired' });
    if (Math.max(en.length, zh.length) > 10)
      ctx.addIssue({ code: 'custom', path: ['tags_en'], message: 'cms.error.tagsTooMany' });
    if ([...en, ...zh].some((t) => t.length > 40))
      ctx.addIssue({ code: 'custom', path: ['tags_en'], message: 'cms.error.tagTooLong' });
    const figures = splitTags(v.figures ?? undefined);
    if (figures.some((f) => !FIGURE_CODE.test(f)) || figures.length > 20)
      ctx.addIssue({ code: 'custom', path: ['figures'], message: 'cms.error.figures' });
  });
export type TArticleForm = z.infer<typeof ZArticleForm>;

/** The form's fields as one revision's content. */
export const contentOf = (f: TArticleForm): TNewsContent => {
  const en = splitTags(f.tags_en ?? undefined);
  const zh = splitTags(f.tags_zh ?? undefined);
  const tags: TTag[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < Math.max(en.length, zh.length); i++) {
    const e = en[i] ?? zh[i] ?? '';
    const c = zh[i] ?? en[i] ?? '';
    const key = tagKey(e, c);
    if (key && !seen.has(key)) {
      seen.add(key);
      tags.push({ key, en: e, zh: c });
    }
  }
  return {
    category: f.category,
    title: { en: f.title_en, zh: f.title_zh },
    summary: { en: f.summary_en, zh: f.summary_zh },
    body: { en: f.body_en, zh: f.body_zh },
    tags,
    source: { en: f.source_en, zh: f.source_zh, url: f.source_url },
    author: { en: f.author_en, zh: f.author_zh },
    figures: [...new Set(splitTags(f.figures ?? undefined))],
  };
};

/** A revision's content as the form's fields (to edit it). */
export const formValuesOf = (c: TNewsContent): Record<string, string> => ({
  category: c.category,
  title_en: c.title.en ?? '',
  title_zh: c.title.zh ?? '',
  summary_en: c.summary.en ?? '',
  summary_zh: c.summary.zh ?? '',
  body_en: c.body.en ?? '',
  body_zh: c.body.zh ?? '',
  tags_en: c.tags.map((t) => t.en).join(', '),
  tags_zh: c.tags.map((t) => t.zh).join('，'),
  source_en: c.source.en,
  source_zh: c.source.zh,
  source_url: c.source.url ?? '',
  author_en: c.author.en ?? '',
  author_zh: c.author.zh ?? '',
  figures: c.figures.join(', '),
});

/** Publishing: now, or at a time in the future (scheduled); publishing one's own submission needs a reason. */
export const ZPublishForm = z.object({
  at: optional(
    z
      .string()
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'cms.error.when'),
  ),
  reason: optional(zLine(300)),
});
export const ZReasonForm = z.object({ reason: zLine(500) });
export const ZEmptyForm = z.object({});

/** A news item as shipped in the demo files. */
const bilingual = (max: number) =>
  z
    .object({ en: zText(max).optional(), zh: zText(max).optional() })
    .refine((v) => v.en !== undefined || v.zh !== undefined, 'needs English or Chinese');

export const ZNewsSeed = z.object({
  slug: z.string().regex(SLUG).max(160),
  category: z.enum(NEWS_CATEGORIES),
  title: bilingual(300),
  summary: z.object({ en: zText(1000).optional(), zh: zText(1000).optional() }),
  body: bilingual(50_000),
  tags: z
    .array(z.object({ en: zLine(40), zh: zLine(40) }))
    .max(10)
    .default([]),
  author: z.object({ en: zLine(200).optional(), zh: zLine(200).optional() }).default({}),
  figures: z.array(z.string().regex(FIGURE_CODE)).max(20).default([]),
  source: z.object({ en: zText(500), zh: zText(500), url: zHttpUrl.optional() }),
  publishedAt: zIsoDay,
  updatedAt: zIsoDay,
});
export type TNewsSeed = z.infer<typeof ZNewsSeed>;

export const ZFeedQuery = z.object({ category: z.enum(NEWS_CATEGORIES).optional() });

const emptyAsUndefined = (v: unknown) => (v === '' ? undefined : v);

/** The news list: filters and page. Empty parameters (from the filter form) mean "any". */
export const ZNewsListQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  category: z.preprocess(emptyAsUndefined, z.enum(NEWS_CATEGORIES).optional()),
  tag: z.preprocess(emptyAsUndefined, z.string().trim().min(1).max(80).optional()),
  year: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1990).max(2100).optional()),
  q: z.preprocess(emptyAsUndefined, z.string().trim().max(200).optional()),
});
export type TNewsListQuery = z.infer<typeof ZNewsListQuery>;

export const ZEditorialQuery = z.object({
  state: z.preprocess(emptyAsUndefined, z.enum(NEWS_STATES).optional()),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
