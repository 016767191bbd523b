import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { TCodebook } from '../modules/indicators/index.ts';
import { usageError, withDeps } from './deps.ts';

// `ecosphere import stats <file.csv>`: long-format statistics (province, year, value, units, variables)
// into the indicator registry. Every row is checked first; with any problem nothing is written.

export const STATS_OPTIONS = {
  codebook: { type: 'string' },
  status: { type: 'string' },
  reason: { type: 'string' },
} as const;

export const STATS_USAGE = `  stats Long-format statistics (province, year, value, units, variables), e.g. the China S&T tables
        in ../shared/data/china-sti; --codebook maps variables to indicators (default: the built-in
        china-sti codebook). Every row is checked first: an unknown province, unit or variable is
        reported with its line and nothing is imported. A rerun changes nothing; a changed value is a
        correction that keeps the old one in the history.`;

export const STATS_OPTION_HELP = `  --codebook <file>  stats: a JSON codebook (variables → indicators and their metadata)
  --status <s>       stats: provisional or final (default final)
  --reason <text>    stats: why the values are (re)stated, kept with each value`;

const num = (n: number) => n.toLocaleString('en-US');

/** Runs `import stats`; returns the exit code (1 when any row has a problem). */
export const runStatsImport = async (values: Record<string, unknown>, file: string): Promise<number> => {
  // Loaded here, not at the top: a directory import does not need the indicators module in memory.
  const { importStatistics, ZCodebook } = await import('../modules/indicators/index.ts');
  const status = (values.status as string | undefined) ?? 'final';
  if (status !== 'final' && status !== 'provisional')
    throw usageError('--status must be provisional or final');
  let codebook: TCodebook | undefined;
  if (values.codebook !== undefined) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(values.codebook as string, 'utf8'));
    } catch (e) {
      process.stderr.write(
        `ecosphere import: cannot read the codebook ${values.codebook}: ${(e as Error).message}\n`,
      );
      return 1;
    }
    const parsed = ZCodebook.safeParse(raw);
    if (!parsed.success) {
      const issues = parsed.error.issues
        .slice(0, 10)
        .map((i) => `  ${i.path.join('.') || '(codebook)'}: ${i.message}`);
      process.stderr.write(
        `ecosphere import: the codebook ${values.codebook} is not valid:\n${issues.join('\n')}\n`,
      );
      return 1;
    }
    codebook = parsed.data;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    process.stderr.write(`ecosphere import: cannot read ${file}: ${(e as Error).message}\n`);
    return 1;
  }
  return withDeps(async (deps) => {
    const dryRun = values['dry-run'] === true;
    const report = await importStatistics(deps, text, {
      codebook,
      via: `import ${basename(file)}`,
      status,
      reason: values.reason as string | undefined,
      dryRun,
    });
    const out = (s: string) => process.stdout.write(`${s}\n`);
    out(`import stats: ${file} (${num(report.rows)} rows)`);
    if (!report.ok) {
      const reportPath = values.report as string | undefined;
      if (reportPath) {
        const cell = (v: string | number) =>
          /[",\r\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v);
        writeFileSync(
          reportPath,
          `line,field,problem\n${report.problems.map((p) => [p.line, p.field, p.problem].map(cell).join(',')).join('\n')}\n`,
        );
      }
      for (const p of report.problems.slice(0, 50))
        out(`line ${String(p.line).padEnd(6)} ${p.field.padEnd(10)} ${p.problem}`);
      if (report.problems.length > 50) out(`… and ${num(report.problems.length - 50)} more`);
      out(
        `refused   ${num(report.problems.length)} problem(s); nothing was imported${reportPath ? ` (all of them in ${reportPath})` : ''}`,
      );
      return 1;
    }
    if (dryRun) out('dry run: checked and counted only, nothing was written to the database');
    out(
      `indicators   inserted ${num(report.indicators.inserted)}, updated ${num(report.indicators.updated)}, unchanged ${num(report.indicators.unchanged)}`,
    );
    out(
      `observations inserted ${num(report.observations.inserted)}, corrected ${num(report.observations.updated)}, unchanged ${num(report.observations.unchanged)}`,
    );
    out(
      `skipped      ${num(report.missing)} without a value, ${num(report.skipped)} of variables the codebook skips, ${num(report.duplicates)} repeated`,
    );
    return 0;
  });
};
