// npm run bench:auth [-- --seconds 5 --connections 16 --rounds 3]
// Serves the portal (production settings, page cache off, SQLite) in its own process and measures:
//  1. sign-ins per second through the real form (CSRF, rate limits, session row, audit row), beside the
//     raw scrypt verification rate measured in this process: the hash cost dominates;
//  2. what a session check costs: the same page for a signed-in and an anonymous reader, as a ratio.
// Prints figures (medians over rounds); asserts nothing.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { CURRENT_PARAMS, hashPassword, verifyPassword } from '../src/platform/auth/password.ts';
import { openDatabase } from '../src/platform/db/database.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '16' },
    rounds: { type: 'string', default: '3' },
  },
});
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);
const ROUNDS = Number(values.rounds);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PASSWORD = 'bench password for sign-in 2026';

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });

const cookieOf = (res: Response, name: string) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] as string)
    .find((c) => c.startsWith(`${name}=`));

/** Runs `task` with `parallel` workers for `seconds`; returns completions per second and median latency. */
const saturate = async (parallel: number, seconds: number, task: (i: number) => Promise<void>) => {
  const until = Date.now() + seconds * 1000;
  const latencies: number[] = [];
  let i = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (Date.now() < until) {
        const start = performance.now();
        await task(i++);
        latencies.push(performance.now() - start);
      }
    }),
  );
  return { perSecond: latencies.length / seconds, p50: median(latencies) };
};

const main = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ecosphere-bench-auth-'));
  const file = join(dir, 'bench.sqlite');
  const port = await freePort();
  const child = spawn(process.execPath, ['bin/ecosphere.mjs', 'serve', '--demo'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      SESSION_SECRET: 'bench-only-Xq7Lm2Pz9Rt4Wy8Nc3Hb6Gd1Fs5Ae0Uo',
      DATABASE_URL: file,
      PORT: String(port),
      PAGE_CACHE_SECONDS: '0',
      TRUST_PROXY: '1',
      LOG_LEVEL: 'warn',
      SMTP_URL: 'smtp://127.0.0.1:1',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://localhost:${port}`;
  try {
    for (let i = 0; i < 300; i++) {
      try {
        if ((await fetch(`${url}/healthz`)).ok) break;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    // One account, written straight into the database the server uses.
    const database = await openDatabase({ engine: 'sqlite', path: file });
    const now = new Date().toISOString();
    await database.db
      .insertInto('accounts_person')
      .values({
        email: 'bench@example.org',
        email_verified_at: now,
        password_hash: await hashPassword(PASSWORD),
        locale: 'en',
        role: 'member',
        created_at: now,
        updated_at: now,
      })
      .execute();
    await database.close();

    // The sign-in form's CSRF cookie and token, reused by every sign-in.
    const form = await fetch(`${url}/en/login`);
    const csrfCookie = cookieOf(form, 'eco_csrf') as string;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] as string;
    const body = new URLSearchParams({
      _csrf: csrf,
      email: 'bench@example.org',
      password: PASSWORD,
    }).toString();
    let failures = 0;
    const signIn = async (i: number) => {
      const res = await fetch(`${url}/en/login`, {
        method: 'POST',
        body,
        redirect: 'manual',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: csrfCookie,
          // Each sign-in from its own address, so the per-address limit measures nothing here.
          'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
        },
      });
      if (res.status !== 303) failures++;
      await res.arrayBuffer();
    };
    const first = await fetch(`${url}/en/login`, {
      method: 'POST',
      body,
      redirect: 'manual',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: csrfCookie,
        'x-forwarded-for': '10.255.0.1',
      },
    });
    const session = cookieOf(first, 'eco_session') as string;
    if (!session) throw new Error(`sign-in failed: ${first.status}`);

    const stored = await hashPassword(PASSWORD);
    const PARALLEL = 4; // libuv's default thread pool: scrypt runs there
    const logins: number[] = [];
    const loginP50: number[] = [];
    const verifies: number[] = [];
    const anon: number[] = [];
    const authed: number[] = [];
    const anonP99: number[] = [];
    const authedP99: number[] = [];
    const page = `${url}/en/about`;
    await autocannon({ url: page, connections: CONNECTIONS, duration: 2 });
    for (let round = 0; round < ROUNDS; round++) {
      const l = await saturate(PARALLEL, SECONDS, signIn);
      logins.push(l.perSecond);
      loginP50.push(l.p50);
      verifies.push(
        (
          await saturate(PARALLEL, SECONDS, async () => {
            await verifyPassword(PASSWORD, stored);
          })
        ).perSecond,
      );
      const a = await autocannon({ url: page, connections: CONNECTIONS, duration: SECONDS });
      anon.push(a.requests.average);
      anonP99.push(a.latency.p99);
      const s = await autocannon({
        url: page,
        connections: CONNECTIONS,
        duration: SECONDS,
        headers: { cookie: session },
      });
      authed.push(s.requests.average);
      authedP99.push(s.latency.p99);
    }
    const memoryMb = (128 * CURRENT_PARAMS.N * CURRENT_PARAMS.r) / 1024 / 1024;
    console.log(
      `\nbench:auth: SQLite, Node ${process.version}, ${availableParallelism()} cores, ${ROUNDS} rounds × ${SECONDS} s, medians`,
    );
    console.log(
      `password hash: scrypt N=${CURRENT_PARAMS.N} r=${CURRENT_PARAMS.r} p=${CURRENT_PARAMS.p} (${memoryMb} MiB per hash), 64-byte key, 16-byte salt\n`,
    );
    console.log(
      `sign-ins through the form (${PARALLEL} in flight)   ${median(logins).toFixed(1).padStart(8)} /s   p50 ${median(loginP50).toFixed(0)} ms   failures ${failures}`,
    );
    console.log(
      `raw scrypt verifications, this process (${PARALLEL})  ${median(verifies).toFixed(1).padStart(8)} /s`,
    );
    console.log(
      `sign-ins / raw verifications                      ${(median(logins) / median(verifies)).toFixed(2).padStart(8)}   (1.00 = the hash is the whole cost)\n`,
    );
    console.log(
      `/en/about, anonymous (${CONNECTIONS} connections)        ${median(anon).toFixed(0).padStart(8)} req/s   p99 ${median(anonP99)} ms`,
    );
    console.log(
      `/en/about, signed in (session check)            ${median(authed).toFixed(0).padStart(8)} req/s   p99 ${median(authedP99)} ms`,
    );
    console.log(
      `signed in / anonymous                             ${(median(authed) / median(anon)).toFixed(2).padStart(8)}   (page cache off for both)`,
    );
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    rmSync(dir, { recursive: true, force: true });
  }
};

await main();
