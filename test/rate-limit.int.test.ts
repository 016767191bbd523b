import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type TDatabase } from '../src/platform/db/database.ts';
import type { TAppEnv } from '../src/platform/http/context.ts';
import { errorHandler } from '../src/platform/http/error-handler.tsx';
import { securityHeaders } from '../src/platform/http/middleware.ts';
import { hitRateLimit, rateLimit } from '../src/platform/http/rate-limit.ts';
import { createLogger } from '../src/platform/log.ts';
import { createTestApp, type TTestApp } from './app.ts';

const SECRET = 'test-secret-0123456789abcdefghijklmnop';
let t: TTestApp;
let second: TDatabase;

beforeAll(async () => {
  t = await createTestApp({ seed: false });
  // A second connection to the same database: another app instance.
  second = await openDatabase(t.testDb.config);
});
afterAll(async () => {
  await second?.close();
  await t?.close();
});

const rule = (name: string, limit = 3, windowMs = 60_000) => ({ name, limit, windowMs });

describe('rate limits stored in the database', () => {
  it('allows up to the limit, refuses the next with a Retry-After, and opens again after the window', async () => {
    const now = 1_700_000_000_000;
    const r = rule('login-a');
    const results = [];
    for (let i = 0; i < 4; i++)
      results.push(await hitRateLimit(t.deps.db, SECRET, r, '203.0.113.7', now + i));
    expect(results.map((x) => x.allowed)).toEqual([true, true, true, false]);
    expect(results[3]?.retryAfterSeconds).toBe(60);
    const later = await hitRateLimit(t.deps.db, SECRET, r, '203.0.113.7', now + 60_001);
    expect(later).toEqual({ allowed: true, hits: 1, retryAfterSeconds: 0 });
  });

  it('counts each subject and each rule apart', async () => {
    const now = 1_700_000_000_000;
    for (let i = 0; i < 3; i++) await hitRateLimit(t.deps.db, SECRET, rule('signup-b'), 'a@example.org', now);
    expect((await hitRateLimit(t.deps.db, SECRET, rule('signup-b'), 'b@example.org', now)).allowed).toBe(
      true,
    );
    expect((await hitRateLimit(t.deps.db, SECRET, rule('reset-b'), 'a@example.org', now)).allowed).toBe(true);
    expect((await hitRateLimit(t.deps.db, SECRET, rule('signup-b'), 'a@example.org', now)).allowed).toBe(
      false,
    );
  });

  it('holds across instances: hits from two connections share one count, even when concurrent', async () => {
    const now = Date.now();
    const r = rule('contact-c', 5);
    const hits = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        hitRateLimit(i % 2 ? second.db : t.deps.db, SECRET, r, '198.51.100.1', now),
      ),
    );
    expect(hits.filter((h) => h.allowed)).toHaveLength(5);
    expect(hits.map((h) => h.hits).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
  });

  it('never stores the subject in clear', async () => {
    await hitRateLimit(t.deps.db, SECRET, rule('login-d'), 'person@example.org');
    const rows = await t.deps.db.selectFrom('ecosphere_rate_limit').select('bucket').execute();
    for (const row of rows) {
      expect(row.bucket).not.toContain('person@example.org');
      expect(row.bucket).not.toContain('203.0.113.7');
    }
    expect(rows.some((row) => String(row.bucket).startsWith('login-d:'))).toBe(true);
  });
});

/** A small app with the platform's headers, error handler and three rate-limited form posts. */
const limitedApp = () => {
  const app = new Hono<TAppEnv>();
  app.use(async (c, next) => {
    c.set('shell', {
      assets: { css: '/a.css', js: '/a.js', icon: '/i.svg' },
      publicUrl: 'http://localhost',
      site: { ownerEn: 'Owner', ownerZh: '所有者' },
      csrf: () => '',
    });
    c.set('actor', undefined);
    await next();
  });
  app.use(securityHeaders({ trustProxy: true }));
  const limited = () =>
    rateLimit(
      { db: t.deps.db, config: { sessionSecret: SECRET, trustProxy: true } },
      rule(`form-${Math.random()}`, 2),
    );
  const en = limited();
  const zh = limited();
  const api = limited();
  app.post('/en/contact', en, (c) => c.text('sent'));
  app.post('/zh/contact', zh, (c) => c.text('sent'));
  app.post('/api/v1/things', api, (c) => c.json({ ok: true }));
  app.onError(errorHandler(createLogger('silent')));
  return app;
};

describe('the rateLimit middleware', () => {
  let app: Hono<TAppEnv>;
  beforeAll(() => {
    app = limitedApp();
  });

  const post = (path: string, ip = '192.0.2.10') =>
    app.request(path, { method: 'POST', headers: { 'x-forwarded-for': ip } });

  it('answers 429 with Retry-After and a page in the reader’s language', async () => {
    expect((await post('/en/contact')).status).toBe(200);
    expect((await post('/en/contact')).status).toBe(200);
    const third = await post('/en/contact');
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await third.text()).toContain('Too many requests');
    // Another client is not affected.
    expect((await post('/en/contact', '192.0.2.99')).status).toBe(200);

    await post('/zh/contact');
    await post('/zh/contact');
    const zhPage = await post('/zh/contact');
    expect(zhPage.status).toBe(429);
    expect(await zhPage.text()).toContain('请求过于频繁');
  });

  it('answers JSON under /api', async () => {
    await post('/api/v1/things');
    await post('/api/v1/things');
    const res = await post('/api/v1/things');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await res.json()).error.code).toBe('RATE_LIMITED');
  });
});
