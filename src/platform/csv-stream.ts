// RFC 4180 CSV read from a stream of text chunks: quoted fields (commas, doubled quotes and line breaks
// inside), CRLF or LF. Rows come out a chunk's worth at a time with the line each starts on; only the
// unfinished last row of a chunk is carried over, so memory stays flat however big the file is.

export type TCsvRow = Readonly<{ fields: string[]; line: number }>;

/** What is left unparsed in `buf` after `parse`: its offset and the line it starts on. */
type TState = { rows: TCsvRow[]; pos: number; line: number };

/** Thrown at the end of the input when a quoted field never closes; names the line it opened on. */
export class CsvUnterminatedError extends Error {
  constructor(readonly line: number) {
    super(`unterminated quoted field starting on line ${line}`);
    this.name = 'CsvUnterminatedError';
  }
}

const countLf = (s: string, from: number, to: number): number => {
  let n = 0;
  for (let i = s.indexOf('\n', from); i !== -1 && i < to; i = s.indexOf('\n', i + 1)) n++;
  return n;
};

/**
 * Parses as many whole rows of `buf` as it can from `st.pos`; `final` says no more text follows, so a row
 * without a line break ends at the end of the text.
 */
const parse = (buf: string, st: TState, final: boolean): void => {
  const n = buf.length;
  while (st.pos < n) {
    const start = st.pos;
    const startLine = st.line;
    const fields: string[] = [];
    let i = start;
    let line = startLine;
    let complete = false;
    for (;;) {
      if (buf.charCodeAt(i) === 34 /* " */) {
        // Quoted field: up to the closing quote that is not doubled.
        let j = buf.indexOf('"', i + 1);
        while (j !== -1 && buf.charCodeAt(j + 1) === 34) j = buf.indexOf('"', j + 2);
        if (j === -1 || (j === n - 1 && !final)) {
          if (final && j === -1) throw new CsvUnterminatedError(line);
          break; // wait for more text
        }
        let value = buf.slice(i + 1, j);
        line += countLf(value, 0, value.length);
        if (value.includes('""')) value = value.replaceAll('""', '"');
        // Anything between the closing quote and the delimiter is kept as it is (lenient).
        let k = j + 1;
        while (k < n && buf[k] !== ',' && buf[k] !== '\n' && buf[k] !== '\r') k++;
        if (k > j + 1) value += buf.slice(j + 1, k);
        if (k >= n) {
          if (!final) break;
          fields.push(value);
          i = n;
          complete = true;
          break;
        }
        fields.push(value);
        if (buf[k] === ',') {
          i = k + 1;
          continue;
        }
        if (buf[k] === '\r' && k + 1 >= n && !final) break;
        i = buf[k] === '\r' && buf[k + 1] === '\n' ? k + 2 : k + 1;
        line++;
        complete = true;
        break;
      }
      // Unquoted field: up to the next comma or line break.
      const comma = buf.indexOf(',', i);
      const lf = buf.indexOf('\n', i);
      if (comma !== -1 && (lf === -1 || comma < lf)) {
        fields.push(buf.slice(i, comma));
        i = comma + 1;
        continue;
      }
      if (lf === -1) {
        if (!final) break;
        fields.push(buf.slice(i, buf.endsWith('\r') ? n - 1 : n));
        i = n;
        complete = true;
        break;
      }
      fields.push(buf.slice(i, lf > i && buf.charCodeAt(lf - 1) === 13 ? lf - 1 : lf));
      i = lf + 1;
      line++;
      complete = true;
      break;
    }
    if (!complete) return;
    st.pos = i;
    st.line = line;
    // Blank lines are not rows.
    if (!(fields.length === 1 && fields[0] === '')) st.rows.push({ fields, line: startLine });
  }
};

const MAX_ROW_CHARS = 4 * 1024 * 1024;

/** Rows of CSV text read from chunks, a chunk's worth per step (a BOM at the very start dropped). */
export async function* csvRows(chunks: AsyncIterable<string>): AsyncGenerator<TCsvRow[]> {
  let buf = '';
  let line = 1;
  let first = true;
  for await (const chunk of chunks) {
    buf += first && chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk;
    first = false;
    const st: TState = { rows: [], pos: 0, line };
    parse(buf, st, false);
    buf = buf.slice(st.pos);
    line = st.line;
    if (st.rows.length > 0) yield st.rows;
    // One row longer than this is an unclosed quote swallowing the file, not data: stop before memory goes.
    if (buf.length > MAX_ROW_CHARS) throw new CsvUnterminatedError(line);
  }
  const st: TState = { rows: [], pos: 0, line };
  parse(buf, st, true);
  if (st.rows.length > 0) yield st.rows;
}
