import { type Generated, type Kysely, type Selectable, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

// Periodic reports of organisations, their values and the reminders sent (migration 0316).

type ReportTable = {
  id: Generated<number>;
  org_id: number;
  form: string;
  period: string;
  status: string;
  org_kind: string;
  district: string | null;
  submitted_at: string | null;
  submitted_by: number | null;
  decided_at: string | null;
  decided_by: number | null;
  decision_note: string | null;
  created_by: number;
  created_at: string;
  updated_by: number;
  updated_at: string;
};
type ValueTable = { report_id: number; field: string; value: number; jump_from: number | null };
type ReminderTable = {
  id: Generated<number>;
  org_id: number;
  form: string;
  period: string;
  step: string;
  recipients: number;
  sent_at: string;
};
type Tables = {
  indicator_report: ReportTable;
  indicator_report_value: ValueTable;
  indicator_report_reminder: ReminderTable;
};
const q = (db: Db) => db as unknown as Kysely<Tables>;

export type TReportRow = Selectable<ReportTable>;
export type TValueRow = Selectable<ValueTable>;

const FILED = ['submitted', 'approved'];

/** The report of an organisation for a form and period. */
export const findReport = (
  db: Db,
  orgId: number,
  form: string,
  period: string,
): Promise<TReportRow | undefined> =>
  q(db)
    .selectFrom('indicator_report')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('form', '=', form)
    .where('period', '=', period)
    .executeTakeFirst();

/** One report by id. */
export const findReportById = (db: Db, id: number): Promise<TReportRow | undefined> =>
  q(db).selectFrom('indicator_report').selectAll().where('id', '=', id).executeTakeFirst();

/** An organisation's reports of a form, latest period first. */
export const reportsOfOrg = (db: Db, orgId: number, form: string): Promise<TReportRow[]> =>
  q(db)
    .selectFrom('indicator_report')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('form', '=', form)
    .orderBy('period', 'desc')
    .execute();

/** The values of reports, by report id. */
export const valuesOf = async (db: Db, reportIds: readonly number[]): Promise<Map<number, TValueRow[]>> => {
  const out = new Map<number, TValueRow[]>();
  if (reportIds.length === 0) return out;
  const rows = await q(db)
    .selectFrom('indicator_report_value')
    .selectAll()
    .where('report_id', 'in', [...reportIds])
    .orderBy('report_id')
    .execute();
  for (const r of rows) {
    const id = Number(r.report_id);
    out.set(id, [...(out.get(id) ?? []), { ...r, report_id: id, value: Number(r.value) }]);
  }
  return out;
};

/** Creates the report row (or finds the one a concurrent request just made); returns its id. */
export const ensureReport = async (
  db: Db,
  v: { orgId: number; form: string; period: string; orgKind: string; by: number; now: string },
): Promise<number> => {
  await q(db)
    .insertInto('indicator_report')
    .values({
      org_id: v.orgId,
      form: v.form,
      period: v.period,
      status: 'draft',
      org_kind: v.orgKind,
      district: null,
      submitted_at: null,
      submitted_by: null,
      decided_at: null,
      decided_by: null,
      decision_note: null,
      created_by: v.by,
      created_at: v.now,
      updated_by: v.by,
      updated_at: v.now,
    })
    .onConflict((oc) => oc.columns(['org_id', 'form', 'period']).doNothing())
    .execute();
  return Number((await findReport(db, v.orgId, v.form, v.period))?.id);
};

/**
 * Moves a report from one of `from` to a new state with the given columns; false when it is no longer in
 * one of those states (someone else moved it first).
 */
export const moveReport = async (
  db: Db,
  id: number,
  from: readonly string[],
  set: Partial<Omit<TReportRow, 'id' | 'org_id' | 'form' | 'period' | 'created_by' | 'created_at'>>,
): Promise<boolean> => {
  const r = await q(db)
    .updateTable('indicator_report')
    .set(set)
    .where('id', '=', id)
    .where('status', 'in', [...from])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
};

/** Replaces a report's values. */
export const replaceValues = async (
  db: Db,
  reportId: number,
  values: readonly Omit<TValueRow, 'report_id'>[],
) => {
  await q(db).deleteFrom('indicator_report_value').where('report_id', '=', reportId).execute();
  if (values.length === 0) return;
  await q(db)
    .insertInto('indicator_report_value')
    .values(values.map((v) => ({ report_id: reportId, ...v })))
    .execute();
};

/** The values of an organisation's filed (submitted or approved) report for a period, if any. */
export const filedValues = async (
  db: Db,
  orgId: number,
  form: string,
  period: string,
): Promise<TValueRow[]> =>
  (
    await q(db)
      .selectFrom('indicator_report_value as v')
      .innerJoin('indicator_report as r', 'r.id', 'v.report_id')
      .selectAll('v')
      .where('r.org_id', '=', orgId)
      .where('r.form', '=', form)
      .where('r.period', '=', period)
      .where('r.status', 'in', FILED)
      .execute()
  ).map((v) => ({ ...v, value: Number(v.value) }));

export type TQueueWhere = Readonly<{
  status?: string | undefined;
  form: string;
  limit: number;
  offset: number;
}>;

/** Reports in the staff queue: submitted first (oldest first), then the rest, latest change first. */
export const queue = (db: Db, w: TQueueWhere): Promise<TReportRow[]> => {
  let query = q(db).selectFrom('indicator_report').selectAll().where('form', '=', w.form);
  query = w.status ? query.where('status', '=', w.status) : query.where('status', '<>', 'draft');
  return query
    .orderBy(sql`case when status = 'submitted' then 0 else 1 end`)
    .orderBy(sql`case when status = 'submitted' then submitted_at end`)
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(w.limit)
    .offset(w.offset)
    .execute();
};

/** How many reports of a form are in each state. */
export const countsByStatus = async (db: Db, form: string): Promise<Record<string, number>> => {
  const rows = await q(db)
    .selectFrom('indicator_report')
    .select(['status', sql<number>`count(*)`.as('n')])
    .where('form', '=', form)
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
};

/** Sums of approved values for a period, by district, organisation kind and field, with report counts. */
export const approvedSums = async (db: Db, form: string, period: string) => {
  const sums = await q(db)
    .selectFrom('indicator_report as r')
    .innerJoin('indicator_report_value as v', 'v.report_id', 'r.id')
    .select(['r.district', 'r.org_kind', 'v.field', sql<number>`sum(v.value)`.as('total')])
    .where('r.form', '=', form)
    .where('r.period', '=', period)
    .where('r.status', '=', 'approved')
    .groupBy(['r.district', 'r.org_kind', 'v.field'])
    .execute();
  const counts = await q(db)
    .selectFrom('indicator_report')
    .select(['district', 'org_kind', sql<number>`count(*)`.as('n')])
    .where('form', '=', form)
    .where('period', '=', period)
    .where('status', '=', 'approved')
    .groupBy(['district', 'org_kind'])
    .execute();
  return {
    sums: sums.map((s) => ({
      district: s.district,
      kind: s.org_kind,
      field: s.field,
      total: Number(s.total),
    })),
    counts: counts.map((c) => ({ district: c.district, kind: c.org_kind, n: Number(c.n) })),
  };
};

/** The organisations that have filed (submitted or approved) a report of a form for a period. */
export const filedOrgIds = async (db: Db, form: string, period: string): Promise<Set<number>> =>
  new Set(
    (
      await q(db)
        .selectFrom('indicator_report')
        .select('org_id')
        .where('form', '=', form)
        .where('period', '=', period)
        .where('status', 'in', FILED)
        .execute()
    ).map((r) => Number(r.org_id)),
  );

/** Claims a reminder step for an organisation; false when it was claimed (sent) already. */
export const claimReminder = async (
  db: Db,
  v: { orgId: number; form: string; period: string; step: string; recipients: number; now: string },
): Promise<boolean> => {
  const r = await q(db)
    .insertInto('indicator_report_reminder')
    .values({
      org_id: v.orgId,
      form: v.form,
      period: v.period,
      step: v.step,
      recipients: v.recipients,
      sent_at: v.now,
    })
    .onConflict((oc) => oc.columns(['org_id', 'form', 'period', 'step']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
};
