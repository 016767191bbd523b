import { describe, expect, it } from 'vitest';
import { hashPassword, isCommonPassword, passwordProblems, verifyPassword } from './password.ts';

describe('password hashing', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(/^scrypt\$N=32768,r=8,p=1\$[\w-]{22}\$[\w-]{86}$/);
    expect(await verifyPassword('correct horse battery staple', stored)).toEqual({
      ok: true,
      needsRehash: false,
    });
    expect((await verifyPassword('correct horse battery stapl', stored)).ok).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same password here')).not.toBe(await hashPassword('same password here'));
  });

  it('verifies with the parameters stored in the hash, and asks for a rehash when they are weaker', async () => {
    const old = await hashPassword('an older password', { N: 2 ** 10, r: 8, p: 1 });
    expect(await verifyPassword('an older password', old)).toEqual({ ok: true, needsRehash: true });
  });

  it('treats NFC and NFD forms of the same text as the same password', async () => {
    const stored = await hashPassword('Café Zürich 广州 2026');
    expect((await verifyPassword('Café Zürich 广州 2026'.normalize('NFD'), stored)).ok).toBe(true);
  });

  it.each([
    '',
    'plain',
    'scrypt$N=0,r=8,p=1$AAAA$BBBB',
    'scrypt$N=3000,r=8,p=1$AAAA$BBBB',
    'scrypt$N=1073741824,r=8,p=1$AAAA$BBBB',
    'scrypt$N=16384,r=8,p=1$!!!$BBBB',
  ])('never matches (and never throws on) a malformed hash %j', async (stored) => {
    expect(await verifyPassword('whatever it is', stored)).toEqual({ ok: false, needsRehash: false });
  });
});

describe('password policy', () => {
  it('asks for at least 10 characters, counting characters not bytes', () => {
    expect(passwordProblems('short')).toContain('too_short');
    expect(passwordProblems('广州创新生态圈发展强劲')).toEqual([]);
    expect(passwordProblems('x'.repeat(2000))).toContain('too_long');
  });

  it('refuses common passwords in any case', () => {
    expect(isCommonPassword('password123')).toBe(true);
    expect(isCommonPassword('PASSWORD123')).toBe(true);
    expect(passwordProblems('qwertyuiop')).toContain('common');
    expect(isCommonPassword('violet-harbour-lantern-72')).toBe(false);
  });

  it('refuses a password built on the e-mail address', () => {
    expect(passwordProblems('linxiaoming2026!', 'linxiaoming@example.org')).toContain('contains_email');
    expect(passwordProblems('violet-harbour-lantern-72', 'lin@example.org')).toEqual([]);
  });
});
