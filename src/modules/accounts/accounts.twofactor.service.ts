import type { Context } from 'hono';
import { writeAudit } from '../../platform/audit.ts';
import type { TActor, TCallMeta } from '../../platform/auth/actor.ts';
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
import { nowIso } from '../../platform/db/schema.ts';
import type { TDeps } from '../../platform/deps.ts';
import type { TAppEnv } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { fieldError } from '../../platform/http/form.ts';
import { checkSecondFactor, normaliseRecoveryCode } from './accounts.factor.ts';
import * as repo from './accounts.repo.ts';
import { startSession } from './accounts.session.ts';
import { live, requirePassword } from './accounts.shared.ts';

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
      codes.map((code) => hashToken(normaliseRecoveryCode(code))),
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
    await checkSecondFactor(deps, trx, p, input.disable_code, 'disable_code');
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
      codes.map((code) => hashToken(normaliseRecoveryCode(code))),
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
