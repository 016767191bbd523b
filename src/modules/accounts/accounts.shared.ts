import type { TActor } from '../../platform/auth/actor.ts';
import { verifyPassword } from '../../platform/auth/password.ts';
import type { Db } from '../../platform/db/database.ts';
import type { TDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/http/errors.ts';
import { fieldError } from '../../platform/http/form.ts';
import { hitRateLimit, resetRateLimit, type TRateLimitRule } from '../../platform/http/rate-limit.ts';
import type { TLocale } from '../../platform/i18n/locale.ts';
import * as repo from './accounts.repo.ts';

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
