import { type Generated, type Kysely, type Selectable, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { asLocale } from '../../platform/i18n/locale.ts';
import type { TContactMessage, TContactReply, TContactStatus } from './contact.schemas.ts';

type MessageTable = {
  id: Generated<number>;
  reference: string;
  name: string;
  email: string;
  subject: string;
  body: string;
  locale: string;
  status: string;
  created_at: string;
  updated_at: string;
};
type ReplyTable = {
  id: Generated<number>;
  message_id: number;
  author_id: number | null;
  body: string;
  sent_at: string;
};
type Tables = { contact_message: MessageTable; contact_reply: ReplyTable };
const q = (db: Db) => db as unknown as Kysely<Tables>;

const toMessage = (r: Selectable<MessageTable>): TContactMessage => ({
  id: r.id,
  reference: r.reference,
  name: r.name,
  email: r.email,
  subject: r.subject,
  body: r.body,
  locale: asLocale(r.locale),
  status: r.status as TContactStatus,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Stores a message; returns its id. */
export const insertMessage = async (db: Db, m: Omit<TContactMessage, 'id' | 'updatedAt'>): Promise<number> =>
  (
    await q(db)
      .insertInto('contact_message')
      .values({
        reference: m.reference,
        name: m.name,
        email: m.email,
        subject: m.subject,
        body: m.body,
        locale: m.locale,
        status: m.status,
        created_at: m.createdAt,
        updated_at: m.createdAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;

/** One page of the inbox, newest first, optionally of one status; with the count per status. */
export const listMessages = async (
  db: Db,
  status: TContactStatus | undefined,
  limit: number,
  offset: number,
): Promise<{ rows: TContactMessage[]; total: number; counts: Record<string, number> }> => {
  let base = q(db).selectFrom('contact_message');
  if (status) base = base.where('status', '=', status);
  const [rows, total, counts] = await Promise.all([
    base
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
    q(db)
      .selectFrom('contact_message')
      .select(['status', sql<number>`count(*)`.as('n')])
      .groupBy('status')
      .execute(),
  ]);
  return {
    rows: rows.map(toMessage),
    total: Number(total.n),
    counts: Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])),
  };
};

export const findMessage = async (db: Db, id: number): Promise<TContactMessage | undefined> => {
  const r = await q(db).selectFrom('contact_message').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toMessage(r) : undefined;
};

export const setStatus = async (db: Db, id: number, status: TContactStatus, now: string): Promise<void> => {
  await q(db).updateTable('contact_message').set({ status, updated_at: now }).where('id', '=', id).execute();
};

export const insertReply = async (db: Db, messageId: number, authorId: number, body: string, now: string) => {
  await q(db)
    .insertInto('contact_reply')
    .values({ message_id: messageId, author_id: authorId, body, sent_at: now })
    .execute();
};

export const listReplies = async (db: Db, messageId: number): Promise<TContactReply[]> =>
  (
    await q(db)
      .selectFrom('contact_reply')
      .selectAll()
      .where('message_id', '=', messageId)
      .orderBy('id')
      .execute()
  ).map((r) => ({ id: r.id, authorId: r.author_id, body: r.body, sentAt: r.sent_at }));
