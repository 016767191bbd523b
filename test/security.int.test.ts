import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeAudit, writeAudit } from '../src/platform/audit.ts';
import { SESSION_COOKIE } from '../src/platform/http/session-cookie.ts';
import { createTestApp, type TTestApp } from './app.ts';
import { createBrowser, createPerson, signedIn, TEST_PASSWORD } from './auth.ts';
import { startTestSmtp, type TTestSmtp } from './smtp.ts';

// The security baseline: CSRF, cookies, throttles, idle timeouts, the audit log. Every test uses its
// own client address (the app trusts X-Forwarded-For here) so the limits of one do not touch another.

let t: TTestApp;
let smtp: TTestSmtp;
beforeAll(async () => {
  smtp = await startTestSmtp();
  t = await createTestApp({ seed: true, env: { SMTP_URL: smtp.url, TRUST_PROXY: '1' } });
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const db = () => t.deps.db as Kysely<any>;
let ipCounter = 10;
const nextIp = () => `198.51.100.${ipCounter++}`;
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('CSRF', () => {
  it('refuses a form post without a token, with a wrong one, or with another browser’s, in the reader’s language', async () => {
    const p = await createPerson(t);
    const b = await signedIn(t, p);
    const other = await signedIn(t, await createPerson(t));
    const form = { name_latin: 'X', name_zh: '', locale: 'en' };
    const missing = await t.app.request('/zh/account/profile', {
      method: 'POST',
      body: new URLSearchParams(form).toString(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: `${SESSION_COOKIE}=${b.cookies.get(SESSION_COOKIE)}`,
      },
    });
    expect(missing.status).toBe(403);
    expect(text(await missing.text())).toContain('无法接受此表单');
    expect((await b.post('/en/account/profile', { ...form, _csrf: 'x'.repeat(43) })).status).toBe(403);
    expect((await b.post('/en/account/profile', { ...form, _csrf: await other.csrf() })).status).toBe(403);
    // Nothing changed.
    const row = await db()
      .selectFrom('accounts_person')
      .select('name_latin')
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(row.name_latin).toBeNull();
    expect((await b.post('/en/account/profile', form)).status).toBe(303);
  });

  it('refuses a post a browser says came from another site, even with a token', async () => {
    const b = await signedIn(t, await createPerson(t));
    const form = { name_latin: 'Y', name_zh: '', locale: 'en' };
    expect((await b.post('/en/account/profile', form, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await b.post('/en/account/profile', form, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await b.post('/en/account/profile', form, { origin: 'http://localhost' })).status).toBe(303);
  });

  it('protects sign-in forms too (no login CSRF) and API calls that carry cookies', async () => {
    const p = await createPerson(t);
    const bare = await t.app.request('/en/login', {
      method: 'POST',
      body: new URLSearchParams({ email: p.email, password: TEST_PASSWORD }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(bare.status).toBe(403);
    const b = await signedIn(t, p);
    const api = await b.post('/api/v1/anything', { _csrf: '' });
    expect(api.status).toBe(403);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    // Without cookies there is no ambient authority: the API answers on its own terms.
    expect((await t.app.request('/api/v1/anything', { method: 'POST' })).status).toBe(404);
  });
});

describe('session cookie', () => {
  it('is HttpOnly, SameSite=Lax, path-wide, not Secure over plain http', async () => {
    const p = await createPerson(t);
    const b = createBrowser(t);
    const res = await b.post(
      '/en/login',
      { email: p.email, password: TEST_PASSWORD },
      { 'x-forwarded-for': nextIp() },
    );
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`)) as string;
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; Max-Age=\d+/);
    expect(cookie).not.toMatch(/Secure/);
    // 32 random bytes; the table holds only their hash.
    const value = cookie.split(';')[0]?.split('=')[1] as string;
    expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await db()
      .selectFrom('accounts_session')
      .select('id')
      .where('person_id', '=', p.id)
      .execute();
    expect(rows.map((r) => r.id)).not.toContain(value);
  });

  it('is Secure behind https', async () => {
    const p = await createPerson(t);
    const res = await createBrowser(t).post(
      '/en/login',
      { email: p.email, password: TEST_PASSWORD },
      { 'x-forwarded-for': nextIp(), 'x-forwarded-proto': 'https' },
    );
    expect(res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))).toMatch(/; Secure/);
  });

  it('ends a staff session idle for 30 minutes, but not a member’s', async () => {
    const staff = await createPerson(t, { role: 'editor' });
    const member = await createPerson(t);
    const s = await signedIn(t, staff);
    const m = await signedIn(t, member);
    const ago = new Date(Date.now() - 31 * 60_000).toISOString();
    await db()
      .updateTable('accounts_session')
      .set({ last_seen_at: ago })
      .where('person_id', 'in', [staff.id, member.id])
      .execute();
    // A real staff session carries the 30-minute idle limit; the test helper gives members a day.
    await db()
      .updateTable('accounts_session')
      .set({ idle_seconds: 1800 })
      .where('person_id', '=', staff.id)
      .execute();
    const res = await s.get('/en/account');
    expect(res.status).toBe(303);
    expect(s.cookies.has(SESSION_COOKIE)).toBe(false);
    expect((await m.get('/en/account')).status).toBe(200);
  });

  it('gives staff a 30-minute idle limit and members a longer one at sign-in', async () => {
    const staff = await createPerson(t, { role: 'reviewer', totp: false });
    await createBrowser(t).post(
      '/en/login',
      { email: staff.email, password: TEST_PASSWORD },
      { 'x-forwarded-for': nextIp() },
    );
    const member = await createPerson(t);
    await createBrowser(t).post(
      '/en/login',
      { email: member.email, password: TEST_PASSWORD },
      { 'x-forwarded-for': nextIp() },
    );
    const idle = async (id: number) =>
      Number(
        (
          await db()
            .selectFrom('accounts_session')
            .select('idle_seconds')
            .where('person_id', '=', id)
            .executeTakeFirstOrThrow()
        ).idle_seconds,
      );
    expect(await idle(staff.id)).toBe(1800);
    expect(await idle(member.id)).toBeGreaterThan(1800);
  });
});

describe('throttles', () => {
  it('stops guessing one account from one address (429 with Retry-After), without locking the owner out, and tells them', async () => {
    const p = await createPerson(t);
    smtp.messages.length = 0;
    const attacker = nextIp();
    for (let i = 0; i < 10; i += 1) {
      const res = await createBrowser(t).post(
        '/en/login',
        { email: p.email, password: `wrong password ${i}` },
        { 'x-forwarded-for': attacker },
      );
      expect(res.status).toBe(422);
    }
    // From the guessing address even the right password now waits.
    const blocked = await createBrowser(t).post(
      '/en/login',
      { email: p.email, password: TEST_PASSWORD },
      { 'x-forwarded-for': attacker },
    );
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // The owner, from their own address, signs in as usual: no lockout anyone can impose on them.
    const owner = await createBrowser(t).post(
      '/en/login',
      { email: p.email, password: TEST_PASSWORD },
      { 'x-forwarded-for': nextIp() },
    );
    expect(owner.status).toBe(303);
    const mail = await smtp.waitForMatch((m) => (m.to as { text: string }).text === p.email);
    expect(mail.subject).toBe('Several failed sign-in attempts on your account');
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.messages.filter((m) => (m.to as { text: string }).text === p.email)).toHaveLength(1);
  });

  it('counts attempts before checking the password, so parallel guesses cannot slip past the limit', async () => {
    const p = await createPerson(t);
    const ip = nextIp();
    const statuses = await Promise.all(
      Array.from({ length: 14 }, (_, i) =>
        createBrowser(t)
          .post('/en/login', { email: p.email, password: `parallel guess ${i}` }, { 'x-forwarded-for': ip })
          .then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 422)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(4);
  });

  it('limits sign-in attempts per address, and sign-ups and reset requests too', async () => {
    const ip = nextIp();
    const statuses: number[] = [];
    for (let i = 0; i < 31; i += 1) {
      statuses.push(
        (
          await createBrowser(t).post(
            '/en/login',
            { email: `x${i}@example.org`, password: 'whatever whatever' },
            { 'x-forwarded-for': ip },
          )
        ).status,
      );
    }
    expect(statuses.slice(0, 30).every((s) => s === 422)).toBe(true);
    expect(statuses[30]).toBe(429);
    const signupIp = nextIp();
    let last = 0;
    for (let i = 0; i < 11; i += 1) {
      last = (
        await createBrowser(t).post(
          '/en/signup',
          { email: `bulk${i}@example.org`, password: '' },
          { 'x-forwarded-for': signupIp },
        )
      ).status;
    }
    expect(last).toBe(429);
    const resetIp = nextIp();
    for (let i = 0; i < 11; i += 1) {
      last = (
        await createBrowser(t).post(
          '/en/password/forgot',
          { email: `r${i}@example.org` },
          { 'x-forwarded-for': resetIp },
        )
      ).status;
    }
    expect(last).toBe(429);
  });
});

describe('audit log', () => {
  it('records each change with who, what, request id and IP, and refuses updates', async () => {
    const p = await createPerson(t);
    const b = await signedIn(t, p);
    const ip = nextIp();
    const res = await b.post(
      '/en/account/profile',
      { name_latin: 'Audit Me', name_zh: '', locale: 'zh' },
      { 'x-forwarded-for': ip },
    );
    expect(res.status).toBe(303);
    const row = await db()
      .selectFrom('ecosphere_audit')
      .selectAll()
      .where('action', '=', 'update:person')
      .where('subject_id', '=', String(p.id))
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ actor_id: p.id, subject_type: 'person', ip });
    expect(row.request_id).toBeTruthy();
    expect(JSON.parse(row.before_json)).toEqual({ locale: 'en' });
    expect(JSON.parse(row.after_json)).toEqual({ locale: 'zh', personalFieldsChanged: ['name_latin'] });
    await expect(
      db().updateTable('ecosphere_audit').set({ action: 'forged' }).where('id', '=', row.id).execute(),
    ).rejects.toThrow(/append-only/);
  });

  it('takes the address the proxy saw (the last X-Forwarded-For entry), never a spoofed or malformed one', async () => {
    const p = await createPerson(t);
    const b = await signedIn(t, p);
    const form = { name_latin: 'Proxy Test', name_zh: '', locale: 'en' };
    await b.post('/en/account/profile', form, { 'x-forwarded-for': '6.6.6.6, 198.51.100.250' });
    await b.post(
      '/en/account/profile',
      { ...form, locale: 'zh' },
      { 'x-forwarded-for': `${'x'.repeat(200)}` },
    );
    const ips = (
      await db()
        .selectFrom('ecosphere_audit')
        .select(['ip'])
        .where('action', '=', 'update:person')
        .where('subject_id', '=', String(p.id))
        .orderBy('id')
        .execute()
    ).map((r) => r.ip);
    expect(ips[0]).toBe('198.51.100.250');
    expect(ips[1]).not.toContain('xxx');
  });

  it('keeps rows for the retention period and purges older ones', async () => {
    const old = new Date(Date.now() - 181 * 86_400_000).toISOString();
    await writeAudit(
      t.deps.db,
      { actorId: null, action: 'test:old', subjectType: 'test', subjectId: 1 },
      old,
    );
    await writeAudit(t.deps.db, { actorId: null, action: 'test:recent', subjectType: 'test', subjectId: 2 });
    expect(await purgeAudit(t.deps.db, 180)).toBeGreaterThanOrEqual(1);
    const left = await db()
      .selectFrom('ecosphere_audit')
      .select('action')
      .where('subject_type', '=', 'test')
      .execute();
    expect(left.map((r) => r.action)).toEqual(['test:recent']);
  });

  it('logs every staff read of another person’s data', async () => {
    const admin = await createPerson(t, { role: 'staff-admin' });
    const target = await createPerson(t);
    const b = await signedIn(t, admin);
    expect((await b.get(`/en/staff/people/${target.id}`)).status).toBe(200);
    expect((await b.get(`/en/staff/people?q=${encodeURIComponent(target.email)}`)).status).toBe(200);
    const rows = await db()
      .selectFrom('ecosphere_audit')
      .selectAll()
      .where('actor_id', '=', admin.id)
      .execute();
    expect(rows.map((r) => r.action).sort()).toEqual(['read:person', 'search:person']);
    expect(rows.find((r) => r.action === 'read:person')?.subject_id).toBe(String(target.id));
    const audit = await b.get('/en/staff/audit?action=read%3Aperson');
    expect(text(await audit.text())).toContain('read:person');
  });
});

describe('page cache and sessions', () => {
  it('still serves anonymous readers from the cache when they carry the CSRF cookie, never a signed-in page', async () => {
    const anon = createBrowser(t);
    await anon.csrf();
    expect(anon.cookies.has('eco_csrf')).toBe(true);
    await anon.get('/en/news');
    expect((await anon.get('/en/news')).headers.get('x-page-cache')).toBe('hit');
    const b = await signedIn(t, await createPerson(t));
    const page = await b.get('/en/news');
    expect(page.headers.get('x-page-cache')).toBeNull();
    expect(page.headers.get('cache-control')).toBe('private, no-store');
    expect(text(await page.text())).toContain('Your account');
  });
});

describe('constant-time comparisons', () => {
  it('compare secrets with timingSafeEqual, never ===', () => {
    const csrf = readFileSync(new URL('../src/platform/http/csrf.ts', import.meta.url), 'utf8');
    const tokens = readFileSync(new URL('../src/platform/auth/tokens.ts', import.meta.url), 'utf8');
    const password = readFileSync(new URL('../src/platform/auth/password.ts', import.meta.url), 'utf8');
    expect(csrf).toMatch(/safeEqual\(token as string, expected\)/);
    expect(tokens).toMatch(/timingSafeEqual\(/);
    expect(password).toMatch(/timingSafeEqual\(expected, actual\)/);
    // E-mail link tokens are looked up by their SHA-256, so no comparison of the secret happens in code.
    const service = readFileSync(
      new URL('../src/modules/accounts/accounts.service.ts', import.meta.url),
      'utf8',
    );
    expect(service).toMatch(/repo\.findToken\(db, hashToken\(token\)\)/);
  });
});
