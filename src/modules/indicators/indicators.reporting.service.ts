import { writeAudit } from '../../platform/audit.ts';
import type { TActor, TCallMeta } from '../../platform/auth/actor.ts';
import { nowIso } from '../../platform/db/schema.ts';
import type { TDeps } from '../../platform/deps.ts';
import { AppError, type TFieldError } from '../../platform/http/errors.ts';
import { organizationBySlug, standingWith, type TOrgBrief } from '../organizations/index.ts';
import { cityDay, previousQuarter, quarterDeadline } from './indicators.calendar.ts';
import * as repo from './indicators.reporting.repo.ts';
import {
  confirmToken,
  isEditable,
  isLate,
  isOpenQuarter,
  jumpsOf,
  openQuarters,
  REPORT_FIELDS,
  REPORT_FORM,
  REPORTING_KINDS,
  readValues,
  type TFieldName,
  type TReportStatus,
  type TReportValues,
} from './indicators.reporting.rules.ts';

// The organisation's side of periodic reports: its owners and admins see the open quarters, fill a
// report, save it as a draft or submit it. Values out of range are field errors; a value ten times the
// previous quarter's (or a tenth of it) must be confirmed before the report can be submitted.

export type TReport = Readonly<{
  id: number;
  period: string;
  status: TReportStatus;
  values: TReportValues;
  /** Fields whose jump against the previous quarter the reporter confirmed, with that quarter's value. */
  confirmedJumps: Partial<Record<TFieldName, number>>;
  submittedAt: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  updatedAt: string;
}>;

export const toReport = (r: repo.TReportRow, values: readonly repo.TValueRow[]): TReport => {
  const vals: TReportValues = {};
  const jumps: Partial<Record<TFieldName, number>> = {};
  for (const v of values) {
    const f = REPORT_FIELDS.find((x) => x.name === v.field);
    if (!f) continue;
    vals[f.name] = Number(v.value);
    if (v.jump_from !== null) jumps[f.name] = Number(v.jump_from);
  }
  return {
    id: Number(r.id),
    period: r.period,
    status: r.status as TReportStatus,
    values: vals,
    confirmedJumps: jumps,
    submittedAt: r.submitted_at,
    decidedAt: r.decided_at,
    decisionNote: r.decision_note,
    updatedAt: r.updated_at,
  };
};

export const valuesOf = (rows: readonly repo.TValueRow[]): TReportValues => {
  const out: TReportValues = {};
  for (const v of rows) {
    const f = REPORT_FIELDS.find((x) => x.name === v.field);
    if (f) out[f.name] = Number(v.value);
  }
  return out;
};

/**
 * The organisation behind a reports path, when the actor is one of its owners or admins and it is of a
 * kind that reports; anyone else gets "not found", so nobody learns which organisations report.
 */
const reportingOrg = async (deps: TDeps, actor: TActor, slug: string): Promise<TOrgBrief> => {
  const org = await organizationBySlug(deps.db, slug);
  if (!org || !(REPORTING_KINDS as readonly string[]).includes(org.kind)) throw new AppError('NOT_FOUND');
  const { role } = await standingWith(deps.db, org.id, actor.personId);
  if (role !== 'owner' && role !== 'admin') throw new AppError('NOT_FOUND');
  return org;
};

export type TReportsOverview = Readonly<{
  org: TOrgBrief;
  rows: readonly Readonly<{
    period: string;
    deadline: string;
    status: TReportStatus | undefined;
    late: boolean;
    overdue: boolean;
  }>[];
}>;

/** The organisation's open quarters (latest first) with each report's state. */
export const reportsOverview = async (
  deps: TDeps,
  actor: TActor,
  slug: string,
  now: Date = new Date(),
): Promise<TReportsOverview> => {
  const org = await reportingOrg(deps, actor, slug);
  const day = cityDay(now);
  const byPeriod = new Map((await repo.reportsOfOrg(deps.db, org.id, REPORT_FORM)).map((r) => [r.period, r]));
  const rows = openQuarters(day).map((period) => {
    const r = byPeriod.get(period);
    const status = r?.status as TReportStatus | undefined;
    const deadline = quarterDeadline(period);
    const filed = status === 'submitted' || status === 'approved';
    return {
      period,
      deadline,
      status,
      late: filed && r?.submitted_at ? isLate(period, cityDay(new Date(r.submitted_at))) : false,
      overdue: !filed && day > deadline,
    };
  });
  return { org, rows };
};

export type TReportForm = Readonly<{
  org: TOrgBrief;
  period: string;
  deadline: string;
  report: TReport | undefined;
  /** The previous quarter's filed values (the jump warning compares with them). */
  previous: TReportValues;
  editable: boolean;
}>;

/** One quarter's report of the organisation, to show or fill. Closed or malformed quarters: "not found". */
export const reportForm = async (
  deps: TDeps,
  actor: TActor,
  slug: string,
  period: string,
  now: Date = new Date(),
): Promise<TReportForm> => {
  const org = await reportingOrg(deps, actor, slug);
  if (!isOpenQuarter(period, cityDay(now))) throw new AppError('NOT_FOUND');
  const row = await repo.findReport(deps.db, org.id, REPORT_FORM, period);
  const values = row ? ((await repo.valuesOf(deps.db, [Number(row.id)])).get(Number(row.id)) ?? []) : [];
  const report = row ? toReport(row, values) : undefined;
  const previous = valuesOf(await repo.filedValues(deps.db, org.id, REPORT_FORM, previousQuarter(period)));
  return {
    org,
    period,
    deadline: quarterDeadline(period),
    report,
    previous,
    editable: isEditable(report?.status),
  };
};

/** A value that jumped and is not confirmed yet: the field error the form shows, with a checkbox. */
export const JUMP_WARNING = 'indicators.reporting.warning.jump';

/**
 * Saves the report as a draft, or submits it. Refuses with field errors (INVALID) for values out of
 * range, a missing value on submit, or a jump not confirmed; with CONFLICT when the report was submitted
 * already (it can no longer be changed). One transaction; a submission leaves an audit row.
 */
export const saveReport = async (
  deps: TDeps,
  actor: TActor,
  meta: TCallMeta,
  slug: string,
  period: string,
  input: Readonly<{ mode: 'draft' | 'submit'; form: Readonly<Record<string, string | undefined>> }>,
  now: Date = new Date(),
): Promise<TReportStatus> => {
  const ctx = await reportForm(deps, actor, slug, period, now);
  if (!ctx.editable) throw new AppError('CONFLICT', 'The report was submitted already');
  const { values, errors } = readValues(input.form, input.mode);
  const fields: Record<string, TFieldError> = { ...errors };
  const confirmed = new Map<TFieldName, number>();
  if (input.mode === 'submit') {
    for (const [name, jump] of jumpsOf(values, ctx.previous)) {
      if (fields[name]) continue;
      if (input.form[`confirm_${name}`] === confirmToken(jump.value)) confirmed.set(name, jump.previous);
      else fields[name] = { key: JUMP_WARNING, params: { previous: jump.previous, value: jump.value } };
    }
  }
  if (Object.keys(fields).length > 0) throw new AppError('INVALID', 'The report has problems', { fields });
  const at = nowIso();
  const status: TReportStatus = input.mode === 'submit' ? 'submitted' : 'draft';
  await deps.db.transaction().execute(async (trx) => {
    const id = await repo.ensureReport(trx, {
      orgId: ctx.org.id,
      form: REPORT_FORM,
      period,
      orgKind: ctx.org.kind,
      by: actor.personId,
      now: at,
    });
    const moved = await repo.moveReport(trx, id, ['draft', 'returned'], {
      status,
      org_kind: ctx.org.kind,
      updated_by: actor.personId,
      updated_at: at,
      ...(status === 'submitted' ? { submitted_at: at, submitted_by: actor.personId } : {}),
    });
    if (!moved) throw new AppError('CONFLICT', 'The report was submitted already');
    await repo.replaceValues(
      trx,
      id,
      REPORT_FIELDS.filter((f) => values[f.name] !== undefined).map((f) => ({
        field: f.name,
        value: values[f.name] as number,
        jump_from: confirmed.get(f.name) ?? null,
      })),
    );
    if (status === 'submitted')
      await writeAudit(trx, {
        actorId: actor.personId,
        action: 'submit:indicator-report',
        subjectType: 'indicator-report',
        subjectId: id,
        after: { organization: ctx.org.slug, period, values, confirmedJumps: Object.fromEntries(confirmed) },
        requestId: meta.requestId,
        ip: meta.ip,
      });
  });
  return status;
};
