import { describe, expect, it } from 'vitest';
import { compareNames } from './directory.name-order.ts';

// The name order must be SQLite's BINARY and PostgreSQL's "C" order: the order of the names' UTF-8 bytes.
const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

describe('compareNames', () => {
  const names = [
    '',
    'Lab',
    'Lab A',
    'lab',
    'Acme Lab 10',
    'Acme Lab 9',
    'Éclair',
    'Eclair',
    '华南理工大学',
    '广州大学',
    '\uFB01ne',
    '\uFFFD',
    '\u{1D400}lpha',
    '\u{20000}实验室',
    '\u{20001}',
    '\uE000',
  ];

  it('orders like the UTF-8 bytes, outside the BMP too', () => {
    for (const a of names) {
      for (const b of names) expect(Math.sign(compareNames(a, b))).toBe(Math.sign(byBytes(a, b)));
    }
  });

  it('puts characters outside the BMP after U+E000–U+FFFF, unlike UTF-16 code units', () => {
    expect(compareNames('\u{1D400}', '\uFB01')).toBeGreaterThan(0);
    expect('\u{1D400}' < '\uFB01').toBe(true);
  });
});
