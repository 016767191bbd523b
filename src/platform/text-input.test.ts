import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { detectEncoding, isGzipFile, openInput, sampleOf, textChunks, textLines } from './text-input.ts';

const dir = mkdtempSync(join(tmpdir(), 'ecosphere-text-'));
const gbk = (s: string) => Buffer.from(new Uint8Array([...s].flatMap((c) => GBK[c] ?? [c.charCodeAt(0)])));
// 广州 天河 in GBK, enough to show the detection without an encoder.
const GBK: Record<string, number[]> = {
  广: [0xb9, 0xe3],
  州: [0xd6, 0xdd],
  天: [0xcc, 0xec],
  河: [0xba, 0xd3],
};

describe('detectEncoding', () => {
  it('knows UTF-8 with and without a BOM, and GBK', () => {
    expect(detectEncoding(Buffer.from('\ufeffname\n广州\n'))).toEqual({
      ok: true,
      encoding: 'utf-8',
      bom: true,
    });
    expect(detectEncoding(Buffer.from('name\n广州\n'))).toEqual({ ok: true, encoding: 'utf-8', bom: false });
    expect(detectEncoding(gbk('name\n广州,天河\n'))).toEqual({ ok: true, encoding: 'gbk', bom: false });
  });

  it('tolerates a UTF-8 character cut at the end of the sample', () => {
    const cut = Buffer.from('名称广州').subarray(0, 10);
    expect(detectEncoding(cut)).toMatchObject({ ok: true, encoding: 'utf-8' });
  });

  it('refuses UTF-16 and bytes that are neither, saying what to do', () => {
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x41, 0x00]))).toMatchObject({
      ok: false,
      reason: /UTF-16/,
    });
    expect(detectEncoding(Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a, 0xff, 0x80]))).toMatchObject({
      ok: false,
      reason: /neither UTF-8 nor GBK/,
    });
  });
});

describe('openInput and textLines', () => {
  it('reads a gzipped file by its magic bytes, whatever its name, line by line with line numbers', async () => {
    const path = join(dir, 'lines.txt');
    writeFileSync(path, gzipSync(Buffer.from('one\r\ntwo\n\n广州\nlast')));
    expect(isGzipFile(path)).toBe(true);
    const input = openInput(path);
    const got: [string, number][] = [];
    for await (const { lines, first } of textLines(textChunks(input, 'utf-8')))
      for (const [i, l] of lines.entries()) got.push([l, first + i]);
    expect(got).toEqual([
      ['one', 1],
      ['two', 2],
      ['', 3],
      ['广州', 4],
      ['last', 5],
    ]);
    expect(input.bytesRead()).toBe(input.totalBytes);
    expect((await sampleOf(input)).toString()).toContain('广州');
  });

  it('decodes GBK text as it streams', async () => {
    const path = join(dir, 'gbk.csv');
    writeFileSync(path, gbk('a,广州\nb,天河\n'));
    let text = '';
    for await (const t of textChunks(openInput(path), 'gbk')) text += t;
    expect(text).toBe('a,广州\nb,天河\n');
  });
});
