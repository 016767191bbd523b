import { randomBytes } from 'node:crypto';
import { writeAudit } from '../../platform/audit.ts';
import type { TActor, TCallMeta } from '../../platform/auth/actor.ts';
import { nowIso } from '../../platform/db/schema.ts';
import type { TDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/http/errors.ts';
import { fieldError } from '../../platform/http/form.ts';
import { can, peopleNames } from '../accounts/index.ts';
import { replyMail } from './contact.mail.ts';
import * as repo from './contact.repo.ts';
import type { TContactForm, TContactStatus } from './contact.schemas.ts';

// Contact Us: messages from anyone, answered by staff from an inbox.

// No 0/O or 1/I/L: references are read out on the phone.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const newReference = () => `C-${[...randomBytes(6)].map((b) => ALPHABET[b % ALPHABET.length]).join('')}`;

export const INBOX_PAGE_SIZE = 50;

/**
 * Takes a message from the public form and returns the reference shown to the sender. A filled honeypot
 * gets the same answer and a reference, and nothing is stored.
 */
export const submitContact = async (deps: TDeps, meta: TCallMeta, input: TContactForm): Promise<string> => {
  const reference = newReference();
  if (input.website && input.website.trim() !== '') {
    deps.log.info('contact honeypot caught a submission', { requestId: meta.requestId });
    return reference;
  }
  await deps.db.transaction().execute(async (trx) => {
    const now = nowIso();
    const id = await repo.insertMessage(trx, {
      reference,
      name: input.name,
      email: input.email,
      subject: input.subject,
      body: input.message,
      locale: meta.locale,
      status: 'new',
      createdAt: now,
    });
    await writeAudit(trx, {
      actorId: null,
      action: 'create:contact-message',
      subjectType: 'contact-message',
      subjectId: id,
      after: { reference, status: 'new', locale: meta.locale, personal: ['name', 'email', 'body'] },
      requestId: meta.requestId,
      ip: meta.ip,
    });
  });
  return reference;
};

const mayManage = (actor: TActor | undefined) => can(actor, 'manage:contact');

/** The inbox for staff (editors and administrators); not found for anyone else. Senders' names show: logged. */
export const inboxFor = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor | undefined,
  status: TContactStatus | undefined,
  page: number,
) => {
  if (!actor || !mayManage(actor)) throw new AppError('NOT_FOUND');
  const inbox = await repo.listMessages(deps.db, status, INBOX_PAGE_SIZE, (page - 1) * INBOX_PAGE_SIZE);
  await writeAudit(deps.db, {
    actorId: actor.personId,
    action: 'list:contact-message',
    subjectType: 'contact-message',
    subjectId: null,
    after: { status: status ?? 'all', page, shown: inbox.rows.length },
    requestId: meta.requestId,
    ip: meta.ip,
  });
  return inbox;
};

/**
 * One message with its replies; opening it is a read of the sender's personal data, so it is logged
 * (`logRead` false when the same page is shown again with a form error).
 */
export const messageFor = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor | undefined,
  id: number,
  logRead = true,
) => {
  if (!actor || !mayManage(actor)) throw new AppError('NOT_FOUND');
  const message = await repo.findMessage(deps.db, id);
  if (!message) throw new AppError('NOT_FOUND');
  const replies = await repo.listReplies(deps.db, id);
  const names = await peopleNames(
    deps,
    replies.map((r) => r.authorId).filter((a): a is number => a !== null),
  );
  if (!logRead) return { message, replies, names };
  await writeAudit(deps.db, {
    actorId: actor.personId,
    action: 'read:contact-message',
    subjectType: 'contact-message',
    subjectId: id,
    requestId: meta.requestId,
    ip: meta.ip,
  });
  return { message, replies, names };
};

/** Moves a message to another status. */
export const setMessageStatus = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor | undefined,
  id: number,
  status: TContactStatus,
): Promise<void> => {
  if (!actor || !mayManage(actor)) throw new AppError('NOT_FOUND');
  await deps.db.transaction().execute(async (trx) => {
    const m = await repo.findMessage(trx, id);
    if (!m) throw new AppError('NOT_FOUND');
    if (m.status === status) return;
    await repo.setStatus(trx, id, status, nowIso());
    await writeAudit(trx, {
      actorId: actor.personId,
      action: 'update:contact-message:status',
      subjectType: 'contact-message',
      subjectId: id,
      before: { status: m.status },
      after: { status },
      requestId: meta.requestId,
      ip: meta.ip,
    });
  });
};

/**
 * Replies by e-mail, in the sender's language, and marks the message answered. The message is sent
 * first: a reply that could not leave is not recorded, and staff are told to try again.
 */
export const replyTo = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor | undefined,
  id: number,
  body: string,
): Promise<void> => {
  if (!actor || !mayManage(actor)) throw new AppError('NOT_FOUND');
  const message = await repo.findMessage(deps.db, id);
  if (!message) throw new AppError('NOT_FOUND');
  try {
    await deps.mailer.send(replyMail(message, body));
  } catch {
    throw fieldError('reply', 'contact.message.sendFailed');
  }
  await deps.db.transaction().execute(async (trx) => {
    const now = nowIso();
    await repo.insertReply(trx, id, actor.personId, body, now);
    await repo.setStatus(trx, id, 'answered', now);
    await writeAudit(trx, {
      actorId: actor.personId,
      action: 'reply:contact-message',
      subjectType: 'contact-message',
      subjectId: id,
      before: { status: message.status },
      after: { status: 'answered', replyLength: [...body].length },
      requestId: meta.requestId,
      ip: meta.ip,
    });
  });
};

/** A reference as shown to senders (for the "sent" page after the redirect). */
export const isReference = (value: unknown): value is string =>
  typeof value === 'string' && new RegExp(`^C-[${ALPHABET}]{6}$`).test(value);
