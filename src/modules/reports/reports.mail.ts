import type { TLocale } from '../../platform/i18n/locale.ts';
import { quoteLines } from '../../platform/mail/compose.ts';
import type { TMail } from '../../platform/mail/mailer.ts';
import { t } from './reports.messages.ts';
import type { TReport } from './reports.schemas.ts';

/** The outcome of a report, to one reporter, in the language they reported in. */
export const outcomeMail = (
  report: TReport,
  to: string,
  locale: TLocale,
  pageUrl: string,
  outcome: 'fixed' | 'declined',
): TMail => {
  const note = report.resolutionNote?.trim();
  const parts = [
    t(locale, 'reports.mail.intro', { url: pageUrl, selection: quoteLines(report.selection) }),
    t(locale, outcome === 'fixed' ? 'reports.mail.fixed' : 'reports.mail.declined'),
    note
      ? t(locale, outcome === 'fixed' ? 'reports.mail.note' : 'reports.mail.reason', {
          note: quoteLines(note),
        })
      : '',
    t(locale, 'reports.mail.signoff'),
    t(locale, 'reports.mail.why'),
  ].filter(Boolean);
  return {
    to,
    lang: locale,
    subject: t(locale, outcome === 'fixed' ? 'reports.mail.subject.fixed' : 'reports.mail.subject.declined'),
    text: parts.join('\n\n'),
  };
};
