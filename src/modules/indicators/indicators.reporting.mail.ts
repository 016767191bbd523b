import { formatDate } from '../../platform/i18n/format.ts';
import type { TLocale } from '../../platform/i18n/locale.ts';
import { quoteLines, textMail } from '../../platform/mail/compose.ts';
import type { TMail } from '../../platform/mail/mailer.ts';
import { periodLabel } from './indicators.format.ts';
import { t } from './indicators.reporting.messages.ts';

// E-mails about periodic reports, each in the reader's language.

type TName = Readonly<{ en: string; zh: string }>;
const nameIn = (locale: TLocale, n: TName) => n[locale] || n.en;

const mail = (locale: TLocale, to: string, subject: string, parts: (string | false | null)[]): TMail =>
  textMail(locale, to, subject, parts, t(locale, 'indicators.reporting.mail.signoff'));

/** A reminder to an organisation's owners and admins that a quarter's report is due. */
export const reminderMail = (
  locale: TLocale,
  to: string,
  v: { org: TName; period: string; deadline: string; daysLeft: number; link: string },
): TMail => {
  const period = periodLabel(locale, v.period);
  const deadline = formatDate(locale, v.deadline);
  return mail(locale, to, t(locale, 'indicators.reporting.mail.reminder.subject', { period, deadline }), [
    t(locale, 'indicators.reporting.mail.reminder.body', {
      org: nameIn(locale, v.org),
      period,
      deadline,
      days: v.daysLeft,
    }),
    t(locale, 'indicators.reporting.mail.link', { link: v.link }),
    t(locale, 'indicators.reporting.mail.reminder.why', { org: nameIn(locale, v.org) }),
  ]);
};

/** The outcome of staff review, to the person who submitted the report. */
export const decidedMail = (
  locale: TLocale,
  to: string,
  v: { org: TName; period: string; approved: boolean; note: string | null; link: string },
): TMail => {
  const period = periodLabel(locale, v.period);
  const org = nameIn(locale, v.org);
  return mail(
    locale,
    to,
    t(
      locale,
      v.approved
        ? 'indicators.reporting.mail.approved.subject'
        : 'indicators.reporting.mail.returned.subject',
      { period },
    ),
    [
      t(
        locale,
        v.approved ? 'indicators.reporting.mail.approved.body' : 'indicators.reporting.mail.returned.body',
        {
          org,
          period,
        },
      ),
      v.note ? t(locale, 'indicators.reporting.mail.note', { note: quoteLines(v.note) }) : null,
      t(locale, 'indicators.reporting.mail.link', { link: v.link }),
    ],
  );
};
