import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TTestApp } from './app.ts';
import { createBrowser, createPerson, signedIn } from './auth.ts';
import { startTestSmtp, type TTestSmtp } from './smtp.ts';

// Contact us: the public form (honeypot, rate limit, field errors) and the staff inbox with replies by
// e-mail in the sender's language.

let t: TTestApp;
let smtp: TTestSmtp;
let ip = 0;
const from = () => ({ 'x-forwarded-for': `192.0.2.${++ip}` });
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
    .replace(/\s+/g, ' ');
const messages = () => db().selectFrom('contact_message').selectAll().orderBy('id').execute();
const good = {
  name: '李雷',
  email: 'li.lei@example.org',
  subject: '数据下载',
  message: '请问孵化器数据\n可以下载吗？',
};

describe('the Contact us form', () => {
  it('takes a message, shows its reference, and files it for staff', async () => {
    const before = (await messages()).length;
    const b = createBrowser(t);
    const res = await b.post('/zh/contact', good, from());
    // Post/redirect/get: a reload of the next page cannot send the message twice.
    expect(res.status).toBe(303);
    const location = res.headers.get('location') as string;
    expect(location).toMatch(/^\/zh\/contact\/sent\?ref=C-[2-9A-HJ-NP-Z]{6}$/);
    const reference = /编号为 (C-[2-9A-HJ-NP-Z]{6})/.exec(text(await (await b.get(location)).text()))?.[1];
    expect(reference).toBe(new URL(location, 'http://x').searchParams.get('ref'));
    const rows = await messages();
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({
      reference,
      locale: 'zh',
      status: 'new',
      body: good.message,
      email: 'li.lei@example.org',
    });
    const audit = await db()
      .selectFrom('ecosphere_audit')
      .selectAll()
      .where('action', '=', 'create:contact-message')
      .execute();
    expect(audit.at(-1)?.after_json).not.toContain('li.lei');
    // No e-mail goes to the given address: the form cannot be used to mail strangers.
    await new Promise((r) => setTimeout(r, 100));
    expect(smtp.messages).toHaveLength(0);
  });

  it('answers a bot that fills the honeypot the same way, and keeps nothing', async () => {
    const before = (await messages()).length;
    const b = createBrowser(t);
    const res = await b.post('/en/contact', { ...good, website: 'http://spam.example' }, from());
    expect(res.status).toBe(303);
    expect(text(await (await b.get(res.headers.get('location') as string)).text())).toMatch(
      /Your reference is C-/,
    );
    expect(await messages()).toHaveLength(before);
    // The field is hidden from people and from screen readers alike.
    expect(await (await b.get('/en/contact')).text()).toContain('<div class="hp" aria-hidden="true">');
  });

  it('shows field errors in the reader’s language and keeps what was typed', async () => {
    const before = (await messages()).length;
    const res = await createBrowser(t).post(
      '/zh/contact',
      { ...good, email: 'not-an-address', message: '' },
      from(),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(text(html)).toContain('请输入格式正确的电子邮箱地址');
    expect(text(html)).toContain('请填写此项');
    expect(html).toContain('value="数据下载"');
    expect(await messages()).toHaveLength(before);
  });

  it('limits how many messages one address sends (429 with Retry-After), but typos do not count', async () => {
    const same = from();
    for (let i = 0; i < 6; i += 1) {
      expect((await createBrowser(t).post('/en/contact', { ...good, email: `typo${i}` }, same)).status).toBe(
        422,
      );
    }
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      statuses.push(
        (await createBrowser(t).post('/en/contact', { ...good, subject: `No. ${i}` }, same)).status,
      );
    }
    expect(statuses.slice(0, 5)).toEqual([303, 303, 303, 303, 303]);
    expect(statuses[5]).toBe(429);
  });
});

describe('the staff inbox', () => {
  it('lets an editor read a message (logged), reply in the sender’s language, and close it', async () => {
    await createBrowser(t).post('/zh/contact', { ...good, subject: '关于统计口径' }, from());
    const row = (await messages()).find((m) => m.subject === '关于统计口径');
    if (!row) throw new Error('the message was not stored');
    const editor = await createPerson(t, { role: 'editor', nameLatin: 'Han Mei' });
    const e = await signedIn(t, editor);
    const inbox = text(await (await e.get('/en/staff/contact?status=new')).text());
    expect(inbox).toContain(row.reference);
    expect(inbox).toMatch(/New \(\d+\)/);
    const page = await e.get(`/en/staff/contact/${row.id}`);
    expect(page.status).toBe(200);
    expect(text(await page.text())).toContain('请问孵化器数据');
    const reads = await db()
      .selectFrom('ecosphere_audit')
      .selectAll()
      .where('action', '=', 'read:contact-message')
      .where('actor_id', '=', editor.id)
      .execute();
    expect(reads).toHaveLength(1);

    expect((await e.post(`/en/staff/contact/${row.id}/reply`, { reply: '' })).status).toBe(422);
    const sent = await e.post(`/en/staff/contact/${row.id}/reply`, {
      reply: '可以，请访问统计页面下载 CSV。',
    });
    expect(sent.status).toBe(303);
    const mail = await smtp.waitForMatch((m) => (m.to as { text: string }).text === 'li.lei@example.org');
    expect(mail.subject).toBe(`回复：关于统计口径 [${row.reference}]`);
    expect(mail.text).toContain('可以，请访问统计页面下载 CSV。');
    expect(mail.text).toContain('> 请问孵化器数据');
    expect(mail.headers.get('content-language')).toBe('zh-CN');
    const after = (await messages()).find((m) => m.id === row.id);
    expect(after?.status).toBe('answered');
    expect(text(await (await e.get(`/en/staff/contact/${row.id}`)).text())).toContain('Han Mei');

    expect((await e.post(`/en/staff/contact/${row.id}/status`, { status: 'closed' })).status).toBe(303);
    const audit = await db()
      .selectFrom('ecosphere_audit')
      .selectAll()
      .where('action', '=', 'update:contact-message:status')
      .execute();
    expect(JSON.parse(audit.at(-1)?.after_json)).toEqual({ status: 'closed' });
  });

  it('records nothing when the reply cannot be sent, and says so', async () => {
    // Production without SMTP_URL: the mailer refuses to pretend.
    const prod = await createTestApp({
      seed: false,
      env: {
        NODE_ENV: 'production',
        SESSION_SECRET: 'k9Qm2Lx7Vb4Np8Rt3Wz6Yc1Hd5Fg0Js2Ka7',
        TRUST_PROXY: '1',
      },
    });
    try {
      await createBrowser(prod).post('/en/contact', good, from());
      const row = await (prod.deps.db as Kysely<any>)
        .selectFrom('contact_message')
        .selectAll()
        .executeTakeFirstOrThrow();
      const e = await signedIn(prod, await createPerson(prod, { role: 'editor' }));
      const res = await e.post(`/en/staff/contact/${row.id}/reply`, { reply: 'Hello' });
      expect(res.status).toBe(422);
      expect(text(await res.text())).toContain('The reply could not be sent');
      const after = await (prod.deps.db as Kysely<any>)
        .selectFrom('contact_message')
        .selectAll()
        .executeTakeFirstOrThrow();
      expect(after.status).toBe('new');
      const replies = await (prod.deps.db as Kysely<any>).selectFrom('contact_reply').selectAll().execute();
      expect(replies).toEqual([]);
    } finally {
      await prod.close();
    }
  });

  it('does not exist for members or reviewers', async () => {
    for (const role of ['member', 'reviewer'] as const) {
      const b = await signedIn(t, await createPerson(t, { role }));
      expect((await b.get('/en/staff/contact')).status).toBe(404);
    }
  });
});
