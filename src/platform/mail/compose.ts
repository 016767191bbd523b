import type { TMail } from './mailer.ts';

// The plain-text e-mails the modules write: what someone wrote, quoted, and a message of paragraphs.

/** Text someone wrote, quoted line by line ("> …") as mail readers show it. */
export const quoteLines = (text: string): string =>
  text
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');

/** A message of paragraphs (empty ones left out) and a sign-off, in the reader's language. */
export const textMail = (
  locale: 'en' | 'zh',
  to: string,
  subject: string,
  parts: readonly (string | false | null | undefined)[],
  signoff: string,
): TMail => ({
  to,
  lang: locale,
  subject,
  text: [...parts.filter((p): p is string => !!p), signoff].join('\n\n'),
});
