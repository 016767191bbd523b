import { foldLatin } from './tokens.ts';
import { allowedTypos, editDistance } from './typo.ts';

// Normalised name keys for finding likely duplicates: two names with the same key are "the same name"
// written differently; keys sort so that near-identical names sit next to each other.

const STOP = new Set([
  'the',
  'of',
  'and',
  'for',
  'at',
  'in',
  'on',
  'de',
  'del',
  'der',
  'des',
  'di',
  'du',
  'la',
  'le',
  'et',
  'und',
  'y',
]);
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const MAX = 300;

/**
 * The Latin-script key of a name: folded to lower case without accents, "&" read as "and", stop words
 * dropped, words sorted and deduplicated ("The University of Oxford" = "Oxford University"). Null when the
 * name has no Latin letters or digits.
 */
export const nameKey = (name: string | null | undefined): string | null => {
  if (!name) return null;
  const words = foldLatin(name)
    .replace(/[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g, ' ')
    .match(/[\p{L}\p{N}]+/gu);
  if (!words) return null;
  const kept = [...new Set(words.filter((w) => !STOP.has(w)))].sort();
  const key = (kept.length > 0 ? kept : words).join(' ').slice(0, MAX);
  return key || null;
};

/**
 * The Chinese key of a name: full-width forms folded, spaces, punctuation and symbols dropped
 * ("华北电力大学（北京）" = "华北电力大学(北京)"). Null when the name has no Chinese characters.
 */
export const nameKeyZh = (name: string | null | undefined): string | null => {
  if (!name || !CJK.test(name)) return null;
  const key = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '')
    .slice(0, MAX);
  return key || null;
};

/** The set of two-character pieces of a key (a one-character key is its own piece). */
export const bigramSet = (key: string): Set<string> => {
  const out = new Set<string>();
  if (key.length < 2) {
    out.add(key);
    return out;
  }
  for (let i = 0; i + 1 < key.length; i++) out.add(key.slice(i, i + 2));
  return out;
};

/** Dice similarity of two bigram sets: 1 for the same pieces, 0 for none in common. */
export const dice = (a: Set<string>, b: Set<string>): number => {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const x of small) if (big.has(x)) common++;
  return (2 * common) / (a.size + b.size);
};

/**
 * True when two Latin name keys differ only by spelling: every word one has and the other lacks is close to
 * (a prefix of, or a typo or two away from) a word of the other, and at most one side has words left over
 * ("Xiaopeng Motors China" ~ "Xiaopeng Motors"). A word replaced by a different word is another
 * organisation ("… Liwan District … Hospital" vs "… Zengcheng District … Hospital").
 */
export const onlySpellingDiffers = (a: string, b: string): boolean => {
  const wa = new Set(a.split(' '));
  const wb = new Set(b.split(' '));
  const onlyA = [...wa].filter((w) => !wb.has(w));
  const onlyB = [...wb].filter((w) => !wa.has(w));
  const close = (x: string, y: string) =>
    (Math.min(x.length, y.length) >= 4 && (x.startsWith(y) || y.startsWith(x))) ||
    editDistance(x, y, 2) <= allowedTypos(x.length >= y.length ? x : y);
  const leftA = onlyA.filter((x) => !onlyB.some((y) => close(x, y)));
  const leftB = onlyB.filter((y) => !onlyA.some((x) => close(x, y)));
  return leftA.length === 0 || leftB.length === 0;
};

const NUMBERS = /[0-9]+|[一二三四五六七八九十百千零〇]+/g;

/** True when two names carry the same numbers, in digits or Chinese numerals ("第一" ≠ "第二", 1 ≠ 10). */
export const sameNumbers = (a: string, b: string): boolean => {
  const x = a.match(NUMBERS) ?? [];
  const y = b.match(NUMBERS) ?? [];
  return x.length === y.length && x.every((v, i) => v === y[i]);
};
