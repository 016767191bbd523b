import { createHmac } from 'node:crypto';
import { isIP } from 'node:net';
import type { Context, MiddlewareHandler } from 'hono';
import { type Kysely, sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { TAppEnv } from './context.ts';
import { AppError } from './errors.ts';

type Tables = { ecosphere_rate_limit: { bucket: string; hits: number; expires_at_ms: number } };
const q = (db: Db) => db as unknown as Kysely<Tables>;

export type TRateLimitRule = Readonly<{
  /** What is limited, e.g. `login` or `contact-form`. */
  name: string;
  /** How many hits a subject may make per window. */
  limit: number;
  windowMs: number;
}>;

export type TRateLimitResult = Readonly<{ allowed: boolean; hits: number; retryAfterSeconds: number }>;

// One expired-row clean-up for roughly every this many hits keeps the table small without a job.
const PURGE_EVERY = 200;

/**
 * Counts one hit for `subject` under `rule`, atomically in the database, so the limit holds across
 * restarts and across several app instances (fixed window). Subjects (IPs, e-mail addresses) are stored
 * only as an HMAC, never in clear.
 */
export const hitRateLimit = async (
  db: Db,
  secret: string,
  rule: TRateLimitRule,
  subject: string,
  now: number = Date.now(),
): Promise<TRateLimitResult> => {
  const bucket = bucketOf(secret, rule, subject);
  const fresh = now + rule.windowMs;
  const row = await q(db)
    .insertInto('ecosphere_rate_limit')
    .values({ bucket, hits: 1, expires_at_ms: fresh })
    .onConflict((oc) =>
      oc.column('bucket').doUpdateSet({
        hits: sql<number>`case when ecosphere_rate_limit.expires_at_ms <= ${now} then 1 else ecosphere_rate_limit.hits + 1 end`,
        expires_at_ms: sql<number>`case when ecosphere_rate_limit.expires_at_ms <= ${now} then ${fresh} else ecosphere_rate_limit.expires_at_ms end`,
      }),
    )
    .returning(['hits', 'expires_at_ms'])
    .executeTakeFirstOrThrow();
  if (Math.random() * PURGE_EVERY < 1) {
    await q(db).deleteFrom('ecosphere_rate_limit').where('expires_at_ms', '<=', now).execute();
  }
  const hits = Number(row.hits);
  const allowed = hits <= rule.limit;
  return {
    allowed,
    hits,
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((Number(row.expires_at_ms) - now) / 1000)),
  };
};

const bucketOf = (secret: string, rule: TRateLimitRule, subject: string): string =>
  `${rule.name}:${createHmac('sha256', secret).update(subject).digest('base64url')}`;

/** How many hits `subject` has in the current window, without counting one. */
export const peekRateLimit = async (
  db: Db,
  secret: string,
  rule: TRateLimitRule,
  subject: string,
  now: number = Date.now(),
): Promise<TRateLimitResult> => {
  const row = await q(db)
    .selectFrom('ecosphere_rate_limit')
    .select(['hits', 'expires_at_ms'])
    .where('bucket', '=', bucketOf(secret, rule, subject))
    .where('expires_at_ms', '>', now)
    .executeTakeFirst();
  const hits = row ? Number(row.hits) : 0;
  const allowed = hits < rule.limit;
  return {
    allowed,
    hits,
    retryAfterSeconds: allowed || !row ? 0 : Math.max(1, Math.ceil((Number(row.expires_at_ms) - now) / 1000)),
  };
};

/** Forgets `subject`'s hits under `rule` (e.g. failed logins, after a successful one). */
export const resetRateLimit = async (db: Db, secret: string, rule: TRateLimitRule, subject: string) => {
  await q(db)
    .deleteFrom('ecosphere_rate_limit')
    .where('bucket', '=', bucketOf(secret, rule, subject))
    .execute();
};

/**
 * The client's address: the socket's, or behind a trusted proxy the last X-Forwarded-For entry — the one
 * the proxy itself added; entries before it are whatever the client sent. Anything that is not an IP
 * address is ignored.
 */
export const clientIp = (c: Context<TAppEnv>, trustProxy: boolean): string => {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded && isIP(forwarded)) return forwarded;
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
};

/**
 * Limits a route per subject (by default the client's IP); past the limit it answers 429 with
 * Retry-After, in the reader's language, before the handler runs.
 */
export const rateLimit =
  (
    deps: Readonly<{ db: Db; config: Readonly<{ sessionSecret: string; trustProxy: boolean }> }>,
    rule: TRateLimitRule,
    subjectOf: (c: Context<TAppEnv>) => string = (c) => clientIp(c, deps.config.trustProxy),
  ): MiddlewareHandler<TAppEnv> =>
  async (c, next) => {
    const result = await hitRateLimit(deps.db, deps.config.sessionSecret, rule, subjectOf(c));
    if (!result.allowed) {
      throw new AppError('RATE_LIMITED', 'Too many requests', {
        retryAfterSeconds: result.retryAfterSeconds,
      });
    }
    await next();
  };
