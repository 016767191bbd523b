import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, getPage, type TTestApp } from './app.ts';

let t: TTestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const TOP_LEVEL = [
  '/',
  '/about',
  '/directory',
  '/news',
  '/statistics',
  '/contact',
  '/help',
  '/government',
  '/residents',
  '/visitors',
  '/business',
  '/search',
];

describe('health and language redirect', () => {
  it('GET /healthz answers 200 when the database answers', async () => {
    const res = await t.app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'ok', engine: t.database.engine });
  });

  it('GET /healthz answers 503 when the database is gone', async () => {
    const other = await createTestApp({ seed: false });
    await other.database.close();
    const res = await other.app.request('/healthz');
    expect(res.status).toBe(503);
    expect((await res.json()).database).toBe('unreachable');
    await other.testDb.drop();
  });

  it.each([
    ['zh-CN,zh;q=0.9', '/zh/'],
    ['en-GB', '/en/'],
    ['fr', '/en/'],
    [';;q=,,zh;q=x', '/zh/'],
    ['', '/en/'],
  ])('/ with Accept-Language %j redirects to %s', async (lang, target) => {
    const res = await t.app.request('/', { headers: { 'accept-language': lang } });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(target);
    expect(res.headers.get('vary')).toContain('Accept-Language');
  });
});

describe('every top-level page, in both languages', () => {
  for (const locale of ['en', 'zh'] as const) {
    it.each(TOP_LEVEL)(`/${locale}%s renders in the shell`, async (path) => {
      const { res, html } = await getPage(t.app, `/${locale}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(html).toMatch(new RegExp(`<html lang="${locale === 'zh' ? 'zh-CN' : 'en'}"`));
      expect(html).toContain('href="#main"');
      expect(html).toContain('<main id="main"');
      // The switch leads to the same page in the other language.
      const other = locale === 'en' ? 'zh' : 'en';
      const expected = `/${other}${path === '/' ? '/' : path}`;
      expect(html).toContain(`class="lang-switch" href="${expected}"`);
      // Navigation in the page's language, search box in the header.
      expect(html).toContain(locale === 'en' ? '>Help Center</a>' : '>帮助中心</a>');
      expect(html).toContain(`action="/${locale}/search"`);
      expect(html).not.toMatch(/lorem ipsum/i);
    });
  }

  it('marks the current section in the navigation', async () => {
    const { html } = await getPage(t.app, '/en/statistics');
    expect(html).toContain('<a href="/en/statistics" aria-current="page">Statistics</a>');
  });

  it('keeps the query string when switching language', async () => {
    const { html } = await getPage(t.app, '/en/search?q=GAC');
    expect(html).toContain('class="lang-switch" href="/zh/search?q=GAC"');
  });

  it('shows the copyright holder and registration lines from config', async () => {
    const other = await createTestApp({
      seed: false,
      env: {
        SITE_OWNER_ZH: '示例市科技局',
        SITE_ICP_RECORD: '粤ICP备12345678号',
        SITE_PSB_RECORD: '粤公网安备 44010000000000号',
      },
    });
    const { html } = await getPage(other.app, '/zh/about');
    expect(html).toContain('示例市科技局');
    expect(html).toContain('粤ICP备12345678号');
    expect(html).toContain('粤公网安备 44010000000000号');
    await other.close();
  });
});

describe('errors', () => {
  it('an unknown page is a translated 404', async () => {
    const en = await getPage(t.app, '/en/no-such-page');
    expect(en.res.status).toBe(404);
    expect(en.html).toContain('Page not found');
    expect(en.html).toContain('<html lang="en"');
    const zh = await getPage(t.app, '/zh/no-such-page');
    expect(zh.res.status).toBe(404);
    expect(zh.html).toContain('页面不存在');
    expect(zh.html).toContain('<html lang="zh-CN"');
  });

  it('a 404 outside a locale follows Accept-Language', async () => {
    const { res, html } = await getPage(t.app, '/nowhere', { 'accept-language': 'zh-CN' });
    expect(res.status).toBe(404);
    expect(html).toContain('页面不存在');
  });

  it('a missing article is 404', async () => {
    expect((await t.app.request('/en/news/no-such-article')).status).toBe(404);
    expect((await t.app.request('/zh/directory/no-such-org')).status).toBe(404);
  });

  it('API errors are JSON with code, message and request id', async () => {
    const res = await t.app.request('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    const body = await res.json();
    expect(body.error).toMatchObject({ code: 'NOT_FOUND', message: expect.any(String) });
    expect(body.error.requestId).toBe(res.headers.get('x-request-id'));
  });

  it.each(['/en/%E0%A4%A', '/en/news/%ZZ', '/%', '/zh/directory/%C0%AF', '/en/news?page=%E0%A4%A'])(
    'malformed percent-encoding %s is a 4xx, never 500',
    async (path) => {
      const res = await t.app.request(path);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    },
  );

  it('a 100 KB URL is refused with 414', async () => {
    const res = await t.app.request(`/en/news?q=${'a'.repeat(100 * 1024)}`);
    expect(res.status).toBe(414);
    expect(await res.text()).toContain('Address too long');
  });

  it.each(['abc', '-1', '0', '1.5', '99999999'])('a bad page number %s is a 400', async (page) => {
    const res = await t.app.request(`/en/news?page=${page}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Bad request');
  });

  it('a page past the end is 404', async () => {
    expect((await t.app.request('/en/news?page=50')).status).toBe(404);
  });
});

describe('security headers and assets', () => {
  it('sends a CSP with a nonce and no unsafe-inline, and the page has no inline script', async () => {
    const { res, html } = await getPage(t.app, '/en/');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}'/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    // Every script is a same-origin file; none is inline.
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) expect(s).toMatch(/src="\/assets\/enhance\.[0-9a-f]{12}\.js"/);
    expect(html).not.toMatch(/<script\b[^>]*>[^<]+<\/script>/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('strict-transport-security')).toBeNull();
    expect(res.headers.get('vary')).toContain('Accept-Encoding');
  });

  it('sends the security headers on error pages and assets too', async () => {
    for (const path of ['/en/no-such-page', '/api/v1/nope', '/healthz']) {
      const res = await t.app.request(path);
      expect(res.headers.get('content-security-policy'), path).toContain("default-src 'self'");
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
    }
  });

  it('a new nonce on every request', async () => {
    const a = (await t.app.request('/en/')).headers.get('content-security-policy');
    const b = (await t.app.request('/en/')).headers.get('content-security-policy');
    expect(a).not.toBe(b);
  });

  it('sends HSTS only over https', async () => {
    const res = await t.app.request('https://portal.example/en/');
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });

  it('trusts X-Forwarded-Proto only when told to', async () => {
    const plain = await t.app.request('/en/', { headers: { 'x-forwarded-proto': 'https' } });
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    const proxied = await createTestApp({ seed: false, env: { TRUST_PROXY: '1' } });
    const res = await proxied.app.request('/en/', { headers: { 'x-forwarded-proto': 'https' } });
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age/);
    await proxied.close();
  });

  it('serves fingerprinted assets with a one-year immutable cache', async () => {
    const { html } = await getPage(t.app, '/en/');
    const urls = [...html.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) => m[1] as string);
    expect(urls.length).toBe(3);
    for (const url of urls) {
      expect(url).toMatch(/\.[0-9a-f]{12}\.(css|js|svg)$/);
      const res = await t.app.request(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
    const css = urls.find((u) => u.endsWith('.css')) as string;
    expect((await t.app.request(css)).headers.get('content-type')).toMatch(/text\/css/);
    expect((await t.app.request('/assets/styles.000000000000.css')).status).toBe(404);
  });

  it('compresses pages for clients that accept gzip', async () => {
    const res = await t.app.request('/en/statistics', { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const html = gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8');
    expect(html).toContain('Statistics');
  });

  it('gives every response a request id and keeps a well-formed incoming one', async () => {
    const res = await t.app.request('/en/', { headers: { 'x-request-id': 'trace-0123456789' } });
    expect(res.headers.get('x-request-id')).toBe('trace-0123456789');
    const bad = await t.app.request('/en/', { headers: { 'x-request-id': '<script>alert(1)</script>' } });
    expect(bad.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('publishes the OpenAPI 3.1 document', async () => {
    const res = await t.app.request('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/openapi.json']).toBeDefined();
  });
});
