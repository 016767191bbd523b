import { quoteLines } from '../../platform/mail/compose.ts';
import type { TMail } from '../../platform/mail/mailer.ts';
import type { TContactMessage } from './contact.schemas.ts';

/** The staff reply, in the language the sender wrote in, quoting their message and its reference. */
export const replyMail = (m: TContactMessage, reply: string): TMail =>
  m.locale === 'zh'
    ? {
        to: m.email,
        lang: 'zh',
        subject: `回复：${m.subject} [${m.reference}]`,
        text: `${m.name}，您好：\n\n${reply}\n\n——创新生态圈工作人员\n\n您于 ${m.createdAt.slice(0, 10)} 的留言（编号 ${m.reference}）：\n${quoteLines(m.body)}`,
      }
    : {
        to: m.email,
        lang: 'en',
        subject: `Re: ${m.subject} [${m.reference}]`,
        text: `Dear ${m.name},\n\n${reply}\n\n— Ecosphere staff\n\nYour message of ${m.createdAt.slice(0, 10)} (reference ${m.reference}):\n${quoteLines(m.body)}`,
      };
