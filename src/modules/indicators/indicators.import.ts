import { writeAudit } from '../../platform/audit.ts';
import { parseCsv } from '../../platform/csv.ts';
import { nowIso } from '../../platform/db/schema.ts';
import type { TDeps } from '../../platform/deps.ts';
import { CHINA_STI_CODEBOOK, type TCodebook } from './indicators.codebook.ts';
import { convertUnit, parsePeriod, type TStatus, UNIT_ALIASES, UNITS } from './indicators.codes.ts';
import { normalizeGeography } from './indicators.geography.ts';
import { loadBatch, type TCounts } from './indicators.load.ts';
import type { TIndicatorMeta } from './indicators.schemas.ts';
import { keyOf, type TObservationWrite } from './indicators.series.repo.ts';

// Imported statistics: long-format tables (province, year, value, units, variables — the layout of the
// China S&T statistics in ../shared/data/china-sti) checked row by row against the codebook, the
// geographies and the units. Any problem: every problem is reported and nothing is written. Otherwise
// one transaction writes it all; a rerun of the same file changes nothing.

/** A row the import refused: its line in the file (the header is line 1), the column, and why. */
export type TImportProblem = Readonly<{ line: number; field: string; problem: string }>;

export type TImportReport =
  | Readonly<{ ok: false; rows: number; problems: readonly TImportProblem[] }>
  | Readonly<{
      ok: true;
      rows: number;
      /** Rows with no value (NA, empty, -) and rows of variables the codebook skips on purpose. */
      missing: number;
      skipped: number;
      /** Rows repeating another row exactly. */
      duplicates: number;
      indicators: TCounts;
      observations: TCounts;
    }>;

export type TImportOptions = Readonly<{
  codebook?: TCodebook;
  /** How the rows came in, kept with every value written: "import RDActivity.csv", "demo data". */
  via: string;
  status?: TStatus;
  /** Why the values are (re)stated, kept with every value written or corrected. */
  reason?: string;
  actorId?: number | null;
  /** Check and count everything, write nothing (the transaction is rolled back). */
  dryRun?: boolean;
}>;

/** Thrown inside the transaction of a dry run so that it rolls back. */
class DryRun extends Error {
  constructor(readonly result: Awaited<ReturnType<typeof loadBatch>>) {
    super('dry run');
  }
}

const COLUMNS = {
  geography: ['province', 'geography', 'region'],
  period: ['year', 'period'],
  value: ['value'],
  unit: ['units', 'unit'],
  variable: ['variables', 'variable'],
} as const;

const MISSING = new Set(['', 'na', 'n/a', 'nan', 'null', '-', '—', '–', '…', '...', '..']);
const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
const GROUPED = /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/** A cell as a number: undefined when the cell says "no value", NaN when it is not a number. */
const parseValue = (cell: string): number | undefined => {
  const s = cell.normalize('NFKC').trim();
  if (MISSING.has(s.toLowerCase())) return undefined;
  if (GROUPED.test(s)) return Number(s.replace(/,/g, ''));
  return NUMBER.test(s) ? Number(s) : Number.NaN;
};

const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

/**
 * Checks every row of a long-format table and, when all are good, writes them in one transaction.
 * Returns the problems (nothing written) or what was inserted, corrected and left unchanged.
 */
export const importStatistics = async (
  deps: TDeps,
  text: string,
  opts: TImportOptions,
): Promise<TImportReport> => {
  const book = opts.codebook ?? CHINA_STI_CODEBOOK;
  const metas = new Map<string, TIndicatorMeta>(book.indicators.map((m) => [m.code, m]));
  const problems: TImportProblem[] = [];
  let table: string[][];
  try {
    table = parseCsv(text);
  } catch (e) {
    return { ok: false, rows: 0, problems: [{ line: 1, field: '(file)', problem: (e as Error).message }] };
  }
  const [header = [], ...records] = table;
  const names = header.map((h) => h.normalize('NFKC').trim().toLowerCase());
  const col = {} as Record<keyof typeof COLUMNS, number>;
  for (const [field, options] of Object.entries(COLUMNS) as [keyof typeof COLUMNS, readonly string[]][]) {
    const at = names.findIndex((n) => options.includes(n));
    if (at < 0) problems.push({ line: 1, field, problem: `no column named ${options.join(' or ')}` });
    col[field] = at;
  }
  if (problems.length > 0) return { ok: false, rows: records.length, problems };

  const byIndicator = new Map<string, TObservationWrite[]>();
  const seen = new Map<string, { line: number; value: number }>();
  let missing = 0;
  let skipped = 0;
  let duplicates = 0;
  records.forEach((cells, i) => {
    const line = i + 2;
    const cell = (field: keyof typeof COLUMNS) => cells[col[field]] ?? '';
    const rowProblems: TImportProblem[] = [];
    const refuse = (field: string, problem: string) => rowProblems.push({ line, field, problem });

    const variable = cell('variable').trim();
    const target = book.variables[variable];
    if (target && 'skip' in target) {
      skipped++;
      return;
    }
    const value = parseValue(cell('value'));
    if (!target)
      refuse(header[col.variable] ?? 'variables', `"${clip(variable)}" is not in the codebook ${book.name}`);
    const meta = target ? metas.get(target.indicator) : undefined;
    const geography = normalizeGeography(cell('geography'));
    if (!geography)
      refuse(
        header[col.geography] ?? 'province',
        `"${clip(cell('geography'))}" is not a known province or geography`,
      );
    const period = parsePeriod(cell('period'));
    if (!period) refuse(header[col.period] ?? 'year', `"${clip(cell('period'))}" is not a year or period`);
    const rawUnit = cell('unit').normalize('NFKC').trim();
    const unit = UNIT_ALIASES[rawUnit];
    if (!unit) refuse(header[col.unit] ?? 'units', `"${clip(rawUnit)}" is not a known unit`);
    if (value !== undefined && Number.isNaN(value))
      refuse(header[col.value] ?? 'value', `"${clip(cell('value'))}" is not a number`);
    let converted = value;
    if (meta && unit && value !== undefined && !Number.isNaN(value)) {
      converted = convertUnit(value, unit, meta.unit);
      if (converted === undefined)
        refuse(
          header[col.unit] ?? 'units',
          `"${rawUnit}" does not match the unit of ${meta.code} (${meta.unit}) and cannot be converted to it`,
        );
      else if (converted < 0 && UNITS[meta.unit].kind !== 'percent')
        refuse(header[col.value] ?? 'value', `${value} is negative; ${meta.code} cannot be`);
    }
    if (rowProblems.length > 0) {
      problems.push(...rowProblems);
      return;
    }
    if (converted === undefined) {
      missing++;
      return;
    }
    if (!meta || !geography || !period || !target || !('indicator' in target)) return;
    const w: TObservationWrite = {
      geography,
      period: period.period,
      periodKind: period.kind,
      periodStart: period.start,
      periodEnd: period.end,
      breakdownDim: target.breakdown?.dimension ?? '',
      breakdownValue: target.breakdown?.value ?? '',
      as_of: period.end,
      basis: null,
      value: converted,
      qualifier: null,
      status: opts.status ?? 'final',
      source_name_en: null,
      source_name_zh: null,
      source_url: null,
      note_en: null,
      note_zh: null,
    };
    const key = `${meta.code}|${keyOf(w)}`;
    const earlier = seen.get(key);
    if (earlier) {
      if (earlier.value === converted) duplicates++;
      else
        problems.push({
          line,
          field: header[col.value] ?? 'value',
          problem: `${converted} conflicts with line ${earlier.line} (${earlier.value}) for the same indicator, geography, period and breakdown`,
        });
      return;
    }
    seen.set(key, { line, value: converted });
    const list = byIndicator.get(meta.code);
    if (list) list.push(w);
    else byIndicator.set(meta.code, [w]);
  });
  if (problems.length > 0) return { ok: false, rows: records.length, problems };

  const items = [...byIndicator].map(([code, observations]) => ({
    meta: metas.get(code) as TIndicatorMeta,
    observations,
  }));
  const now = nowIso();
  const write = () =>
    deps.db.transaction().execute(async (trx) => {
      const r = await loadBatch(trx, items, {
        by: opts.actorId ?? null,
        via: opts.via.slice(0, 200),
        reason: opts.reason ?? null,
        now,
      });
      if (opts.dryRun) throw new DryRun(r);
      if (r.changedCodes.length > 0 || r.indicators.inserted + r.indicators.updated > 0) {
        await writeAudit(trx, {
          actorId: opts.actorId ?? null,
          action: 'import:statistics',
          subjectType: 'indicator-import',
          subjectId: null,
          after: { via: opts.via, codebook: book.name, rows: records.length, ...r },
        });
      }
      return r;
    });
  const result = await write().catch((e: unknown) => {
    if (e instanceof DryRun) return e.result;
    throw e;
  });
  if (
    (!opts.dryRun && result.changedCodes.length > 0) ||
    result.indicators.inserted + result.indicators.updated > 0
  )
    deps.pages.clear();
  return {
    ok: true,
    rows: records.length,
    missing,
    skipped,
    duplicates,
    indicators: result.indicators,
    observations: result.observations,
  };
};
