import { formatDate } from '../../platform/i18n/format.ts';
import type { TLocale } from '../../platform/i18n/locale.ts';
import { quoteLines, textMail } from '../../platform/mail/compose.ts';
import type { TMail } from '../../platform/mail/mailer.ts';
import { t } from './directory.profile.messages.ts';

// Messages about directory records, each in the reader's language.

type TName = Readonly<{ en: string; zh: string }>;
const nameIn = (locale: TLocale, n: TName) => n[locale] || n.en;

const mail = (locale: TLocale, to: string, subject: string, parts: (string | false | null)[]): TMail =>
  textMail(locale, to, subject, parts, t(locale, 'directory.mail.signoff'));

/** A reminder to an organisation's owners and admins that their record needs confirming or correcting. */
export const reminderMail = (
  locale: TLocale,
  to: string,
  v: { record: TName; org: TName; confirmedAt: string | null; link: string },
): TMail => {
  const record = nameIn(locale, v.record);
  return mail(locale, to, t(locale, 'directory.mail.reminder.subject', { name: record }), [
    v.confirmedAt
      ? t(locale, 'directory.mail.reminder.since', { name: record, date: formatDate(locale, v.confirmedAt) })
      : t(locale, 'directory.mail.reminder.never', { name: record }),
    t(locale, 'directory.mail.reminder.ask', { link: v.link }),
    t(locale, 'directory.mail.reminder.why', { org: nameIn(locale, v.org) }),
  ]);
};

/** The outcome of a claim, to the person who made it. */
export const claimDecidedMail = (
  locale: TLocale,
  to: string,
  v: { record: TName; org: TName | undefined; approved: boolean; note: string | null; link: string },
): TMail => {
  const record = nameIn(locale, v.record);
  return mail(
    locale,
    to,
    t(locale, v.approved ? 'directory.mail.claim.approvedSubject' : 'directory.mail.claim.rejectedSubject', {
      name: record,
    }),
    [
      v.approved
        ? t(locale, 'directory.mail.claim.approved', {
            name: record,
            org: v.org ? nameIn(locale, v.org) : record,
          })
        : t(locale, 'directory.mail.claim.rejected', { name: record }),
      v.note ? t(locale, 'directory.mail.note', { note: quoteLines(v.note) }) : null,
      t(locale, 'directory.mail.link', { link: v.link }),
    ],
  );
};

/** The outcome of a proposed change of verified fields, to the person who proposed it. */
export const changeDecidedMail = (
  locale: TLocale,
  to: string,
  v: { record: TName; approved: boolean; note: string | null; link: string },
): TMail => {
  const record = nameIn(locale, v.record);
  return mail(
    locale,
    to,
    t(
      locale,
      v.approved ? 'directory.mail.change.approvedSubject' : 'directory.mail.change.rejectedSubject',
      { name: record },
    ),
    [
      t(locale, v.approved ? 'directory.mail.change.approved' : 'directory.mail.change.rejected', {
        name: record,
      }),
      v.note ? t(locale, 'directory.mail.note', { note: quoteLines(v.note) }) : null,
      t(locale, 'directory.mail.link', { link: v.link }),
    ],
  );
};
