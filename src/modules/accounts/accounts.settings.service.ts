import type { Context } from 'hono';
import { writeAudit } from '../../platform/audit.ts';
import type { TActor, TCallMeta, TRole } from '../../platform/auth/actor.ts';
import { hashPassword } from '../../platform/auth/password.ts';
import { nowIso } from '../../platform/db/schema.ts';
import type { TDeps } from '../../platform/deps.ts';
import type { TAppEnv } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { fieldError } from '../../platform/http/form.ts';
import type { TLocale } from '../../platform/i18n/locale.ts';
import { asLocale } from '../../platform/i18n/locale.ts';
import { buildMail, maskEmail } from './accounts.mail.ts';
import * as repo from './accounts.repo.ts';
import { checkNewPassword, issueToken, link, liveToken, sendMail } from './accounts.service.ts';
import { endSession, startSession } from './accounts.session.ts';
import { live, requirePassword } from './accounts.shared.ts';

// What a signed-in person does with their own account: profile, e-mail address, password, sessions.

export type TProfile = Readonly<{
  email: string;
  emailVerified: boolean;
  nameLatin: string | null;
  nameZh: string | null;
  locale: TLocale;
  role: TRole;
  totpEnabled: boolean;
  recoveryCodesLeft: number;
  createdAt: string;
}>;

/** The signed-in person's own account. */
export const getProfile = async (deps: TDeps, actor: TActor): Promise<TProfile> => {
  const p = await live(deps.db, actor);
  return {
    email: p.email,
    emailVerified: p.email_verified_at !== null,
    nameLatin: p.name_latin,
    nameZh: p.name_zh,
    locale: asLocale(p.locale),
    role: p.role,
    totpEnabled: p.totp_enabled_at !== null,
    recoveryCodesLeft: p.totp_enabled_at ? await repo.countUnusedRecoveryCodes(deps.db, p.id) : 0,
    createdAt: p.created_at,
  };
};

/** Changes names and language. Names are personal data: the audit row says which changed, not to what. */
export const updateProfile = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor,
  input: { name_latin: string | null; name_zh: string | null; locale: TLocale },
): Promise<void> => {
  await deps.db.transaction().execute(async (trx) => {
    const p = await live(trx, actor);
    const changed = (['name_latin', 'name_zh'] as const).filter((k) => p[k] !== input[k]);
    await repo.updatePerson(trx, p.id, input, nowIso());
    await writeAudit(trx, {
      actorId: actor.personId,
      action: 'update:person',
      subjectType: 'person',
      subjectId: p.id,
      before: { locale: p.locale },
      after: { locale: input.locale, personalFieldsChanged: changed },
      requestId: meta.requestId,
      ip: meta.ip,
    });
  });
};

/** Sends a confirmation link to the new address (the change happens when it is opened) and tells the old one. */
export const requestEmailChange = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor,
  input: { email: string; confirm_password: string },
): Promise<void> => {
  const p = await live(deps.db, actor);
  await requirePassword(deps, p, input.confirm_password, 'confirm_password');
  if (input.email === p.email) throw fieldError('email', 'accounts.email.same');
  const token = await deps.db.transaction().execute(async (trx) => {
    await repo.deleteTokensOf(trx, p.id, 'change_email');
    await writeAudit(trx, {
      actorId: p.id,
      action: 'request:person:email',
      subjectType: 'person',
      subjectId: p.id,
      after: { personalFieldsChanged: ['email'], confirmed: false },
      requestId: meta.requestId,
      ip: meta.ip,
    });
    return issueToken(trx, p.id, 'change_email', { newEmail: input.email });
  });
  await sendMail(
    deps,
    buildMail('changeEmail', meta.locale, input.email, {
      link: link(deps, meta.locale, `/account/email/confirm?token=${token}`),
    }),
  );
  const l = asLocale(p.locale);
  await sendMail(
    deps,
    buildMail('emailChangeRequested', l, p.email, {
      masked: maskEmail(input.email),
      reset: link(deps, l, '/password/forgot'),
    }),
  );
};

export type TEmailChangeOutcome = 'changed' | 'invalid' | 'taken';

/**
 * Applies an e-mail change from the link sent to the new address. Every session of the person ends (the
 * address is how an account is recovered, so its change is a change of privilege), and the old address
 * is told.
 */
export const confirmEmailChange = async (
  deps: TDeps,
  meta: TCallMeta,
  token: string,
): Promise<TEmailChangeOutcome> => {
  let outcome: TEmailChangeOutcome;
  let previous: { email: string; locale: TLocale; masked: string } | undefined;
  try {
    outcome = await deps.db.transaction().execute(async (trx) => {
      const row = await liveToken(trx, token, 'change_email');
      if (!row?.new_email) return 'invalid';
      const p = await repo.findPerson(trx, row.person_id);
      if (!p || p.deleted_at) return 'invalid';
      if (await repo.findPersonByEmail(trx, row.new_email)) return 'taken';
      if (!(await repo.useToken(trx, row.id, nowIso()))) return 'invalid';
      await repo.updatePerson(trx, p.id, { email: row.new_email, email_verified_at: nowIso() }, nowIso());
      const ended = await repo.deleteSessionsOf(trx, p.id);
      await repo.deleteTokensOf(trx, p.id, 'reset_password');
      await writeAudit(trx, {
        actorId: p.id,
        action: 'update:person:email',
        subjectType: 'person',
        subjectId: p.id,
        after: { personalFieldsChanged: ['email'], emailVerified: true, sessionsEnded: ended },
        requestId: meta.requestId,
        ip: meta.ip,
      });
      previous = { email: p.email, locale: asLocale(p.locale), masked: maskEmail(row.new_email) };
      return 'changed';
    });
  } catch (err) {
    // Someone took the address between the check and the update (the unique index said no).
    if (/unique|duplicate/i.test((err as Error).message)) return 'taken';
    throw err;
  }
  if (previous) {
    await sendMail(
      deps,
      buildMail('emailChanged', previous.locale, previous.email, {
        masked: previous.masked,
        reset: link(deps, previous.locale, '/password/forgot'),
      }),
    );
  }
  return outcome;
};

/** Changes the password: every session ends, and this browser gets a new one. */
export const changePassword = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor,
  c: Context<TAppEnv>,
  input: { current_password: string; password: string },
): Promise<void> => {
  const p = await live(deps.db, actor);
  await requirePassword(deps, p, input.current_password, 'current_password');
  checkNewPassword(input.password, p.email);
  const hash = await hashPassword(input.password);
  await deps.db.transaction().execute(async (trx) => {
    await repo.updatePerson(trx, p.id, { password_hash: hash }, nowIso());
    const revoked = await repo.deleteSessionsOf(trx, p.id);
    await repo.deleteTokensOf(trx, p.id, 'change_email');
    await repo.deleteTokensOf(trx, p.id, 'reset_password');
    await startSession(deps, trx, c, p, 'active', { mfa: actor.hasMfa, ip: meta.ip });
    await writeAudit(trx, {
      actorId: p.id,
      action: 'update:person:password',
      subjectType: 'person',
      subjectId: p.id,
      after: { sessionsRevoked: revoked },
      requestId: meta.requestId,
      ip: meta.ip,
    });
  });
  const l = asLocale(p.locale);
  await sendMail(
    deps,
    buildMail('passwordChanged', l, p.email, { reset: link(deps, l, '/password/forgot') }),
  );
};

export type TSessionView = Readonly<{
  handle: string;
  current: boolean;
  createdAt: string;
  lastSeenAt: string;
  ip: string | null;
  userAgent: string | null;
  hasMfa: boolean;
}>;

// Pages name a session by a prefix of its stored id: enough to pick it, useless as a cookie.
const handleOf = (id: string) => id.slice(0, 16);

/** The person's active sessions, this one first. */
export const listSessions = async (deps: TDeps, actor: TActor): Promise<TSessionView[]> =>
  (await repo.listSessionsOf(deps.db, actor.personId))
    .map((s) => ({
      handle: handleOf(s.id),
      current: s.id === actor.sessionId,
      createdAt: s.created_at,
      lastSeenAt: s.last_seen_at,
      ip: s.ip,
      userAgent: s.user_agent,
      hasMfa: s.mfa_at !== null,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));

/** Signs out one of the person's sessions (not found when it is not theirs). */
export const revokeSession = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor,
  handle: string,
  c: Context<TAppEnv>,
): Promise<{ wasCurrent: boolean }> => {
  const target = (await repo.listSessionsOf(deps.db, actor.personId)).find((s) => handleOf(s.id) === handle);
  if (!target) throw new AppError('NOT_FOUND');
  await deps.db.transaction().execute(async (trx) => {
    await repo.deleteSession(trx, target.id);
    await writeAudit(trx, {
      actorId: actor.personId,
      action: 'delete:session',
      subjectType: 'person',
      subjectId: actor.personId,
      requestId: meta.requestId,
      ip: meta.ip,
    });
  });
  // Clears this browser's cookie when it signed itself out (after the transaction: one SQLite connection).
  if (target.id === actor.sessionId) await endSession(deps, c);
  return { wasCurrent: target.id === actor.sessionId };
};

/** "Sign out everywhere else": ends every session but this one, and any pending e-mail change. */
export const revokeOtherSessions = async (deps: TDeps, meta: TCallMeta, actor: TActor): Promise<number> =>
  deps.db.transaction().execute(async (trx) => {
    const n = await repo.deleteSessionsOf(trx, actor.personId, actor.sessionId);
    await repo.deleteTokensOf(trx, actor.personId, 'change_email');
    await writeAudit(trx, {
      actorId: actor.personId,
      action: 'delete:session:others',
      subjectType: 'person',
      subjectId: actor.personId,
      after: { revoked: n },
      requestId: meta.requestId,
      ip: meta.ip,
    });
    return n;
  });
