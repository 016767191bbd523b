import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  observationHistory,
  observationSeries,
  sendReportReminders,
} from '../src/modules/indicators/index.ts';
import { cityDay, lastEndedQuarter, previousQuarter } from '../src/modules/indicators/indicators.calendar.ts';
import { createTestApp, type TTestApp } from './app.ts';
import { createBrowser, createPerson, signedIn, type TBrowser, type TTestPerson } from './auth.ts';
import { startTestSmtp, type TTestSmtp } from './smtp.ts';

// Reported indicators (issue #6, item 4): incubators and makerspaces fill a quarterly report; values out
// of range are field errors, a jump against the previous quarter must be confirmed; staff approve or
// return it; approved reports roll up into the city's and the district's figures; reminders go out
// before the deadline, once per step. Real database (both engines), real SMTP server.

let t: TTestApp;
let smtp: TTestSmtp;
beforeAll(async () => {
  smtp = await startTestSmtp();
  t = await createTestApp({ seed: false, env: { SMTP_URL: smtp.url } });
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});
beforeEach(() => {
  smtp.messages.length = 0;
});

const db = () => t.deps.db as Kysely<any>;
const CITY = 'CN-GD-GZ';
// The quarter open for reports today, and the one before: the pages use the real clock.
const PERIOD = lastEndedQuarter(cityDay(new Date()));
const BEFORE = previousQuarter(PERIOD);
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

type TOrg = { id: number; slug: string; owner: TTestPerson; admin: TTestPerson; member: TTestPerson };
let n = 0;
/** A verified organisation with an owner, an admin and a member, managing a directory record in `district`. */
const makeOrg = async (
  kind: string,
  district: string | null,
  opts: { locale?: 'en' | 'zh'; verified?: boolean } = {},
): Promise<TOrg> => {
  n += 1;
  const now = new Date().toISOString();
  const slug = `report-${kind}-${n}`;
  const owner = await createPerson(t, { locale: opts.locale ?? 'en' });
  const admin = await createPerson(t);
  const member = await createPerson(t);
  const id = Number(
    (
      await db()
        .insertInto('organizations_organization')
        .values({
          slug,
          kind,
          name_en: `Reporting ${kind} ${n}`,
          name_zh: `填报机构${n}`,
          verified_at: opts.verified === false ? null : now,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id,
  );
  for (const [p, role] of [
    [owner, 'owner'],
    [admin, 'admin'],
    [member, 'member'],
  ] as const) {
    await db()
      .insertInto('organizations_membership')
      .values({ org_id: id, person_id: p.id, role, created_at: now })
      .execute();
  }
  if (district) {
    await db()
      .insertInto('directory_organization')
      .values({
        slug: `${slug}-record`,
        kind,
        name_en: `Reporting record ${n}`,
        name_zh: `填报记录${n}`,
        source_name_en: 'Test',
        source_name_zh: '测试',
        city_en: 'Guangzhou',
        district,
        claimed_org_id: id,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
  return { id, slug, owner, admin, member };
};

const VALUES = { revenue: '1,250.5', tenants: '40', graduates: '3', jobs: '520', funds_raised: '800' };
const reportPath = (org: TOrg, period = PERIOD) => `/en/organizations/${org.slug}/reports/${period}`;

const submit = (b: TBrowser, org: TOrg, values: Record<string, string>, period = PERIOD) =>
  b.post(reportPath(org, period), { ...values, action: 'submit' });

/** The id of an organisation's report for a period, from the staff queue's link. */
const reportId = async (org: TOrg, period = PERIOD) =>
  Number(
    (
      await db()
        .selectFrom('indicator_report')
        .select('id')
        .where('org_id', '=', org.id)
        .where('period', '=', period)
        .executeTakeFirstOrThrow()
    ).id,
  );

let staff: TBrowser;
beforeAll(async () => {
  staff = await signedIn(t, await createPerson(t, { role: 'staff-admin' }));
});

const city = async (code: string, geography = CITY, breakdown?: { dimension: string; value: string }) =>
  (
    await observationSeries(t.deps, code, {
      geography,
      from: PERIOD,
      to: PERIOD,
      breakdown: breakdown ?? 'none',
    })
  ).observations[0];

describe('a quarterly report', () => {
  it('flows from the submitted form through approval into the city’s and the district’s figures', async () => {
    const inc = await makeOrg('incubator', 'tianhe');
    const owner = await signedIn(t, inc.owner);
    const list = await owner.get(`/en/organizations/${inc.slug}/reports`);
    expect(list.status).toBe(200);
    expect(text(await list.text())).toContain('Not started');
    const posted = await submit(owner, inc, VALUES);
    expect(posted.status).toBe(303);
    const shown = text(await (await owner.get(posted.headers.get('location') as string)).text());
    expect(shown).toContain('Your report was submitted');
    expect(shown).toContain('Waiting for review');
    // Staff see it in the queue, beside the organisation's district, and approve it.
    const queue = text(await (await staff.get('/en/staff/statistics/reports')).text());
    expect(queue).toContain(`Reporting incubator`);
    const id = await reportId(inc);
    const review = text(await (await staff.get(`/en/staff/statistics/reports/${id}`)).text());
    expect(review).toContain('Tianhe District');
    expect(review).toContain('1,250.5');
    const approved = await staff.post(`/en/staff/statistics/reports/${id}/approve`, { note: '' });
    expect(approved.status).toBe(303);
    expect((await city('incubator_revenue_reported'))?.value).toBe(1250.5);
    expect((await city('incubator_revenue_reported', `${CITY}-TIANHE`))?.value).toBe(1250.5);
    expect((await city('incubator_tenants_reported'))?.value).toBe(40);
    expect((await city('incubator_reports_approved'))?.value).toBe(1);
    const mail = await smtp.waitForMatch((m) => m.subject?.includes('was approved') ?? false);
    expect(mail.to).toMatchObject({ text: inc.owner.email });

    // A makerspace in Huangpu: the city's figure adds it up; the earlier sum stays in the history.
    const maker = await makeOrg('makerspace', 'huangpu');
    const mOwner = await signedIn(t, maker.owner);
    expect((await submit(mOwner, maker, { ...VALUES, revenue: '99.5', tenants: '10' })).status).toBe(303);
    await staff.post(`/en/staff/statistics/reports/${await reportId(maker)}/approve`, { note: 'Thank you.' });
    expect((await city('incubator_revenue_reported'))?.value).toBe(1350);
    expect((await city('incubator_tenants_reported'))?.value).toBe(50);
    expect((await city('incubator_revenue_reported', `${CITY}-TIANHE`))?.value).toBe(1250.5);
    expect((await city('incubator_revenue_reported', `${CITY}-HUANGPU`))?.value).toBe(99.5);
    expect(
      (await city('incubator_revenue_reported', CITY, { dimension: 'kind', value: 'makerspace' }))?.value,
    ).toBe(99.5);
    expect((await city('incubator_reports_approved'))?.value).toBe(2);
    const history = await observationHistory(t.deps, 'incubator_revenue_reported', {
      geography: CITY,
      period: PERIOD,
    });
    expect(history?.map((h) => h.value)).toEqual([1350, 1250.5]);
    // The open-data API serves the city figure.
    const api = await t.app.request(
      `/api/v1/indicators/incubator_revenue_reported/observations?geography=${CITY}&from=${PERIOD}&to=${PERIOD}`,
    );
    expect(api.status).toBe(200);
    expect(JSON.stringify(await api.json())).toContain('1350');
    // Approved reports can no longer be changed by the organisation.
    const again = await submit(owner, inc, VALUES);
    expect(again.status).toBe(409);
    expect(text(await again.text())).toContain('can no longer be changed');
  });

  it('refuses negative revenue and other impossible values with field messages, storing nothing', async () => {
    const inc = await makeOrg('incubator', 'baiyun');
    const owner = await signedIn(t, inc.owner);
    const res = await submit(owner, inc, { ...VALUES, revenue: '-5', tenants: '2.5', jobs: 'many' });
    expect(res.status).toBe(422);
    const html = text(await res.text());
    expect(html).toContain('Revenue in the quarter: This cannot be negative');
    expect(html).toContain('Companies in incubation: Enter a whole number');
    expect(html).toContain('Jobs in companies in incubation: Enter a number');
    expect(
      await db().selectFrom('indicator_report').selectAll().where('org_id', '=', inc.id).execute(),
    ).toEqual([]);
    const zh = await owner.post(`/zh/organizations/${inc.slug}/reports/${PERIOD}`, {
      ...VALUES,
      revenue: '-5',
      action: 'submit',
    });
    expect(zh.status).toBe(422);
    expect(text(await zh.text())).toContain('不能为负数');
    // A draft may leave fields empty, but what it has must be valid too.
    const draft = await owner.post(reportPath(inc), { revenue: '-1', action: 'draft' });
    expect(draft.status).toBe(422);
    const saved = await owner.post(reportPath(inc), { revenue: '300', action: 'draft' });
    expect(saved.status).toBe(303);
    const draftPage = await (await owner.get(saved.headers.get('location') as string)).text();
    expect(draftPage).toMatch(/name="revenue" type="text" value="300"/);
    const page = text(draftPage);
    expect(page).toContain('Your draft was saved');
    expect(page).toContain('Draft');
    // A submission needs every field.
    const missing = await submit(owner, inc, { revenue: '300' });
    expect(missing.status).toBe(422);
    // Drafts are the organisation's own: not in the staff queue.
    expect(text(await (await staff.get('/en/staff/statistics/reports')).text())).not.toContain(
      `Reporting incubator ${n}`,
    );
  });

  it('warns on a value ten times the previous quarter’s until the reporter confirms it', async () => {
    const inc = await makeOrg('incubator', 'panyu');
    const owner = await signedIn(t, inc.owner);
    expect((await submit(owner, inc, { ...VALUES, revenue: '500' }, BEFORE)).status).toBe(303);
    await staff.post(`/en/staff/statistics/reports/${await reportId(inc, BEFORE)}/approve`, {});
    const jumped = await submit(owner, inc, { ...VALUES, revenue: '5000' });
    expect(jumped.status).toBe(422);
    const html = await jumped.text();
    expect(text(html)).toContain('ten times last quarter’s value (500)');
    expect(html).toMatch(/<input type="checkbox" id="f-confirm_revenue" name="confirm_revenue" value="5000"/);
    expect(
      await db()
        .selectFrom('indicator_report')
        .select('id')
        .where('period', '=', PERIOD)
        .where('org_id', '=', inc.id)
        .execute(),
    ).toEqual([]);
    // Confirming one value does not confirm another.
    const changed = await submit(owner, inc, { ...VALUES, revenue: '6000', confirm_revenue: '5000' });
    expect(changed.status).toBe(422);
    const confirmed = await submit(owner, inc, { ...VALUES, revenue: '5000', confirm_revenue: '5000' });
    expect(confirmed.status).toBe(303);
    const stored = await db()
      .selectFrom('indicator_report_value')
      .select(['field', 'value', 'jump_from'])
      .where('report_id', '=', await reportId(inc))
      .where('field', '=', 'revenue')
      .executeTakeFirstOrThrow();
    expect([Number(stored.value), Number(stored.jump_from)]).toEqual([5000, 500]);
    const review = text(
      await (await staff.get(`/en/staff/statistics/reports/${await reportId(inc)}`)).text(),
    );
    expect(review).toContain('Jump confirmed by the reporter');
  });

  it('comes back to the organisation with the staff note when returned, by e-mail in its language', async () => {
    const inc = await makeOrg('incubator', null, { locale: 'zh' });
    const owner = await signedIn(t, inc.owner);
    expect((await submit(owner, inc, VALUES)).status).toBe(303);
    const id = await reportId(inc);
    const noNote = await staff.post(`/en/staff/statistics/reports/${id}/return`, { reason: '' });
    expect(noNote.status).toBe(422);
    const returned = await staff.post(`/en/staff/statistics/reports/${id}/return`, {
      reason: 'Revenue looks like yuan, not 万元.',
    });
    expect(returned.status).toBe(303);
    const mail = await smtp.waitForMatch((m) => m.subject?.includes('需要修改') ?? false);
    expect(mail.text).toContain('Revenue looks like yuan, not 万元.');
    expect(mail.text).toContain(`/zh/organizations/${inc.slug}/reports/${PERIOD}`);
    const page = text(await (await owner.get(reportPath(inc))).text());
    expect(page).toContain('Returned for changes');
    expect(page).toContain('Revenue looks like yuan, not 万元.');
    expect((await submit(owner, inc, { ...VALUES, revenue: '1.25' })).status).toBe(303);
    const again = text(await (await staff.get(`/en/staff/statistics/reports/${id}`)).text());
    expect(again).toContain('Returned for changes on');
    expect(again).toContain('Revenue looks like yuan, not 万元.');
    // Approved without a district record: it counts towards the city only.
    const before = (await city('incubator_reports_approved'))?.value ?? 0;
    await staff.post(`/en/staff/statistics/reports/${id}/approve`, {});
    expect((await city('incubator_reports_approved'))?.value).toBe(before + 1);
    // A decided report cannot be decided again.
    expect((await staff.post(`/en/staff/statistics/reports/${id}/approve`, {})).status).toBe(409);
  });

  it('does not exist for anyone but the organisation’s owners and admins', async () => {
    const inc = await makeOrg('incubator', 'yuexiu');
    const other = await makeOrg('incubator', 'liwan');
    const firm = await makeOrg('enterprise', null);
    const paths = [`/en/organizations/${inc.slug}/reports`, reportPath(inc)];
    for (const who of [inc.member, other.admin, await createPerson(t)]) {
      const b = await signedIn(t, who);
      for (const p of paths) expect((await b.get(p)).status, p).toBe(404);
      expect((await b.post(reportPath(inc), VALUES)).status).toBe(404);
    }
    // Staff review reports in their queue, not on the organisation's form.
    expect((await staff.get(reportPath(inc))).status).toBe(404);
    const anonymous = await createBrowser(t).get(reportPath(inc));
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toMatch(/^\/en\/login\?next=/);
    const admin = await signedIn(t, inc.admin);
    expect((await admin.get(reportPath(inc))).status).toBe(200);
    // Only incubators and makerspaces report; quarters not ended yet or long closed do not exist.
    expect((await (await signedIn(t, firm.owner)).get(`/en/organizations/${firm.slug}/reports`)).status).toBe(
      404,
    );
    expect((await admin.get(reportPath(inc, '2031-Q1'))).status).toBe(404);
    expect((await admin.get(reportPath(inc, '2019-Q1'))).status).toBe(404);
    expect((await admin.get(reportPath(inc, '2026-Q5'))).status).toBe(404);
    // Members of the staff who are not administrators find no queue.
    const editor = await signedIn(t, await createPerson(t, { role: 'editor' }));
    expect((await editor.get('/en/staff/statistics/reports')).status).toBe(404);
  });
});

describe('reminders before the deadline', () => {
  it('go to owners and admins of verified reporting organisations that have not filed, once per step', async () => {
    const due = await makeOrg('makerspace', 'nansha');
    const filed = await makeOrg('incubator', 'conghua');
    const unverified = await makeOrg('incubator', 'huadu', { verified: false });
    const now = new Date().toISOString();
    // The filed one submitted its 2030-Q4 report already.
    await db()
      .insertInto('indicator_report')
      .values({
        org_id: filed.id,
        form: 'incubation_quarterly',
        period: '2030-Q4',
        status: 'submitted',
        org_kind: 'incubator',
        submitted_at: now,
        submitted_by: filed.owner.id,
        created_by: filed.owner.id,
        created_at: now,
        updated_by: filed.owner.id,
        updated_at: now,
      })
      .execute();
    const recipients = (addresses: string[]) =>
      smtp.messages.filter((m) => addresses.includes(String((m.to as { text: string }).text)));
    // 14 days before 31 January 2031: the 2030-Q4 reminder.
    const first = new Date('2031-01-17T02:00:00Z');
    expect(await sendReportReminders(t.deps, first)).toBeGreaterThanOrEqual(1);
    const toDue = await smtp.waitForMatch((m) => (m.to as { text: string }).text === due.owner.email);
    expect(toDue.subject).toBe('Quarterly report for Q4 2030 due by 31 January 2031');
    expect(toDue.text).toContain(`/en/organizations/${due.slug}/reports/2030-Q4`);
    await smtp.waitForMatch((m) => (m.to as { text: string }).text === due.admin.email);
    // Same step again, later that day or the next: nothing more.
    expect(await sendReportReminders(t.deps, new Date('2031-01-18T02:00:00Z'))).toBe(0);
    await new Promise((r) => setTimeout(r, 300));
    expect(recipients([due.owner.email, due.admin.email])).toHaveLength(2);
    expect(
      recipients([due.member.email, filed.owner.email, filed.admin.email, unverified.owner.email]),
    ).toEqual([]);
    // Three days before: the second reminder, once.
    smtp.messages.length = 0;
    expect(await sendReportReminders(t.deps, new Date('2031-01-28T02:00:00Z'))).toBeGreaterThanOrEqual(1);
    await smtp.waitForMatch((m) => (m.to as { text: string }).text === due.admin.email);
    expect(await sendReportReminders(t.deps, new Date('2031-01-30T02:00:00Z'))).toBe(0);
    await new Promise((r) => setTimeout(r, 300));
    expect(recipients([due.owner.email, due.admin.email])).toHaveLength(2);
    // After the deadline, none.
    expect(await sendReportReminders(t.deps, new Date('2031-02-02T02:00:00Z'))).toBe(0);
  });
});
