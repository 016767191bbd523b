import type { TFieldError } from '../../platform/http/errors.ts';
import type { TLocale } from '../../platform/i18n/locale.ts';
import { markdownProblems, markdownText } from '../../platform/markdown.ts';
import type { TBilingual } from './pages.schemas.ts';

/** A text in the reader's language, or in the other one when it is missing; `lang` says which it is. */
export type TLocalized = Readonly<{ text: string; lang: TLocale; isFallback: boolean }>;

/** Picks the reader's language, falling back to the other (the way news articles do). */
export const pick = (v: TBilingual, locale: TLocale): TLocalized => {
  const mine = v[locale];
  if (mine) return { text: mine, lang: locale, isFallback: false };
  const other: TLocale = locale === 'en' ? 'zh' : 'en';
  return { text: v[other] ?? '', lang: other, isFallback: Boolean(v[other]) };
};

/** The plain text a help entry is searched by: both questions and both answers, without Markdown. */
export const helpSearchText = (question: TBilingual, answer: TBilingual): string =>
  [
    question.en,
    question.zh,
    answer.en ? markdownText(answer.en) : null,
    answer.zh ? markdownText(answer.zh) : null,
  ]
    .filter((s): s is string => Boolean(s))
    .join('\n');

/** A short plain-text summary of Markdown (for search results and meta descriptions). */
export const excerpt = (markdown: string, max = 200): string => {
  const text = markdownText(markdown);
  const chars = [...text];
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
};

/** What the editor must fix in Markdown fields before they are saved, as one field error each. */
export const markdownFieldErrors = (
  fields: Readonly<Record<string, string | null>>,
): Record<string, TFieldError> => {
  const out: Record<string, TFieldError> = {};
  for (const [name, source] of Object.entries(fields)) {
    if (!source) continue;
    const problem = markdownProblems(source)[0];
    if (!problem) continue;
    const target = [...problem.target].slice(0, 80).join('') || '—';
    out[name] = { key: `pages.error.markdown.${problem.kind}`, params: { target } };
  }
  return out;
};
