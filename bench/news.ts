// npm run bench:news [-- --articles 10000 --seconds 5 --connections 16 --rounds 3]
// Loads N generated bilingual articles through the newsroom's own loader into a fresh SQLite file, then:
// - times RSS, Atom and sitemap generation in process (median of repeated requests, no cache involved);
// - serves that database in its own process with the page cache off and loads an article, the news list,
//   a filtered and searched list, beside a bare Hono route measured in the same run.
// Prints figures; asserts nothing.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { migrate } from '../src/main.ts';
import { seedNews } from '../src/modules/cms/index.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { createDeps } from '../src/platform/deps.ts';
import { buildAssets } from '../src/platform/http/assets.ts';
import { createLogger } from '../src/platform/log.ts';
import { BROWSER_HEADERS, load, median, printRuns, rssMb, startProcess, type TRun } from './lib.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '16' },
    rounds: { type: 'string', default: '3' },
  },
});
const ARTICLES = Number(values.articles);
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);
const ROUNDS = Number(values.rounds);

// A small deterministic generator, so every run measures the same corpus.
let seed = 42;
const rand = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const EN = [
  'incubator',
  'talent',
  'patent',
  'venture',
  'laboratory',
  'university',
  'enterprise',
  'fund',
  'district',
  'startup',
  'innovation',
  'research',
];
const ZH = [
  '孵化器',
  '人才',
  '专利',
  '创投',
  '实验室',
  '高校',
  '企业',
  '基金',
  '区域',
  '初创',
  '创新',
  '科研',
];
const TAGS = [
  { en: 'incubators', zh: '孵化器' },
  { en: 'talent', zh: '人才' },
  { en: 'capital', zh: '资本' },
  { en: 'policy', zh: '政策' },
  { en: 'research', zh: '科研' },
];
const CATEGORIES = ['city-news', 'policies', 'announcements', 'events'] as const;
const sentence = (words: readonly string[], n: number, sep: string) =>
  Array.from({ length: n }, () => pick(words)).join(sep);

const article = (i: number) => {
  const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(rand() * 4000) * 86_400_000)
    .toISOString()
    .slice(0, 10);
  return {
    slug: `bench-article-${i}`,
    category: pick(CATEGORIES),
    title: { en: `${sentence(EN, 6, ' ')} ${i}`, zh: `${sentence(ZH, 6, '')}${i}` },
    summary: { en: sentence(EN, 25, ' '), zh: sentence(ZH, 25, '') },
    body: {
      en: Array.from({ length: 6 }, () => sentence(EN, 60, ' ')).join('\n\n'),
      zh: Array.from({ length: 6 }, () => sentence(ZH, 60, '')).join('\n\n'),
    },
    tags: [pick(TAGS)],
    source: { en: 'Bench generator', zh: '基准测试生成器' },
    publishedAt: day,
    updatedAt: day,
  };
};

const main = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ecosphere-bench-news-'));
  const file = join(dir, 'news.sqlite');
  const env = {
    NODE_ENV: 'production',
    SESSION_SECRET: 'bench-only-Xq7Lm2Pz9Rt4Wy8Nc3Hb6Gd1Fs5Ae0Uo',
    DATABASE_URL: file,
    LOG_LEVEL: 'silent',
    PAGE_CACHE_SECONDS: '0',
  };
  const config = loadConfig({ ...process.env, ...env, DATA_DIR: dir });
  const database = await openDatabase(config.database);
  const servers: { child: ChildProcess }[] = [];
  try {
    await migrate(database, createLogger('silent'));
    const deps = createDeps(database, config, createLogger('silent'));
    const t0 = performance.now();
    for (let i = 0; i < ARTICLES; i += 1000) {
      await seedNews(
        deps,
        Array.from({ length: Math.min(1000, ARTICLES - i) }, (_, k) => article(i + k)),
      );
    }
    const loadSeconds = (performance.now() - t0) / 1000;
    console.log(
      `\nbench:news: ${ARTICLES} articles loaded through the newsroom in ${loadSeconds.toFixed(1)} s`,
    );

    // Generation times, in process: the feeds and the sitemap are built on every request.
    const app = createApp(deps, await buildAssets());
    const timeOf = async (path: string, n = 30) => {
      const ms: number[] = [];
      let bytes = 0;
      for (let i = 0; i < n; i++) {
        const s = performance.now();
        const res = await app.request(path);
        bytes = (await res.text()).length;
        if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
        ms.push(performance.now() - s);
      }
      return { median: median(ms), bytes };
    };
    console.log('\ngeneration (in process, median of 30):');
    for (const path of [
      '/en/news/feed.xml',
      '/zh/news/feed.atom',
      '/en/news/feed.xml?category=policies',
      '/sitemap.xml',
    ]) {
      const r = await timeOf(path);
      console.log(
        `  ${path.padEnd(40)} ${r.median.toFixed(1).padStart(7)} ms  ${(r.bytes / 1024).toFixed(0)} KB`,
      );
    }
    await database.close();

    const portal = await startProcess(['bin/ecosphere.mjs', 'serve'], env, '/healthz');
    servers.push(portal);
    const bare = await startProcess(['--import', 'tsx', 'bench/bare-server.ts'], {}, '/');
    servers.push(bare);
    const mid = Math.floor(ARTICLES / 2);
    const targets: [string, string][] = [
      ['bare Hono route', `${bare.url}/`],
      ['article /en/news/…', `${portal.url}/en/news/bench-article-${mid}`],
      ['article /zh/news/…', `${portal.url}/zh/news/bench-article-${mid + 1}`],
      ['news list /en/news', `${portal.url}/en/news`],
      ['news list page 50', `${portal.url}/en/news?page=50`],
      ['list filtered category+year', `${portal.url}/en/news?category=policies&year=2018`],
      ['list searched ?q=孵化器', `${portal.url}/zh/news?q=${encodeURIComponent('孵化器')}`],
    ];
    const runs = new Map<string, TRun[]>(targets.map(([name]) => [name, []]));
    for (const [, url] of targets) {
      await autocannon({ url, connections: CONNECTIONS, duration: 1, headers: BROWSER_HEADERS });
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, url] of targets) runs.get(name)?.push(await load(url, CONNECTIONS, SECONDS));
    }
    console.log(
      `\nHTTP: ${CONNECTIONS} connections, ${ROUNDS} rounds × ${SECONDS} s per target, page cache off, SQLite, Node ${process.version}`,
    );
    printRuns(runs, 'bare Hono route');
    console.log(`\nportal server RSS after the run: ${rssMb(portal.child.pid as number).toFixed(0)} MB`);
  } finally {
    for (const s of servers) s.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    rmSync(dir, { recursive: true, force: true });
  }
};

await main();
