import { hashToken } from '../../platform/auth/tokens.ts';
import { unseal, verifyTotp } from '../../platform/auth/totp.ts';
import type { Db } from '../../platform/db/database.ts';
import { nowIso } from '../../platform/db/schema.ts';
import type { TDeps } from '../../platform/deps.ts';
import { fieldError } from '../../platform/http/form.ts';
import * as repo from './accounts.repo.ts';

/** Normalises a recovery code as typed (`abcde-12345`, spaces, any case) before hashing. */
export const normaliseRecoveryCode = (code: string): string => code.replace(/[\s-]/g, '').toLowerCase();

/**
 * Checks a current authenticator code (its time step claimed, so it works once) or an unused recovery
 * code (used up). Returns which one it was; anything else is a field error on `field`.
 */
export const checkSecondFactor = async (
  deps: TDeps,
  db: Db,
  person: repo.TPersonRow,
  code: string,
  field: string,
): Promise<'totp' | 'recovery-code'> => {
  const digits = code.replace(/\s/g, '');
  if (/^\d{6}$/.test(digits) && person.totp_secret) {
    let key: Buffer | undefined;
    try {
      key = unseal(deps.config.sessionSecret, person.totp_secret);
    } catch {
      // Sealed under another SESSION_SECRET: the key is unreadable; recovery codes still work.
      deps.log.error('two-factor key cannot be opened (was SESSION_SECRET changed?)', {
        personId: person.id,
      });
    }
    if (key) {
      const last = person.totp_last_step === null ? null : Number(person.totp_last_step);
      const step = verifyTotp(key, digits, Date.now(), last);
      if (step !== undefined && (await repo.claimTotpStep(db, person.id, step))) return 'totp';
    }
  } else if (await repo.useRecoveryCode(db, person.id, hashToken(normaliseRecoveryCode(code)), nowIso())) {
    return 'recovery-code';
  }
  throw fieldError(field, 'accounts.mfa.wrongCode');
};
