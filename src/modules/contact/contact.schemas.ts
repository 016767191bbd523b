import { z } from 'zod';
import { zLine, zText } from '../../platform/schemas.ts';
import { zEmail } from '../accounts/index.ts';

export const CONTACT_STATUSES = ['new', 'open', 'answered', 'closed'] as const;
export type TContactStatus = (typeof CONTACT_STATUSES)[number];

/** The public form. `website` is the honeypot: hidden from people, filled in by bots. */
export const ZContactForm = z.object({
  name: zLine(200),
  email: zEmail,
  subject: zLine(200),
  message: zText(5000),
  website: z.string().max(500).optional(),
});
export type TContactForm = z.infer<typeof ZContactForm>;

export const ZReplyForm = z.object({ reply: zText(10_000) });
export const ZStatusForm = z.object({ status: z.enum(CONTACT_STATUSES) });
export const ZInboxQuery = z.object({
  status: z.enum(CONTACT_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
});

export type TContactMessage = Readonly<{
  id: number;
  reference: string;
  name: string;
  email: string;
  subject: string;
  body: string;
  locale: 'en' | 'zh';
  status: TContactStatus;
  createdAt: string;
  updatedAt: string;
}>;

export type TContactReply = Readonly<{ id: number; authorId: number | null; body: string; sentAt: string }>;
