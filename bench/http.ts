// npm run bench:http [-- --seconds 10 --connections 32]
// Serves the portal from a fresh SQLite database with the demo data, in its own process, and loads the
// home page and one content page with autocannon, beside a bare Hono route measured in the same run.
// Prints requests/s, p50/p99 latency, the ratio to the bare route, and the server's RSS. Asserts nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { BROWSER_HEADERS, load as loadRun, median, rssMb, startProcess, type TRun } from './lib.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '32' },
    rounds: { type: 'string', default: '3' },
  },
});
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);
const ROUNDS = Number(values.rounds);

const load = (url: string) => loadRun(url, CONNECTIONS, SECONDS);

const main = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ecosphere-bench-'));
  // A production-like portal on its own SQLite file. Production logs one line per request; so does this.
  const startPortal = (file: string, extra: Record<string, string> = {}) =>
    startProcess(
      ['bin/ecosphere.mjs', 'serve', '--demo'],
      {
        NODE_ENV: 'production',
        SESSION_SECRET: 'bench-only-Xq7Lm2Pz9Rt4Wy8Nc3Hb6Gd1Fs5Ae0Uo',
        DATABASE_URL: join(dir, file),
        LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
        ...extra,
      },
      '/healthz',
    );
  const portal = await startPortal('bench.sqlite');
  // The same portal with the page cache off: what a render costs when the cache cannot help.
  const uncached = await startPortal('bench-uncached.sqlite', { PAGE_CACHE_SECONDS: '0' });
  const bare = await startProcess(['--import', 'tsx', 'bench/bare-server.ts'], {}, '/');
  const targets: [string, string][] = [
    ['bare Hono route', `${bare.url}/`],
    ['home page /en/', `${portal.url}/en/`],
    ['content page /en/statistics', `${portal.url}/en/statistics`],
    ['article /zh/news/…', `${portal.url}/zh/news/guangzhou-innovative-ecosphere-gaining-momentum`],
    ['home page, page cache off', `${uncached.url}/en/`],
  ];
  const runs = new Map<string, TRun[]>(targets.map(([name]) => [name, []]));
  try {
    // Warm-up, then rounds that interleave the targets, so a noisy neighbour hits them all alike.
    for (const [, url] of targets) {
      await autocannon({ url, connections: CONNECTIONS, duration: 2, headers: BROWSER_HEADERS });
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, url] of targets) runs.get(name)?.push(await load(url));
    }
    const rss = rssMb(portal.child.pid as number);
    const baseRps = median((runs.get('bare Hono route') ?? []).map((r) => r.rps));
    console.log(
      `\nbench:http: ${CONNECTIONS} connections, ${ROUNDS} rounds × ${SECONDS} s per target, SQLite, Node ${process.version}`,
    );
    console.log(
      'requests accept gzip, as browsers do; medians over the rounds; "vs bare" = ratio of median req/s\n',
    );
    console.log('target                          req/s    p50 ms   p99 ms   vs bare   errors  non-2xx');
    for (const [name] of targets) {
      const rs = runs.get(name) ?? [];
      const rps = median(rs.map((r) => r.rps));
      console.log(
        `${name.padEnd(30)} ${rps.toFixed(0).padStart(7)} ${String(median(rs.map((r) => r.p50))).padStart(8)} ${String(median(rs.map((r) => r.p99))).padStart(8)} ${`${((rps / baseRps) * 100).toFixed(1)}%`.padStart(9)} ${String(rs.reduce((a, r) => a + r.errors, 0)).padStart(8)} ${String(rs.reduce((a, r) => a + r.non2xx, 0)).padStart(8)}`,
      );
    }
    console.log(`\nportal server RSS after the run: ${rss.toFixed(0)} MB`);
    console.log('target (issue #2): home page ≥ 40% of the bare route’s req/s, with p99 ≤ 50 ms');
  } finally {
    portal.child.kill('SIGTERM');
    uncached.child.kill('SIGTERM');
    bare.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    rmSync(dir, { recursive: true, force: true });
  }
};

await main();
