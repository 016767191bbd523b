import type { TParsedQuery } from './query.ts';
import { foldLatin } from './tokens.ts';

// Highlights as segments, never as HTML: views render marked segments in <mark>, so nothing from the
// query or the record is ever interpreted as markup.

export type TSegment = Readonly<{ text: string; isMatch: boolean }>;

const WORD = /[\p{L}\p{N}]+/gu;

/** Ranges of `text` that match the query: CJK runs anywhere, Latin words that start with a query word. */
const matchRanges = (text: string, query: TParsedQuery): [number, number][] => {
  const ranges: [number, number][] = [];
  for (const t of query.terms) {
    if (t.kind !== 'cjk') continue;
    for (let at = text.indexOf(t.text); at >= 0; at = text.indexOf(t.text, at + t.text.length)) {
      ranges.push([at, at + t.text.length]);
    }
  }
  const latin = query.terms.filter((t) => t.kind === 'latin').map((t) => t.text);
  if (latin.length > 0) {
    for (const m of text.matchAll(WORD)) {
      const folded = foldLatin(m[0]);
      if (latin.some((w) => folded.startsWith(w))) ranges.push([m.index, m.index + m[0].length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
};

/** Splits text into matched and unmatched segments. */
export const highlight = (text: string, query: TParsedQuery): TSegment[] => {
  const out: TSegment[] = [];
  let pos = 0;
  for (const [a, b] of matchRanges(text, query)) {
    if (a > pos) out.push({ text: text.slice(pos, a), isMatch: false });
    out.push({ text: text.slice(a, b), isMatch: true });
    pos = b;
  }
  if (pos < text.length) out.push({ text: text.slice(pos), isMatch: false });
  return out;
};

/** A window of about `size` characters around the first match (the start when nothing matches). */
export const snippet = (text: string, query: TParsedQuery, size = 180): TSegment[] => {
  if (text.length <= size) return highlight(text, query);
  const first = matchRanges(text, query)[0];
  const start = first ? Math.max(0, Math.min(first[0] - Math.floor(size / 3), text.length - size)) : 0;
  const cut = text.slice(start, start + size);
  const segments = highlight(cut, query);
  return [
    ...(start > 0 ? [{ text: '…', isMatch: false }] : []),
    ...segments,
    ...(start + size < text.length ? [{ text: '…', isMatch: false }] : []),
  ];
};
