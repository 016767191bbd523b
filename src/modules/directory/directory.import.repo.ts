import { type Kysely, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { engineOf } from '../../platform/db/schema.ts';
import type { TExternalId } from './directory.record.ts';
import { nextSeq } from './directory.registry.repo.ts';

// Import runs: one row per import of one file with one set of options. Its counters move in the same
// transaction as each batch of records, so after a crash the row says exactly how far the file got.

export type TRunStatus = 'running' | 'failed' | 'done';

type RunRow = {
  id: number;
  format: string;
  file_name: string;
  file_hash: string;
  options_hash: string | null;
  status: string;
  records_done: number;
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: number;
  failed: number;
  report_path: string | null;
  start_seq: number | null;
  started_at: string;
  updated_at: string;
  finished_at: string | null;
};
type Tables = {
  directory_import_run: RunRow;
  directory_external_id: { scheme: string; value: string; org_id: number };
  directory_organization: {
    id: number;
    status: string;
    source_kind: string;
    seq: number;
    updated_at: string;
    imported_at: string | null;
  };
};
const q = (db: Db) => db as unknown as Kysely<Tables>;

export type TImportRun = Readonly<{
  id: number;
  format: string;
  fileName: string;
  status: TRunStatus;
  recordsDone: number;
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: number;
  failed: number;
  reportPath: string | null;
  startSeq: number;
  startedAt: string;
  finishedAt: string | null;
}>;

const toRun = (r: RunRow): TImportRun => ({
  id: Number(r.id),
  format: r.format,
  fileName: r.file_name,
  status: r.status as TRunStatus,
  recordsDone: Number(r.records_done),
  inserted: Number(r.inserted),
  updated: Number(r.updated),
  unchanged: Number(r.unchanged),
  skipped: Number(r.skipped),
  failed: Number(r.failed),
  reportPath: r.report_path,
  startSeq: Number(r.start_seq ?? 0),
  startedAt: r.started_at,
  finishedAt: r.finished_at,
});

/** The unfinished run (running when the process died, or failed) of this file with these options, if any. */
export const findUnfinishedRun = async (
  db: Db,
  key: { format: string; fileHash: string; optionsHash: string },
): Promise<TImportRun | undefined> => {
  const row = await q(db)
    .selectFrom('directory_import_run')
    .selectAll()
    .where('format', '=', key.format)
    .where('file_hash', '=', key.fileHash)
    .where('options_hash', '=', key.optionsHash)
    .where('status', 'in', ['running', 'failed'])
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row ? toRun(row) : undefined;
};

/** Starts a run and returns it. */
export const createRun = async (
  db: Db,
  r: {
    format: string;
    fileName: string;
    fileHash: string;
    optionsHash: string;
    reportPath: string;
    startSeq: number;
    now: string;
  },
): Promise<TImportRun> => {
  const row = await q(db)
    .insertInto('directory_import_run')
    .values({
      format: r.format,
      file_name: r.fileName,
      file_hash: r.fileHash,
      options_hash: r.optionsHash,
      status: 'running',
      report_path: r.reportPath,
      start_seq: r.startSeq,
      started_at: r.now,
      updated_at: r.now,
    } as never)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRun(row as RunRow);
};

export type TRunDelta = Readonly<{
  records: number;
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: number;
  failed: number;
}>;

/** Adds a committed batch to the run's counters: call it in the batch's transaction. */
export const addToRun = async (db: Db, runId: number, d: TRunDelta, now: string): Promise<void> => {
  await q(db)
    .updateTable('directory_import_run')
    .set((eb) => ({
      records_done: eb('records_done', '+', d.records),
      inserted: eb('inserted', '+', d.inserted),
      updated: eb('updated', '+', d.updated),
      unchanged: eb('unchanged', '+', d.unchanged),
      skipped: eb('skipped', '+', d.skipped),
      failed: eb('failed', '+', d.failed),
      status: 'running',
      updated_at: now,
    }))
    .where('id', '=', runId)
    .execute();
};

/** Marks a run done or failed, and returns it. */
export const finishRun = async (
  db: Db,
  runId: number,
  status: Exclude<TRunStatus, 'running'>,
  now: string,
): Promise<TImportRun> => {
  const row = await q(db)
    .updateTable('directory_import_run')
    .set({ status, updated_at: now, finished_at: status === 'done' ? now : null })
    .where('id', '=', runId)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRun(row as RunRow);
};

/** One run by id. */
export const getRun = async (db: Db, runId: number): Promise<TImportRun | undefined> => {
  const row = await q(db)
    .selectFrom('directory_import_run')
    .selectAll()
    .where('id', '=', runId)
    .executeTakeFirst();
  return row ? toRun(row) : undefined;
};

/**
 * Marks the active records of `sourceKind` holding these external ids inactive (their source withdrew or
 * closed them), with a new change sequence number; records of other sources (a demo or staff-kept record
 * with the same id) stay as they are. Returns how many changed.
 */
export const retireByExternalId = async (
  db: Db,
  ids: readonly TExternalId[],
  sourceKind: string,
  now: string,
): Promise<number> => {
  if (ids.length === 0) return 0;
  const owners = new Set<number>();
  const byScheme = new Map<string, string[]>();
  for (const e of ids) {
    const list = byScheme.get(e.scheme);
    if (list) list.push(e.value);
    else byScheme.set(e.scheme, [e.value]);
  }
  for (const [scheme, values] of byScheme) {
    for (let i = 0; i < values.length; i += 500) {
      const rows = await q(db)
        .selectFrom('directory_external_id')
        .select('org_id')
        .where('scheme', '=', scheme)
        .where('value', 'in', values.slice(i, i + 500))
        .execute();
      for (const r of rows) owners.add(Number(r.org_id));
    }
  }
  if (owners.size === 0) return 0;
  const seq = await nextSeq(db);
  const res = await q(db)
    .updateTable('directory_organization')
    .set({ status: 'inactive', seq, updated_at: now })
    .where('id', 'in', [...owners])
    .where('status', '=', 'active')
    .where('source_kind', '=', sourceKind)
    .executeTakeFirst();
  return Number(res.numUpdatedRows ?? 0);
};

/**
 * SQLite only: a bigger page cache for this connection (32 MB, from 2 MB), so fewer index pages are read
 * back from the file while an import writes to them. PostgreSQL's cache is the server's.
 */
export const useBulkCache = async (db: Db): Promise<void> => {
  if (engineOf(db) === 'sqlite') await sql`pragma cache_size = -32768`.execute(db);
};

/**
 * Which of these external ids belong to records an import touched (inserted, updated or confirmed: its
 * imported_at) at or after `since`: within one run, those keys appeared earlier in the same file.
 */
export const keysTouchedSince = async (
  db: Db,
  keys: readonly TExternalId[],
  since: string,
): Promise<Set<string>> => {
  const found = new Set<string>();
  const byScheme = new Map<string, string[]>();
  for (const e of keys) {
    const list = byScheme.get(e.scheme);
    if (list) list.push(e.value);
    else byScheme.set(e.scheme, [e.value]);
  }
  for (const [scheme, values] of byScheme) {
    for (let i = 0; i < values.length; i += 500) {
      const rows = await q(db)
        .selectFrom('directory_external_id as e')
        .innerJoin('directory_organization as o', 'o.id', 'e.org_id')
        .select('e.value')
        .where('e.scheme', '=', scheme)
        .where('e.value', 'in', values.slice(i, i + 500))
        .where('o.imported_at', '>=', since)
        .execute();
      for (const r of rows) found.add(`${scheme}\u0000${r.value}`);
    }
  }
  return found;
};
