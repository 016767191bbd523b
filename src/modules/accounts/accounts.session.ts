import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { isStaffRole, type TActor, type TRole } from '../../platform/auth/actor.ts';
import { hashToken, isTokenShaped, newToken } from '../../platform/auth/tokens.ts';
import type { Db } from '../../platform/db/database.ts';
import type { TDeps } from '../../platform/deps.ts';
import type { TAppEnv } from '../../platform/http/context.ts';
import { isSecureRequest } from '../../platform/http/csrf.ts';
import { SESSION_COOKIE } from '../../platform/http/session-cookie.ts';
import * as repo from './accounts.repo.ts';

// Server-side sessions: the browser holds 32 random bytes; the table holds their SHA-256.

const MINUTE = 60;
const DAY = 86_400;
/** Idle and absolute lifetimes, in seconds: staff sessions are short, as the issue asks. */
export const SESSION_POLICY = Object.freeze({
  staff: { idle: 30 * MINUTE, absolute: 12 * 60 * MINUTE },
  member: { idle: 14 * DAY, absolute: 30 * DAY },
  /** A password accepted, the second factor still owed. */
  mfa: { idle: 10 * MINUTE, absolute: 10 * MINUTE },
});
// A session's last-seen time is written at most this often, so reads stay reads.
const TOUCH_EVERY_MS = 60_000;

export type TSessionStage = 'active' | 'mfa';

const cookieOptions = (c: Context<TAppEnv>, deps: TDeps, maxAge?: number) => ({
  path: '/',
  httpOnly: true,
  sameSite: 'Lax' as const,
  secure: isSecureRequest(c, deps.config.trustProxy) || deps.config.publicUrl.startsWith('https:'),
  ...(maxAge === undefined ? {} : { maxAge }),
});

/** The stored id of the session this browser presents, if its cookie is well-formed. */
export const presentedSessionId = (c: Context<TAppEnv>): string | undefined => {
  const token = getCookie(c, SESSION_COOKIE);
  return isTokenShaped(token) ? hashToken(token) : undefined;
};

/**
 * Starts a new session for a person and sets its cookie. Any session this browser held is ended first,
 * so the id always changes on sign-in and on any change of privilege.
 */
export const startSession = async (
  deps: TDeps,
  db: Db,
  c: Context<TAppEnv>,
  person: Readonly<{ id: number; role: TRole }>,
  stage: TSessionStage,
  opts: { mfa?: boolean; ip: string } = { ip: '' },
): Promise<string> => {
  const previous = presentedSessionId(c);
  if (previous) await repo.deleteSession(db, previous);
  const policy =
    stage === 'mfa'
      ? SESSION_POLICY.mfa
      : isStaffRole(person.role)
        ? SESSION_POLICY.staff
        : SESSION_POLICY.member;
  const token = newToken();
  const id = hashToken(token);
  const now = new Date();
  await repo.insertSession(db, {
    id,
    person_id: person.id,
    stage,
    mfa_at: opts.mfa ? now.toISOString() : null,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    idle_seconds: policy.idle,
    expires_at: new Date(now.getTime() + policy.absolute * 1000).toISOString(),
    ip: opts.ip.slice(0, 64) || null,
    user_agent: (c.req.header('user-agent') ?? '').slice(0, 300) || null,
  });
  setCookie(c, SESSION_COOKIE, token, cookieOptions(c, deps, policy.absolute));
  return id;
};

/** Ends this browser's session and clears its cookie. */
export const endSession = async (deps: TDeps, c: Context<TAppEnv>): Promise<void> => {
  const id = presentedSessionId(c);
  if (id) await repo.deleteSession(deps.db, id);
  deleteCookie(c, SESSION_COOKIE, cookieOptions(c, deps));
};

const displayName = (r: { name_latin: string | null; name_zh: string | null; email: string }) =>
  r.name_latin ?? r.name_zh ?? r.email;

/**
 * Resolves the signed-in person from the session cookie on every request: one indexed lookup. Expired,
 * idle or orphaned sessions are deleted and their cookie cleared. Pages for a signed-in person are
 * marked private so no shared cache keeps them.
 */
export const sessionMiddleware =
  (deps: TDeps): MiddlewareHandler<TAppEnv> =>
  async (c, next) => {
    c.set('actor', undefined);
    const id = presentedSessionId(c);
    if (id === undefined) {
      if (getCookie(c, SESSION_COOKIE) !== undefined) deleteCookie(c, SESSION_COOKIE, cookieOptions(c, deps));
      return next();
    }
    const row = await repo.findSessionWithPerson(deps.db, id);
    const now = Date.now();
    const lastSeen = row ? Date.parse(row.last_seen_at) : 0;
    const dead =
      !row ||
      row.deleted_at !== null ||
      Date.parse(row.expires_at) <= now ||
      now - lastSeen > Number(row.idle_seconds) * 1000;
    if (dead) {
      if (row) await repo.deleteSession(deps.db, id);
      deleteCookie(c, SESSION_COOKIE, cookieOptions(c, deps));
      return next();
    }
    if (row.stage === 'active') {
      const actor: TActor = {
        personId: row.person_id,
        sessionId: id,
        email: row.email,
        displayName: displayName(row),
        role: row.role as TRole,
        emailVerified: row.email_verified_at !== null,
        totpEnabled: row.totp_enabled_at !== null,
        hasMfa: row.mfa_at !== null,
      };
      c.set('actor', actor);
      // Set before the handler runs (a route may still override it): changing headers after the
      // response exists would make Hono copy it into a streamed body, the slow path.
      c.header('Cache-Control', 'private, no-store');
      if (now - lastSeen > TOUCH_EVERY_MS) await repo.touchSession(deps.db, id, new Date(now).toISOString());
    }
    await next();
  };
