import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, otpauthUri, seal, totpCode, unseal, verifyTotp } from './totp.ts';

// RFC 6238 appendix B: the SHA-1 key is the ASCII string "12345678901234567890".
const RFC_KEY = Buffer.from('12345678901234567890', 'ascii');

describe('TOTP (RFC 6238)', () => {
  it('matches the RFC test vectors (8 digits, SHA-1)', () => {
    const cases: [number, string][] = [
      [59, '94287082'],
      [1111111109, '07081804'],
      [1111111111, '14050471'],
      [1234567890, '89005924'],
      [2000000000, '69279037'],
      [20000000000, '65353130'],
    ];
    for (const [t, code] of cases) expect(totpCode(RFC_KEY, Math.floor(t / 30), 8)).toBe(code);
  });

  it('accepts the code of the current step and of one step either side, once', () => {
    const now = 1_700_000_000_000;
    const step = Math.floor(now / 30_000);
    expect(verifyTotp(RFC_KEY, totpCode(RFC_KEY, step), now)).toBe(step);
    expect(verifyTotp(RFC_KEY, totpCode(RFC_KEY, step - 1), now)).toBe(step - 1);
    expect(verifyTotp(RFC_KEY, totpCode(RFC_KEY, step + 1), now)).toBe(step + 1);
    expect(verifyTotp(RFC_KEY, totpCode(RFC_KEY, step - 2), now)).toBeUndefined();
    // Replay: the step was used already.
    expect(verifyTotp(RFC_KEY, totpCode(RFC_KEY, step), now, step)).toBeUndefined();
    expect(verifyTotp(RFC_KEY, 'abcdef', now)).toBeUndefined();
    expect(verifyTotp(RFC_KEY, '', now)).toBeUndefined();
  });

  it('round-trips base32 and builds the otpauth URI apps read', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('mzxw 6ytb oi==').toString()).toBe('foobar');
    expect(() => base32Decode('01!')).toThrow();
    expect(otpauthUri('ABC', 'a@b.cn', 'Ecosphere')).toBe(
      'otpauth://totp/Ecosphere:a%40b.cn?secret=ABC&issuer=Ecosphere&algorithm=SHA1&digits=6&period=30',
    );
  });

  it('seals secrets so only the same app secret opens them, and tampering is detected', () => {
    const sealed = seal('s'.repeat(40), Buffer.from('key'));
    expect(sealed).not.toContain('key');
    expect(unseal('s'.repeat(40), sealed).toString()).toBe('key');
    expect(() => unseal('t'.repeat(40), sealed)).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('kez').toString('base64url');
    expect(() => unseal('s'.repeat(40), parts.join('.'))).toThrow();
  });
});
