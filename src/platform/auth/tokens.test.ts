import { describe, expect, it } from 'vitest';
import { hashToken, isTokenShaped, newToken, safeEqual } from './tokens.ts';

describe('tokens', () => {
  it('are 32 random bytes in base64url, stored as their SHA-256', () => {
    const a = newToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newToken()).not.toBe(a);
    expect(hashToken(a)).not.toBe(a);
    expect(hashToken(a)).toBe(hashToken(a));
    expect(isTokenShaped(a)).toBe(true);
    expect(isTokenShaped(`${a}x`)).toBe(false);
    expect(isTokenShaped(undefined)).toBe(false);
  });

  it('compare equal strings as equal and anything else as different, whatever the lengths', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
    expect(safeEqual('', '')).toBe(true);
    expect(safeEqual('', 'a')).toBe(false);
  });
});
