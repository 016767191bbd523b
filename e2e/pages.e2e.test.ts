import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type TConfig } from '../src/config.ts';
import { startServer, type TRunningServer } from '../src/main.ts';
import * as accounts from '../src/modules/accounts/accounts.repo.ts';
import { hashToken, newToken } from '../src/platform/auth/tokens.ts';
import { openDatabase, type TDatabase } from '../src/platform/db/database.ts';
import { SESSION_COOKIE } from '../src/platform/http/session-cookie.ts';
import type { TTestApp } from '../test/app.ts';
import { createPerson } from '../test/auth.ts';
import { axeViolations, launchChromium, watchProblems } from './browser.ts';

// The Help Center and the audience pages, in both languages: help → open an answer in place (keyboard)
// → search → open the entry's own page → its topic; an audience page and one of its links; the same
// Help Center without JavaScript; and an editor's screens. axe (WCAG 2.2 AA) on every page visited.

let server: TRunningServer;
let browser: Browser;
let dataDir: string;
let config: TConfig;
let database: TDatabase;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ecosphere-e2e-pages-'));
  config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: '0',
    DATABASE_URL: join(dataDir, 'e2e.sqlite'),
    DATA_DIR: dataDir,
  });
  server = await startServer(config, { demo: true });
  // A second handle on the same database, to make an editor and a session for the staff screens.
  database = await openDatabase(config.database);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await database?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const checked = async (page: Page, failures: string[]) => {
  expect(await page.locator('h1').count(), page.url()).toBe(1);
  for (const v of await axeViolations(page)) failures.push(`${new URL(page.url()).pathname}: ${v}`);
};

const WORDS = {
  en: { search: 'password', result: 'I forgot my password. What can I do?', topic: 'Accounts and sign-in' },
  zh: { search: '密码', result: '忘记密码怎么办？', topic: '账户与登录' },
} as const;

describe.each([
  ['en', 'en-GB'],
  ['zh', 'zh-CN'],
] as const)('Help Center and audience pages in %s', (locale, browserLocale) => {
  it('help → an answer opened in place by keyboard → search → the entry’s page → its topic, axe-clean', async () => {
    const context = await browser.newContext({ locale: browserLocale });
    const page = await context.newPage();
    const problems = watchProblems(page);
    const failures: string[] = [];
    const words = WORDS[locale];

    await page.goto(`${server.url}/${locale}/help`);
    await checked(page, failures);
    const first = page.locator('details.help-entry').first();
    expect(await first.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await first.locator('summary').focus();
    await page.keyboard.press('Enter');
    expect(await first.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await first.locator('.markdown').isVisible()).toBe(true);
    await checked(page, failures);

    await page.fill('#help-q', words.search);
    await Promise.all([page.waitForNavigation(), page.press('#help-q', 'Enter')]);
    expect(new URL(page.url()).searchParams.get('q')).toBe(words.search);
    await checked(page, failures);
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: words.result }).click()]);
    expect(new URL(page.url()).pathname).toBe(`/${locale}/help/forgot-password`);
    expect(await page.locator('h1').textContent()).toBe(words.result);
    await checked(page, failures);

    await Promise.all([
      page.waitForNavigation(),
      page.locator('main p.meta a', { hasText: words.topic }).click(),
    ]);
    expect(new URL(page.url()).pathname).toBe(`/${locale}/help/topic/signing-in`);
    await checked(page, failures);

    expect(failures).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an audience page shows its curated links in the reader’s language, and they lead somewhere', async () => {
    const context = await browser.newContext({ locale: browserLocale });
    const page = await context.newPage();
    const problems = watchProblems(page);
    const failures: string[] = [];
    for (const audience of ['government', 'residents', 'visitors', 'business']) {
      const res = await page.goto(`${server.url}/${locale}/${audience}`);
      expect(res?.status()).toBe(200);
      await checked(page, failures);
      const hrefs = await page
        .locator('main ul.cards a')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(hrefs.length).toBeGreaterThanOrEqual(3);
      for (const href of hrefs) expect(href, audience).toMatch(new RegExp(`^/${locale}/`));
    }
    await Promise.all([page.waitForNavigation(), page.locator('main ul.cards a').first().click()]);
    expect(new URL(page.url()).pathname).toBe(`/${locale}/signup`);
    expect(failures).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('without JavaScript', () => {
  it('answers open and the search works as plain HTML', async () => {
    const context = await browser.newContext({ locale: 'en-GB', javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/en/help`);
    const first = page.locator('details.help-entry').first();
    await first.locator('summary').click();
    expect(await first.locator('.markdown').isVisible()).toBe(true);
    await page.fill('#help-q', '孵化');
    await Promise.all([page.waitForNavigation(), page.click('main form.help-search button[type=submit]')]);
    expect(await page.locator('#help-results').textContent()).toMatch(/Answers matching “孵化” \(\d+\)/);
    await context.close();
  });
});

describe('an editor', () => {
  it('manages help entries and an audience page on screens that pass axe, in both languages', async () => {
    const editor = await createPerson({ deps: { db: database.db }, config } as unknown as TTestApp, {
      role: 'editor',
    });
    // A session that passed the second factor, as signing in with the authenticator would leave.
    const token = newToken();
    const now = new Date();
    await accounts.insertSession(database.db, {
      id: hashToken(token),
      person_id: editor.id,
      stage: 'active',
      mfa_at: now.toISOString(),
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      idle_seconds: 1800,
      expires_at: new Date(now.getTime() + 3_600_000).toISOString(),
      ip: '127.0.0.1',
      user_agent: 'e2e',
    });
    for (const locale of ['en', 'zh'] as const) {
      const context = await browser.newContext({ locale: locale === 'en' ? 'en-GB' : 'zh-CN' });
      await context.addCookies([{ name: SESSION_COOKIE, value: token, url: server.url }]);
      const page = await context.newPage();
      const problems = watchProblems(page);
      const failures: string[] = [];

      await page.goto(`${server.url}/${locale}/staff/help`);
      await checked(page, failures);
      await Promise.all([page.waitForNavigation(), page.locator('main a[href$="/staff/help/new"]').click()]);
      await checked(page, failures);
      // An empty form: the error summary and field messages (a 422, expected here).
      await Promise.all([
        page.waitForNavigation(),
        page.locator('main form.form button[type=submit]').click(),
      ]);
      expect(await page.locator('.error-summary').isVisible()).toBe(true);
      await checked(page, failures);
      await page.goto(`${server.url}/${locale}/staff/help/1`);
      await checked(page, failures);
      await page.goto(`${server.url}/${locale}/staff/help/1/delete`);
      await checked(page, failures);

      await page.goto(`${server.url}/${locale}/staff/audiences`);
      await checked(page, failures);
      await page.goto(`${server.url}/${locale}/staff/audiences/business`);
      await checked(page, failures);
      const firstLink = await page.locator('main table tbody tr').first().locator('td').nth(1).textContent();
      await Promise.all([
        page.waitForNavigation(),
        page.locator('main table tbody tr').first().locator('button.link-button').first().click(),
      ]);
      expect(await page.locator('.flash').isVisible()).toBe(true);
      expect(await page.locator('main table tbody tr').nth(1).locator('td').nth(1).textContent()).toBe(
        firstLink,
      );
      await checked(page, failures);

      expect(failures).toEqual([]);
      expect(
        problems.filter(
          (p) => !/HTTP 422: .*\/staff\/help\/new$|status of 422 \(Unprocessable Entity\)/.test(p),
        ),
      ).toEqual([]);
      await context.close();
    }
  });
});
