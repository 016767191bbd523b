import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type TConfig } from '../src/config.ts';
import { startServer, type TRunningServer } from '../src/main.ts';
import * as accounts from '../src/modules/accounts/accounts.repo.ts';
import { seedRegistry } from '../src/modules/directory/index.ts';
import type { TRole } from '../src/platform/auth/actor.ts';
import { hashToken, newToken } from '../src/platform/auth/tokens.ts';
import { openDatabase, type TDatabase } from '../src/platform/db/database.ts';
import type { TDeps } from '../src/platform/deps.ts';
import { SESSION_COOKIE } from '../src/platform/http/session-cookie.ts';
import type { TTestApp } from '../test/app.ts';
import { createPerson } from '../test/auth.ts';
import { axeViolations, launchChromium, watchProblems } from './browser.ts';

// A directory profile from both sides, in both languages, without JavaScript needed: a reader sees the
// profile → a person claims it (the empty form first) → staff approve the claim → the new owner confirms
// the record, changes a free field (on the page at once) and a verified one (waiting for staff) → staff
// approve the change and look at a duplicate suggestion and the record's administration page. axe
// (WCAG 2.2 AA) on every page visited.

let server: TRunningServer;
let browser: Browser;
let dataDir: string;
let config: TConfig;
let database: TDatabase;

const record = (locale: 'en' | 'zh', extra: Record<string, unknown> = {}) => ({
  kind: 'investor',
  slug: `e2e-capital-${locale}`,
  name: { en: `Pearl Test Capital ${locale}`, zh: `珠江测试资本${locale}` },
  summary: { en: 'Backs hardware startups.', zh: '投资硬件初创企业。' },
  city: { en: 'Guangzhou', zh: '广州' },
  district: 'tianhe',
  sector: 'next_gen_it',
  subtype: 'vc',
  investorFocus: { sectors: ['biotech'], stages: ['seed'], ticketMinCny: 500_000, regions: ['Guangzhou'] },
  website: 'https://capital.example.cn',
  source: { en: 'E2E registry', zh: '端到端测试名录' },
  sourceKind: 'demo',
  externalIds: [
    { scheme: 'demo', value: `capital-${locale}` },
    { scheme: 'wikidata', value: locale === 'en' ? 'Q1' : 'Q2' },
  ],
  ...extra,
});

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ecosphere-e2e-directory-'));
  config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: '0',
    DATABASE_URL: join(dataDir, 'e2e.sqlite'),
    DATA_DIR: dataDir,
  });
  server = await startServer(config, { demo: false });
  database = await openDatabase(config.database);
  const deps = { db: database.db, pages: { clear: () => {} } } as unknown as TDeps;
  await seedRegistry(deps, {
    records: [
      record('en'),
      record('zh'),
      {
        kind: 'enterprise',
        slug: 'e2e-startup',
        name: { en: 'E2E Startup', zh: '端到端初创' },
        summary: {},
        city: {},
        level: 'national',
        certificateNo: 'GR2023',
        certificateValidUntil: '2020-01-01',
        source: { en: 'E2E registry', zh: '端到端测试名录' },
        sourceKind: 'demo',
        externalIds: [{ scheme: 'demo', value: 'startup' }],
      },
      {
        kind: 'enterprise',
        slug: 'e2e-startup-2',
        name: { en: 'E2E Startup Ltd', zh: '端到端初创有限公司' },
        summary: {},
        city: {},
        source: { en: 'E2E registry', zh: '端到端测试名录' },
        sourceKind: 'demo',
        externalIds: [{ scheme: 'demo', value: 'startup-2' }],
      },
    ],
    relations: [
      { from: 'demo:capital-en', to: 'demo:startup', type: 'invested_in', sourceKind: 'demo' },
      { from: 'demo:capital-zh', to: 'demo:startup', type: 'invested_in', sourceKind: 'demo' },
    ],
    people: [
      {
        slug: 'e2e-partner',
        name: { en: 'Chen Jing', zh: '陈静' },
        headline: { en: 'Managing partner', zh: '管理合伙人' },
        org: 'demo:capital-en',
        publicFields: ['organization', 'headline'],
        isListed: true,
      },
    ],
  });
  const ids = await database.db.selectFrom('directory_organization').select(['id', 'slug']).execute();
  const id = (slug: string) => ids.find((r) => r.slug === slug)?.id as number;
  await database.db
    .insertInto('directory_duplicate')
    .values({
      a_id: id('e2e-startup'),
      b_id: id('e2e-startup-2'),
      reason: 'similar_name',
      score: 88,
      status: 'open',
      created_at: new Date().toISOString(),
    })
    .execute();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await database?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A browser context signed in as a new person (staff sessions passed the second factor). */
const signedInContext = async (locale: 'en' | 'zh', role: TRole = 'member'): Promise<BrowserContext> => {
  const person = await createPerson({ deps: { db: database.db }, config } as unknown as TTestApp, {
    role,
    locale,
  });
  const token = newToken();
  const now = new Date();
  await accounts.insertSession(database.db, {
    id: hashToken(token),
    person_id: person.id,
    stage: 'active',
    mfa_at: role === 'member' ? null : now.toISOString(),
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    idle_seconds: 1800,
    expires_at: new Date(now.getTime() + 3_600_000).toISOString(),
    ip: '127.0.0.1',
    user_agent: 'e2e',
  });
  const context = await browser.newContext({ locale: locale === 'en' ? 'en-GB' : 'zh-CN' });
  await context.addCookies([{ name: SESSION_COOKIE, value: token, url: server.url }]);
  return context;
};

const checked = async (page: Page, failures: string[]) => {
  expect(await page.locator('h1').count(), page.url()).toBe(1);
  for (const v of await axeViolations(page)) failures.push(`${new URL(page.url()).pathname}: ${v}`);
};
const submit = (page: Page, form: string) =>
  Promise.all([
    page.waitForNavigation(),
    page.locator(`main form[action$="${form}"] button[type=submit]`).first().click(),
  ]);

const WORDS = {
  en: {
    claim: 'Claim this organisation',
    managed: 'Managed by its organisation',
    pending: 'Waiting for staff review',
  },
  zh: { claim: '认领本机构', managed: '由本机构', pending: '等待工作人员审核' },
} as const;

describe.each(['en', 'zh'] as const)('a directory profile in %s', (locale) => {
  it('claim → staff approve → confirm and edit → staff review, every page axe-clean', async () => {
    const slug = `e2e-capital-${locale}`;
    const words = WORDS[locale];
    const failures: string[] = [];

    const claimant = await signedInContext(locale);
    const page = await claimant.newPage();
    const problems = watchProblems(page);
    await page.goto(`${server.url}/${locale}/directory/${slug}`);
    await checked(page, failures);
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: words.claim }).click()]);
    await checked(page, failures);
    // The empty form: the error summary and a field message (a 422, expected here).
    await submit(page, '/claim');
    expect(await page.locator('.error-summary').isVisible()).toBe(true);
    await checked(page, failures);
    await page.fill('#f-evidence', 'I am a partner; my address is on the firm’s domain.');
    await submit(page, '/claim');
    expect(await page.locator('.flash').isVisible()).toBe(true);
    await checked(page, failures);

    const staff = await signedInContext(locale, 'staff-admin');
    const desk = await staff.newPage();
    const staffProblems = watchProblems(desk);
    await desk.goto(`${server.url}/${locale}/staff`);
    await Promise.all([
      desk.waitForNavigation(),
      desk.locator(`main a[href="/${locale}/staff/directory"]`).click(),
    ]);
    await checked(desk, failures);
    await Promise.all([
      desk.waitForNavigation(),
      desk.locator(`main a[href^="/${locale}/staff/directory/claims/"]`).first().click(),
    ]);
    await checked(desk, failures);
    await desk.fill('#f-note', 'Called the firm: the partner confirmed the claim.');
    await submit(desk, '/approve');
    expect(await desk.locator('.flash').isVisible()).toBe(true);

    await page.goto(`${server.url}/${locale}/directory/${slug}`);
    expect(await page.locator('main').textContent()).toContain(words.managed);
    await page.goto(`${server.url}/${locale}/directory/${slug}/edit`);
    await checked(page, failures);
    await submit(page, '/confirm');
    expect(await page.locator('.flash').isVisible()).toBe(true);
    await page.fill('#f-summary_en', 'Backs hardware and biotech startups.');
    await page.check('#f-focus_stage_early');
    await page.fill('#f-name_en', `Pearl Renamed Capital ${locale}`);
    await submit(page, '/edit');
    expect(await page.locator('main').textContent()).toContain(words.pending);
    await checked(page, failures);
    await page.goto(`${server.url}/en/directory/${slug}`);
    expect(await page.locator('main').textContent()).toContain('Backs hardware and biotech startups.');

    await desk.goto(`${server.url}/${locale}/staff/directory`);
    await Promise.all([
      desk.waitForNavigation(),
      desk.locator(`main a[href^="/${locale}/staff/directory/changes/"]`).first().click(),
    ]);
    await checked(desk, failures);
    await submit(desk, '/approve');
    expect(await desk.locator('.flash').isVisible()).toBe(true);
    await checked(desk, failures);
    await desk.goto(`${server.url}/${locale}/staff/directory/duplicates`);
    await checked(desk, failures);
    await Promise.all([
      desk.waitForNavigation(),
      desk.locator(`main a[href^="/${locale}/staff/directory/duplicates/"]`).first().click(),
    ]);
    await checked(desk, failures);
    await desk.goto(`${server.url}/${locale}/staff/directory/records/${slug}`);
    await checked(desk, failures);
    await page.goto(`${server.url}/en/directory/${slug}`);
    expect(await page.locator('h1').textContent()).toBe(`Pearl Renamed Capital ${locale}`);

    expect(failures).toEqual([]);
    expect(problems.filter((p) => !/HTTP 422: .*\/claim$|status of 422/.test(p))).toEqual([]);
    expect(staffProblems).toEqual([]);
    await claimant.close();
    await staff.close();
  });
});
