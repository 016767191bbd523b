// A readable diff for editors: paragraphs first, then, inside a changed paragraph, words (Latin script)
// or characters (Chinese), so a corrected figure shows as "4361 → 4362", not as two whole paragraphs.

export type TDiffOp = 'same' | 'removed' | 'added';
export type TDiffPart = Readonly<{ op: TDiffOp; text: string }>;
/** One paragraph of the comparison: unchanged, removed, added, or changed with its inline parts. */
export type TDiffBlock =
  | Readonly<{ op: 'same' | 'removed' | 'added'; text: string }>
  | Readonly<{ op: 'changed'; parts: readonly TDiffPart[] }>;

// Past this many cells the comparison would take noticeable time; the two sides are then shown whole.
const MAX_CELLS = 4_000_000;

/** Longest-common-subsequence diff of two sequences, as runs of same / removed / added items. */
export const diffSequence = <T>(a: readonly T[], b: readonly T[]): { op: TDiffOp; items: T[] }[] => {
  // Common head and tail are cheap to take off and common in edits.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const out: { op: TDiffOp; items: T[] }[] = [];
  const push = (op: TDiffOp, item: T) => {
    const last = out[out.length - 1];
    if (last && last.op === op) last.items.push(item);
    else out.push({ op, items: [item] });
  };
  for (let i = 0; i < start; i++) push('same', a[i] as T);
  const n = endA - start;
  const m = endB - start;
  if (n * m > MAX_CELLS) {
    for (let i = start; i < endA; i++) push('removed', a[i] as T);
    for (let j = start; j < endB; j++) push('added', b[j] as T);
  } else {
    // lcs[i][j]: length of the LCS of a[start+i..endA) and b[start+j..endB).
    const width = m + 1;
    const lcs = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * width + j] =
          a[start + i] === b[start + j]
            ? (lcs[(i + 1) * width + j + 1] as number) + 1
            : Math.max(lcs[(i + 1) * width + j] as number, lcs[i * width + j + 1] as number);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (a[start + i] === b[start + j]) {
        push('same', a[start + i] as T);
        i++;
        j++;
      } else if ((lcs[(i + 1) * width + j] as number) >= (lcs[i * width + j + 1] as number)) {
        push('removed', a[start + i] as T);
        i++;
      } else {
        push('added', b[start + j] as T);
        j++;
      }
    }
    for (; i < n; i++) push('removed', a[start + i] as T);
    for (; j < m; j++) push('added', b[start + j] as T);
  }
  for (let i = endA; i < a.length; i++) push('same', a[i] as T);
  return out;
};

/** Words, spaces and punctuation for Latin script; one token per character for CJK. */
const tokens = (s: string): string[] =>
  s.match(
    /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{N}_])+|\s+|[^\p{L}\p{N}_\s]/gu,
  ) ?? [];

/** Inline diff of two strings. */
export const diffText = (a: string, b: string): TDiffPart[] =>
  diffSequence(tokens(a), tokens(b)).map((r) => ({ op: r.op, text: r.items.join('') }));

/** Paragraphs of a text: split on blank lines, each trimmed. */
const paragraphs = (s: string | null | undefined): string[] =>
  (s ?? '')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);

/**
 * Paragraph-level diff of two texts; a removed run followed by an added run of the same length is shown as
 * changed paragraphs with inline differences.
 */
export const diffParagraphs = (
  before: string | null | undefined,
  after: string | null | undefined,
): TDiffBlock[] => {
  const runs = diffSequence(paragraphs(before), paragraphs(after));
  const blocks: TDiffBlock[] = [];
  for (let k = 0; k < runs.length; k++) {
    const run = runs[k] as { op: TDiffOp; items: string[] };
    const next = runs[k + 1];
    if (run.op === 'removed' && next?.op === 'added' && next.items.length === run.items.length) {
      run.items.forEach((old, idx) => {
        blocks.push({ op: 'changed', parts: diffText(old, next.items[idx] as string) });
      });
      k++;
      continue;
    }
    for (const text of run.items) blocks.push({ op: run.op, text });
  }
  return blocks;
};
