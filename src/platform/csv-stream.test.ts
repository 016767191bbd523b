import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';
import { CsvUnterminatedError, csvRows } from './csv-stream.ts';

async function* pieces(text: string, size: number) {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}
const collect = async (text: string, size: number) => {
  const out: { fields: string[]; line: number }[] = [];
  for await (const rows of csvRows(pieces(text, size))) out.push(...rows);
  return out;
};

describe('csvRows (streaming CSV)', () => {
  const text =
    '\ufeffid,name,note\r\n1,"Guangzhou, Tianhe","say ""hi"""\r\n2,"two\nlines",\r\n\r\n3,plain,last';

  it('gives the same rows as the whole-text parser however the text is cut, with each row’s line', async () => {
    for (const size of [1, 2, 3, 7, 64, 10_000]) {
      const rows = await collect(text, size);
      expect(
        rows.map((r) => r.fields),
        `chunks of ${size}`,
      ).toEqual(parseCsv(text));
      expect(
        rows.map((r) => r.line),
        `chunks of ${size}`,
      ).toEqual([1, 2, 3, 6]);
    }
  });

  it('keeps Chinese text, empty fields and a final line break', async () => {
    const rows = await collect('名称,区\n广州大学,番禺区\n,\n', 4);
    expect(rows.map((r) => r.fields)).toEqual([
      ['名称', '区'],
      ['广州大学', '番禺区'],
      ['', ''],
    ]);
  });

  it('names the line where an unclosed quote starts', async () => {
    await expect(collect('a,b\n1,2\n3,"never closed\n4,5\n', 5)).rejects.toThrow(CsvUnterminatedError);
    await expect(collect('a,b\n1,2\n3,"never closed\n4,5\n', 5)).rejects.toThrow(/line 3/);
  });
});
