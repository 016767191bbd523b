import {
  IMPORT_FORMATS,
  ImportInputError,
  importFile,
  reindexDirectory,
  type TImportFormat,
} from '../modules/directory/index.ts';
import { ENCODINGS, type TEncoding } from '../platform/text-input.ts';
import { usageError, withDeps } from './deps.ts';
import { runStatsImport, STATS_OPTION_HELP, STATS_OPTIONS, STATS_USAGE } from './import-stats.ts';
import { createProgress, num, summaryLines } from './progress.ts';

// `ecosphere import <format> <file>` and `ecosphere directory reindex`: their command lines (progress.ts
// draws the progress and the summary).

export const IMPORT_USAGE = `Usage: ecosphere import <format> <file> [options]

Imports organisations into the directory (or, with stats, statistics into the indicators). Formats:
  ror   Research Organization Registry JSON lines (schema v1 and v2, gzipped or not)
  moe   Ministry of Education list of universities (JSON by province); --websites adds websites
  hipo  Hipo world universities list (JSON); --country keeps one country
  csv   Any CSV with a column-mapping file (--mapping); UTF-8 (with or without BOM) or GBK
${STATS_USAGE}

Records are matched by their external ids (ROR id, MoE name, domain, CSV id column): a second import
of the same file changes nothing. Each batch commits whole together with the run's progress; if the
import stops (even kill -9), running the same command again continues after the last committed batch.
Bad records are listed in a CSV report (record, line, field, problem, value) and the rest imported.

Options:
  --dry-run          Validate and write the report only; nothing goes into the database
  --report <path>    Where the validation report goes (default DATA_DIR/imports/…)
  --batch-size <n>   Records per transaction (default 1000; 5000 in a bulk load)
  --bulk             Load in bulk: drop the directory's search indexes while writing, rebuild them at
                     the end (default: when the import will write 20,000+ records and at least as many
                     as the directory holds; searches miss the new records until the import ends)
  --no-bulk          Never load in bulk
  --mapping <file>   csv: JSON mapping of record fields to columns (see README)
  --encoding <enc>   csv: ${ENCODINGS.join(', ')} (default: detected)
  --websites <file>  moe: the companion file of official websites
  --country <CC>     hipo: keep only this ISO country code, e.g. CN
  --no-duplicates    Do not look for duplicate suggestions afterwards
${STATS_OPTION_HELP}
  -h, --help         Show this help`;

export const importCommand = {
  summary: 'Import organisations into the directory.',
  usage: IMPORT_USAGE,
  positionals: 2,
  options: {
    'dry-run': { type: 'boolean' },
    report: { type: 'string' },
    'batch-size': { type: 'string' },
    mapping: { type: 'string' },
    encoding: { type: 'string' },
    websites: { type: 'string' },
    country: { type: 'string' },
    'no-duplicates': { type: 'boolean' },
    bulk: { type: 'boolean' },
    'no-bulk': { type: 'boolean' },
    ...STATS_OPTIONS,
  } as const,
  run: async (values: Record<string, unknown>, positionals: string[]): Promise<number> => {
    const [format, file] = positionals;
    if (!format || !file) throw usageError('expected <format> <file>');
    if (format === 'stats') return runStatsImport(values, file);
    if (!(IMPORT_FORMATS as readonly string[]).includes(format))
      throw usageError(`unknown format "${format}" (expected ${[...IMPORT_FORMATS, 'stats'].join(', ')})`);
    const batch = values['batch-size'] === undefined ? undefined : Number(values['batch-size']);
    if (batch !== undefined && (!Number.isInteger(batch) || batch < 1 || batch > 100_000))
      throw usageError('--batch-size must be a whole number from 1 to 100000');
    if (values.bulk === true && values['no-bulk'] === true)
      throw usageError('--bulk and --no-bulk cannot go together');
    const bulk = values.bulk === true ? 'on' : values['no-bulk'] === true ? 'off' : 'auto';
    const encoding = values.encoding as string | undefined;
    if (encoding !== undefined && !(ENCODINGS as readonly string[]).includes(encoding.toLowerCase()))
      throw usageError(`--encoding must be one of ${ENCODINGS.join(', ')}`);
    const country = values.country as string | undefined;
    if (country !== undefined && !/^[A-Za-z]{2}$/.test(country))
      throw usageError('--country must be a two-letter ISO code, e.g. CN');
    if (format === 'csv' && !values.mapping) throw usageError('csv needs --mapping <file>');
    const isTty = process.stdout.isTTY === true;
    const progress = createProgress(isTty, (s) => process.stdout.write(s));
    try {
      const summary = await withDeps((deps) =>
        importFile(deps, {
          format: format as TImportFormat,
          file,
          dryRun: values['dry-run'] === true,
          reportPath: values.report as string | undefined,
          batchSize: batch,
          bulk,
          mappingFile: values.mapping as string | undefined,
          encoding: encoding?.toLowerCase() as TEncoding | undefined,
          websites: values.websites as string | undefined,
          country,
          duplicates: values['no-duplicates'] !== true,
          onProgress: progress.update,
        }),
      );
      progress.end();
      for (const line of summaryLines(summary, format, file)) process.stdout.write(`${line}\n`);
      return 0;
    } catch (e) {
      progress.end();
      if (e instanceof ImportInputError) {
        process.stderr.write(`ecosphere import: ${e.message}\n`);
        return 1;
      }
      throw e;
    }
  },
};

export const DIRECTORY_USAGE = `Usage: ecosphere directory reindex [--batch-size <n>]

Recomputes every directory record's search tokens and name keys, in batches (run it after the
tokenizer, its dictionary or the name keys change, or after upgrading from a version without them).
Only records whose values change are written.

Options:
  --batch-size <n>  Records per transaction (default 1000)
  -h, --help        Show this help`;

export const directoryCommand = {
  summary: 'Directory maintenance (reindex).',
  usage: DIRECTORY_USAGE,
  subcommands: ['reindex'] as const,
  options: { 'batch-size': { type: 'string' } } as const,
  run: async (values: Record<string, unknown>): Promise<number> => {
    const batch = values['batch-size'] === undefined ? 1000 : Number(values['batch-size']);
    if (!Number.isInteger(batch) || batch < 1 || batch > 100_000)
      throw usageError('--batch-size must be a whole number from 1 to 100000');
    const started = Date.now();
    const r = await withDeps((deps) => reindexDirectory(deps, { batchSize: batch }));
    if (r.restored)
      process.stdout.write('restored the search indexes an interrupted bulk import had dropped\n');
    process.stdout.write(
      `reindexed ${num(r.scanned)} record(s) in ${((Date.now() - started) / 1000).toFixed(1)} s: ${num(r.changed)} changed\n`,
    );
    return 0;
  },
};
