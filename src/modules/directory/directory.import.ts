import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { nowIso } from '../../platform/db/schema.ts';
import type { TDeps } from '../../platform/deps.ts';
import { sha256File, type TEncoding } from '../../platform/text-input.ts';
import { beginBulkLoad, bulkLoadPending, endBulkLoad, registrySize } from './directory.bulk.repo.ts';
import { findDuplicates } from './directory.duplicates.ts';
import { parseCsvMapping } from './directory.import.csv.ts';
import * as runs from './directory.import.repo.ts';
import { openReport } from './directory.import.report.ts';
import { openSource } from './directory.import.sources.ts';
import { ImportInputError, type TImportFormat, type TSourceItem } from './directory.import.types.ts';
import { type TExternalId, type TRegistryRecord, ZRegistryRecord } from './directory.record.ts';
import { currentSeq, upsertBatch } from './directory.registry.repo.ts';

// The import pipeline: read a file a batch at a time, map and validate each record, write each batch with
// upsertBatch in one transaction together with the run's counters, and report every bad record to a CSV
// file. A rerun of the same file with the same options resumes after the last committed batch.

export type TImportOptions = Readonly<{
  format: TImportFormat;
  file: string;
  dryRun?: boolean;
  /** Where the validation report goes; default `<DATA_DIR>/imports/<format>-<file>-<time>.csv`. */
  reportPath?: string | undefined;
  /** Source records per transaction (default 1,000; 5,000 in a bulk load). */
  batchSize?: number | undefined;
  /**
   * Bulk load (ADR 0012): drop the registry's secondary indexes and full-text triggers while writing and
   * rebuild them once at the end. 'auto' (default) does so when the file holds at least 20,000 records
   * and at least as many as the registry already has, as estimated from the share of the file read.
   * A pending load (one killed half-way) is continued and ended whatever this says, except 'off', which
   * ends it first.
   */
  bulk?: 'auto' | 'on' | 'off' | undefined;
  country?: string | undefined;
  websites?: string | undefined;
  mappingFile?: string | undefined;
  encoding?: TEncoding | undefined;
  /** Look for duplicate suggestions afterwards (default true). */
  duplicates?: boolean;
  onProgress?: (p: TImportProgress) => void;
}>;

export type TImportCounts = {
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: number;
  failed: number;
};

export type TImportProgress = Readonly<
  TImportCounts & { bytesRead: number; totalBytes: number; elapsedMs: number; resumedAfter: number }
>;

export type TImportSummary = Readonly<
  TImportCounts & {
    runId: number | null;
    dryRun: boolean;
    /** Records an earlier, interrupted run had committed (0 for a fresh run). */
    resumedAfter: number;
    /** Records this process read (after the resumed part). */
    readNow: number;
    retired: number;
    duplicates: number;
    /**
     * Seconds reading, checking and writing the records, rebuilding the indexes after a bulk load
     * included (hashing the file and looking for duplicates excluded).
     */
    seconds: number;
    /** Whether this run loaded in bulk, and the seconds its index rebuild took (part of `seconds`). */
    bulk: boolean;
    rebuildSeconds: number;
    rowsPerSecond: number;
    duplicateSeconds: number;
    reportPath: string;
    problems: number;
    encoding: string;
  }
>;

const defaultReportPath = (deps: TDeps, format: string, file: string) =>
  join(
    deps.config.dataDir,
    'imports',
    `${format}-${basename(file).replace(/[^A-Za-z0-9._-]+/g, '_')}-${nowIso().replace(/[:.]/g, '-')}.csv`,
  );

const idKey = (e: TExternalId) => `${e.scheme}\u0000${e.value}`;

/** The fewest records an import must write for 'auto' to load in bulk: below it, rebuilding costs more. */
export const BULK_MIN_RECORDS = 20_000;

/**
 * 'auto''s decision after a batch committed row by row: 'start' when the records the file will write
 * (inserted or changed) — estimated from the share of the file read and the share of its records written
 * so far — reach BULK_MIN_RECORDS and the registry's size (the rebuild then reads at most twice what the
 * import writes); 'off' when they do not and half the file is read; else wait for the next batch. The
 * reader runs ahead of the records handed out, so the estimate is a lower bound.
 */
export const bulkDecision = (f: {
  bytesRead: number;
  totalBytes: number;
  /** Records read so far, an interrupted run's included. */
  read: number;
  /** Of the records read in this process, the share inserted or changed. */
  writtenShare: number;
  registryRows: number;
}): 'start' | 'off' | 'wait' => {
  const share = f.bytesRead / Math.max(1, f.totalBytes);
  const estimate = share > 0 ? (f.read / share) * f.writtenShare : 0;
  if (estimate >= BULK_MIN_RECORDS && estimate >= f.registryRows) return 'start';
  return share >= 0.5 ? 'off' : 'wait';
};

/** Imports one file into the directory; see the module comment. Throws ImportInputError for unreadable input. */
export const importFile = async (deps: TDeps, opts: TImportOptions): Promise<TImportSummary> => {
  const file = resolve(opts.file);
  if (!existsSync(file)) throw new ImportInputError(`cannot read ${opts.file}: no such file`);
  const dryRun = opts.dryRun === true;
  const bulkMode = opts.bulk ?? 'auto';

  let mappingText: string | undefined;
  let mapping: ReturnType<typeof parseCsvMapping> | undefined;
  if (opts.mappingFile) {
    try {
      mappingText = readFileSync(opts.mappingFile, 'utf8');
    } catch (e) {
      throw new ImportInputError(`cannot read the mapping file ${opts.mappingFile}: ${(e as Error).message}`);
    }
    let doc: unknown;
    try {
      doc = JSON.parse(mappingText);
    } catch (e) {
      throw new ImportInputError(`the mapping file is not valid JSON: ${(e as Error).message}`);
    }
    mapping = parseCsvMapping(doc);
  }
  const source = await openSource(opts.format, file, {
    country: opts.country,
    websites: opts.websites,
    mapping,
    encoding: opts.encoding,
  });

  // The run: resumed when this file with these options was interrupted before.
  let run: runs.TImportRun | undefined;
  if (!dryRun) {
    const fileHash = await sha256File(file);
    const optionsHash = createHash('sha256')
      .update(
        JSON.stringify({
          format: opts.format,
          country: opts.country?.toUpperCase() ?? null,
          websites: opts.websites ? await sha256File(opts.websites) : null,
          mapping: mappingText ?? null,
          encoding: opts.encoding ?? null,
        }),
      )
      .digest('hex');
    run = await runs.findUnfinishedRun(deps.db, { format: opts.format, fileHash, optionsHash });
    if (!run) {
      run = await runs.createRun(deps.db, {
        format: opts.format,
        fileName: file,
        fileHash,
        optionsHash,
        reportPath: resolve(opts.reportPath ?? defaultReportPath(deps, opts.format, file)),
        startSeq: await currentSeq(deps.db),
        now: nowIso(),
      });
    }
  }
  const resumedAfter = run?.recordsDone ?? 0;
  const reportPath = resolve(
    opts.reportPath ?? run?.reportPath ?? defaultReportPath(deps, opts.format, file),
  );
  const report = openReport(reportPath, run?.reportPath ?? null, resumedAfter);

  const counts: TImportCounts = { read: 0, inserted: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0 };
  let retired = 0;
  // A record's first external id is its key in its source; the same key twice is an error of the file
  // (other ids may be shared: registries give a parent and its child one ISNI). Within a batch a set
  // catches it; across batches the database does (a key whose record this run already touched), so
  // memory stays flat. A dry run writes nothing, so it keeps every key in memory instead.
  const seenInDryRun = new Set<string>();
  let batchKeys = new Set<string>();
  let batch: { record: TRegistryRecord; item: TSourceItem }[] = [];
  let retire: TExternalId[] = [];
  let delta = { records: 0, skipped: 0, failed: 0 };
  const duplicateKey = (item: TSourceItem, key: TExternalId) =>
    report.add(item, {
      field: `externalIds.${key.scheme}`,
      problem: 'the same id appears earlier in the file; this record was left out',
      value: key.value,
    });

  const progress = () =>
    opts.onProgress?.({
      ...counts,
      bytesRead: source.bytesRead(),
      totalBytes: source.totalBytes,
      elapsedMs: Date.now() - loopStarted,
      resumedAfter,
    });

  const commit = async () => {
    if (delta.records === 0) return;
    const outcome = { inserted: 0, updated: 0, unchanged: 0 };
    if (run) {
      const current = run;
      const entries = batch;
      const toRetire = retire;
      const d = { ...delta };
      const now = nowIso();
      // The load begins in a transaction of its own: on PostgreSQL dropping an index locks the table, and
      // that lock should not last a whole batch.
      if (bulk === 'start') {
        await deps.db.transaction().execute(beginBulkLoad);
        bulk = 'on';
      }
      await deps.db.transaction().execute(async (trx) => {
        const keys = entries.map((e) => e.record.externalIds[0]).filter((k): k is TExternalId => !!k);
        const again = await runs.keysTouchedSince(trx, keys, current.startedAt);
        const records: TRegistryRecord[] = [];
        for (const e of entries) {
          const key = e.record.externalIds[0];
          if (key && again.has(idKey(key))) {
            duplicateKey(e.item, key);
            d.failed++;
          } else records.push(e.record);
        }
        // The report rows go out before the batch commits: a crash in between leaves rows that the
        // resumed run drops again (openReport), never a committed batch without its rows.
        report.flush();
        for (const o of await upsertBatch(trx, records, { now, onlyOwn: true, matchBy: 'first' }))
          outcome[o.outcome]++;
        // The format names its source kind (ror, moe, hipo, csv).
        retired += await runs.retireByExternalId(trx, toRetire, opts.format, now);
        await runs.addToRun(trx, current.id, { ...d, ...outcome }, now);
      });
      counts.failed += d.failed - delta.failed;
    } else report.flush();
    counts.inserted += outcome.inserted;
    counts.updated += outcome.updated;
    counts.unchanged += outcome.unchanged;
    batch = [];
    batchKeys = new Set();
    retire = [];
    delta = { records: 0, skipped: 0, failed: 0 };
    progress();
  };

  // Bulk load: 'on' while one is under way (this run's or an interrupted one's, which this run continues
  // and ends), 'start' when the next commit begins one, 'decide' while batches are committed one by one
  // until the file's size is clear.
  let bulk: 'off' | 'decide' | 'start' | 'on' = 'off';
  if (run) {
    if (await bulkLoadPending(deps.db)) {
      if (bulkMode === 'off') await endBulkLoad(deps.db);
      else bulk = 'on';
    } else if (bulkMode === 'on') bulk = 'start';
    else if (bulkMode === 'auto') bulk = 'decide';
  }
  // A re-import that changes little stays row by row (bulkDecision).
  let registryRows: number | undefined;
  const decideBulk = async () => {
    registryRows ??= await registrySize(deps.db);
    const d = bulkDecision({
      bytesRead: source.bytesRead(),
      totalBytes: source.totalBytes,
      read: resumedAfter + counts.read,
      writtenShare: (counts.inserted + counts.updated) / Math.max(1, counts.read),
      registryRows,
    });
    if (d !== 'wait') bulk = d;
  };
  const batchLimit = () => Math.max(1, opts.batchSize ?? (bulk === 'off' || bulk === 'decide' ? 1000 : 5000));
  if (!dryRun) await runs.useBulkCache(deps.db);
  const loopStarted = Date.now();
  try {
    for await (const step of source.items()) {
      for (const item of step) {
        if (item.n <= resumedAfter) continue;
        counts.read++;
        delta.records++;
        const mapped = source.map(item);
        if (mapped.kind === 'skip') {
          counts.skipped++;
          delta.skipped++;
          if (mapped.retire) retire.push(mapped.retire);
        } else if (mapped.kind === 'problems') {
          counts.failed++;
          delta.failed++;
          for (const p of mapped.problems) report.add(item, p);
        } else {
          const parsed = ZRegistryRecord.safeParse(mapped.record);
          if (!parsed.success) {
            counts.failed++;
            delta.failed++;
            for (const issue of parsed.error.issues) {
              const path = issue.path.map(String);
              let value: unknown = mapped.record;
              for (const k of path) value = (value as Record<string, unknown> | undefined)?.[k];
              report.add(item, { field: path.join('.') || '(record)', problem: issue.message, value });
            }
          } else {
            const key = parsed.data.externalIds[0];
            const k = key ? idKey(key) : '';
            if (key && (batchKeys.has(k) || seenInDryRun.has(k))) {
              counts.failed++;
              delta.failed++;
              duplicateKey(item, key);
            } else {
              if (key) (dryRun ? seenInDryRun : batchKeys).add(k);
              batch.push({ record: parsed.data, item });
            }
          }
        }
        if (delta.records >= batchLimit()) {
          await commit();
          if (bulk === 'decide') await decideBulk();
        }
      }
    }
    if (bulk === 'decide') bulk = 'off';
    await commit();
  } catch (e) {
    report.flush();
    report.close();
    if (run) await runs.finishRun(deps.db, run.id, 'failed', nowIso()).catch(() => undefined);
    // A failed run is resumed like an interrupted one, but the registry must not wait for that.
    if (bulk === 'on') await endBulkLoad(deps.db).catch(() => undefined);
    throw e;
  }
  report.close();
  let rebuildSeconds = 0;
  if (bulk === 'on') {
    const t = Date.now();
    await endBulkLoad(deps.db);
    rebuildSeconds = (Date.now() - t) / 1000;
  }
  const seconds = (Date.now() - loopStarted) / 1000;

  let totals = counts;
  let duplicateSeconds = 0;
  let duplicates = 0;
  if (run) {
    const done = await runs.finishRun(deps.db, run.id, 'done', nowIso());
    totals = {
      read: counts.read,
      inserted: done.inserted,
      updated: done.updated,
      unchanged: done.unchanged,
      skipped: done.skipped,
      failed: done.failed,
    };
    if (opts.duplicates !== false) {
      const t = Date.now();
      duplicates = (await findDuplicates(deps, { sinceSeq: done.startSeq })).added;
      duplicateSeconds = (Date.now() - t) / 1000;
    }
    deps.pages.clear();
  }
  return {
    ...totals,
    runId: run?.id ?? null,
    dryRun,
    resumedAfter,
    readNow: counts.read,
    retired,
    duplicates,
    seconds,
    bulk: bulk === 'on',
    rebuildSeconds,
    rowsPerSecond: seconds > 0 ? counts.read / seconds : counts.read,
    duplicateSeconds,
    reportPath,
    problems: report.count(),
    encoding: source.encoding,
  };
};
