// Typo tolerance for Latin words: optimal string alignment distance (Damerau-Levenshtein with adjacent
// transpositions), and the choice of the closest vocabulary word.

/** Edit distance counting insertions, deletions, substitutions and swaps of neighbours; stops past `max`. */
export const editDistance = (a: string, b: string, max = 2): number => {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    let rowMin = Number.POSITIVE_INFINITY;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i] as number[];
      const prev = d[i - 1] as number[];
      let v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
      row[j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
  }
  return (d[rows - 1] as number[])[cols - 1] as number;
};

/** How many typos a word of this length may carry: none below 4 letters, one up to 7, two from 8. */
export const allowedTypos = (word: string): number => (word.length < 4 ? 0 : word.length < 8 ? 1 : 2);

/**
 * The closest candidate within the allowed distance (ties: the one sharing the longer start, then
 * alphabetical), or undefined. With `isPrefix`, a candidate may be longer: only its start is compared.
 */
export const closestWord = (
  word: string,
  candidates: Iterable<string>,
  isPrefix = false,
): string | undefined => {
  const max = allowedTypos(word);
  if (max === 0) return undefined;
  let best: { w: string; d: number; common: number } | undefined;
  for (const c of candidates) {
    if (c === word) return c;
    const target = isPrefix && c.length > word.length ? c.slice(0, word.length) : c;
    const dist = editDistance(word, target, max);
    if (dist > max) continue;
    let common = 0;
    while (common < word.length && word[common] === c[common]) common++;
    if (
      !best ||
      dist < best.d ||
      (dist === best.d && (common > best.common || (common === best.common && c < best.w)))
    ) {
      best = { w: isPrefix ? target : c, d: dist, common };
    }
  }
  return best?.w;
};
