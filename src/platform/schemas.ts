import { z } from 'zod';

// Zod building blocks shared by every module's schemas.

/** Trimmed text of 1..max characters with no NUL or other control characters but tab and newline. */
export const zText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
    .regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, 'contains control characters');

/** A calendar date, YYYY-MM-DD, that exists. */
export const zIsoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine(
    (v) =>
      !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    {
      message: 'not a real date',
    },
  );

/** A lower-case URL slug: letters, digits and single hyphens. */
export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const zSlug = z.string().max(160).regex(SLUG, 'expected a slug like "my-article-2017"');

/** An http(s) URL — never `javascript:`, `data:` or the like, since these end up in `href`. */
export const zHttpUrl = z.url({ protocol: /^https?$/, hostname: z.regexes.domain });

/** One line of text (a name, a title): zText without line breaks. */
export const zLine = (max: number) => zText(max).regex(/^[^\r\n]*$/, 'contains control characters');
