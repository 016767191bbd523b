import { type Generated, type Kysely, type Selectable, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { asLocale } from '../../platform/i18n/locale.ts';
import type { TReportStatus } from './reports.rules.ts';
import type { TQueueSort, TReport, TSighting } from './reports.schemas.ts';

type ReportTable = {
  id: Generated<number>;
  page: string;
  locale: string;
  selection: string;
  context_before: string | null;
  context_after: string | null;
  status: string;
  submissions: Generated<number>;
  open_key: string | null;
  due_on: string;
  created_at: string;
  updated_at: string;
  resolved_at: string | null;
  resolved_by: number | null;
  resolution_note: string | null;
};
type SightingTable = {
  id: Generated<number>;
  report_id: number;
  locale: string;
  comment: string | null;
  email: string | null;
  created_at: string;
};
type Tables = { reports_report: ReportTable; reports_sighting: SightingTable };
const q = (db: Db) => db as unknown as Kysely<Tables>;

const toReport = (r: Selectable<ReportTable>): TReport => ({
  id: r.id,
  page: r.page,
  locale: asLocale(r.locale),
  selection: r.selection,
  contextBefore: r.context_before ?? undefined,
  contextAfter: r.context_after ?? undefined,
  status: r.status as TReportStatus,
  submissions: Number(r.submissions),
  dueOn: r.due_on,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  resolvedAt: r.resolved_at ?? undefined,
  resolvedBy: r.resolved_by ?? undefined,
  resolutionNote: r.resolution_note ?? undefined,
});

export type TNewReport = Readonly<{
  page: string;
  locale: string;
  selection: string;
  contextBefore: string | undefined;
  contextAfter: string | undefined;
  openKey: string;
  dueOn: string;
  now: string;
}>;

/**
 * Files a report, or, when an open report has the same key, counts one more submission on it (and fills
 * in the context if it had none). One statement, so two readers reporting at once still make one report.
 * Returns the report's id and its count of submissions.
 */
export const upsertOpenReport = async (
  db: Db,
  r: TNewReport,
): Promise<{ id: number; submissions: number }> => {
  const row = await q(db)
    .insertInto('reports_report')
    .values({
      page: r.page,
      locale: r.locale,
      selection: r.selection,
      context_before: r.contextBefore ?? null,
      context_after: r.contextAfter ?? null,
      status: 'new',
      submissions: 1,
      open_key: r.openKey,
      due_on: r.dueOn,
      created_at: r.now,
      updated_at: r.now,
    })
    .onConflict((oc) =>
      oc.column('open_key').doUpdateSet({
        submissions: sql<number>`reports_report.submissions + 1`,
        context_before: sql<string | null>`coalesce(reports_report.context_before, excluded.context_before)`,
        context_after: sql<string | null>`coalesce(reports_report.context_after, excluded.context_after)`,
        updated_at: r.now,
      }),
    )
    .returning(['id', 'submissions'])
    .executeTakeFirstOrThrow();
  return { id: row.id, submissions: Number(row.submissions) };
};

/** Keeps one submission: the reporter's language, comment and address. */
export const insertSighting = async (
  db: Db,
  s: {
    reportId: number;
    locale: string;
    comment?: string | undefined;
    email?: string | undefined;
    now: string;
  },
): Promise<void> => {
  await q(db)
    .insertInto('reports_sighting')
    .values({
      report_id: s.reportId,
      locale: s.locale,
      comment: s.comment ?? null,
      email: s.email ?? null,
      created_at: s.now,
    })
    .execute();
};

/** One page of the queue, optionally of one status, with the count per status. */
export const listReports = async (
  db: Db,
  f: { status: TReportStatus | undefined; sort: TQueueSort; limit: number; offset: number },
): Promise<{ rows: TReport[]; total: number; counts: Record<string, number> }> => {
  let base = q(db).selectFrom('reports_report');
  if (f.status) base = base.where('status', '=', f.status);
  let list = base.selectAll();
  list =
    f.sort === 'due'
      ? list.orderBy('due_on', 'asc').orderBy('created_at', 'asc').orderBy('id', 'asc')
      : list.orderBy('created_at', 'desc').orderBy('id', 'desc');
  const [rows, total, counts] = await Promise.all([
    list.limit(f.limit).offset(f.offset).execute(),
    base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
    q(db)
      .selectFrom('reports_report')
      .select(['status', sql<number>`count(*)`.as('n')])
      .groupBy('status')
      .execute(),
  ]);
  return {
    rows: rows.map(toReport),
    total: Number(total.n),
    counts: Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])),
  };
};

export const findReport = async (db: Db, id: number): Promise<TReport | undefined> => {
  const r = await q(db).selectFrom('reports_report').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toReport(r) : undefined;
};

/** The submissions of a report, oldest first. */
export const listSightings = async (db: Db, reportId: number): Promise<TSighting[]> =>
  (
    await q(db)
      .selectFrom('reports_sighting')
      .selectAll()
      .where('report_id', '=', reportId)
      .orderBy('id')
      .execute()
  ).map((s) => ({
    id: s.id,
    locale: asLocale(s.locale),
    comment: s.comment ?? undefined,
    email: s.email ?? undefined,
    createdAt: s.created_at,
  }));

/**
 * Moves a report to `status` if it is still in `from` (so two editors acting at once cannot both move
 * it); a final status also releases the collapse key. Returns whether it moved.
 */
export const updateStatus = async (
  db: Db,
  id: number,
  from: TReportStatus,
  change: {
    status: TReportStatus;
    now: string;
    final: boolean;
    by: number;
    note?: string | undefined;
  },
): Promise<boolean> => {
  const result = await q(db)
    .updateTable('reports_report')
    .set({
      status: change.status,
      updated_at: change.now,
      ...(change.final
        ? {
            open_key: null,
            resolved_at: change.now,
            resolved_by: change.by,
            resolution_note: change.note ?? null,
          }
        : {}),
    })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
};

/** Figures for the statistics hook: counts in a range (`from` inclusive, `to` exclusive) and the open reports at `at`. */
export const reportFigures = async (
  db: Db,
  f: { from: string | undefined; to: string | undefined; at: string; today: string },
) => {
  const count = sql<number>`count(*)`.as('n');
  const { from, to } = f;
  const [received, submissions, resolved, open, overdue] = await Promise.all([
    q(db)
      .selectFrom('reports_report')
      .select(count)
      .$if(from !== undefined, (qb) => qb.where('created_at', '>=', from as string))
      .$if(to !== undefined, (qb) => qb.where('created_at', '<', to as string))
      .executeTakeFirstOrThrow(),
    q(db)
      .selectFrom('reports_sighting')
      .select(count)
      .$if(from !== undefined, (qb) => qb.where('created_at', '>=', from as string))
      .$if(to !== undefined, (qb) => qb.where('created_at', '<', to as string))
      .executeTakeFirstOrThrow(),
    q(db)
      .selectFrom('reports_report')
      .select(['created_at', 'resolved_at'])
      .where('resolved_at', 'is not', null)
      .$if(from !== undefined, (qb) => qb.where('resolved_at', '>=', from as string))
      .$if(to !== undefined, (qb) => qb.where('resolved_at', '<', to as string))
      .execute(),
    openAt(db, f.at).select(count).executeTakeFirstOrThrow(),
    openAt(db, f.at).where('due_on', '<', f.today).select(count).executeTakeFirstOrThrow(),
  ]);
  return {
    received: Number(received.n),
    submissions: Number(submissions.n),
    resolved: resolved.map((r) => ({ createdAt: r.created_at, resolvedAt: r.resolved_at as string })),
    open: Number(open.n),
    overdue: Number(overdue.n),
  };
};

// Open at an instant: received before it and not fixed or declined by then.
const openAt = (db: Db, at: string) =>
  q(db)
    .selectFrom('reports_report')
    .where('created_at', '<', at)
    .where((eb) => eb.or([eb('resolved_at', 'is', null), eb('resolved_at', '>=', at)]));
