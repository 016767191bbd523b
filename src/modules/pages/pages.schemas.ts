import { z } from 'zod';
import { SLUG, zLine, zText } from '../../platform/schemas.ts';

/** Help Center topics, in the order the page shows them. Names live in the catalog (`pages.topic.*`). */
export const HELP_TOPICS = [
  'using-the-portal',
  'signing-in',
  'organisations',
  'directory',
  'statistics',
  'news',
  'privacy',
  'contact',
] as const;
export type THelpTopic = (typeof HELP_TOPICS)[number];
export const isHelpTopic = (v: unknown): v is THelpTopic => HELP_TOPICS.includes(v as THelpTopic);

/** The audience landing pages, at /{locale}/{audience}. */
export const AUDIENCES = ['government', 'residents', 'visitors', 'business'] as const;
export type TAudience = (typeof AUDIENCES)[number];
export const isAudience = (v: unknown): v is TAudience => AUDIENCES.includes(v as TAudience);

export const HELP_STATUSES = ['draft', 'published'] as const;
export const MOVES = ['up', 'down'] as const;

/** The longest search text (characters) the Help Center accepts. */
export const HELP_QUERY_MAX = 200;
export const ANSWER_MAX = 20_000;
export const INTRO_MAX = 10_000;

// A path on this site, without the locale: `/news/x`, `/directory?kind=incubator`, `/help#top`. No `//host`,
// no backslash, no spaces or quotes: only what may stand in an address unescaped.
const SITE_PATH = /^\/(?![/\\])[A-Za-z0-9\-._~!$&'()*+,;=:@%/?#]*$/;
const zHttps = z.url({ protocol: /^https$/, hostname: z.regexes.domain });

/** `/en/news/x` → `/news/x`: links are stored without the locale and shown in the reader's. */
export const stripLocale = (target: string): string => {
  const m = /^\/(?:en|zh)(?=$|[/?#])(.*)$/.exec(target);
  if (!m) return target;
  const rest = m[1] ?? '';
  return rest === '' ? '/' : rest.startsWith('/') ? rest : `/${rest}`;
};

/** True for a link target editors may store: a path on this site, or an https URL. */
export const isLinkTarget = (v: string): boolean =>
  SITE_PATH.test(v) || (v.startsWith('https://') && !/\s/.test(v) && zHttps.safeParse(v).success);

/** An optional form field: empty (or only spaces) means absent (null). */
const optional = <S extends z.ZodType>(schema: S) =>
  z
    .preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional())
    .transform((v) => (v === undefined ? null : v));

const zPageSlug = z
  .string()
  .trim()
  .min(1)
  .max(160)
  .refine((v) => SLUG.test(v), 'pages.error.slug');

export const ZHelpEntryForm = z.object({
  slug: zPageSlug,
  topic: z.enum(HELP_TOPICS),
  question_en: optional(zLine(300)),
  question_zh: optional(zLine(300)),
  answer_en: optional(zText(ANSWER_MAX)),
  answer_zh: optional(zText(ANSWER_MAX)),
  // Blank: at the end of the topic.
  position: optional(
    z
      .string()
      .trim()
      .refine((v) => /^\d{1,4}$/.test(v), 'pages.error.position')
      .transform(Number),
  ),
  status: z.enum(HELP_STATUSES),
});
export type THelpEntryForm = z.infer<typeof ZHelpEntryForm>;

export const ZIntroForm = z.object({
  intro_en: optional(zText(INTRO_MAX)),
  intro_zh: optional(zText(INTRO_MAX)),
});
export type TIntroForm = z.infer<typeof ZIntroForm>;

export const ZLinkForm = z.object({
  target: z.string().trim().min(1).max(500).transform(stripLocale).refine(isLinkTarget, 'pages.error.target'),
  title_en: optional(zLine(200)),
  title_zh: optional(zLine(200)),
  description_en: optional(zLine(500)),
  description_zh: optional(zLine(500)),
});
export type TLinkForm = z.infer<typeof ZLinkForm>;

export const ZMoveForm = z.object({ direction: z.enum(MOVES) });

const bilingual = (inner: z.ZodType<string>) => z.object({ en: inner.optional(), zh: inner.optional() });

/** A help entry as shipped in the demo files. */
export const ZHelpSeed = z.object({
  slug: z.string().max(160).regex(SLUG),
  topic: z.enum(HELP_TOPICS),
  position: z.number().int().min(0).max(9999),
  question: bilingual(zLine(300)),
  answer: bilingual(zText(ANSWER_MAX)),
});
export type THelpSeed = z.infer<typeof ZHelpSeed>;

/** An audience page as shipped in the demo files. */
export const ZAudienceSeed = z.object({
  audience: z.enum(AUDIENCES),
  intro: bilingual(zText(INTRO_MAX)),
  links: z
    .array(
      z.object({
        target: z.string().max(500).refine(isLinkTarget, 'not a site path or https URL'),
        title: bilingual(zLine(200)),
        description: bilingual(zLine(500)),
      }),
    )
    .max(50),
});
export type TAudienceSeed = z.infer<typeof ZAudienceSeed>;

export type TBilingual = Readonly<{ en: string | null; zh: string | null }>;

export type THelpEntry = Readonly<{
  id: number;
  slug: string;
  topic: THelpTopic;
  question: TBilingual;
  answer: TBilingual;
  position: number;
  isPublished: boolean;
  createdAt: string;
  updatedAt: string;
}>;

export type TAudienceLink = Readonly<{
  id: number;
  audience: TAudience;
  position: number;
  target: string;
  title: TBilingual;
  description: TBilingual;
  updatedAt: string;
}>;

export type TAudiencePage = Readonly<{
  audience: TAudience;
  intro: TBilingual;
  /** The last change to the intro or the links; null when editors never touched the page. */
  updatedAt: string | null;
  links: readonly TAudienceLink[];
}>;
