import { writeAudit } from '../../platform/audit.ts';
import type { TActor, TCallMeta } from '../../platform/auth/actor.ts';
import { nowIso } from '../../platform/db/schema.ts';
import type { TDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/http/errors.ts';
import { can, link, peopleNames, sendMail, type TPersonName } from '../accounts/index.ts';
import { recordsManagedBy, type TManagedRecord } from '../directory/index.ts';
import { organizationBriefs, organizationManagers, type TOrgBrief } from '../organizations/index.ts';
import { cityDay, previousQuarter } from './indicators.calendar.ts';
import { decidedMail } from './indicators.reporting.mail.ts';
import * as repo from './indicators.reporting.repo.ts';
import { rollUpReports } from './indicators.reporting.rollup.ts';
import {
  isDecidable,
  isLate,
  REPORT_FORM,
  REPORT_STATUSES,
  type TReportStatus,
} from './indicators.reporting.rules.ts';
import { type TReport, toReport, valuesOf } from './indicators.reporting.service.ts';

// Staff review of reports: the queue, one report beside the previous quarter's, and the decision. An
// approval counts the report in its organisation's district and rolls the quarter's approved reports up
// into the city and district figures, in the same transaction; the submitter hears the outcome by e-mail.

export const QUEUE_PAGE_SIZE = 50;

const mayReview = (actor: TActor | undefined): actor is TActor => can(actor, 'manage:statistics');

export type TQueueRow = TReport & Readonly<{ org: TOrgBrief | undefined; late: boolean }>;

/** The review queue: submitted reports first (oldest first), then decided ones; drafts are not shown. */
export const reportQueue = async (
  deps: TDeps,
  actor: TActor | undefined,
  opts: { status?: TReportStatus | undefined; page: number },
): Promise<{ rows: TQueueRow[]; counts: Record<string, number>; total: number }> => {
  if (!mayReview(actor)) throw new AppError('NOT_FOUND');
  const rows = await repo.queue(deps.db, {
    status: opts.status,
    form: REPORT_FORM,
    limit: QUEUE_PAGE_SIZE,
    offset: (opts.page - 1) * QUEUE_PAGE_SIZE,
  });
  const orgs = await organizationBriefs(
    deps.db,
    rows.map((r) => Number(r.org_id)),
  );
  const values = await repo.valuesOf(
    deps.db,
    rows.map((r) => Number(r.id)),
  );
  const counts = await repo.countsByStatus(deps.db, REPORT_FORM);
  const total = opts.status
    ? (counts[opts.status] ?? 0)
    : REPORT_STATUSES.filter((s) => s !== 'draft').reduce((a, s) => a + (counts[s] ?? 0), 0);
  return {
    rows: rows.map((r) => ({
      ...toReport(r, values.get(Number(r.id)) ?? []),
      org: orgs.get(Number(r.org_id)),
      late: r.submitted_at ? isLate(r.period, cityDay(new Date(r.submitted_at))) : false,
    })),
    counts,
    total,
  };
};

export type TReportReview = Readonly<{
  report: TReport;
  org: TOrgBrief;
  /** The directory record the organisation manages (its district), if any. */
  record: TManagedRecord | undefined;
  previous: TReport['values'];
  submittedBy: TPersonName | undefined;
  late: boolean;
  district: string | null;
}>;

/** One report for review, beside the organisation's previous quarter. Drafts are not staff's to see. */
export const reportForReview = async (
  deps: TDeps,
  actor: TActor | undefined,
  id: number,
): Promise<TReportReview> => {
  if (!mayReview(actor)) throw new AppError('NOT_FOUND');
  const row = await repo.findReportById(deps.db, id);
  if (!row || row.status === 'draft') throw new AppError('NOT_FOUND');
  const orgId = Number(row.org_id);
  const org = (await organizationBriefs(deps.db, [orgId])).get(orgId);
  if (!org) throw new AppError('NOT_FOUND');
  const values = (await repo.valuesOf(deps.db, [id])).get(id) ?? [];
  const previous = valuesOf(await repo.filedValues(deps.db, orgId, row.form, previousQuarter(row.period)));
  const submitter = row.submitted_by === null ? undefined : Number(row.submitted_by);
  return {
    report: toReport(row, values),
    org,
    record: (await recordsManagedBy(deps.db, [orgId])).get(orgId),
    previous,
    submittedBy: submitter === undefined ? undefined : (await peopleNames(deps, [submitter])).get(submitter),
    late: row.submitted_at ? isLate(row.period, cityDay(new Date(row.submitted_at))) : false,
    district: row.district,
  };
};

/**
 * Approves a submitted report (it is counted in its organisation's district and the quarter's figures
 * are rolled up again) or returns it with a note for the organisation to correct. CONFLICT when it is
 * not waiting for a decision any more. One transaction with its audit row; the e-mails leave after it.
 */
export const decideReport = async (
  deps: TDeps,
  actor: TActor | undefined,
  meta: TCallMeta,
  id: number,
  decision: Readonly<{ approve: true; note?: string | undefined } | { approve: false; note: string }>,
): Promise<void> => {
  if (!mayReview(actor)) throw new AppError('NOT_FOUND');
  const row = await repo.findReportById(deps.db, id);
  if (!row || row.status === 'draft') throw new AppError('NOT_FOUND');
  if (!isDecidable(row.status as TReportStatus))
    throw new AppError('CONFLICT', 'The report was decided already');
  const at = nowIso();
  const orgId = Number(row.org_id);
  const note = decision.note?.trim() || null;
  const changed = await deps.db.transaction().execute(async (trx) => {
    const district = decision.approve
      ? ((await recordsManagedBy(trx, [orgId])).get(orgId)?.district ?? null)
      : null;
    const moved = await repo.moveReport(trx, id, ['submitted'], {
      status: decision.approve ? 'approved' : 'returned',
      district,
      decided_at: at,
      decided_by: actor.personId,
      decision_note: note,
    });
    if (!moved) throw new AppError('CONFLICT', 'The report was decided already');
    await writeAudit(trx, {
      actorId: actor.personId,
      action: decision.approve ? 'approve:indicator-report' : 'return:indicator-report',
      subjectType: 'indicator-report',
      subjectId: id,
      before: { status: row.status },
      after: { status: decision.approve ? 'approved' : 'returned', district, note },
      requestId: meta.requestId,
      ip: meta.ip,
    });
    if (!decision.approve) return false;
    const rolled = await rollUpReports(trx, row.form, row.period, cityDay(new Date()), {
      by: actor.personId,
      via: 'approved reports',
      reason: `report ${id} approved`,
      now: at,
    });
    return rolled.changedCodes.length > 0 || rolled.indicators.inserted > 0;
  });
  if (changed) deps.pages.clear();
  // The outcome, to whoever submitted the report, in their language.
  const org = (await organizationBriefs(deps.db, [orgId])).get(orgId);
  const to = row.submitted_by === null ? [] : [Number(row.submitted_by)];
  const recipients = to.length > 0 ? to : await organizationManagers(deps.db, orgId);
  for (const p of (await peopleNames(deps, recipients)).values()) {
    if (p.deleted || !org) continue;
    await sendMail(
      deps,
      decidedMail(p.locale, p.email, {
        org: org.name,
        period: row.period,
        approved: decision.approve,
        note,
        link: link(deps, p.locale, `/organizations/${org.slug}/reports/${row.period}`),
      }),
    );
  }
};
