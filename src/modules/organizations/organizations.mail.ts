import type { TLocale } from '../../platform/i18n/locale.ts';
import type { TMail } from '../../platform/mail/mailer.ts';
import { t } from './organizations.messages.ts';
import type { TMemberRole } from './organizations.schemas.ts';

// Every message in the reader's language.

const SIGN = { en: '\n\n— Ecosphere', zh: '\n\n——创新生态圈' };

const orgName = (locale: TLocale, name: { en: string; zh: string }) => name[locale] || name.en;

/** The invitation: a link that works once for 7 days, for the invited address only. */
export const invitationMail = (
  locale: TLocale,
  to: string,
  v: { org: { en: string; zh: string }; role: TMemberRole; inviter: string; link: string },
): TMail => {
  const org = orgName(locale, v.org);
  const role = t(locale, `organizations.role.${v.role}`);
  const text =
    locale === 'zh'
      ? `${v.inviter} 邀请您以${role}身份加入创新生态圈上的“${org}”。\n\n请在 7 天内打开以下链接接受邀请（链接仅可使用一次），并使用本邮箱登录：\n${v.link}\n\n如果您不认识该机构，请忽略本邮件。`
      : `${v.inviter} invited you to join ${org} on Ecosphere as ${role.toLowerCase()}.\n\nTo accept, open this link within 7 days (it works once) and sign in with this email address:\n${v.link}\n\nIf you do not know this organisation, ignore this message.`;
  return {
    to,
    lang: locale,
    subject: locale === 'zh' ? `邀请您加入“${org}”` : `You are invited to join ${org}`,
    text: `${text}${SIGN[locale]}`,
  };
};

/** The answer to a request to join. */
export const joinDecidedMail = (
  locale: TLocale,
  to: string,
  v: { org: { en: string; zh: string }; approved: boolean; link: string },
): TMail => {
  const org = orgName(locale, v.org);
  const subject =
    locale === 'zh'
      ? v.approved
        ? `您加入“${org}”的申请已获批准`
        : `您加入“${org}”的申请未获批准`
      : v.approved
        ? `Your request to join ${org} was approved`
        : `Your request to join ${org} was declined`;
  const text =
    locale === 'zh'
      ? v.approved
        ? `您现在是“${org}”的成员。\n\n机构主页：${v.link}`
        : `“${org}”的管理员拒绝了您的加入申请。\n\n机构主页：${v.link}`
      : v.approved
        ? `You are now a member of ${org}.\n\nThe organisation's page: ${v.link}`
        : `The admins of ${org} declined your request to join.\n\nThe organisation's page: ${v.link}`;
  return { to, lang: locale, subject, text: `${text}${SIGN[locale]}` };
};
