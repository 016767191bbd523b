import type { TLocale } from '../../platform/i18n/locale.ts';
import type { TMail } from '../../platform/mail/mailer.ts';

// Every message in the reader's language (the person's saved language, or the page they used).

type TTemplate = Readonly<{ subject: string; body: (v: Record<string, string>) => string }>;

const SIGN = { en: '\n\n— Ecosphere', zh: '\n\n——创新生态圈' };

const TEMPLATES: Record<string, Record<TLocale, TTemplate>> = {
  verify: {
    en: {
      subject: 'Confirm your email address',
      body: (v) =>
        `Welcome to Ecosphere.\n\nTo confirm this is your email address, open this link within 24 hours:\n${v.link}\n\nIf you did not create an account, ignore this message.`,
    },
    zh: {
      subject: '请确认您的电子邮箱',
      body: (v) =>
        `欢迎使用创新生态圈。\n\n请在 24 小时内打开以下链接，确认这是您的电子邮箱：\n${v.link}\n\n如果您没有注册账户，请忽略本邮件。`,
    },
  },
  signupExisting: {
    en: {
      subject: 'Someone tried to create an account with your email address',
      body: (v) =>
        `Someone tried to create a new Ecosphere account with this email address, which already has an account.\n\nIf it was you, sign in here: ${v.login}\nForgot your password? Reset it here: ${v.reset}\n\nIf it was not you, you can ignore this message: nothing has changed.`,
    },
    zh: {
      subject: '有人尝试用您的邮箱注册账户',
      body: (v) =>
        `有人尝试用本邮箱注册新的创新生态圈账户，而本邮箱已有账户。\n\n如果是您本人，请在此登录：${v.login}\n忘记密码？请在此重设：${v.reset}\n\n如果不是您本人，请忽略本邮件：您的账户没有任何变化。`,
    },
  },
  reset: {
    en: {
      subject: 'Reset your password',
      body: (v) =>
        `Someone asked to reset the password of your Ecosphere account.\n\nTo choose a new password, open this link within 30 minutes (it works once):\n${v.link}\n\nIf it was not you, ignore this message: your password has not changed.`,
    },
    zh: {
      subject: '重设您的密码',
      body: (v) =>
        `有人申请重设您的创新生态圈账户密码。\n\n请在 30 分钟内打开以下链接设置新密码（链接仅可使用一次）：\n${v.link}\n\n如果不是您本人操作，请忽略本邮件：您的密码没有改变。`,
    },
  },
  changeEmail: {
    en: {
      subject: 'Confirm your new email address',
      body: (v) =>
        `You asked to use this address for your Ecosphere account.\n\nTo confirm, open this link within 24 hours:\n${v.link}\n\nIf it was not you, ignore this message.`,
    },
    zh: {
      subject: '请确认您的新邮箱',
      body: (v) =>
        `您申请将本邮箱用于您的创新生态圈账户。\n\n请在 24 小时内打开以下链接确认：\n${v.link}\n\n如果不是您本人操作，请忽略本邮件。`,
    },
  },
  emailChangeRequested: {
    en: {
      subject: 'A change of email address was requested',
      body: (v) =>
        `Someone signed in to your Ecosphere account asked to change its email address to ${v.masked}. The change happens only when the new address is confirmed.\n\nIf it was not you, change your password now: ${v.reset}`,
    },
    zh: {
      subject: '有人申请更改您的账户邮箱',
      body: (v) =>
        `有人在登录您的创新生态圈账户后，申请将邮箱改为 ${v.masked}。新邮箱确认后才会生效。\n\n如果不是您本人操作，请立即修改密码：${v.reset}`,
    },
  },
  emailChanged: {
    en: {
      subject: 'Your email address was changed',
      body: (v) =>
        `The email address of your Ecosphere account was changed to ${v.masked}, and every session was signed out. Messages now go to the new address.\n\nIf it was not you, reset your password at once and contact the site's staff: ${v.reset}`,
    },
    zh: {
      subject: '您的账户邮箱已更改',
      body: (v) =>
        `您的创新生态圈账户邮箱已更改为 ${v.masked}，所有会话均已退出。今后的邮件将发往新邮箱。\n\n如果不是您本人操作，请立即重设密码并联系网站工作人员：${v.reset}`,
    },
  },
  passwordChanged: {
    en: {
      subject: 'Your password was changed',
      body: (v) =>
        `The password of your Ecosphere account was changed, and every other session was signed out.\n\nIf it was not you, reset your password now: ${v.reset}`,
    },
    zh: {
      subject: '您的密码已更改',
      body: (v) =>
        `您的创新生态圈账户密码已更改，其他所有会话均已退出。\n\n如果不是您本人操作，请立即重设密码：${v.reset}`,
    },
  },
  welcome: {
    en: {
      subject: 'Your Ecosphere account is ready',
      body: (v) =>
        `An administrator created an Ecosphere account for this address.\n\nTo choose your password, open this link within 24 hours (it works once):\n${v.link}\n\nYou will then be asked to set up two-factor authentication if your role needs it.`,
    },
    zh: {
      subject: '您的创新生态圈账户已开通',
      body: (v) =>
        `管理员已为本邮箱开通创新生态圈账户。\n\n请在 24 小时内打开以下链接设置密码（链接仅可使用一次）：\n${v.link}\n\n如果您的角色需要，随后还会请您设置两步验证。`,
    },
  },
  failedLogins: {
    en: {
      subject: 'Several failed sign-in attempts on your account',
      body: (v) =>
        `There were ${v.count} failed attempts to sign in to your Ecosphere account in the last 15 minutes. Sign-ins are slowed down for a while; your account is not locked.\n\nIf it was you, you can reset your password: ${v.reset}\nIf it was not you, your password is still safe as long as it is not used elsewhere. Consider turning on two-factor authentication: ${v.security}`,
    },
    zh: {
      subject: '您的账户有多次登录失败',
      body: (v) =>
        `过去 15 分钟内，有 ${v.count} 次尝试登录您的创新生态圈账户失败。登录将暂时放慢；您的账户没有被锁定。\n\n如果是您本人，可以重设密码：${v.reset}\n如果不是您本人，只要该密码未在其他地方使用，您的账户仍然安全。建议开启两步验证：${v.security}`,
    },
  },
};

export type TMailKind = keyof typeof TEMPLATES;

/** Builds one message in the reader's language. */
export const buildMail = (
  kind: TMailKind,
  locale: TLocale,
  to: string,
  values: Record<string, string>,
): TMail => {
  const tpl = (TEMPLATES[kind] as Record<TLocale, TTemplate>)[locale];
  return { to, lang: locale, subject: tpl.subject, text: `${tpl.body(values)}${SIGN[locale]}` };
};

/** `wa***@example.com`: enough for the owner to recognise, not enough to harvest. */
export const maskEmail = (email: string): string => {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 2)}***@${domain}`;
};
