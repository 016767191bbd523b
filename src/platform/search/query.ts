import { bigrams, cjkRuns, cjkWords, foldLatin, latinWords } from './tokens.ts';

// A reader's query becomes a list of terms. Every term must match (AND). A term is a set of tokens that
// must all be present (a CJK run of two or more characters needs all its bigrams), or a prefix.
// Nothing the reader types is ever passed to the engine as syntax: tokens are quoted by the engine
// adapters, so quotes, *, NEAR, parentheses, - and ^ are just characters.

export type TQueryTerm = Readonly<{
  /** What the reader typed for this term (for highlights and "did you mean"). */
  text: string;
  kind: 'latin' | 'cjk';
  /** Tokens that must all be present. */
  tokens: readonly string[];
  /** The term matches any token starting with this (a trailing Latin word, a single CJK character). */
  prefix?: string;
}>;

export type TParsedQuery = Readonly<{
  terms: readonly TQueryTerm[];
  /** jieba words of the CJK runs: records containing them rank first. */
  words: readonly string[];
  /** The folded query, for exact-name and acronym comparisons. */
  folded: string;
}>;

const MAX_TERMS = 12;

/** Parses a free-text query into ANDed terms; an empty or punctuation-only query has no terms. */
export const parseQuery = (raw: string): TParsedQuery => {
  const text = raw.slice(0, 200);
  const terms: TQueryTerm[] = [];
  const words: string[] = [];
  // Walk the text in order so that "trailing Latin word" means the last thing typed.
  const pieces =
    text.match(/[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g) ??
    [];
  pieces.forEach((piece, pi) => {
    const isLastPiece = pi === pieces.length - 1;
    const runs = cjkRuns(piece);
    if (runs.length > 0) {
      const run = runs[0] as string;
      const chars = [...run];
      if (chars.length === 1) terms.push({ text: run, kind: 'cjk', tokens: [run] });
      else {
        terms.push({ text: run, kind: 'cjk', tokens: bigrams(run) });
        words.push(...cjkWords(run));
      }
      return;
    }
    const ws = latinWords(piece);
    const endsInWord = isLastPiece && /[\p{L}\p{N}]$/u.test(piece);
    ws.forEach((w, wi) => {
      const isTrailing = endsInWord && wi === ws.length - 1;
      // A trailing word of two or more characters also matches as a prefix ("guangz" finds Guangzhou).
      if (isTrailing && w.length >= 2) terms.push({ text: w, kind: 'latin', tokens: [], prefix: w });
      else terms.push({ text: w, kind: 'latin', tokens: [w] });
    });
  });
  return {
    terms: dedupe(terms).slice(0, MAX_TERMS),
    words: [...new Set(words)],
    folded: foldLatin(text).replace(/\s+/g, ' ').trim(),
  };
};

const dedupe = (terms: TQueryTerm[]): TQueryTerm[] => {
  const seen = new Set<string>();
  return terms.filter((t) => {
    const key = `${t.prefix ?? ''}|${t.tokens.join(' ')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

/** The query for SQLite FTS5: every token double-quoted (quotes doubled), prefixes with a trailing *. */
export const fts5Match = (q: TParsedQuery): string =>
  q.terms
    .map((t) => {
      const parts = t.tokens.map((tok) => `"${tok.replaceAll('"', '""')}"`);
      if (t.prefix) parts.push(`"${t.prefix.replaceAll('"', '""')}"*`);
      return parts.length > 1 ? `(${parts.join(' AND ')})` : parts[0];
    })
    .join(' AND ');

/** The query for PostgreSQL as a tsquery literal: quoted lexemes, :* for prefixes, & between all. */
export const tsQuery = (q: TParsedQuery): string =>
  q.terms
    .flatMap((t) => [
      ...t.tokens.map((tok) => quoteLexeme(tok)),
      ...(t.prefix ? [`${quoteLexeme(t.prefix)}:*`] : []),
    ])
    .join(' & ');

const quoteLexeme = (s: string): string => `'${s.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
