import type { TActor } from '../../platform/auth/actor.ts';
import { verifyPassword } from '../../platform/auth/password.ts';
import { hashToken } from '../../platform/auth/tokens.ts';
import { unseal, verifyTotp } from '../../platform/auth/totp.ts';
import type { Db } from '../../platform/db/database.ts';
import { nowIso } from '../../platform/db/schema.ts';
import type { TDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/http/errors.ts';
import { fieldError } from '../../platform/http/form.ts';
import { hitRateLimit, resetRateLimit, type TRateLimitRule } from '../../platform/http/rate-limit.ts';
import type { TLocale } from '../../platform/i18n/locale.ts';
import * as repo from './accounts.repo.ts';
import { normaliseRecoveryCode } from './accounts.service.ts';

// Helpers the account services share: the live person, password and second-factor re-checks.

/** Other modules plug into account export and deletion without accounts knowing them. */
export type TAccountHooks = Readonly<{
  /** Adds a section to "download my data". */
  exportPersonData?: ReadonlyArray<(db: Db, personId: number) => Promise<Record<string, unknown>>>;
  /** Says, in the reader's language, why the account cannot be deleted yet (e.g. last owner of an organisation). */
  blockDeletion?: ReadonlyArray<(db: Db, personId: number, locale: TLocale) => Promise<string | undefined>>;
  /** Removes the person's personal links (memberships, requests) inside the deletion's transaction. */
  onDeletePerson?: ReadonlyArray<(db: Db, personId: number) => Promise<void>>;
}>;

export const live = async (db: Db, actor: TActor) => {
  const person = await repo.findPerson(db, actor.personId);
  if (!person || person.deleted_at) throw new AppError('NOT_FOUND');
  return person;
};

// Forms that ask for the password again are limited per person, not only per address.
const PASSWORD_CHECKS: TRateLimitRule = { name: 'password-check', limit: 10, windowMs: 15 * 60_000 };

export const requirePassword = async (
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
export const requireSecondFactor = async (
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
