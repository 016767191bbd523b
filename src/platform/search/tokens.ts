import { createRequire } from 'node:module';
import type { Jieba as TJieba } from '@node-rs/jieba';

// Search tokens are computed here, in the application, and stored in a plain text column that SQLite FTS5
// and PostgreSQL index as they are (ADR 0008). Both engines therefore see the same tokens and return the
// same hits; ranking happens in the application too.

const require = createRequire(import.meta.url);
let jieba: TJieba | undefined;
const segmenter = (): TJieba => {
  if (!jieba) {
    const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    jieba = Jieba.withDict(dict);
  }
  return jieba;
};

/** CJK ideographs (with extension A and compatibility ideographs); the scripts jieba segments. */
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const CJK_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
/** Latin words and numbers: letters (accents folded) and digits. */
const LATIN_WORD = /[\p{L}\p{N}]+/gu;
const MAX_TOKEN = 60;

/** Lower-cases, folds accents and full-width forms, so "Café", "CAFE" and "ＣＡＦＥ" are one word. */
export const foldLatin = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

export const isCjk = (ch: string): boolean => CJK.test(ch);

/** The CJK runs of a text ("广州 科技园" → ["广州", "科技园"]). */
export const cjkRuns = (s: string): string[] => s.match(CJK_RUN) ?? [];

/** Lower-cased Latin words and numbers of a text, CJK characters excluded. */
export const latinWords = (s: string): string[] =>
  (foldLatin(s).replace(CJK_RUN, ' ').match(LATIN_WORD) ?? []).filter((w) => w.length <= MAX_TOKEN);

/** Overlapping two-character pieces of a CJK run ("孵化器" → 孵化, 化器). */
export const bigrams = (run: string): string[] => {
  const chars = [...run];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  return out;
};

/** jieba's search segmentation of a CJK run: words and the shorter words inside them. */
export const cjkWords = (run: string): string[] =>
  segmenter()
    .cutForSearch(run, true)
    .filter((w) => w.length > 1 && w.length <= MAX_TOKEN && CJK.test(w));

export type TSearchFields = Readonly<{
  /** Names (every language, aliases, acronyms): their CJK characters are indexed one by one too. */
  names: readonly (string | null | undefined)[];
  /** Longer text (summaries, descriptions, places). */
  texts: readonly (string | null | undefined)[];
}>;

/**
 * The search column for a record: Latin words, jieba words and CJK bigrams of every field, plus single
 * CJK characters of names (so a one-character query finds names). Distinct tokens, single spaces.
 */
export const searchTokens = (fields: TSearchFields): string => {
  const seen = new Set<string>();
  const addText = (text: string, isName: boolean) => {
    for (const w of latinWords(text)) seen.add(w);
    for (const run of cjkRuns(text)) {
      if (isName) for (const ch of run) seen.add(ch);
      if ([...run].length === 1) {
        seen.add(run);
        continue;
      }
      for (const w of cjkWords(run)) seen.add(w);
      for (const b of bigrams(run)) seen.add(b);
    }
  };
  for (const n of fields.names) if (n) addText(n, true);
  for (const t of fields.texts) if (t) addText(t, false);
  return [...seen].join(' ');
};
