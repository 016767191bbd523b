import { geographyOf } from './indicators.geography.ts';
import type { TIndicator, TObservation } from './indicators.schemas.ts';

// Observations as CSV (RFC 4180, CRLF, UTF-8 with a byte-order mark so spreadsheet programs read the
// Chinese columns right). Values are written with JavaScript's shortest round-trip form, so parsing the
// file gives back exactly the numbers served as JSON.

export const CSV_COLUMNS = [
  'indicator',
  'geography',
  'geography_en',
  'geography_zh',
  'period',
  'period_start',
  'period_end',
  'as_of',
  'breakdown_dimension',
  'breakdown_value',
  'value',
  'unit',
  'qualifier',
  'status',
  'source_en',
  'source_zh',
  'source_url',
  'note_en',
  'note_zh',
  'revision',
] as const;

/**
 * One cell: quoted when it holds a comma, quote or line break; text that a spreadsheet would run as a
 * formula (=, +, -, @ first) gets a leading apostrophe. Numbers are written as they are.
 */
export const csvCell = (v: string | number | null): string => {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

const line = (cells: readonly (string | number | null)[]) => `${cells.map(csvCell).join(',')}\r\n`;

/** The header line, with the byte-order mark. */
export const csvHeader = (): string => `\ufeff${line(CSV_COLUMNS)}`;

/** The CSV lines of some observations of an indicator. */
export const csvLines = (indicator: TIndicator, observations: readonly TObservation[]): string =>
  observations
    .map((o) => {
      const g = geographyOf(o.geography);
      return line([
        indicator.code,
        o.geography,
        g?.name.en ?? null,
        g?.name.zh ?? null,
        o.period,
        o.periodStart,
        o.periodEnd,
        o.asOf,
        o.breakdown?.dimension ?? null,
        o.breakdown?.value ?? null,
        o.value,
        indicator.unit,
        o.qualifier,
        o.status,
        o.source.name.en,
        o.source.name.zh,
        o.source.url,
        o.note.en,
        o.note.zh,
        o.revision,
      ]);
    })
    .join('');
