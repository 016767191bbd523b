import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { startServer, type TRunningServer } from '../src/main.ts';
import { openDatabase, pingDatabase } from '../src/platform/db/database.ts';
import { BIN, runCli } from './cli.ts';
import { createTestDatabase, type TTestDatabase, testEngine } from './db.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const freshDb = async (): Promise<TTestDatabase> => {
  const db = await createTestDatabase();
  cleanups.push(db.drop);
  return db;
};

const start = async (demo = true): Promise<TRunningServer> => {
  const db = await freshDb();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', DATABASE_URL: db.url });
  const running = await startServer(config, { demo });
  cleanups.push(async () => {
    await running.stop();
  });
  return running;
};

/** A raw HTTP request, so oversized headers reach the server exactly as sent. */
const rawGet = (url: string, path: string, headers: Record<string, string> = {}) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(`${url}${path}`, { headers }, (res) => {
      let body = '';
      res.on('data', (d) => {
        body += d;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });

describe('the real server', () => {
  it('serves the portal with demo data loaded on first start', async () => {
    const s = await start();
    const res = await fetch(`${s.url}/`, { headers: { 'accept-language': 'zh-CN' }, redirect: 'manual' });
    expect(res.status).toBe(302);
    const home = await fetch(`${s.url}/zh/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('4361亿元');
  });

  it('loads the demo data once per database: after a separate migrate, and never again once loaded', async () => {
    const db = await freshDb();
    expect((await runCli(['migrate'], { DATABASE_URL: db.url })).code).toBe(0);
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', DATABASE_URL: db.url });
    const first = await startServer(config, { demo: true });
    expect(await (await fetch(`${first.url}/en/`)).text()).toContain('CNY 436.1 billion');
    await first.stop();
    // An editor removes a demo article; a restart must not bring it back.
    const database = await openDatabase(config.database);
    await database.db
      .deleteFrom('cms_news_article')
      .where('slug', '=', 'talent-green-cards-issued')
      .execute();
    await database.close();
    const second = await startServer(config, { demo: true });
    expect((await fetch(`${second.url}/en/news/talent-green-cards-issued`)).status).toBe(404);
    await second.stop();
  });

  it('answers oversized headers and a 100 KB URL with a 4xx, never 500', async () => {
    const s = await start(false);
    const big = await rawGet(s.url, '/en/', { 'x-filler': 'x'.repeat(64 * 1024) });
    expect(big.status).toBe(431);
    const longUrl = await rawGet(s.url, `/en/news?q=${'a'.repeat(100 * 1024)}`);
    expect(longUrl.status).toBeGreaterThanOrEqual(400);
    expect(longUrl.status).toBeLessThan(500);
    // The server is still healthy afterwards.
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
  });

  it('lets in-flight requests finish on stop, then closes the database', async () => {
    const s = await start();
    let received = 0;
    s.server.on('request', () => {
      received++;
    });
    const n = 20;
    const pending = Array.from({ length: n }, () =>
      fetch(`${s.url}/en/statistics`).then(async (r) => [r.status, (await r.text()).length]),
    );
    while (received < n) await new Promise((r) => setTimeout(r, 1));
    const stopped = s.stop();
    const results = await Promise.all(pending);
    await stopped;
    for (const [status, length] of results) {
      expect(status).toBe(200);
      expect(length).toBeGreaterThan(1000);
    }
    await expect(fetch(`${s.url}/healthz`)).rejects.toThrow();
  });
});

describe('the ecosphere command on this engine', () => {
  it('migrate reports each step, then says the database is up to date', async () => {
    const db = await freshDb();
    const first = await runCli(['migrate'], { DATABASE_URL: db.url });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/applied {2}20261126T0300_cms_news/);
    expect(first.stdout).toMatch(/migration\(s\) applied/);
    const second = await runCli(['migrate'], { DATABASE_URL: db.url });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('up to date');
  });

  it('several instances migrating one new database at once: one applies, the others wait and find it done', async () => {
    const db = await freshDb();
    const runs = await Promise.all([1, 2, 3].map(() => runCli(['migrate'], { DATABASE_URL: db.url })));
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
    expect(runs.filter((r) => /migration\(s\) applied/.test(r.stdout))).toHaveLength(1);
    expect(runs.filter((r) => r.stdout.includes('up to date'))).toHaveLength(2);
  });

  it('seed --demo loads the demo data and a second run changes nothing', async () => {
    const db = await freshDb();
    const first = await runCli(['seed', '--demo'], { DATABASE_URL: db.url });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/indicators\s+inserted 25, updated 0, unchanged 0/);
    const second = await runCli(['seed', '--demo'], { DATABASE_URL: db.url });
    expect(second.stdout).toMatch(/indicators\s+inserted 0, updated 0, unchanged 25/);
    expect(second.stdout).toMatch(/news\s+inserted 0, updated 0, unchanged 3/);
  });

  it('a database that cannot be opened gives one clear message naming it, exit 1', async () => {
    // For SQLite: a path whose "folder" is a regular file.
    const file = join(mkdtempSync(join(tmpdir(), 'ecosphere-bad-')), 'plain-file');
    writeFileSync(file, 'not a folder');
    const url =
      testEngine() === 'postgres' ? 'postgres://postgres:s3cret@127.0.0.1:1/nowhere' : `${file}/x.sqlite`;
    const r = await runCli(['migrate'], { DATABASE_URL: url });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Cannot open the database at');
    expect(r.stderr).toContain(testEngine() === 'postgres' ? '127.0.0.1:1/nowhere' : `${file}/x.sqlite`);
    expect(r.stderr).not.toContain('s3cret');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('serve stops gracefully on SIGTERM: exit 0, database closed', async () => {
    const db = await freshDb();
    const child = spawn(process.execPath, [BIN, 'serve', '--demo'], {
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'test',
        PORT: '0',
        DATABASE_URL: db.url,
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no listening line:\n${out}`)), 30_000);
      child.stdout.on('data', (d) => {
        out += d;
        const m = /"url":"(http:\/\/localhost:\d+)"/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1] as string);
        }
      });
    });
    expect((await fetch(`${url}/en/`)).status).toBe(200);
    expect((await fetch(`${url}/en/news?page=1&email=someone%40example.org`)).status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out).toContain('stopped: database closed');
    // One structured line per request: id, method, route pattern, status, duration — never the raw URL.
    const lines = out
      .split('\n')
      .filter((l) => l.includes('"msg":"request"'))
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([
      expect.objectContaining({ method: 'GET', route: '/en', status: 200, requestId: expect.any(String) }),
      expect.objectContaining({ method: 'GET', route: '/en/news', status: 200, ms: expect.any(Number) }),
    ]);
    expect(out).not.toContain('someone');
    expect(out).not.toContain('page=1');
    // The data is there for the next start.
    const database = await openDatabase(loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url }).database);
    expect(await pingDatabase(database.db)).toBe(true);
    const n = await database.db
      .selectFrom('cms_news_article')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    expect(Number(n?.n)).toBe(3);
    await database.close();
  });
});
