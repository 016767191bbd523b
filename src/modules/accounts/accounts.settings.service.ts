import type { Context } from 'hono';
import { searchAudit, type TAuditQuery, writeAudit } from '../../platform/audit.ts';
import type { TActor, TCallMeta, TRole } from '../../platform/auth/actor.ts';
import { hashPassword, verifyPassword } from '../../platform/auth/password.ts';
import { hashToken } from '../../platform/auth/tokens.ts';
import {
  base32Decode,
  base32Encode,
  newTotpKey,
  otpauthUri,
  seal,
  unseal,
  verifyTotp,
} from '../../platform/auth/totp.ts';
import type { Db } from '../../platform/db/database.ts';
import type { TDeps } from '../../platform/deps.ts';
import type { TAppEnv } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { fieldError } from '../../platform/http/form.ts';
import { hitRateLimit, resetRateLimit, type TRateLimitRule } from '../../platform/http/rate-limit.ts';
import type { TLocale } from '../../platform/i18n/locale.ts';
import { buildMail, maskEmail } from './accounts.mail.ts';
import { t } from './accounts.messages.ts';
import { canChangeRole, canReadAudit, canReadPerson } from './accounts.policy.ts';
import * as repo from './accounts.repo.ts';
import {
  checkNewPassword,
  issueToken,
  link,
  liveToken,
  normaliseRecoveryCode,
  sendMail,
} from './accounts.service.ts';
import { endSession, startSession } from './accounts.session.ts';

// What a signed-in person does with their own account, and what staff do with people and the audit log.

const nowIso = () => new Date().toISOString();
const localeOf = (v: string): TLocale => (v === 'zh' ? 'zh' : 'en');

/** Other modules plug into account export and deletion without accounts knowing them. */
export type TAccountHooks = Readonly<{
  /** Adds a section to "download my data". */
  exportPersonData?: ReadonlyArray<(db: Db, personId: number) => Promise<Record<string, unknown>>>;
  /** Says, in the reader's language, why the account cannot be deleted yet (e.g. last owner of an organisation). */
  blockDeletion?: ReadonlyArray<(db: Db, personId: number, locale: TLocale) => Promise<string | undefined>>;
  /** Removes the person's personal links (memberships, requests) inside the deletion's transaction. */
  onDeletePerson?: ReadonlyArray<(db: Db, personId: number) => Promise<void>>;
}>;

const live = async (db: Db, actor: TActor) => {
  const person = await repo.findPerson(db, actor.personId);
  if (!person || person.deleted_at) throw new AppError('NOT_FOUND');
  return person;
};

// Forms that ask for the password again are limited per person, not only per address.
const PASSWORD_CHECKS: TRateLimitRule = { name: 'password-check', limit: 10, windowMs: 15 * 60_000 };

const requirePassword = async (
  deps: TDeps,
  person: Readonly<{ id: number; password_hash: string | null }>,
  password: string,
  field = 'password',
) => {
  const tries = await hitRateLimit(deps.db, deps.config.sessionSecret, PASSWORD_CHECKS, String(person.id));
  if (!tries.allowed) {
    throw new AppError('RATE_LIMITED', 'Too many password checks', {
      retryAfterSeconds: tries.retryAfterSeconds,
    });
  }
  if (!person.password_hash || !(await verifyPassword(password, person.password_hash)).ok)
    throw fieldError(field, 'accounts.password.wrong');
  await resetRateLimit(deps.db, deps.config.sessionSecret, PASSWORD_CHECKS, String(person.id));
};

/** Checks a current authenticator code or an unused recovery code (used up either way). */
const requireSecondFactor = async (
  deps: TDeps,
  db: Db,
  person: repo.TPersonRow,
  code: string,
  field: string,
) => {
  const digits = code.replace(/\s/g, '');
  if (/^\d{6}$/.test(digits) && person.totp_secret) {
    try {
      const key = unseal(deps.config.sessionSecret, person.totp_secret);
      const last = person.totp_last_step === null ? null : Number(person.totp_last_step);
      const step = verifyTotp(key, digits, Date.now(), last);
      if (step !== undefined && (await repo.claimTotpStep(db, person.id, step))) return;
    } catch {
      // An unreadable key never matches.
    }
  } else if (await repo.useRecoveryCode(db, person.id, hashToken(normaliseRecoveryCode(code)), nowIso())) {
    return;
  }
  throw fieldError(field, 'accounts.mfa.wrongCode');
};

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
    locale: localeOf(p.locale),
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
  const l = localeOf(p.locale);
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
      previous = { email: p.email, locale: localeOf(p.locale), masked: maskEmail(row.new_email) };
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
  const l = localeOf(p.locale);
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

// Two-factor authentication

export type TTotpSetup = Readonly<{ pending: string; keyBase32: string; uri: string }>;

/** A new key to enrol, sealed into the form so nothing is stored until a code proves the app has it. */
export const beginTotp = (deps: TDeps, actor: TActor): TTotpSetup => {
  const key = newTotpKey();
  const keyBase32 = base32Encode(key);
  return {
    pending: seal(deps.config.sessionSecret, Buffer.from(`${actor.personId}:${keyBase32}`)),
    keyBase32,
    uri: otpauthUri(keyBase32, actor.email, 'Ecosphere'),
  };
};

/** The set-up form's key again after a wrong code (the person has already added it to their app). */
export const resumeTotp = (deps: TDeps, actor: TActor, pending: string | undefined): TTotpSetup => {
  try {
    const [owner, keyBase32] = unseal(deps.config.sessionSecret, pending ?? '')
      .toString()
      .split(':');
    if (Number(owner) === actor.personId && keyBase32) {
      return { pending: pending as string, keyBase32, uri: otpauthUri(keyBase32, actor.email, 'Ecosphere') };
    }
  } catch {
    // Not a sealed value of ours: start again with a new key.
  }
  return beginTotp(deps, actor);
};

/** Recovery codes as shown: ten groups `xxxxx-xxxxx` of lower-case letters and digits. */
const newRecoveryCodes = (): string[] =>
  Array.from({ length: 10 }, () => {
    const raw = base32Encode(Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(7))))
      .slice(0, 10)
      .toLowerCase();
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });

/**
 * Turns on two-factor authentication once a code from the app matches the pending key. Returns the
 * recovery codes (shown once; only their hashes are kept). The session is renewed with the factor.
 */
export const enableTotp = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor,
  c: Context<TAppEnv>,
  input: { pending: string; code: string },
): Promise<{ codes: string[]; sessionId: string }> => {
  let keyBase32: string;
  try {
    const [owner, key] = unseal(deps.config.sessionSecret, input.pending).toString().split(':');
    if (Number(owner) !== actor.personId || !key) throw new Error('not yours');
    keyBase32 = key;
  } catch {
    throw new AppError('BAD_REQUEST', 'The set-up form was altered; start again');
  }
  const p = await live(deps.db, actor);
  if (p.totp_enabled_at) throw fieldError('code', 'accounts.mfa.alreadyOn');
  // Only the address's confirmed owner may bind a second factor to it (else a squatter could).
  if (!p.email_verified_at) throw fieldError('code', 'accounts.mfa.confirmEmailFirst');
  const step = verifyTotp(base32Decode(keyBase32), input.code, Date.now());
  if (step === undefined) throw fieldError('code', 'accounts.mfa.wrongCode');
  const codes = newRecoveryCodes();
  const sessionId = await deps.db.transaction().execute(async (trx) => {
    await repo.updatePerson(
      trx,
      p.id,
      {
        totp_secret: seal(deps.config.sessionSecret, base32Decode(keyBase32)),
        totp_enabled_at: nowIso(),
        totp_last_step: step,
      },
      nowIso(),
    );
    await repo.replaceRecoveryCodes(
      trx,
      p.id,
      codes.map((code) => hashToken(code.replace('-', ''))),
    );
    const id = await startSession(deps, trx, c, p, 'active', { mfa: true, ip: meta.ip });
    await writeAudit(trx, {
      actorId: p.id,
      action: 'enable:two-factor',
      subjectType: 'person',
      subjectId: p.id,
      before: { totp: false },
      after: { totp: true, recoveryCodes: codes.length },
      requestId: meta.requestId,
      ip: meta.ip,
    });
    return id;
  });
  return { codes, sessionId };
};

/** Turns two-factor off (after the password and a current code); refused for roles that require it. */
export const disableTotp = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor,
  input: { disable_password: string; disable_code: string },
): Promise<void> => {
  const p = await live(deps.db, actor);
  if (p.role !== 'member') throw fieldError('disable_password', 'accounts.mfa.requiredForRole');
  await requirePassword(deps, p, input.disable_password, 'disable_password');
  await deps.db.transaction().execute(async (trx) => {
    await requireSecondFactor(deps, trx, p, input.disable_code, 'disable_code');
    await repo.updatePerson(
      trx,
      p.id,
      { totp_secret: null, totp_enabled_at: null, totp_last_step: null },
      nowIso(),
    );
    await repo.replaceRecoveryCodes(trx, p.id, []);
    await writeAudit(trx, {
      actorId: p.id,
      action: 'disable:two-factor',
      subjectType: 'person',
      subjectId: p.id,
      before: { totp: true },
      after: { totp: false },
      requestId: meta.requestId,
      ip: meta.ip,
    });
  });
};

/** Replaces the recovery codes (after the password); the old ones stop working. */
export const regenerateRecoveryCodes = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor,
  password: string,
): Promise<string[]> => {
  const p = await live(deps.db, actor);
  if (!p.totp_enabled_at) throw new AppError('NOT_FOUND');
  await requirePassword(deps, p, password);
  const codes = newRecoveryCodes();
  await deps.db.transaction().execute(async (trx) => {
    await repo.replaceRecoveryCodes(
      trx,
      p.id,
      codes.map((code) => hashToken(code.replace('-', ''))),
    );
    await writeAudit(trx, {
      actorId: p.id,
      action: 'update:recovery-codes',
      subjectType: 'person',
      subjectId: p.id,
      after: { recoveryCodes: codes.length },
      requestId: meta.requestId,
      ip: meta.ip,
    });
  });
  return codes;
};

// Download my data, delete my account

/** Everything the platform holds about the person, as one JSON document. */
export const exportMyData = async (
  deps: TDeps,
  actor: TActor,
  hooks: TAccountHooks,
): Promise<Record<string, unknown>> => {
  const p = await live(deps.db, actor);
  const sessions = await repo.listSessionsOf(deps.db, p.id);
  const activity = await searchAudit(deps.db, { actorId: p.id, limit: 10_000, offset: 0 });
  const extra: Record<string, unknown> = {};
  for (const fn of hooks.exportPersonData ?? []) Object.assign(extra, await fn(deps.db, p.id));
  return {
    exportedAt: nowIso(),
    person: {
      id: p.id,
      email: p.email,
      emailVerifiedAt: p.email_verified_at,
      nameLatin: p.name_latin,
      nameZh: p.name_zh,
      locale: p.locale,
      role: p.role,
      twoFactorEnabledAt: p.totp_enabled_at,
      createdAt: p.created_at,
      updatedAt: p.updated_at,
    },
    sessions: sessions.map((s) => ({
      createdAt: s.created_at,
      lastSeenAt: s.last_seen_at,
      ip: s.ip,
      userAgent: s.user_agent,
    })),
    ...extra,
    activity: activity.rows.map((r) => ({
      at: r.at,
      action: r.action,
      subject: `${r.subjectType}:${r.subjectId ?? ''}`,
      ip: r.ip,
    })),
  };
};

/**
 * Deletes the account: personal data erased (e-mail, names, password, second factor, sessions, links),
 * the row kept as "deleted user" so contributions and audit rows still point somewhere.
 */
export const deleteAccount = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor,
  c: Context<TAppEnv>,
  password: string,
  hooks: TAccountHooks,
): Promise<void> => {
  const p = await live(deps.db, actor);
  await requirePassword(deps, p, password);
  if (p.role === 'staff-admin' && (await repo.countByRole(deps.db, 'staff-admin')) <= 1) {
    throw new AppError('CONFLICT', t(meta.locale, 'accounts.delete.lastAdmin'));
  }
  for (const fn of hooks.blockDeletion ?? []) {
    const reason = await fn(deps.db, p.id, meta.locale);
    if (reason) throw new AppError('CONFLICT', reason);
  }
  await deps.db.transaction().execute(async (trx) => {
    for (const fn of hooks.onDeletePerson ?? []) await fn(trx, p.id);
    await repo.deleteSessionsOf(trx, p.id);
    await repo.deleteTokensOf(trx, p.id);
    await repo.replaceRecoveryCodes(trx, p.id, []);
    await repo.updatePerson(
      trx,
      p.id,
      {
        email: `deleted-${p.id}@invalid`,
        email_verified_at: null,
        password_hash: null,
        name_latin: null,
        name_zh: null,
        role: 'member',
        totp_secret: null,
        totp_enabled_at: null,
        totp_last_step: null,
        deleted_at: nowIso(),
      },
      nowIso(),
    );
    await writeAudit(trx, {
      actorId: p.id,
      action: 'delete:person',
      subjectType: 'person',
      subjectId: p.id,
      before: { role: p.role },
      after: { deleted: true },
      requestId: meta.requestId,
      ip: meta.ip,
    });
  });
  await endSession(deps, c);
};

// Staff: people and the audit log

const auditRead = (
  db: Db,
  actor: TActor,
  meta: TCallMeta,
  action: string,
  subjectId: string | number | null,
  after?: unknown,
) =>
  writeAudit(db, {
    actorId: actor.personId,
    action,
    subjectType: 'person',
    subjectId,
    after,
    requestId: meta.requestId,
    ip: meta.ip,
  });

/** Staff search of people (a read of personal data: logged). Not found for anyone else. */
export const searchPeopleFor = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor | undefined,
  text: string,
  page: number,
) => {
  if (!actor || !canReadPerson(actor, -1)) throw new AppError('NOT_FOUND');
  const result = await repo.searchPeople(deps.db, text, 50, (page - 1) * 50);
  await auditRead(deps.db, actor, meta, 'search:person', null, { query: text, results: result.total });
  return result;
};

/** One person's record for staff (logged as a read of their personal data). */
export const personFor = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor | undefined,
  personId: number,
) => {
  if (!canReadPerson(actor, personId) || !actor) throw new AppError('NOT_FOUND');
  const p = await repo.findPerson(deps.db, personId);
  if (!p || p.deleted_at) throw new AppError('NOT_FOUND');
  if (p.id !== actor.personId) await auditRead(deps.db, actor, meta, 'read:person', p.id);
  return { person: p, sessions: (await repo.listSessionsOf(deps.db, p.id)).length };
};

/** Gives a person another site role; their sessions end, so the new powers start with a new session. */
export const changeRole = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor | undefined,
  personId: number,
  role: TRole,
) => {
  if (!actor || !canChangeRole(actor, personId)) throw new AppError('NOT_FOUND');
  await deps.db.transaction().execute(async (trx) => {
    const p = await repo.findPerson(trx, personId);
    if (!p || p.deleted_at) throw new AppError('NOT_FOUND');
    if (p.role === role) return;
    await repo.updatePerson(trx, p.id, { role }, nowIso());
    await repo.deleteSessionsOf(trx, p.id);
    await writeAudit(trx, {
      actorId: actor.personId,
      action: 'update:person:role',
      subjectType: 'person',
      subjectId: p.id,
      before: { role: p.role },
      after: { role },
      requestId: meta.requestId,
      ip: meta.ip,
    });
  });
};

/**
 * Staff remove a person's second factor (lost phone, or set up by someone else): key, recovery codes and
 * sessions go; staff roles must set it up again at their next sign-in.
 */
export const resetSecondFactorFor = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor | undefined,
  personId: number,
): Promise<void> => {
  if (!actor || !canChangeRole(actor, personId)) throw new AppError('NOT_FOUND');
  await deps.db.transaction().execute(async (trx) => {
    const p = await repo.findPerson(trx, personId);
    if (!p || p.deleted_at) throw new AppError('NOT_FOUND');
    await repo.updatePerson(
      trx,
      p.id,
      { totp_secret: null, totp_enabled_at: null, totp_last_step: null },
      nowIso(),
    );
    await repo.replaceRecoveryCodes(trx, p.id, []);
    const ended = await repo.deleteSessionsOf(trx, p.id);
    await writeAudit(trx, {
      actorId: actor.personId,
      action: 'reset:person:two-factor',
      subjectType: 'person',
      subjectId: p.id,
      before: { totp: p.totp_enabled_at !== null },
      after: { totp: false, sessionsEnded: ended },
      requestId: meta.requestId,
      ip: meta.ip,
    });
  });
};

/** Searches the audit log for staff; the search itself is logged (it shows personal data). */
export const auditFor = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor | undefined,
  query: TAuditQuery,
) => {
  if (!actor || !canReadAudit(actor)) throw new AppError('NOT_FOUND');
  const result = await searchAudit(deps.db, query);
  const names = await repo.namesOf(
    deps.db,
    result.rows.map((r) => r.actorId).filter((id): id is number => id !== null),
  );
  await writeAudit(deps.db, {
    actorId: actor.personId,
    action: 'read:audit',
    subjectType: 'audit',
    subjectId: null,
    after: { ...query, results: result.total },
    requestId: meta.requestId,
    ip: meta.ip,
  });
  return { ...result, names };
};

/**
 * Names (and e-mail language) for people ids, "deleted user" for erased accounts. Reads through
 * `deps.db`: call it outside a transaction (SQLite has one connection).
 */
export const peopleNames = (deps: TDeps, ids: readonly number[]) => repo.namesOf(deps.db, ids);
