import type { TExternalId, TRegistryRecordInput } from './directory.record.ts';

// Shapes shared by the import formats and the import pipeline.

export const IMPORT_FORMATS = ['ror', 'moe', 'hipo', 'csv'] as const;
export type TImportFormat = (typeof IMPORT_FORMATS)[number];

/** One thing wrong with one source record, as the validation report lists it. */
export type TProblem = Readonly<{ field: string; problem: string; value?: unknown }>;

/** A source record before mapping: its ordinal in the file (1-based), its line when the format has lines. */
export type TSourceItem = Readonly<{ n: number; line: number | null; raw: unknown }>;

/** What a format makes of one source record. */
export type TMapped =
  | Readonly<{ kind: 'record'; record: TRegistryRecordInput }>
  | Readonly<{ kind: 'problems'; problems: readonly TProblem[] }>
  /** Left out on purpose (e.g. a withdrawn ROR id); `retire` names a record that should stop showing. */
  | Readonly<{ kind: 'skip'; reason: string; retire?: TExternalId }>;

/** A format's reading of one input: its records in batches, and how far into the file it has read. */
export type TSource = Readonly<{
  items: () => AsyncIterable<readonly TSourceItem[]>;
  map: (item: TSourceItem) => TMapped;
  bytesRead: () => number;
  totalBytes: number;
  /** Text encoding the file was read with (for the summary). */
  encoding: string;
}>;

/** The input could not be read at all (not a record-level problem): the message says why. */
export class ImportInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportInputError';
  }
}

/** A short excerpt of a value for the report: text cut to `max` characters, others as JSON. */
export const excerpt = (value: unknown, max = 80): string => {
  if (value === undefined) return '';
  const s = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
};
