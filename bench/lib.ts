// Shared pieces of the HTTP benchmarks: free ports, server processes, autocannon runs, medians.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });

/** Starts a server process on a free port and waits until `probe` answers. */
export const startProcess = async (
  args: string[],
  env: Record<string, string>,
  probe: string,
): Promise<{ child: ChildProcess; url: string }> => {
  const port = await freePort();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://localhost:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}${probe}`)).ok) return { child, url };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${args.join(' ')} did not answer on ${url}`);
};

export const rssMb = (pid: number): number => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
};

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

export type TRun = { rps: number; p50: number; p99: number; errors: number; non2xx: number };

// What a browser sends that changes the answer: it accepts gzip.
export const BROWSER_HEADERS = { 'accept-encoding': 'gzip, deflate, br' };

export const load = async (url: string, connections: number, seconds: number): Promise<TRun> => {
  const r = await autocannon({ url, connections, duration: seconds, headers: BROWSER_HEADERS });
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors,
    non2xx: r.non2xx,
  };
};

/** Prints one table row per target: median req/s, p50, p99 over the rounds, and the ratio to `baseline`. */
export const printRuns = (runs: Map<string, TRun[]>, baseline: string) => {
  const baseRps = median((runs.get(baseline) ?? []).map((r) => r.rps));
  console.log('target                              req/s    p50 ms   p99 ms   vs bare   errors  non-2xx');
  for (const [name, rs] of runs) {
    const rps = median(rs.map((r) => r.rps));
    console.log(
      `${name.padEnd(34)} ${rps.toFixed(0).padStart(7)} ${String(median(rs.map((r) => r.p50))).padStart(8)} ${String(median(rs.map((r) => r.p99))).padStart(8)} ${`${((rps / baseRps) * 100).toFixed(1)}%`.padStart(9)} ${String(rs.reduce((a, r) => a + r.errors, 0)).padStart(8)} ${String(rs.reduce((a, r) => a + r.non2xx, 0)).padStart(8)}`,
    );
  }
};
