import type { Context } from 'hono';
import { writeAudit } from '../../platform/audit.ts';
import type { TCallMeta, TRole } from '../../platform/auth/actor.ts';
import { hashPassword, passwordProblems, verifyPassword } from '../../platform/auth/password.ts';
import { hashToken, isTokenShaped, newToken } from '../../platform/auth/tokens.ts';
import type { Db } from '../../platform/db/database.ts';
import { nowIso } from '../../platform/db/schema.ts';
import type { TDeps } from '../../platform/deps.ts';
import type { TAppEnv } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { fieldError } from '../../platform/http/form.ts';
import { hitRateLimit, resetRateLimit, type TRateLimitRule } from '../../platform/http/rate-limit.ts';
import type { TLocale } from '../../platform/i18n/locale.ts';
import { asLocale } from '../../platform/i18n/locale.ts';
import type { TMail } from '../../platform/mail/mailer.ts';
import { checkSecondFactor } from './accounts.factor.ts';
import { buildMail, type TMailKind } from './accounts.mail.ts';
import * as repo from './accounts.repo.ts';
import type { TSignUp } from './accounts.schemas.ts';
import { endSession, presentedSessionId, startSession } from './accounts.session.ts';

// Signing up, confirming e-mail, signing in (with a second factor), resetting a password, signing out.

const HOUR = 3_600_000;
export const TOKEN_TTL_MS: Readonly<Record<repo.TTokenPurpose, number>> = {
  verify_email: 24 * HOUR,
  change_email: 24 * HOUR,
  reset_password: 30 * 60_000,
};
/**
 * Sign-in attempts per account and client address: past the limit, that address waits (429). Keyed by
 * both, so nobody can lock the owner out from elsewhere; the per-address form limit bounds the rest.
 */
export const LOGIN_ATTEMPTS: TRateLimitRule = { name: 'login-attempt', limit: 10, windowMs: 15 * 60_000 };
/** Failed sign-ins per account from anywhere: the owner is told when they reach NOTIFY_AFTER_FAILURES. */
const LOGIN_FAILURES: TRateLimitRule = { name: 'login-fail', limit: 1_000_000, windowMs: 15 * 60_000 };
export const NOTIFY_AFTER_FAILURES = 5;
const SECOND_FACTOR_TRIES: TRateLimitRule = { name: 'mfa-try', limit: 10, windowMs: 15 * 60_000 };
const RESET_PER_ADDRESS: TRateLimitRule = { name: 'reset-address', limit: 3, windowMs: HOUR };

// Comparing against this when there is no account keeps the time the same either way.
let dummyHash: Promise<string> | undefined;
const dummy = () => {
  dummyHash ??= hashPassword('not-a-real-password-0000');
  return dummyHash;
};

/**
 * Sends a message after the change committed, without waiting for the mail server: the answer takes the
 * same time whether or not a message went out (so response times do not tell which addresses have
 * accounts). A failure is logged, never shown as a 500.
 */
export const sendMail = (deps: TDeps, mail: TMail): Promise<void> => {
  void deps.mailer.send(mail).catch((err: Error) => deps.log.warn('mail failed', { reason: err.message }));
  return Promise.resolve();
};

export const link = (deps: TDeps, locale: TLocale, path: string): string =>
  `${deps.config.publicUrl}/${locale}${path}`;

const mail = (deps: TDeps, kind: TMailKind, locale: TLocale, to: string, values: Record<string, string>) =>
  sendMail(deps, buildMail(kind, locale, to, values));

/** Makes a one-time e-mail link token; only its hash is stored. */
export const issueToken = async (
  db: Db,
  personId: number,
  purpose: repo.TTokenPurpose,
  opts: { newEmail?: string; ttlMs?: number } = {},
): Promise<string> => {
  const token = newToken();
  const now = Date.now();
  await repo.insertToken(db, {
    id: hashToken(token),
    person_id: personId,
    purpose,
    new_email: opts.newEmail ?? null,
    expires_at: new Date(now + (opts.ttlMs ?? TOKEN_TTL_MS[purpose])).toISOString(),
    used_at: null,
    created_at: new Date(now).toISOString(),
  });
  return token;
};

/** A token that exists, has this purpose, is unused and unexpired; undefined otherwise (one answer for all). */
export const liveToken = async (db: Db, token: unknown, purpose: repo.TTokenPurpose) => {
  if (!isTokenShaped(token)) return undefined;
  const row = await repo.findToken(db, hashToken(token));
  if (!row || row.purpose !== purpose || row.used_at !== null || Date.parse(row.expires_at) <= Date.now())
    return undefined;
  return row;
};

/** Checks a new password against the policy; throws a field error naming the first problem. */
export const checkNewPassword = (password: string, email: string, field = 'password') => {
  const problem = passwordProblems(password, email)[0];
  if (problem) throw fieldError(field, `accounts.password.${problem}`);
};

/**
 * Signs someone up. The answer is the same whether or not the address has an account: a new account
 * gets a confirmation link, an existing one gets a note saying someone tried.
 */
export const signUp = async (deps: TDeps, meta: TCallMeta, input: TSignUp): Promise<void> => {
  checkNewPassword(input.password, input.email);
  const hash = await hashPassword(input.password);
  const existing = await repo.findPersonByEmail(deps.db, input.email);
  if (existing) {
    await mail(deps, 'signupExisting', asLocale(existing.locale), existing.email, {
      login: link(deps, asLocale(existing.locale), '/login'),
      reset: link(deps, asLocale(existing.locale), '/password/forgot'),
    });
    return;
  }
  const token = await deps.db.transaction().execute(async (trx) => {
    const now = nowIso();
    const id = await repo.insertPerson(
      trx,
      {
        email: input.email,
        passwordHash: hash,
        nameLatin: input.name_latin,
        nameZh: input.name_zh,
        locale: meta.locale,
        role: 'member',
        emailVerifiedAt: null,
      },
      now,
    );
    if (id === undefined) return undefined; // Someone else took the address a moment ago.
    await writeAudit(trx, {
      actorId: id,
      action: 'create:person',
      subjectType: 'person',
      subjectId: id,
      after: { role: 'member', locale: meta.locale, personal: ['email', 'name_latin', 'name_zh'] },
      requestId: meta.requestId,
      ip: meta.ip,
    });
    return issueToken(trx, id, 'verify_email');
  });
  if (token)
    await mail(deps, 'verify', meta.locale, input.email, {
      link: link(deps, meta.locale, `/verify-email?token=${token}`),
    });
};

/** Sends a fresh confirmation link to a signed-in person whose address is not confirmed yet. */
export const resendVerification = async (deps: TDeps, meta: TCallMeta, personId: number): Promise<void> => {
  const person = await repo.findPerson(deps.db, personId);
  if (!person || person.email_verified_at || person.deleted_at) return;
  await repo.deleteTokensOf(deps.db, personId, 'verify_email');
  const token = await issueToken(deps.db, personId, 'verify_email');
  await mail(deps, 'verify', meta.locale, person.email, {
    link: link(deps, meta.locale, `/verify-email?token=${token}`),
  });
};

/** Confirms an address from its e-mail link; false when the link is unknown, used or expired. */
export const verifyEmail = async (deps: TDeps, meta: TCallMeta, token: string): Promise<boolean> =>
  deps.db.transaction().execute(async (trx) => {
    const row = await liveToken(trx, token, 'verify_email');
    if (!row || !(await repo.useToken(trx, row.id, nowIso()))) return false;
    const person = await repo.findPerson(trx, row.person_id);
    if (!person || person.deleted_at) return false;
    if (!person.email_verified_at) {
      await repo.updatePerson(trx, person.id, { email_verified_at: nowIso() }, nowIso());
      await writeAudit(trx, {
        actorId: person.id,
        action: 'verify:email',
        subjectType: 'person',
        subjectId: person.id,
        before: { emailVerified: false },
        after: { emailVerified: true },
        requestId: meta.requestId,
        ip: meta.ip,
      });
    }
    return true;
  });

export type TLoginOutcome = 'signed-in' | 'second-factor';

/**
 * Checks an e-mail and password and starts a session (or a half-session that still owes the second
 * factor). Unknown address and wrong password take the same time and give the same answer. Failures
 * count per account: past the limit, sign-ins for that account wait (429 with Retry-After), and the
 * owner is told by e-mail when they reach NOTIFY_AFTER_FAILURES.
 */
export const logIn = async (
  deps: TDeps,
  meta: TCallMeta,
  c: Context<TAppEnv>,
  input: { email: string; password: string },
): Promise<TLoginOutcome> => {
  const secret = deps.config.sessionSecret;
  // Counted before the password is checked, atomically, so parallel guesses cannot slip past the limit.
  const attemptKey = `${input.email}|${meta.ip}`;
  const attempt = await hitRateLimit(deps.db, secret, LOGIN_ATTEMPTS, attemptKey);
  if (!attempt.allowed) {
    throw new AppError('RATE_LIMITED', 'Too many sign-in attempts for this account', {
      retryAfterSeconds: attempt.retryAfterSeconds,
    });
  }
  const person = await repo.findPersonByEmail(deps.db, input.email);
  const stored = person?.password_hash ?? (await dummy());
  const check = await verifyPassword(input.password, stored);
  if (!person?.password_hash || !check.ok) {
    const failures = await hitRateLimit(deps.db, secret, LOGIN_FAILURES, input.email);
    if (person && failures.hits === NOTIFY_AFTER_FAILURES) {
      const l = asLocale(person.locale);
      await mail(deps, 'failedLogins', l, person.email, {
        count: String(failures.hits),
        reset: link(deps, l, '/password/forgot'),
        security: link(deps, l, '/account/two-factor'),
      });
    }
    throw fieldError('email', 'accounts.login.failed');
  }
  await resetRateLimit(deps.db, secret, LOGIN_ATTEMPTS, attemptKey);
  const needsMfa = person.totp_enabled_at !== null;
  // Hash before the transaction: on SQLite's one connection, nothing else waits for scrypt.
  const rehashed = check.needsRehash ? await hashPassword(input.password) : undefined;
  await deps.db.transaction().execute(async (trx) => {
    if (rehashed) await repo.updatePerson(trx, person.id, { password_hash: rehashed }, nowIso());
    await startSession(deps, trx, c, person, needsMfa ? 'mfa' : 'active', { ip: meta.ip });
    await writeAudit(trx, {
      actorId: person.id,
      action: needsMfa ? 'login:password' : 'login',
      subjectType: 'person',
      subjectId: person.id,
      requestId: meta.requestId,
      ip: meta.ip,
    });
  });
  return needsMfa ? 'second-factor' : 'signed-in';
};

/** The person a half-signed-in browser (password given, second factor owed) belongs to. */
export const pendingSecondFactor = async (deps: TDeps, c: Context<TAppEnv>) => {
  const id = presentedSessionId(c);
  if (!id) return undefined;
  const row = await repo.findSessionWithPerson(deps.db, id);
  if (row?.stage !== 'mfa' || row.deleted_at || Date.parse(row.expires_at) <= Date.now()) return undefined;
  return row;
};

/**
 * Accepts a TOTP code or an unused recovery code for a half-signed-in browser and turns it into a full
 * session with a new id. Tries are limited per person.
 */
export const completeSecondFactor = async (
  deps: TDeps,
  meta: TCallMeta,
  c: Context<TAppEnv>,
  code: string,
): Promise<boolean> => {
  const pending = await pendingSecondFactor(deps, c);
  if (!pending) return false;
  const person = await repo.findPerson(deps.db, pending.person_id);
  if (!person?.totp_secret) return false;
  const tries = await hitRateLimit(
    deps.db,
    deps.config.sessionSecret,
    SECOND_FACTOR_TRIES,
    String(person.id),
  );
  if (!tries.allowed) {
    throw new AppError('RATE_LIMITED', 'Too many codes tried', {
      retryAfterSeconds: tries.retryAfterSeconds,
    });
  }
  return deps.db.transaction().execute(async (trx) => {
    const method = await checkSecondFactor(deps, trx, person, code, 'code');
    await startSession(deps, trx, c, person, 'active', { mfa: true, ip: meta.ip });
    await writeAudit(trx, {
      actorId: person.id,
      action: 'login:second-factor',
      subjectType: 'person',
      subjectId: person.id,
      after: { method },
      requestId: meta.requestId,
      ip: meta.ip,
    });
    return true;
  });
};

/** Sends a reset link if the address has an account; the answer is the same either way. */
export const requestPasswordReset = async (deps: TDeps, meta: TCallMeta, email: string): Promise<void> => {
  const person = await repo.findPersonByEmail(deps.db, email);
  // A quiet cap per address stops the form being used to flood someone's inbox.
  const cap = await hitRateLimit(deps.db, deps.config.sessionSecret, RESET_PER_ADDRESS, email);
  if (!person || !cap.allowed) return;
  const token = await issueToken(deps.db, person.id, 'reset_password');
  await mail(deps, 'reset', meta.locale, person.email, {
    link: link(deps, meta.locale, `/password/reset?token=${token}`),
  });
};

/**
 * Sets a new password from a reset link (single use). Every session of the person ends, and the
 * address counts as confirmed: the link proved it.
 */
export const resetPassword = async (
  deps: TDeps,
  meta: TCallMeta,
  input: { token: string; password: string },
): Promise<boolean> => {
  const row = await liveToken(deps.db, input.token, 'reset_password');
  if (!row) return false;
  const person = await repo.findPerson(deps.db, row.person_id);
  if (!person || person.deleted_at) return false;
  checkNewPassword(input.password, person.email);
  const hash = await hashPassword(input.password);
  const done = await deps.db.transaction().execute(async (trx) => {
    if (!(await repo.useToken(trx, row.id, nowIso()))) return false;
    // An address confirmed only now may have been registered by someone else first: whatever second
    // factor they set up goes, so the mailbox's owner gets the account whole.
    const clearSecondFactor = person.email_verified_at === null && person.totp_enabled_at !== null;
    await repo.updatePerson(
      trx,
      person.id,
      {
        password_hash: hash,
        email_verified_at: person.email_verified_at ?? nowIso(),
        ...(clearSecondFactor ? { totp_secret: null, totp_enabled_at: null, totp_last_step: null } : {}),
      },
      nowIso(),
    );
    if (clearSecondFactor) await repo.replaceRecoveryCodes(trx, person.id, []);
    await repo.deleteSessionsOf(trx, person.id);
    // Pending e-mail changes die with the old password: a thief's change link must not outlive the reset.
    await repo.deleteTokensOf(trx, person.id, 'reset_password');
    await repo.deleteTokensOf(trx, person.id, 'change_email');
    await writeAudit(trx, {
      actorId: person.id,
      action: 'reset:password',
      subjectType: 'person',
      subjectId: person.id,
      after: { sessionsRevoked: true },
      requestId: meta.requestId,
      ip: meta.ip,
    });
    return true;
  });
  if (done) {
    const l = asLocale(person.locale);
    await mail(deps, 'passwordChanged', l, person.email, { reset: link(deps, l, '/password/forgot') });
  }
  return done;
};

/** Signs this browser out. */
export const logOut = async (deps: TDeps, meta: TCallMeta, c: Context<TAppEnv>): Promise<void> => {
  const actor = c.get('actor');
  await endSession(deps, c);
  if (actor) {
    await writeAudit(deps.db, {
      actorId: actor.personId,
      action: 'logout',
      subjectType: 'person',
      subjectId: actor.personId,
      requestId: meta.requestId,
      ip: meta.ip,
    });
  }
};

/**
 * Creates an account from the command line (the first administrator, say). No password exists anywhere:
 * the person gets a one-time link, valid 24 hours, to choose one, which also confirms the address.
 * Fails when the address already has an account.
 */
export const createUserFromCli = async (
  deps: TDeps,
  input: {
    email: string;
    role: TRole;
    nameLatin?: string | undefined;
    nameZh?: string | undefined;
    locale: TLocale;
  },
): Promise<{ id: number; link: string }> => {
  const result = await deps.db.transaction().execute(async (trx) => {
    const now = nowIso();
    const id = await repo.insertPerson(
      trx,
      {
        email: input.email,
        passwordHash: null,
        nameLatin: input.nameLatin ?? null,
        nameZh: input.nameZh ?? null,
        locale: input.locale,
        role: input.role,
        emailVerifiedAt: null,
      },
      now,
    );
    if (id === undefined) throw new AppError('CONFLICT', `${input.email} already has an account`);
    await writeAudit(trx, {
      actorId: null,
      action: 'create:person',
      subjectType: 'person',
      subjectId: id,
      after: { role: input.role, via: 'cli', personal: ['email', 'name_latin', 'name_zh'] },
    });
    return { id, token: await issueToken(trx, id, 'reset_password', { ttlMs: 24 * HOUR }) };
  });
  const url = link(deps, input.locale, `/password/reset?token=${result.token}`);
  // The command waits for the message (it exits right after); the link is printed either way.
  try {
    await deps.mailer.send(buildMail('welcome', input.locale, input.email, { link: url }));
  } catch (err) {
    deps.log.warn('welcome mail not sent', { reason: (err as Error).message });
  }
  return { id: result.id, link: url };
};
