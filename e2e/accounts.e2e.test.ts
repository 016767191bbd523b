import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { startServer, type TRunningServer } from '../src/main.ts';
import { base32Decode, stepAt, totpCode } from '../src/platform/auth/totp.ts';
import { runCli } from '../test/cli.ts';
import { startTestSmtp, type TTestSmtp } from '../test/smtp.ts';
import { axeViolations, launchChromium, watchProblems } from './browser.ts';

// The accounts journey, in both languages, as people do it: sign up → confirm the address from the
// e-mail (read from a real SMTP server) → create an organisation → a staff member, created with the CLI,
// chooses a password, sets up two-factor authentication and verifies it → the badge shows. Every page
// visited passes axe (WCAG 2.2 AA); no console errors, no failed requests. The Chinese run has
// JavaScript off: every step is a plain form.

let server: TRunningServer;
let browser: Browser;
let smtp: TTestSmtp;
let dataDir: string;
let dbFile: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ecosphere-e2e-accounts-'));
  dbFile = join(dataDir, 'e2e.sqlite');
  smtp = await startTestSmtp();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: '0',
    DATABASE_URL: dbFile,
    DATA_DIR: dataDir,
    SMTP_URL: smtp.url,
  });
  server = await startServer(config, { demo: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const linkTo = (text: string | undefined, base: string): string => {
  const m = /https?:\/\/\S+/.exec(text ?? '');
  if (!m) throw new Error(`no link in ${text}`);
  const u = new URL(m[0]);
  return `${base}${u.pathname}${u.search}`;
};

const waitForMail = async (to: string, subject: RegExp) => {
  for (let i = 0; i < 200; i++) {
    const found = smtp.messages.find(
      (m) => (m.to as { text: string }).text === to && subject.test(m.subject ?? ''),
    );
    if (found) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no message to ${to} matching ${subject}`);
};

let runAxe = true;
const checked = async (page: Page, failures: string[]) => {
  // axe runs inside the page: with JavaScript off it cannot, and the same pages were checked with it on.
  if (!runAxe) return;
  for (const v of await axeViolations(page)) failures.push(`${new URL(page.url()).pathname}: ${v}`);
};

const submit = async (page: Page) => {
  await Promise.all([
    page.waitForNavigation(),
    page.locator('main form.form button[type=submit]').first().click(),
  ]);
};

const EN = { verified: 'Verified by staff on', unverified: 'Not verified', check: 'Check your email' };
const ZH = { verified: '已由工作人员于', unverified: '未核验', check: '请查收邮件' };

describe.each([
  ['en', 'en-GB', true, EN],
  ['zh', 'zh-CN', true, ZH],
  ['zh', 'zh-CN', false, ZH],
] as const)('accounts journey in %s (JavaScript %s)', (locale, browserLocale, javaScriptEnabled, words) => {
  it('sign up → confirm → organisation → staff with 2FA verify it → badge; Contact us → inbox → reply by e-mail', async () => {
    runAxe = javaScriptEnabled;
    const base = server.url;
    const failures: string[] = [];
    const who = `${locale}-${javaScriptEnabled ? 'js' : 'nojs'}`;
    const applicantEmail = `applicant-${who}@example.org`;
    const staffEmail = `staff-${who}@example.gov.cn`;

    // The applicant signs up.
    const ctx = await browser.newContext({ locale: browserLocale, javaScriptEnabled });
    const page = await ctx.newPage();
    const problems = watchProblems(page);
    await page.goto(`${base}/${locale}/`);
    await page.click('.account-nav a');
    expect(new URL(page.url()).pathname).toBe(`/${locale}/login`);
    await checked(page, failures);
    await page.goto(`${base}/${locale}/signup`);
    await checked(page, failures);
    await page.fill('#f-email', applicantEmail);
    await page.fill('#f-password', 'copper meadow lantern 77');
    await page.fill('#f-name_latin', 'Zhou Min');
    await page.fill('#f-name_zh', '周敏');
    await submit(page);
    expect(await page.textContent('main h1')).toBe(words.check);
    await checked(page, failures);

    // The confirmation e-mail, in the reader's language.
    const welcome = await waitForMail(applicantEmail, locale === 'zh' ? /确认/ : /Confirm/);
    await page.goto(linkTo(welcome.text, base));
    await checked(page, failures);
    await submit(page);
    expect(new URL(page.url()).pathname).toBe(`/${locale}/login`);
    await checked(page, failures);
    await page.fill('#f-email', applicantEmail);
    await page.fill('#f-password', 'copper meadow lantern 77');
    await submit(page);
    expect(new URL(page.url()).pathname).toBe(`/${locale}/account`);
    await checked(page, failures);

    // An organisation.
    await page.goto(`${base}/${locale}/organizations/new`);
    await checked(page, failures);
    await page.fill('#f-name_en', `Pearl River Robotics ${who}`);
    await page.fill('#f-name_zh', `珠江机器人${who}`);
    await page.selectOption('#f-kind', 'enterprise');
    await page.fill('#f-website', 'https://robotics.example.org');
    await submit(page);
    const orgPath = new URL(page.url()).pathname;
    expect(orgPath).toMatch(new RegExp(`^/${locale}/organizations/[a-z0-9-]+$`));
    expect(await page.textContent('main')).toContain(words.unverified);
    await checked(page, failures);

    // A staff administrator, created with the CLI: no password until they choose one from the link.
    const made = await runCli(
      ['user', 'create', '--email', staffEmail, '--role', 'staff-admin', '--locale', locale],
      {
        DATABASE_URL: dbFile,
        SMTP_URL: smtp.url,
        DATA_DIR: dataDir,
      },
    );
    expect(made.code, made.stderr).toBe(0);
    const invite = await waitForMail(staffEmail, locale === 'zh' ? /已开通/ : /ready/);
    const staffCtx = await browser.newContext({ locale: browserLocale, javaScriptEnabled });
    const staff = await staffCtx.newPage();
    const staffProblems = watchProblems(staff);
    await staff.goto(linkTo(invite.text, base));
    await checked(staff, failures);
    await staff.fill('#f-password', 'granite harbour signal 31');
    await submit(staff);
    await staff.fill('#f-email', staffEmail);
    await staff.fill('#f-password', 'granite harbour signal 31');
    await submit(staff);
    // Staff powers wait for the second factor.
    await staff.goto(`${base}/${locale}/staff/organizations`);
    expect(new URL(staff.url()).pathname).toBe(`/${locale}/account/two-factor`);
    await checked(staff, failures);
    const key = ((await staff.textContent('[data-totp-key]')) ?? '').replace(/\s/g, '');
    await staff.fill('#f-code', totpCode(base32Decode(key), stepAt(Date.now())));
    await submit(staff);
    expect(await staff.locator('ul.codes li').count()).toBe(10);
    await checked(staff, failures);

    // The staff member verifies the organisation with an evidence note.
    await staff.goto(`${base}/${locale}/staff/organizations`);
    await checked(staff, failures);
    const slug = orgPath.split('/').pop() as string;
    await staff.goto(`${base}/${locale}/staff/organizations/${slug}`);
    await checked(staff, failures);
    await staff.fill('#f-note', 'Business licence checked against the national enterprise credit system.');
    await Promise.all([
      staff.waitForNavigation(),
      staff.locator(`form[action$="/${slug}/verify"] button[type=submit]`).click(),
    ]);
    await checked(staff, failures);

    // The applicant writes through Contact us; the staff member answers from the inbox.
    await page.goto(`${base}/${locale}/contact`);
    await checked(page, failures);
    await page.fill('#f-name', 'Zhou Min');
    await page.fill('#f-email', applicantEmail);
    await page.fill('#f-subject', `Data question ${who}`);
    await page.fill('#f-message', 'Can the incubator figures be downloaded?');
    await submit(page);
    await checked(page, failures);
    await staff.goto(`${base}/${locale}/staff/contact`);
    await checked(staff, failures);
    await Promise.all([
      staff.waitForNavigation(),
      staff
        .locator('tbody tr', { hasText: `Data question ${who}` })
        .locator('a')
        .click(),
    ]);
    await checked(staff, failures);
    await staff.fill('#f-reply', 'Yes: every indicator page has a CSV download.');
    await Promise.all([
      staff.waitForNavigation(),
      staff.locator('form[action$="/reply"] button[type=submit]').click(),
    ]);
    await checked(staff, failures);
    const answer = await waitForMail(applicantEmail, /Data question/);
    expect(answer.text).toContain('every indicator page has a CSV download');

    // The applicant sees the badge with its date.
    await page.goto(`${base}${orgPath}`);
    const badge = await page.textContent('.badge-verified');
    expect(badge).toContain(words.verified);
    await checked(page, failures);
    await page.screenshot({
      path: join(process.cwd(), 'test-results', `organization-verified-${who}.png`),
      fullPage: true,
    });

    expect(failures).toEqual([]);
    expect(problems).toEqual([]);
    expect(staffProblems).toEqual([]);
    await ctx.close();
    await staffCtx.close();
  });
});
