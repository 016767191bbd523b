import { readFileSync } from 'node:fs';
import { CsvUnterminatedError, csvRows } from '../../platform/csv-stream.ts';
import {
  detectEncoding,
  openInput,
  sampleOf,
  type TEncoding,
  type TInput,
  textChunks,
  textLines,
} from '../../platform/text-input.ts';
import { csvMapper, type TCsvMapping } from './directory.import.csv.ts';
import {
  hipoCountry,
  hipoItems,
  hipoRecord,
  moeItems,
  moeRecord,
  moeWebsites,
} from './directory.import.lists.ts';
import { rorRecord } from './directory.import.ror.ts';
import {
  ImportInputError,
  type TImportFormat,
  type TMapped,
  type TSource,
  type TSourceItem,
} from './directory.import.types.ts';

// Each format's reading of its file: JSONL and CSV stream a chunk at a time; the two university lists are
// small JSON documents read whole.

export type TSourceOptions = Readonly<{
  /** Hipo: keep only this ISO country. */
  country?: string | undefined;
  /** MoE: the companion file of official websites. */
  websites?: string | undefined;
  /** CSV: the column mapping, already checked. */
  mapping?: TCsvMapping | undefined;
  /** CSV: force an encoding instead of detecting it. */
  encoding?: TEncoding | undefined;
}>;

const PER_STEP = 1000;

/** The text encoding of an input: forced, or detected from a sample; refused with a reason. */
const encodingOf = async (input: TInput, forced: TEncoding | undefined): Promise<TEncoding> => {
  if (forced) return forced;
  const found = detectEncoding(await sampleOf(input));
  if (!found.ok) throw new ImportInputError(`cannot read ${input.path}: ${found.reason}`);
  return found.encoding;
};

/** A whole (small) JSON document, gzipped or not. */
const readJson = async (input: TInput): Promise<unknown> => {
  const parts: string[] = [];
  for await (const t of textChunks(input, 'utf-8')) parts.push(t);
  try {
    return JSON.parse(parts.join(''));
  } catch (e) {
    throw new ImportInputError(`${input.path} is not valid JSON: ${(e as Error).message}`);
  }
};

/** Items of an in-memory list in steps, with progress as the share of items handed out. */
const listSource = <T>(
  input: TInput,
  list: readonly T[],
  map: (item: TSourceItem) => TMapped,
  encoding = 'utf-8',
): TSource => {
  let handed = 0;
  return {
    totalBytes: input.totalBytes,
    bytesRead: () =>
      list.length === 0 ? input.totalBytes : Math.round((input.totalBytes * handed) / list.length),
    encoding,
    map,
    items: async function* () {
      for (let i = 0; i < list.length; i += PER_STEP) {
        const step = list.slice(i, i + PER_STEP).map((raw, j) => ({ n: i + j + 1, line: null, raw }));
        handed = i + step.length;
        yield step;
      }
    },
  };
};

const rorSource = async (input: TInput): Promise<TSource> => {
  const found = detectEncoding(await sampleOf(input));
  if (!found.ok || found.encoding !== 'utf-8')
    throw new ImportInputError(`cannot read ${input.path}: JSON lines must be UTF-8 text`);
  return {
    totalBytes: input.totalBytes,
    bytesRead: input.bytesRead,
    encoding: 'utf-8',
    items: async function* () {
      let n = 0;
      for await (const { lines, first } of textLines(textChunks(input, 'utf-8'))) {
        const step: TSourceItem[] = [];
        for (let i = 0; i < lines.length; i++) {
          const text = lines[i] as string;
          // Blank lines are not records (and do not count).
          if (text.trim() === '') continue;
          step.push({ n: ++n, line: first + i, raw: text });
        }
        if (step.length > 0) yield step;
      }
    },
    map: (item) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(item.raw as string);
      } catch (e) {
        return {
          kind: 'problems',
          problems: [
            { field: '(line)', problem: `malformed JSON: ${(e as Error).message}`, value: item.raw },
          ],
        };
      }
      return rorRecord(parsed);
    },
  };
};

const csvSource = async (input: TInput, opts: TSourceOptions): Promise<TSource> => {
  const mapping = opts.mapping;
  if (!mapping) throw new ImportInputError('csv needs --mapping <file> (which column feeds which field)');
  const encoding = await encodingOf(input, opts.encoding);
  let mapRow: ((row: string[]) => TMapped) | undefined;
  return {
    totalBytes: input.totalBytes,
    bytesRead: input.bytesRead,
    encoding,
    items: async function* () {
      let n = 0;
      try {
        for await (const rows of csvRows(textChunks(input, encoding))) {
          let start = 0;
          if (!mapRow) {
            mapRow = csvMapper(mapping, (rows[0] as { fields: string[] }).fields);
            start = 1;
          }
          const step: TSourceItem[] = [];
          for (let i = start; i < rows.length; i++) {
            const r = rows[i] as { fields: string[]; line: number };
            step.push({ n: ++n, line: r.line, raw: r.fields });
          }
          if (step.length > 0) yield step;
        }
      } catch (e) {
        if (!(e instanceof CsvUnterminatedError)) throw e;
        // The rest of the file is one broken field: report it as the last record.
        yield [{ n: ++n, line: e.line, raw: e }];
      }
      if (!mapRow) throw new ImportInputError(`${input.path} is empty: expected a header row`);
    },
    map: (item) =>
      item.raw instanceof CsvUnterminatedError
        ? {
            kind: 'problems',
            problems: [{ field: '(row)', problem: `${item.raw.message}; the rest of the file was not read` }],
          }
        : (mapRow as (row: string[]) => TMapped)(item.raw as string[]),
  };
};

/** Opens a file in one of the import formats; throws ImportInputError when it cannot be read at all. */
export const openSource = async (
  format: TImportFormat,
  path: string,
  opts: TSourceOptions,
): Promise<TSource> => {
  let input: TInput;
  try {
    input = openInput(path);
  } catch (e) {
    throw new ImportInputError(`cannot read ${path}: ${(e as Error).message}`);
  }
  switch (format) {
    case 'ror':
      return rorSource(input);
    case 'csv':
      return csvSource(input, opts);
    case 'moe': {
      let websites = new Map<string, string>();
      if (opts.websites) {
        try {
          websites = moeWebsites(JSON.parse(readFileSync(opts.websites, 'utf8')));
        } catch (e) {
          throw new ImportInputError(
            `cannot read the websites file ${opts.websites}: ${(e as Error).message}`,
          );
        }
      }
      let items: ReturnType<typeof moeItems>;
      try {
        items = moeItems(await readJson(input));
      } catch (e) {
        if (e instanceof ImportInputError) throw e;
        throw new ImportInputError(`${path}: ${(e as Error).message}`);
      }
      return listSource(input, items, (item) => moeRecord(item.raw as (typeof items)[number], websites));
    }
    case 'hipo': {
      let items: unknown[];
      try {
        items = hipoItems(await readJson(input));
      } catch (e) {
        if (e instanceof ImportInputError) throw e;
        throw new ImportInputError(`${path}: ${(e as Error).message}`);
      }
      const country = opts.country?.toUpperCase();
      return listSource(input, items, (item) =>
        country && hipoCountry(item.raw) !== country
          ? { kind: 'skip', reason: `not in ${country}` }
          : hipoRecord(item.raw),
      );
    }
  }
};
