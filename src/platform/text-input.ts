import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';

// Reading big input files a piece at a time: gzip detected by its magic bytes, the text encoding detected
// from a sample (UTF-8 with or without BOM, else GBK/GB18030), lines and chunks streamed, and the bytes of
// the file consumed so far for a progress bar. Nothing here holds a whole file in memory.

export type TEncoding = 'utf-8' | 'gbk' | 'gb18030';
export const ENCODINGS: readonly TEncoding[] = ['utf-8', 'gbk', 'gb18030'];

/** An input file opened for streaming. `bytesRead()` counts bytes of the file itself (compressed). */
export type TInput = Readonly<{
  path: string;
  isGzip: boolean;
  totalBytes: number;
  bytesRead: () => number;
  chunks: () => AsyncIterable<Buffer>;
}>;

const CHUNK = 1 << 20;

/** True when the file starts with the gzip magic bytes 1f 8b. */
export const isGzipFile = (path: string): boolean => {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(2);
    return readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
};

/** Opens a file for one streaming pass; gzipped files are inflated on the fly. */
export const openInput = (path: string): TInput => {
  const totalBytes = statSync(path).size;
  const isGzip = isGzipFile(path);
  let read = 0;
  return Object.freeze({
    path,
    isGzip,
    totalBytes,
    bytesRead: () => read,
    chunks: () => {
      const file = createReadStream(path, { highWaterMark: CHUNK });
      file.on('data', (b) => {
        read += b.length;
      });
      return (isGzip ? file.pipe(createGunzip({ chunkSize: CHUNK })) : file) as AsyncIterable<Buffer>;
    },
  });
};

/** SHA-256 of a file's bytes (as stored, compressed or not), read in chunks. */
export const sha256File = async (path: string): Promise<string> => {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK })) hash.update(chunk as Buffer);
  return hash.digest('hex');
};

/** The first `max` bytes of the (inflated) input, to detect its encoding. */
export const sampleOf = async (input: TInput, max = 256 * 1024): Promise<Buffer> => {
  const parts: Buffer[] = [];
  let size = 0;
  const file = createReadStream(input.path, { highWaterMark: 64 * 1024 });
  const stream = input.isGzip ? file.pipe(createGunzip()) : file;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      parts.push(chunk);
      size += chunk.length;
      if (size >= max) break;
    }
  } finally {
    file.destroy();
    stream.destroy();
  }
  return Buffer.concat(parts).subarray(0, max);
};

const decodes = (encoding: string, sample: Buffer): string | null => {
  try {
    // stream: true tolerates a character cut in two at the end of the sample.
    return new TextDecoder(encoding, { fatal: true }).decode(sample, { stream: true });
  } catch {
    return null;
  }
};

const CJK = /[\u3400-\u9fff]/;

export type TDetected =
  | Readonly<{ ok: true; encoding: TEncoding; bom: boolean }>
  | Readonly<{ ok: false; reason: string }>;

/**
 * Guesses the encoding from a sample: a UTF-8 BOM or valid UTF-8 → utf-8; otherwise text that decodes as
 * GB18030 (a superset of GBK) and contains Chinese characters → gbk. Anything else is refused with a
 * reason naming what the bytes are not (UTF-16 is recognised by its BOM).
 */
export const detectEncoding = (sample: Buffer): TDetected => {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf)
    return { ok: true, encoding: 'utf-8', bom: true };
  if ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff))
    return {
      ok: false,
      reason: 'the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8',
    };
  if (decodes('utf-8', sample) !== null) return { ok: true, encoding: 'utf-8', bom: false };
  const gb = decodes('gb18030', sample);
  if (gb !== null && CJK.test(gb)) return { ok: true, encoding: 'gbk', bom: false };
  return {
    ok: false,
    reason: 'the file is neither UTF-8 nor GBK/GB18030 text; convert it to UTF-8 or pass --encoding',
  };
};

/** The input decoded as text, chunk by chunk (a BOM dropped; bad bytes become U+FFFD). */
export async function* textChunks(input: TInput, encoding: TEncoding): AsyncGenerator<string> {
  // GBK files are decoded with GB18030, its superset: every GBK byte sequence means the same there.
  const decoder = new TextDecoder(encoding === 'gbk' ? 'gb18030' : encoding, { ignoreBOM: false });
  for await (const chunk of input.chunks()) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/**
 * Lines of the text (LF or CRLF), a chunk's worth at a time (fewer awaits than one per line); `first` is the
 * 1-based number of the first line in `lines`. A last line without LF counts.
 */
export async function* textLines(
  chunks: AsyncIterable<string>,
): AsyncGenerator<Readonly<{ lines: string[]; first: number }>> {
  let carry = '';
  let next = 1;
  for await (const chunk of chunks) {
    const text = carry + chunk;
    const lines: string[] = [];
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      lines.push(text.slice(start, end));
      start = nl + 1;
    }
    carry = text.slice(start);
    if (lines.length > 0) {
      yield { lines, first: next };
      next += lines.length;
    }
  }
  if (carry !== '') yield { lines: [carry.endsWith('\r') ? carry.slice(0, -1) : carry], first: next };
}
