import { type Generated, type Kysely, sql } from 'kysely';
import type { Db } from './db/database.ts';
import { containsText } from './db/like.ts';

type AuditTable = {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  before_json: string | null;
  after_json: string | null;
  request_id: string | null;
  ip: string | null;
};
const q = (db: Db) => db as unknown as Kysely<{ ecosphere_audit: AuditTable }>;

export type TAuditInput = Readonly<{
  actorId: number | null;
  /** What happened, as `verb:thing`, e.g. `update:organization`, `read:person`. */
  action: string;
  subjectType: string;
  subjectId: string | number | null;
  before?: unknown;
  after?: unknown;
  requestId?: string | undefined;
  ip?: string | undefined;
}>;

export type TAuditEntry = Readonly<{
  id: number;
  at: string;
  actorId: number | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
}>;

const json = (v: unknown): string | null => (v === undefined ? null : JSON.stringify(v));

/**
 * Appends one row to the audit log, inside the caller's transaction so the change and its record land
 * together. The table refuses updates (a trigger); only the retention purge deletes.
 */
export const writeAudit = async (db: Db, e: TAuditInput, at: string = new Date().toISOString()) => {
  await q(db)
    .insertInto('ecosphere_audit')
    .values({
      at,
      actor_id: e.actorId,
      action: e.action,
      subject_type: e.subjectType,
      subject_id: e.subjectId === null ? null : String(e.subjectId),
      before_json: json(e.before),
      after_json: json(e.after),
      request_id: e.requestId?.slice(0, 80) ?? null,
      ip: e.ip?.slice(0, 64) ?? null,
    })
    .execute();
};

export type TAuditQuery = Readonly<{
  actorId?: number | undefined;
  action?: string | undefined;
  subjectType?: string | undefined;
  subjectId?: string | undefined;
  /** Matched inside the before/after values and the request id. */
  text?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
}>;

/** Searches the audit log, newest first; returns one page and the total count. */
export const searchAudit = async (
  db: Db,
  f: TAuditQuery,
): Promise<{ rows: TAuditEntry[]; total: number }> => {
  let base = q(db).selectFrom('ecosphere_audit');
  if (f.actorId !== undefined) base = base.where('actor_id', '=', f.actorId);
  if (f.action) base = base.where('action', '=', f.action);
  if (f.subjectType) base = base.where('subject_type', '=', f.subjectType);
  if (f.subjectId) base = base.where('subject_id', '=', f.subjectId);
  if (f.from) base = base.where('at', '>=', f.from);
  if (f.to) base = base.where('at', '<', f.to);
  const text = f.text;
  if (text) {
    base = base.where((eb) =>
      eb.or([
        containsText('before_json', text),
        containsText('after_json', text),
        containsText('request_id', text),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute(),
    base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    rows: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actorId: r.actor_id,
      action: r.action,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      before: r.before_json === null ? undefined : JSON.parse(r.before_json),
      after: r.after_json === null ? undefined : JSON.parse(r.after_json),
      requestId: r.request_id,
      ip: r.ip,
    })),
  };
};

/** Deletes rows older than the retention period; returns how many went. */
export const purgeAudit = async (
  db: Db,
  retentionDays: number,
  now: number = Date.now(),
): Promise<number> => {
  const cutoff = new Date(now - retentionDays * 86_400_000).toISOString();
  const result = await q(db).deleteFrom('ecosphere_audit').where('at', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
};
