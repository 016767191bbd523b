import { writeAudit } from '../../platform/audit.ts';
import type { TActor, TCallMeta } from '../../platform/auth/actor.ts';
import { nowIso } from '../../platform/db/schema.ts';
import type { TDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/http/errors.ts';
import { can, peopleNames, sendMail } from '../accounts/index.ts';
import { outcomeMail } from './reports.mail.ts';
import * as repo from './reports.repo.ts';
import { canMove, collapseKey, FINAL_STATUSES, type TReportStatus } from './reports.rules.ts';
import {
  type TErrorReportStats,
  type TQueueSort,
  type TReport,
  type TReportForm,
  ZStatsRange,
} from './reports.schemas.ts';
import { pageKeyOf } from './reports.url.ts';
import { chinaDay, dueDayFor } from './reports.workdays.ts';

// Readers' error reports: filed by anyone (the Ctrl+Enter dialog or the plain form), answered by editors
// from a queue with a three-working-day deadline; reporters who left an address hear the outcome.

export const QUEUE_PAGE_SIZE = 50;

/**
 * Files a report, or counts it on the open report of the same words on the same page, keeping this
 * reporter's comment, address and language. A filled honeypot gets the same answer, and nothing is stored.
 */
export const submitReport = async (deps: TDeps, meta: TCallMeta, input: TReportForm): Promise<void> => {
  if (input.website && input.website.trim() !== '') {
    deps.log.info('error report honeypot caught a submission', { requestId: meta.requestId });
    return;
  }
  await deps.db.transaction().execute(async (trx) => {
    const now = nowIso();
    const { id, submissions } = await repo.upsertOpenReport(trx, {
      page: input.page,
      locale: meta.locale,
      selection: input.selection,
      contextBefore: input.contextBefore,
      contextAfter: input.contextAfter,
      openKey: collapseKey(pageKeyOf(input.page), input.selection),
      dueOn: dueDayFor(now),
      now,
    });
    await repo.insertSighting(trx, {
      reportId: id,
      locale: meta.locale,
      comment: input.comment,
      email: input.email,
      now,
    });
    await writeAudit(trx, {
      actorId: null,
      action: submissions === 1 ? 'create:error-report' : 'repeat:error-report',
      subjectType: 'error-report',
      subjectId: id,
      // The reporter's address and words are personal data: the audit row says only that they exist.
      after: {
        page: input.page,
        locale: meta.locale,
        submissions,
        hasComment: input.comment !== undefined,
        hasEmail: input.email !== undefined,
      },
      requestId: meta.requestId,
      ip: meta.ip,
    });
  });
};

const mayManage = (actor: TActor | undefined): actor is TActor =>
  actor !== undefined && can(actor, 'manage:error-report');

/** The editors' queue: one page, optionally of one status, due first or newest first. */
export const queueFor = async (
  deps: TDeps,
  actor: TActor | undefined,
  f: { status: TReportStatus | undefined; sort: TQueueSort; page: number },
) => {
  if (!mayManage(actor)) throw new AppError('NOT_FOUND');
  return repo.listReports(deps.db, {
    status: f.status,
    sort: f.sort,
    limit: QUEUE_PAGE_SIZE,
    offset: (f.page - 1) * QUEUE_PAGE_SIZE,
  });
};

/**
 * One report with every submission (comments and reporters' addresses). Reading the addresses is logged
 * (`logRead` false when the page is shown again after a refused action).
 */
export const reportFor = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor | undefined,
  id: number,
  logRead = true,
) => {
  if (!mayManage(actor)) throw new AppError('NOT_FOUND');
  const report = await repo.findReport(deps.db, id);
  if (!report) throw new AppError('NOT_FOUND');
  const sightings = await repo.listSightings(deps.db, id);
  const names = await peopleNames(deps, report.resolvedBy === undefined ? [] : [report.resolvedBy]);
  if (logRead) {
    await writeAudit(deps.db, {
      actorId: actor.personId,
      action: 'read:error-report',
      subjectType: 'error-report',
      subjectId: id,
      requestId: meta.requestId,
      ip: meta.ip,
    });
  }
  return {
    report,
    sightings,
    resolvedBy: report.resolvedBy === undefined ? undefined : names.get(report.resolvedBy),
  };
};

/** Why a move was refused, for the page to say: the report's status made it impossible. */
export type TRefusal = Readonly<{ kind: 'same' | 'final'; status: TReportStatus }>;

/**
 * Moves a report along new → accepted → fixed | declined (new may go straight to fixed or declined),
 * audited in the same transaction. Fixed and declined are final: every reporter who left an address is
 * then told the outcome in the language they reported in, after the commit. A move the report's status
 * does not allow is refused with CONFLICT, carrying the refusal in `cause`.
 */
export const moveReport = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor | undefined,
  id: number,
  to: TReportStatus,
  note?: string,
): Promise<void> => {
  if (!mayManage(actor)) throw new AppError('NOT_FOUND');
  const final = FINAL_STATUSES.includes(to);
  const moved = await deps.db.transaction().execute(async (trx) => {
    const report = await repo.findReport(trx, id);
    if (!report) throw new AppError('NOT_FOUND');
    const refuse = (kind: TRefusal['kind']) =>
      new AppError('CONFLICT', `error report ${id} is ${report.status}`, {
        cause: { kind, status: report.status } satisfies TRefusal,
      });
    if (!canMove(report.status, to)) throw refuse(report.status === to ? 'same' : 'final');
    const now = nowIso();
    const ok = await repo.updateStatus(trx, id, report.status, {
      status: to,
      now,
      final,
      by: actor.personId,
      note,
    });
    // Another editor moved it a moment ago: answer as if this one had seen that.
    if (!ok) throw refuse('final');
    await writeAudit(trx, {
      actorId: actor.personId,
      action: 'update:error-report:status',
      subjectType: 'error-report',
      subjectId: id,
      before: { status: report.status },
      after: { status: to, ...(final ? { noteLength: note ? [...note].length : 0 } : {}) },
      requestId: meta.requestId,
      ip: meta.ip,
    });
    return { ...report, status: to, resolutionNote: note } satisfies TReport;
  });
  // The move is committed: a failure to look up the reporters must not turn it into an error page.
  if (final) {
    await tellReporters(deps, moved, to as 'fixed' | 'declined').catch((err: Error) =>
      deps.log.warn('error report outcome not mailed', { reportId: id, reason: err.message }),
    );
  }
};

/** One e-mail per address (in the language of its first report), sent after the commit, never awaited. */
const tellReporters = async (deps: TDeps, report: TReport, outcome: 'fixed' | 'declined') => {
  const sightings = await repo.listSightings(deps.db, report.id);
  const seen = new Set<string>();
  const pageUrl = `${deps.config.publicUrl}${report.page}`;
  for (const s of sightings) {
    if (!s.email || seen.has(s.email)) continue;
    seen.add(s.email);
    await sendMail(deps, outcomeMail(report, s.email, s.locale, pageUrl, outcome));
  }
};

const median = (values: number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const m =
    sorted.length % 2 === 1
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return Math.round(m * 10) / 10;
};

/**
 * Figures for the statistics pages. `from` (inclusive) and `to` (exclusive) are ISO dates (UTC
 * midnight) or UTC timestamps; either may be left out. `received` counts reports first made in the range
 * (repeats of the same mistake once), `submissions` every report sent in it; `resolved` and the median
 * hours cover reports fixed or declined in it; `open` and `overdue` are the state at the end of the range
 * (`to`, or now), past due meaning after the due day in China.
 */
export const errorReportStats = async (
  deps: Pick<TDeps, 'db'>,
  range: { from?: string; to?: string } = {},
): Promise<TErrorReportStats> => {
  const parsed = ZStatsRange.safeParse(range);
  if (!parsed.success) throw new AppError('INVALID', 'from/to must be ISO dates or UTC timestamps');
  const { from, to } = parsed.data;
  const at = to ?? nowIso();
  const figures = await repo.reportFigures(deps.db, {
    from,
    to,
    at,
    today: chinaDay(at.length === 10 ? `${at}T00:00:00Z` : at),
  });
  return {
    received: figures.received,
    submissions: figures.submissions,
    resolved: figures.resolved.length,
    open: figures.open,
    overdue: figures.overdue,
    medianHoursToResolve: median(
      figures.resolved.map((r) => (Date.parse(r.resolvedAt) - Date.parse(r.createdAt)) / 3_600_000),
    ),
  };
};
