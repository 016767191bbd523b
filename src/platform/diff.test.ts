import { describe, expect, it } from 'vitest';
import { diffParagraphs, diffSequence, diffText } from './diff.ts';

describe('diffSequence', () => {
  it('finds a longest common subsequence, and its runs rebuild both sides', () => {
    const a = [...'ABCABBA'];
    const b = [...'CBABAC'];
    const runs = diffSequence(a, b);
    const side = (ops: string[]) => runs.filter((r) => ops.includes(r.op)).flatMap((r) => r.items);
    expect(side(['same', 'removed'])).toEqual(a);
    expect(side(['same', 'added'])).toEqual(b);
    expect(side(['same'])).toHaveLength(4);
  });

  it('handles empty sides', () => {
    expect(diffSequence([], ['a'])).toEqual([{ op: 'added', items: ['a'] }]);
    expect(diffSequence(['a'], [])).toEqual([{ op: 'removed', items: ['a'] }]);
    expect(diffSequence([], [])).toEqual([]);
  });
});

describe('diffText', () => {
  it('shows a corrected figure as a word change', () => {
    expect(diffText('Output rose 11.6% in 2016.', 'Output rose 11.7% in 2016.')).toEqual([
      { op: 'same', text: 'Output rose 11.' },
      { op: 'removed', text: '6' },
      { op: 'added', text: '7' },
      { op: 'same', text: '% in 2016.' },
    ]);
  });

  it('compares Chinese character by character', () => {
    expect(diffText('高新技术企业2995家', '高新技术企业2996家')).toEqual([
      { op: 'same', text: '高新技术企业' },
      { op: 'removed', text: '2995' },
      { op: 'added', text: '2996' },
      { op: 'same', text: '家' },
    ]);
  });
});

describe('diffParagraphs', () => {
  it('keeps unchanged paragraphs, and shows an edited one inline', () => {
    const before = 'First paragraph.\n\nSecond one, with a typo teh.\n\nThird.';
    const after = 'First paragraph.\n\nSecond one, with a typo the.\n\nThird.\n\nA new fourth.';
    expect(diffParagraphs(before, after)).toEqual([
      { op: 'same', text: 'First paragraph.' },
      {
        op: 'changed',
        parts: [
          { op: 'same', text: 'Second one, with a typo ' },
          { op: 'removed', text: 'teh' },
          { op: 'added', text: 'the' },
          { op: 'same', text: '.' },
        ],
      },
      { op: 'same', text: 'Third.' },
      { op: 'added', text: 'A new fourth.' },
    ]);
  });

  it('treats a missing text as empty', () => {
    expect(diffParagraphs(null, 'New.')).toEqual([{ op: 'added', text: 'New.' }]);
  });
});
