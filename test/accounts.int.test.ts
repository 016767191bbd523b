import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { base32Decode, stepAt, totpCode } from '../src/platform/auth/totp.ts';
import { SESSION_COOKIE } from '../src/platform/http/session-cookie.ts';
import { createTestApp, type TTestApp } from './app.ts';
import { createBrowser, createPerson, currentCode, linkIn, pathOf, signedIn, TEST_PASSWORD } from './auth.ts';
import { startTestSmtp, type TTestSmtp } from './smtp.ts';

// People: sign up, confirm the address, sign in (with a second factor), reset a password, manage the
// account. Real database (both engines), real SMTP server.

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
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');
const person = (email: string) =>
  db().selectFrom('accounts_person').selectAll().where('email', '=', email).executeTakeFirst();
const auditOf = (action: string) =>
  db().selectFrom('ecosphere_audit').selectAll().where('action', '=', action).execute();
const strong = 'violet kettle harbour 93';

describe('sign up and confirm the address', () => {
  it('creates the account, mails a confirmation link in the page language, and the link confirms it once', async () => {
    const b = createBrowser(t);
    const res = await b.post('/zh/signup', {
      email: ' Li.Hua@Example.ORG ',
      password: strong,
      name_latin: 'Li Hua',
      name_zh: '李华',
    });
    expect(res.status).toBe(200);
    expect(text(await res.text())).toContain('请查收邮件');
    const [msg] = await smtp.waitFor(1);
    expect(msg?.subject).toBe('请确认您的电子邮箱');
    expect(msg?.headers.get('content-language')).toBe('zh-CN');
    const row = await person('li.hua@example.org');
    expect(row?.email_verified_at).toBeNull();
    expect(row?.password_hash).toMatch(/^scrypt\$N=32768,r=8,p=1\$/);
    expect(row?.name_zh).toBe('李华');

    const url = linkIn(msg?.text);
    expect(url).toMatch(/\/zh\/verify-email\?token=/);
    // Opening the link changes nothing (mail scanners follow links); the button does.
    const page = await b.get(pathOf(url));
    expect(page.status).toBe(200);
    expect((await person('li.hua@example.org'))?.email_verified_at).toBeNull();
    const token = new URL(url).searchParams.get('token') as string;
    const confirm = await b.post('/zh/verify-email', { token });
    expect(confirm.status).toBe(303);
    expect((await person('li.hua@example.org'))?.email_verified_at).not.toBeNull();
    expect(await auditOf('verify:email')).toHaveLength(1);
    const again = await b.post('/zh/verify-email', { token });
    expect(again.status).toBe(400);
    expect(text(await again.text())).toContain('此链接已过期或已被使用');
  });

  it('answers the same for an address that has an account, and tells its owner instead', async () => {
    const existing = await createPerson(t, { email: 'taken@example.org' });
    const fresh = await createBrowser(t).post('/en/signup', {
      email: 'new-one@example.org',
      password: strong,
    });
    const dup = await createBrowser(t).post('/en/signup', { email: existing.email, password: strong });
    expect(dup.status).toBe(fresh.status);
    const a = text(await fresh.text()).replace('new-one@example.org', 'X');
    const b = text(await dup.text()).replace(existing.email, 'X');
    expect(b).toBe(a);
    const msgs = await smtp.waitFor(2);
    const toExisting = msgs.find((m) => m.subject?.startsWith('Someone tried'));
    expect(toExisting?.text).toContain('/en/password/forgot');
    const count = await db()
      .selectFrom('accounts_person')
      .select(sql<number>`count(*)`.as('n'))
      .where('email', '=', existing.email)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('refuses weak passwords with a message in the reader’s language and stores nothing', async () => {
    for (const [locale, password, message] of [
      ['en', 'short', 'Password must be at least 10 characters'],
      ['en', 'password123', 'This password is too common'],
      ['zh', 'qwertyuiop', '该密码过于常见'],
      ['en', 'weak.person@example.org!!', 'must not contain your email address'],
    ] as const) {
      const res = await createBrowser(t).post(`/${locale}/signup`, {
        email: 'weak.person@example.org',
        password,
      });
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(text(html)).toContain(message);
      // The password is never echoed back.
      expect(html).not.toContain(`value="${password}"`);
    }
    expect(await person('weak.person@example.org')).toBeUndefined();
  });
});

describe('sign in and out', () => {
  it('signs in with a new session id, and out again', async () => {
    const p = await createPerson(t);
    const b = await signedIn(t, p);
    const before = b.cookies.get(SESSION_COOKIE);
    const res = await b.post('/en/login', {
      email: p.email.toUpperCase(),
      password: TEST_PASSWORD,
      next: '/en/account',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/en/account');
    const after = b.cookies.get(SESSION_COOKIE);
    expect(after).toBeTruthy();
    expect(after).not.toBe(before);
    // The old session is gone from the table, not just replaced in the browser.
    const sessions = await db()
      .selectFrom('accounts_session')
      .select('id')
      .where('person_id', '=', p.id)
      .execute();
    expect(sessions).toHaveLength(2 - 1);
    const account = await b.get('/en/account');
    expect(account.status).toBe(200);
    expect(account.headers.get('cache-control')).toBe('private, no-store');
    expect(text(await account.text())).toContain(p.email);
    const out = await b.post('/en/logout');
    expect(out.status).toBe(303);
    expect(b.cookies.has(SESSION_COOKIE)).toBe(false);
    const gone = await b.get('/en/account');
    expect(gone.status).toBe(303);
    expect(gone.headers.get('location')).toBe('/en/login?next=%2Fen%2Faccount');
  });

  it('answers a wrong password and an unknown address the same way', async () => {
    const p = await createPerson(t);
    const wrong = await createBrowser(t).post('/en/login', {
      email: p.email,
      password: 'not the password at all',
    });
    const unknown = await createBrowser(t).post('/en/login', {
      email: 'nobody-here@example.org',
      password: 'not the password at all',
    });
    expect(wrong.status).toBe(422);
    expect(unknown.status).toBe(422);
    const strip = (h: string) => text(h).replace(/nobody-here@example\.org|\S+@example\.org/g, 'X');
    expect(strip(await wrong.text())).toBe(strip(await unknown.text()));
  });

  it('never follows a "next" that leaves the site', async () => {
    const p = await createPerson(t);
    for (const next of [
      'https://evil.example/',
      '//evil.example/',
      '/\\evil.example',
      'javascript:alert(1)',
    ]) {
      const res = await createBrowser(t).post('/en/login', { email: p.email, password: TEST_PASSWORD, next });
      expect(res.headers.get('location')).toBe('/en/account');
    }
  });
});

describe('two-factor authentication', () => {
  it('asks for the code after the password; a used code or a wrong one does not work; a recovery code works once', async () => {
    const b = createBrowser(t);
    // Enrol through the pages, as a person would.
    const p = await createPerson(t, { totp: false });
    const s = await signedIn(t, p);
    const setup = await (await s.get('/en/account/two-factor')).text();
    const key = /data-totp-key[^>]*>([A-Z2-7 ]+)</.exec(setup)?.[1]?.replace(/ /g, '') as string;
    const pending = /name="pending" value="([^"]+)"/.exec(setup)?.[1] as string;
    const wrong = await s.post('/en/account/two-factor', { pending, code: '000000' });
    expect(wrong.status).toBe(422);
    const enrolled = await s.post('/en/account/two-factor', {
      pending,
      code: totpCode(base32Decode(key), stepAt(Date.now())),
    });
    expect(enrolled.status).toBe(200);
    const codes = [...(await enrolled.text()).matchAll(/<code>([a-z2-7]{5}-[a-z2-7]{5})<\/code>/g)].map(
      (m) => m[1] as string,
    );
    expect(codes).toHaveLength(10);
    expect((await person(p.email))?.totp_secret).not.toContain(key);

    const login = await b.post('/en/login', { email: p.email, password: TEST_PASSWORD });
    expect(login.headers.get('location')).toBe('/en/login/two-factor?next=%2Fen%2Faccount');
    // Half signed in: no access yet.
    expect((await b.get('/en/account')).status).toBe(303);
    // The code just used to enrol cannot be used again.
    const replay = await b.post('/en/login/two-factor', {
      code: totpCode(base32Decode(key), stepAt(Date.now())),
    });
    expect(replay.status).toBe(422);
    const rec = await b.post('/en/login/two-factor', { code: (codes[0] as string).toUpperCase() });
    expect(rec.status).toBe(303);
    expect((await b.get('/en/account')).status).toBe(200);
    const b2 = createBrowser(t);
    await b2.post('/en/login', { email: p.email, password: TEST_PASSWORD });
    expect((await b2.post('/en/login/two-factor', { code: codes[0] as string })).status).toBe(422);
    const used = await auditOf('login:second-factor');
    expect(used.some((r) => JSON.parse(r.after_json).method === 'recovery-code')).toBe(true);
  });

  it('keeps staff powers off until the second factor is given', async () => {
    const admin = await createPerson(t, { role: 'staff-admin' });
    const without = await signedIn(t, admin, { mfa: false });
    const res = await without.get('/en/staff/people');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/en/account/two-factor?required=1');
    const b = createBrowser(t);
    await b.post('/en/login', { email: admin.email, password: TEST_PASSWORD });
    await b.post('/en/login/two-factor', { code: currentCode(admin) });
    expect((await b.get('/en/staff/people')).status).toBe(200);
    // Staff cannot switch the second factor off.
    const off = await b.post('/en/account/two-factor/disable', { disable_password: TEST_PASSWORD });
    expect(off.status).toBe(422);
    expect((await person(admin.email))?.totp_enabled_at).not.toBeNull();
  });
});

describe('forgotten password', () => {
  it('answers the same whether or not the address has an account; the link works once and ends every session', async () => {
    const p = await createPerson(t, { locale: 'zh' });
    const other = await signedIn(t, p);
    const known = await createBrowser(t).post('/en/password/forgot', { email: p.email });
    const unknown = await createBrowser(t).post('/en/password/forgot', { email: 'no-account@example.org' });
    expect(known.status).toBe(unknown.status);
    expect(text(await known.text()).replace(p.email, 'X')).toBe(
      text(await unknown.text()).replace('no-account@example.org', 'X'),
    );
    const [msg] = await smtp.waitFor(1);
    expect(smtp.messages).toHaveLength(1);
    expect(msg?.subject).toBe('Reset your password');
    const url = linkIn(msg?.text);
    const token = new URL(url).searchParams.get('token') as string;
    const b = createBrowser(t);
    expect((await b.get(pathOf(url))).status).toBe(200);
    const weak = await b.post('/en/password/reset', { token, password: 'short' });
    expect(weak.status).toBe(422);
    const done = await b.post('/en/password/reset', { token, password: strong });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/en/login?done=passwordReset');
    expect((await b.post('/en/password/reset', { token, password: `${strong}x` })).status).toBe(400);
    expect((await other.get('/en/account')).status).toBe(303);
    const login = await createBrowser(t).post('/en/login', { email: p.email, password: strong });
    expect(login.status).toBe(303);
    const notice = await smtp.waitFor(2);
    expect(notice[1]?.subject).toBe('您的密码已更改');
  });
});

describe('the account pages', () => {
  it('changes the password: every other session ends, this one continues with a new id', async () => {
    const p = await createPerson(t);
    const here = await signedIn(t, p);
    const elsewhere = await signedIn(t, p);
    const before = here.cookies.get(SESSION_COOKIE);
    const wrong = await here.post('/en/account/password', {
      current_password: 'nope nope nope',
      password: strong,
    });
    expect(wrong.status).toBe(422);
    expect(text(await wrong.text())).toContain('The password is not correct');
    const ok = await here.post('/en/account/password', { current_password: TEST_PASSWORD, password: strong });
    expect(ok.status).toBe(303);
    expect(here.cookies.get(SESSION_COOKIE)).not.toBe(before);
    expect((await here.get('/en/account')).status).toBe(200);
    expect((await elsewhere.get('/en/account')).status).toBe(303);
  });

  it('changes the e-mail address only when the new address confirms it', async () => {
    const p = await createPerson(t);
    const b = await signedIn(t, p);
    const res = await b.post('/en/account/email', {
      email: 'moved@example.org',
      confirm_password: TEST_PASSWORD,
    });
    expect(res.status).toBe(303);
    const msgs = await smtp.waitFor(2);
    const confirm = msgs.find((m) => (m.to as { text: string }).text === 'moved@example.org');
    const warn = msgs.find((m) => (m.to as { text: string }).text === p.email);
    expect(warn?.text).toContain('mo***@example.org');
    expect((await person(p.email))?.id).toBe(p.id);
    const token = new URL(linkIn(confirm?.text)).searchParams.get('token') as string;
    expect((await b.post('/en/account/email/confirm', { token })).status).toBe(303);
    expect((await person('moved@example.org'))?.id).toBe(p.id);
  });

  it('lists sessions and signs out everywhere else', async () => {
    const p = await createPerson(t);
    const here = await signedIn(t, p);
    const there = await signedIn(t, p);
    const list = await (await here.get('/en/account/sessions')).text();
    expect(text(list)).toContain('This browser');
    expect((await here.post('/en/account/sessions/others')).status).toBe(303);
    expect((await there.get('/en/account')).status).toBe(303);
    expect((await here.get('/en/account')).status).toBe(200);
  });

  it('updates the profile, downloads my data, and deletes the account keeping a "deleted user"', async () => {
    const p = await createPerson(t);
    const b = await signedIn(t, p);
    const saved = await b.post('/en/account/profile', {
      name_latin: 'Chen Ming',
      name_zh: '陈明',
      locale: 'zh',
    });
    expect(saved.headers.get('location')).toBe('/zh/account?done=saved');
    const audit = (await auditOf('update:person')).find((r) => r.subject_id === String(p.id));
    expect(audit?.after_json).not.toContain('陈明');
    const exported = await b.get('/en/account/export');
    expect(exported.headers.get('content-disposition')).toContain('attachment');
    const data = (await exported.json()) as { person: { email: string; nameZh: string } };
    expect(data.person).toMatchObject({ email: p.email, nameZh: '陈明' });
    expect(JSON.stringify(data)).not.toMatch(/scrypt|password_hash|totp_secret/);
    expect((await b.post('/en/account/delete', { password: 'wrong password!' })).status).toBe(422);
    const gone = await b.post('/en/account/delete', { password: TEST_PASSWORD });
    expect(gone.status).toBe(303);
    const row = await db()
      .selectFrom('accounts_person')
      .selectAll()
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      email: `deleted-${p.id}@invalid`,
      name_latin: null,
      name_zh: null,
      password_hash: null,
    });
    expect(row.deleted_at).not.toBeNull();
    expect(
      (await createBrowser(t).post('/en/login', { email: p.email, password: TEST_PASSWORD })).status,
    ).toBe(422);
  });
});

describe('what the security review asked for', () => {
  it('a pending e-mail change dies with a password reset, and a confirmed one ends every session and tells the old address', async () => {
    const p = await createPerson(t);
    const thief = await signedIn(t, p);
    expect(
      (await thief.post('/en/account/email', { email: 'thief@example.net', confirm_password: TEST_PASSWORD }))
        .status,
    ).toBe(303);
    const change = await smtp.waitForMatch((m) => (m.to as { text: string }).text === 'thief@example.net');
    const stolen = new URL(linkIn(change.text)).searchParams.get('token') as string;
    // The owner follows the warning and resets the password.
    await createBrowser(t).post('/en/password/forgot', { email: p.email });
    const reset = await smtp.waitForMatch(
      (m) => m.subject === 'Reset your password' && (m.to as { text: string }).text === p.email,
    );
    const token = new URL(linkIn(reset.text)).searchParams.get('token') as string;
    expect((await createBrowser(t).post('/en/password/reset', { token, password: strong })).status).toBe(303);
    expect((await createBrowser(t).post('/en/account/email/confirm', { token: stolen })).status).toBe(400);
    expect((await person(p.email))?.id).toBe(p.id);

    // A legitimate change: sessions end, the old address hears of it.
    const q = await createPerson(t);
    const b = await signedIn(t, q);
    await b.post('/en/account/email', { email: 'new-home@example.org', confirm_password: TEST_PASSWORD });
    const ok = await smtp.waitForMatch((m) => (m.to as { text: string }).text === 'new-home@example.org');
    const okToken = new URL(linkIn(ok.text)).searchParams.get('token') as string;
    expect((await createBrowser(t).post('/en/account/email/confirm', { token: okToken })).status).toBe(303);
    expect((await b.get('/en/account')).status).toBe(303);
    const told = await smtp.waitForMatch(
      (m) => (m.to as { text: string }).text === q.email && m.subject === 'Your email address was changed',
    );
    expect(told.text).toContain('ne***@example.org');
    expect(await auditOf('request:person:email')).not.toHaveLength(0);
  });

  it('binds a second factor only to a confirmed address; a reset that confirms it clears a squatter’s factor', async () => {
    const squatter = await createPerson(t, { verified: false, email: 'squatted@example.org' });
    const s = await signedIn(t, squatter);
    const setup = await (await s.get('/en/account/two-factor')).text();
    const key = /data-totp-key[^>]*>([A-Z2-7 ]+)</.exec(setup)?.[1]?.replace(/ /g, '') as string;
    const pending = /name="pending" value="([^"]+)"/.exec(setup)?.[1] as string;
    const refused = await s.post('/en/account/two-factor', {
      pending,
      code: totpCode(base32Decode(key), stepAt(Date.now())),
    });
    expect(refused.status).toBe(422);
    expect(text(await refused.text())).toContain(
      'Confirm your email address before you set up two-factor authentication',
    );
    // Had the squatter set one up anyway (e.g. before this rule), the owner's reset clears it.
    await db()
      .updateTable('accounts_person')
      .set({ totp_secret: 'v1.x.y.z', totp_enabled_at: new Date().toISOString() })
      .where('id', '=', squatter.id)
      .execute();
    await createBrowser(t).post('/en/password/forgot', { email: squatter.email });
    const reset = await smtp.waitForMatch((m) => (m.to as { text: string }).text === squatter.email);
    const token = new URL(linkIn(reset.text)).searchParams.get('token') as string;
    await createBrowser(t).post('/en/password/reset', { token, password: strong });
    const row = await person(squatter.email);
    expect(row).toMatchObject({ totp_secret: null, totp_enabled_at: null });
    expect(row?.email_verified_at).not.toBeNull();
  });

  it('turning two-factor off takes a current code as well as the password', async () => {
    const p = await createPerson(t, { totp: true });
    const b = await signedIn(t, p, { mfa: true });
    const noCode = await b.post('/en/account/two-factor/disable', {
      disable_password: TEST_PASSWORD,
      disable_code: '000000',
    });
    expect(noCode.status).toBe(422);
    expect((await person(p.email))?.totp_enabled_at).not.toBeNull();
    const ok = await b.post('/en/account/two-factor/disable', {
      disable_password: TEST_PASSWORD,
      disable_code: currentCode(p),
    });
    expect(ok.status).toBe(303);
    expect((await person(p.email))?.totp_enabled_at).toBeNull();
  });

  it('staff can remove someone’s lost second factor, which ends their sessions and is audited', async () => {
    const admin = await createPerson(t, { role: 'staff-admin' });
    const editor = await createPerson(t, { role: 'editor' });
    const e = await signedIn(t, editor);
    const a = await signedIn(t, admin);
    expect((await a.post(`/en/staff/people/${editor.id}/two-factor/reset`)).status).toBe(303);
    expect((await person(editor.email))?.totp_enabled_at).toBeNull();
    expect((await e.get('/en/account')).status).toBe(303);
    const rows = (await auditOf('reset:person:two-factor')).filter((r) => r.subject_id === String(editor.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.actor_id).toBe(admin.id);
  });

  it('never redirects to characters a Location header cannot carry', async () => {
    const p = await createPerson(t);
    for (const next of ['/en/\u0001', '/en/\u007f', '/en/a b', '/en/\u4e2d']) {
      const res = await createBrowser(t).post('/en/login', { email: p.email, password: TEST_PASSWORD, next });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/en/account');
    }
  });

  it('keeps the last staff administrator', async () => {
    const only = await db()
      .selectFrom('accounts_person')
      .select('id')
      .where('role', '=', 'staff-admin')
      .where('deleted_at', 'is', null)
      .execute();
    await db()
      .updateTable('accounts_person')
      .set({ role: 'member' })
      .where('id', 'in', only.length ? only.map((r) => r.id) : [0])
      .execute();
    const admin = await createPerson(t, { role: 'staff-admin' });
    const b = await signedIn(t, admin);
    const res = await b.post('/en/account/delete', { password: TEST_PASSWORD });
    expect(res.status).toBe(409);
    expect(text(await res.text())).toContain('You are the only staff administrator');
    expect((await person(admin.email))?.deleted_at).toBeNull();
  });
});
