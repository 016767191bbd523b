import { describe, expect, it } from 'vitest';
import { canMove, cleanContext, collapseKey, normalizeSpace, REPORT_STATUSES } from './reports.rules.ts';

describe('error report rules', () => {
  it('moves new → accepted | fixed | declined, accepted → fixed | declined; fixed and declined are final', () => {
    const allowed = REPORT_STATUSES.flatMap((from) =>
      REPORT_STATUSES.filter((to) => canMove(from, to)).map((to) => `${from}→${to}`),
    );
    expect(allowed).toEqual([
      'new→accepted',
      'new→fixed',
      'new→declined',
      'accepted→fixed',
      'accepted→declined',
    ]);
  });

  it('collapses the same selection on the same page whatever its whitespace, case or width', () => {
    const a = collapseKey('/en/news/x', 'GDP grew  by\n7%');
    expect(collapseKey('/en/news/x', ' gdp GREW by 7% ')).toBe(a);
    expect(collapseKey('/en/news/x', 'ＧＤＰ grew by ７%')).toBe(a);
    expect(collapseKey('/en/news/y', 'GDP grew by 7%')).not.toBe(a);
    expect(collapseKey('/en/news/x', 'GDP grew by 8%')).not.toBe(a);
    expect(normalizeSpace('\u3000广州\u00a0 创新\n')).toBe('广州 创新');
  });

  it('keeps the context next to the selection, without control characters', () => {
    expect(cleanContext(`${'x'.repeat(400)} before `, 'before')).toBe(`${'x'.repeat(292)} before `);
    expect(cleanContext(' after\u0000 it', 'after')).toBe(' after it');
    expect(cleanContext('   ', 'after')).toBeUndefined();
    expect(cleanContext(undefined, 'before')).toBeUndefined();
  });
});
