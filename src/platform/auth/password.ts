import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { dictionary } from '@zxcvbn-ts/language-common';

/** scrypt cost parameters; stored with every hash so they can be raised later without breaking logins. */
export type TScryptParams = Readonly<{ N: number; r: number; p: number }>;

export const CURRENT_PARAMS: TScryptParams = Object.freeze({ N: 2 ** 15, r: 8, p: 1 });
export const MIN_PASSWORD_LENGTH = 10;
// Long enough for any passphrase, short enough that hashing cannot be abused as a denial of service.
export const MAX_PASSWORD_LENGTH = 1024;
const KEY_LENGTH = 64;

const scrypt = (password: string, salt: Buffer, params: TScryptParams): Promise<Buffer> =>
  new Promise((resolve, reject) =>
    scryptCb(
      password.normalize('NFC'),
      salt,
      KEY_LENGTH,
      { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r },
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  );

/** Hashes a password with a fresh 16-byte salt: `scrypt$N=…,r=…,p=…$<salt>$<hash>` (base64url). */
export const hashPassword = async (
  password: string,
  params: TScryptParams = CURRENT_PARAMS,
): Promise<string> => {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, params);
  return `scrypt$N=${params.N},r=${params.r},p=${params.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
};

const STORED = /^scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

/**
 * Checks a password against a stored hash in constant time. A malformed hash never matches (and never
 * throws). `needsRehash` says the hash was made with weaker parameters than today's.
 */
export const verifyPassword = async (
  password: string,
  stored: string,
): Promise<{ ok: boolean; needsRehash: boolean }> => {
  const m = STORED.exec(stored);
  if (!m || password.length > MAX_PASSWORD_LENGTH) return { ok: false, needsRehash: false };
  const params = { N: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  if (
    params.N < 2 ||
    params.N > 2 ** 20 ||
    (params.N & (params.N - 1)) !== 0 ||
    params.r > 32 ||
    params.p > 16
  ) {
    return { ok: false, needsRehash: false };
  }
  const expected = Buffer.from(m[5] as string, 'base64url');
  const actual = await scrypt(password, Buffer.from(m[4] as string, 'base64url'), params);
  const ok = expected.length === actual.length && timingSafeEqual(expected, actual);
  const weaker = params.N < CURRENT_PARAMS.N || params.r < CURRENT_PARAMS.r || params.p < CURRENT_PARAMS.p;
  return { ok, needsRehash: ok && weaker };
};

let common: Set<string> | undefined;
/** True for passwords in the shipped list of ~49,000 common passwords (zxcvbn-ts, MIT), any case. */
export const isCommonPassword = (password: string): boolean => {
  common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  return common.has(password.toLowerCase());
};

export type TPasswordProblem = 'too_short' | 'too_long' | 'common' | 'contains_email';

/** What is wrong with a new password, if anything (length counts characters, so 10 Chinese characters pass). */
export const passwordProblems = (password: string, email?: string): TPasswordProblem[] => {
  const problems: TPasswordProblem[] = [];
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) problems.push('too_short');
  if (password.length > MAX_PASSWORD_LENGTH) problems.push('too_long');
  if (isCommonPassword(password)) problems.push('common');
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && password.toLowerCase().includes(local)) problems.push('contains_email');
  return problems;
};
