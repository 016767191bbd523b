import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorReportStats } from '../src/modules/reports/index.ts';
import { createTestApp, type TTestApp } from './app.ts';
import { createBrowser, createPerson, signedIn, type TBrowser } from './auth.ts';
import { startTestSmtp, type TTestSmtp } from './smtp.ts';

// Readers' error reports: the plain form and the dialog's JSON answers, what a report keeps (a cleaned
// page address), collapsing repeats, the defences (honeypot, rate limit, body size), and the editors'
// queue: deadlines, transitions, audit, and the outcome e-mailed to each reporter in their language.

let t: TTestApp;
let smtp: TTestSmtp;
let ip = 0;
const from = () => ({ 'x-forwarded-for': `198.51.100.${++ip}` });
beforeAll(async () => {
  smtp = await startTestSmtp();
  t = await createTestApp({ seed: false, env: { SMTP_URL: smtp.url, TRUST_PROXY: '1' } });
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});
beforeEach(() => {
  smtp.messages.length = 0;
});

const db = () => t.deps.db as Kysely<any>;
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
const reports = () => db().selectFrom('reports_report').selectAll().orderBy('id').execute();
const findReport = async (match: (r: any) => boolean) => {
  const found = (await reports()).find(match);
  if (!found) throw new Error('the report was not stored');
  return found;
};
const sightings = (reportId: number) =>
  db().selectFrom('reports_sighting').selectAll().where('report_id', '=', reportId).orderBy('id').execute();
const ARTICLE = '/en/news/guangzhou-innovative-ecosphere-gaining-momentum';
let n = 0;
/** A report of words nobody else reported, so each test has its own. */
const fresh = (extra: Record<string, string> = {}) => ({
  page: ARTICLE,
  selection: `The city had 1,${++n}00 incubators`,
  comment: 'It was 1,300 according to the source.',
  email: '',
  ...extra,
});
const editor = async (): Promise<TBrowser> =>
  signedIn(t, await createPerson(t, { role: 'editor', totp: true, nameLatin: 'Wang Fang' }), { mfa: true });

describe('the report form without JavaScript', () => {
  it('is linked from content pages only, with the page’s address', async () => {
    const news = await (await t.app.request('/en/news?page=1')).text();
    expect(news).toContain('href="/en/report?page=%2Fen%2Fnews%3Fpage%3D1"');
    expect(text(news)).toContain('Report an error on this page');
    const home = await (await t.app.request('/zh/')).text();
    expect(text(home)).toContain('报告本页错误');
    expect(home).toMatch(/data-report-hint="true" hidden=""/);
    for (const path of ['/en/login', '/en/report', '/en/no-such-page', '/en/report/sent']) {
      expect(await (await t.app.request(path)).text(), path).not.toContain('data-report-link');
    }
  });

  it('files a report with the page address cleaned of secrets, and thanks the reader with a way back', async () => {
    const b = createBrowser(t);
    const form = await b.get(`/en/report?page=${encodeURIComponent(ARTICLE)}`, from());
    expect(form.status).toBe(200);
    expect(await form.text()).toContain(`value="${ARTICLE}"`);
    const secret = 'Zx81kPq02LmNvB73hTcW9sYd';
    const res = await b.post(
      '/en/report',
      {
        page: `${ARTICLE}?token=${secret}&email=a@b.cn&q=x`,
        selection: '  GDP grew by\n 9.1 %  ',
        comment: 'The article says 7.0% elsewhere.',
        email: 'Reader.One@example.org',
        website: '',
      },
      from(),
    );
    expect(res.status).toBe(303);
    const location = res.headers.get('location') as string;
    expect(location).toBe(`/en/report/sent?page=${encodeURIComponent(`${ARTICLE}?q=x`)}`);
    const sent = await (await b.get(location)).text();
    expect(text(sent)).toContain('Thank you for your report');
    expect(sent).toContain(`href="${ARTICLE}?q=x"`);
    const row = await findReport((r) => r.selection === 'GDP grew by 9.1 %');
    expect(row).toMatchObject({ page: `${ARTICLE}?q=x`, locale: 'en', status: 'new', submissions: 1 });
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(await sightings(row.id)).toMatchObject([
      { locale: 'en', comment: 'The article says 7.0% elsewhere.', email: 'reader.one@example.org' },
    ]);
    const audit = await db()
      .selectFrom('ecosphere_audit')
      .selectAll()
      .where('subject_type', '=', 'error-report')
      .where('subject_id', '=', String(row.id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create:error-report']);
    expect(audit[0]?.after_json).not.toContain('@');
    // Nothing is mailed on receipt: the form cannot be used to mail strangers.
    await new Promise((r) => setTimeout(r, 100));
    expect(smtp.messages).toHaveLength(0);
  });

  it('collapses the same words on the same page into one report, keeping every reporter', async () => {
    const selection = 'Guangzhou has 2,000 high-tech firms';
    await createBrowser(t).post(
      '/en/report',
      { page: `${ARTICLE}?page=1`, selection, comment: 'Should be 20,000?', email: 'first@example.org' },
      from(),
    );
    await createBrowser(t).post(
      '/zh/report',
      {
        page: ARTICLE,
        selection: ' guangzhou HAS 2,000\nhigh-tech   firms ',
        comment: '',
        email: 'second@example.cn',
      },
      from(),
    );
    const rows = (await reports()).filter((r) => r.selection.toLowerCase() === selection.toLowerCase());
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ submissions: 2, locale: 'en', page: `${ARTICLE}?page=1` });
    expect(await sightings(rows[0]?.id)).toMatchObject([
      { locale: 'en', comment: 'Should be 20,000?', email: 'first@example.org' },
      { locale: 'zh', comment: null, email: 'second@example.cn' },
    ]);
    // The same words on another page are another report.
    await createBrowser(t).post('/en/report', { page: '/en/about', selection }, from());
    expect((await reports()).filter((r) => r.selection === selection)).toHaveLength(2);
  });

  it('answers a bot that fills the honeypot the same way, and keeps nothing', async () => {
    const before = await reports();
    const res = await createBrowser(t).post('/en/report', fresh({ website: 'http://spam.example' }), from());
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/en\/report\/sent\?page=/);
    expect(await reports()).toEqual(before);
    expect(await (await t.app.request('/en/report')).text()).toContain('<div class="hp" aria-hidden="true">');
  });

  it('refuses an address outside the site with a message, and a long selection keeping what was typed', async () => {
    const before = (await reports()).length;
    for (const page of ['https://evil.example/en/news', '/api/v1/openapi.json', 'javascript:alert(1)']) {
      const res = await createBrowser(t).post('/en/report', fresh({ page }), from());
      expect(res.status, page).toBe(422);
      expect(text(await res.text())).toContain('Enter the address of a page of this site');
    }
    const long = `${'广州创新生态圈'.repeat(72)}。`;
    const res = await createBrowser(t).post(
      '/zh/report',
      fresh({ selection: long, comment: '我的意见', email: 'me@example.cn' }),
      from(),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(text(html)).toContain('请不要超过 500 个字符');
    expect(html).toContain(long);
    expect(html).toContain('我的意见');
    expect(html).toContain('value="me@example.cn"');
    expect(html).toContain(`value="${ARTICLE}"`);
    expect((await reports()).length).toBe(before);
  });

  it('limits reports per address (429 with Retry-After), but refused forms do not count', async () => {
    const same = from();
    for (let i = 0; i < 3; i += 1) {
      expect((await createBrowser(t).post('/en/report', fresh({ selection: '' }), same)).status).toBe(422);
    }
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 11; i += 1) {
      last = await createBrowser(t).post('/en/report', fresh(), same);
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(303));
    expect(statuses[10]).toBe(429);
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('refuses a 10 MB body with 413 before reading it', async () => {
    const b = createBrowser(t);
    const csrf = await b.csrf();
    const res = await t.app.request('/en/report', {
      method: 'POST',
      body: `selection=${'a'.repeat(10 * 1024 * 1024)}`,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-csrf-token': csrf,
        cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...from(),
      },
    });
    expect(res.status).toBe(413);
  });
});

describe('the Ctrl+Enter dialog’s side', () => {
  it('serves the dialog in the reader’s language with a token, and takes reports as JSON', async () => {
    const b = createBrowser(t);
    const res = await b.get('/zh/report/dialog', from());
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).toMatch(/^<dialog id="report-dialog"[^>]*aria-labelledby="report-dialog-title"/);
    expect(text(html)).toContain('报告错误');
    expect(text(html)).toContain('感谢您的报告');
    expect(b.cookies.has('eco_csrf')).toBe(true);
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] as string;
    const post = (fields: Record<string, string>) =>
      t.app.request('/zh/report', {
        method: 'POST',
        body: new URLSearchParams(fields).toString(),
        headers: {
          accept: 'application/json',
          'content-type': 'application/x-www-form-urlencoded',
          'x-csrf-token': token,
          cookie: `eco_csrf=${b.cookies.get('eco_csrf')}`,
          ...from(),
        },
      });
    const bad = await post({ page: '/zh/news', selection: '' });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toEqual({ errors: { selection: '请填写此项' } });
    const ok = await post({
      page: '/zh/news/x',
      selection: '二〇一七年',
      contextBefore: `${'前文'.repeat(200)}截至`,
      contextAfter: '，全市共有孵化器 400 家\u0000。',
      comment: '应为二〇一八年',
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ok: true });
    const row = await findReport((r) => r.selection === '二〇一七年');
    expect(row).toMatchObject({
      locale: 'zh',
      page: '/zh/news/x',
      context_after: '，全市共有孵化器 400 家。',
    });
    expect([...row.context_before]).toHaveLength(300);
    expect(row.context_before.endsWith('截至')).toBe(true);
  });
});

describe('the editors’ queue', () => {
  it('does not exist for visitors and members, and asks staff for the second factor', async () => {
    const anon = await createBrowser(t).get('/en/staff/reports');
    expect(anon.status).toBe(303);
    expect(anon.headers.get('location')).toMatch(/^\/en\/login\?next=/);
    for (const role of ['member', 'reviewer'] as const) {
      const b = await signedIn(t, await createPerson(t, { role }));
      expect((await b.get('/en/staff/reports')).status, role).toBe(404);
      expect((await b.get('/en/staff/reports/1')).status, role).toBe(404);
    }
    const noMfa = await signedIn(t, await createPerson(t, { role: 'editor', totp: true }), { mfa: false });
    const res = await noMfa.get('/en/staff/reports');
    expect(res.headers.get('location')).toBe('/en/account/two-factor?required=1');
    expect((await (await editor()).get('/en/staff/reports')).status).toBe(200);
  });

  it('shows the due day three working days on, and marks open reports past it as overdue', async () => {
    await createBrowser(t).post('/en/report', fresh({ selection: 'Overdue words' }), from());
    await createBrowser(t).post('/en/report', fresh({ selection: 'Closed late words' }), from());
    const late = await findReport((r) => r.selection === 'Overdue words');
    const closed = await findReport((r) => r.selection === 'Closed late words');
    // Friday 28 November 2025, 10:00 in Guangzhou: due on Wednesday 3 December.
    await db()
      .updateTable('reports_report')
      .set({ created_at: '2025-11-28T02:00:00.000Z', due_on: '2025-12-03' })
      .where('id', 'in', [late.id, closed.id])
      .execute();
    const e = await editor();
    expect(
      (await e.post(`/en/staff/reports/${closed.id}/decline`, { reason: 'Correct as written.' })).status,
    ).toBe(303);
    const queue = await (await e.get('/en/staff/reports?sort=due')).text();
    const lines = [...queue.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => text(m[0]));
    const lateLine = lines.find((l) => l.includes('Overdue words')) as string;
    expect(lateLine).toContain('3 December 2025');
    expect(lateLine).toContain('Overdue');
    expect(queue).toContain('class="is-overdue"');
    expect(lines.find((l) => l.includes('Closed late words'))).not.toContain('Overdue');
    // Due first: the oldest deadline leads.
    expect(lines.findIndex((l) => l.includes('Overdue words'))).toBe(1);
    const detail = text(await (await e.get(`/zh/staff/reports/${late.id}`)).text());
    expect(detail).toContain('2025年12月3日');
    expect(detail).toContain('已逾期');
  });

  it('moves a report new → accepted → fixed, audited, and tells each reporter in their language', async () => {
    const selection = 'Baiyun airport opened in 1999';
    await createBrowser(t).post(
      '/en/report',
      { page: ARTICLE, selection, comment: 'It opened in 2004.', email: 'en.reader@example.org' },
      from(),
    );
    await createBrowser(t).post(
      '/zh/report',
      { page: ARTICLE, selection, comment: '应为2004年', email: 'zh.reader@example.cn' },
      from(),
    );
    await createBrowser(t).post(
      '/zh/report',
      { page: ARTICLE, selection, email: 'zh.reader@example.cn' },
      from(),
    );
    const row = await findReport((r) => r.selection === selection);
    expect(row.submissions).toBe(3);
    const e = await editor();
    const page = await (await e.get(`/en/staff/reports/${row.id}`)).text();
    expect(text(page)).toContain('It opened in 2004.');
    expect(text(page)).toContain('应为2004年');
    expect(text(page)).toContain('Times reported 3');
    expect(text(page)).toContain('2: en.reader@example.org, zh.reader@example.cn');
    expect(page).toContain(`<mark>${selection}</mark>`);

    const accepted = await e.post(`/en/staff/reports/${row.id}/accept`, {});
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get('location')).toBe(`/en/staff/reports/${row.id}?done=accepted`);
    const again = await e.post(`/en/staff/reports/${row.id}/accept`, {});
    expect(again.status).toBe(409);
    expect(text(await again.text())).toContain('This report is already “Accepted”.');
    // While it is open, a new report of the same words still collapses into it.
    await createBrowser(t).post('/en/report', { page: ARTICLE, selection }, from());
    expect((await reports()).filter((r) => r.selection === selection)).toHaveLength(1);

    const fixed = await e.post(`/en/staff/reports/${row.id}/fix`, { note: 'Corrected to 2004. Thank you!' });
    expect(fixed.status).toBe(303);
    const en = await smtp.waitForMatch((m) => (m.to as { text: string }).text === 'en.reader@example.org');
    expect(en.subject).toBe('Your error report: the page was corrected');
    expect(en.text).toContain(`http://localhost:3000${ARTICLE}`);
    expect(en.text).toContain(`> ${selection}`);
    expect(en.text).toContain('> Corrected to 2004. Thank you!');
    expect(en.headers.get('content-language')).toBe('en');
    const zh = await smtp.waitForMatch((m) => (m.to as { text: string }).text === 'zh.reader@example.cn');
    expect(zh.subject).toBe('您的错误报告：页面已更正');
    expect(zh.text).toContain('编辑已更正该页面。');
    expect(zh.headers.get('content-language')).toBe('zh-CN');
    await new Promise((r) => setTimeout(r, 200));
    // One message per address, however many times it reported.
    expect(smtp.messages).toHaveLength(2);

    const back = await e.post(`/zh/staff/reports/${row.id}/accept`, {});
    expect(back.status).toBe(409);
    expect(text(await back.text())).toContain('此报告为“已更正”状态，不能再更改。');
    expect((await e.post(`/en/staff/reports/${row.id}/decline`, { reason: 'No.' })).status).toBe(409);
    const after = await findReport((r) => r.id === row.id);
    expect(after).toMatchObject({
      status: 'fixed',
      open_key: null,
      resolution_note: 'Corrected to 2004. Thank you!',
    });
    expect(after.resolved_at).toBeTruthy();
    const shown = text(await (await e.get(`/en/staff/reports/${row.id}`)).text());
    expect(shown).toContain('Wang Fang');
    expect(shown).not.toContain('Mark fixed');

    const audit = await db()
      .selectFrom('ecosphere_audit')
      .selectAll()
      .where('action', '=', 'update:error-report:status')
      .where('subject_id', '=', String(row.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => [JSON.parse(a.before_json).status, JSON.parse(a.after_json).status])).toEqual([
      ['new', 'accepted'],
      ['accepted', 'fixed'],
    ]);
    expect(audit.every((a) => !`${a.before_json}${a.after_json}`.includes('@'))).toBe(true);
    expect(
      (
        await db()
          .selectFrom('ecosphere_audit')
          .select('action')
          .where('subject_id', '=', String(row.id))
          .where('action', '=', 'repeat:error-report')
          .execute()
      ).length,
    ).toBe(3);

    // Once fixed, the same words make a new report.
    await createBrowser(t).post('/en/report', { page: ARTICLE, selection }, from());
    expect((await reports()).filter((r) => r.selection === selection)).toHaveLength(2);
  });

  it('declines with a reason (required), mailed to the reporter', async () => {
    await createBrowser(t).post(
      '/zh/report',
      fresh({ selection: '珠江新城', email: 'decline@example.cn' }),
      from(),
    );
    const row = await findReport((r) => r.selection === '珠江新城');
    const e = await editor();
    const empty = await e.post(`/zh/staff/reports/${row.id}/decline`, { reason: '  ' });
    expect(empty.status).toBe(422);
    expect(text(await empty.text())).toContain('请填写此项');
    expect((await e.post(`/zh/staff/reports/${row.id}/decline`, { reason: '原文如此。' })).status).toBe(303);
    const mail = await smtp.waitForMatch((m) => (m.to as { text: string }).text === 'decline@example.cn');
    expect(mail.subject).toBe('您的错误报告：页面未作更改');
    expect(mail.text).toContain('> 原文如此。');
    expect((await e.post(`/zh/staff/reports/${row.id}/fix`, {})).status).toBe(409);
    expect((await e.post('/en/staff/reports/999999/accept', {})).status).toBe(404);
  });
});

describe('statistics', () => {
  it('counts reports received, submissions, resolved, open and overdue, and the median time to resolve', async () => {
    const s = await createTestApp({ seed: false, env: { TRUST_PROXY: '1' } });
    try {
      const sdb = s.deps.db as Kysely<any>;
      const post = (selection: string) =>
        createBrowser(s).post('/en/report', { page: '/en/about', selection }, from());
      for (const words of ['one', 'two', 'two', 'three', 'four']) await post(words);
      const rows = await sdb.selectFrom('reports_report').selectAll().orderBy('id').execute();
      expect(rows.map((r) => [r.selection, r.submissions])).toEqual([
        ['one', 1],
        ['two', 2],
        ['three', 1],
        ['four', 1],
      ]);
      const set = (id: number, values: Record<string, unknown>) =>
        sdb.updateTable('reports_report').set(values).where('id', '=', id).execute();
      const [one, two, three, four] = rows.map((r) => r.id as number);
      // Received Monday 3 November 2025; "one" fixed 10 h later, "two" declined 30 h later.
      for (const id of [one, two, three] as number[])
        await set(id, { created_at: '2025-11-03T01:00:00.000Z', due_on: '2025-11-06' });
      await sdb.updateTable('reports_sighting').set({ created_at: '2025-11-03T01:00:00.000Z' }).execute();
      await set(one as number, { status: 'fixed', open_key: null, resolved_at: '2025-11-03T11:00:00.000Z' });
      await set(two as number, {
        status: 'declined',
        open_key: null,
        resolved_at: '2025-11-04T07:00:00.000Z',
      });
      await set(four as number, { created_at: '2025-12-01T01:00:00.000Z', due_on: '2025-12-04' });
      await sdb
        .updateTable('reports_sighting')
        .set({ created_at: '2025-12-01T01:00:00.000Z' })
        .where('report_id', '=', four as number)
        .execute();

      // November 2025: "three" is still open at the end, and past its due day (6 November).
      expect(await errorReportStats(s.deps, { from: '2025-11-01', to: '2025-12-01' })).toEqual({
        received: 3,
        submissions: 4,
        resolved: 2,
        open: 1,
        overdue: 1,
        medianHoursToResolve: 20,
      });
      // At midnight on 4 November "two" was still open too, and nothing was due yet.
      expect(await errorReportStats(s.deps, { to: '2025-11-04T00:00:00.000Z' })).toMatchObject({
        received: 3,
        resolved: 1,
        open: 2,
        overdue: 0,
        medianHoursToResolve: 10,
      });
      expect(await errorReportStats(s.deps, { from: '2026-01-01', to: '2026-02-01' })).toMatchObject({
        received: 0,
        submissions: 0,
        resolved: 0,
        medianHoursToResolve: null,
      });
      expect(await errorReportStats(s.deps)).toEqual({
        received: 4,
        submissions: 5,
        resolved: 2,
        open: 2,
        overdue: 2,
        medianHoursToResolve: 20,
      });
      await expect(errorReportStats(s.deps, { from: 'last week' })).rejects.toThrow(/ISO/);
    } finally {
      await s.close();
    }
  });
});
