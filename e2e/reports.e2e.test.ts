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

// The error report journey, in both languages: a reader selects a sentence of an article and presses
// Ctrl+Enter → the dialog (focus inside, Esc closes, it opens again) → comment and address → thanks in
// the dialog; the same without JavaScript through "Report an error on this page" and the form. An editor
// (made with the CLI, with two-factor authentication) finds both in the queue, fixes one with a note and
// declines the other; each reader gets the outcome by e-mail in their language. axe on every page.

const ARTICLE = '/news/guangzhou-innovative-ecosphere-gaining-momentum';

let server: TRunningServer;
let browser: Browser;
let smtp: TTestSmtp;
let dataDir: string;
let dbFile: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ecosphere-e2e-reports-'));
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

const linkTo = (text: string | undefined, base: string): string => {
  const m = /https?:\/\/\S+/.exec(text ?? '');
  if (!m) throw new Error(`no link in ${text}`);
  const u = new URL(m[0]);
  return `${base}${u.pathname}${u.search}`;
};

const checked = async (page: Page, failures: string[]) => {
  for (const v of await axeViolations(page)) failures.push(`${new URL(page.url()).pathname}: ${v}`);
};

const submit = async (page: Page) => {
  await Promise.all([
    page.waitForNavigation(),
    page.locator('main form.form button[type=submit]').first().click(),
  ]);
};

/**
 * Selects the `nth` sentence-long stretch of the article's body paragraphs with a Range over a text node,
 * as a reader's mouse would; returns the selected words.
 */
const selectSentence = (page: Page, nth: number): Promise<string> =>
  page.evaluate((index) => {
    const paragraphs = [...document.querySelectorAll('article p')].filter(
      (p) =>
        p.firstChild instanceof Text &&
        (p.textContent ?? '').trim().length > 40 &&
        !p.closest('dl') &&
        !p.classList.contains('lead'),
    );
    const p = paragraphs[index] as HTMLParagraphElement;
    const node = p.firstChild as Text;
    const text = node.data;
    const stop = text.search(/[.。](\s|$)/);
    const end = stop > 10 && stop < 160 ? stop + 1 : Math.min(text.length, 60);
    const range = document.createRange();
    range.setStart(node, 0);
    range.setEnd(node, end);
    const selection = window.getSelection() as Selection;
    selection.removeAllRanges();
    selection.addRange(range);
    return selection.toString().replace(/\s+/g, ' ').trim();
  }, nth);

const dialogOpen = (page: Page) =>
  page.evaluate(() => (document.getElementById('report-dialog') as HTMLDialogElement | null)?.open === true);

const EN = {
  thanks: 'Thank you for your report',
  fixed: /the page was corrected/,
  declined: /no change was made/,
  ready: /ready/,
  overdueFree: 'Overdue',
};
const ZH = {
  thanks: '感谢您的报告',
  fixed: /页面已更正/,
  declined: /页面未作更改/,
  ready: /已开通/,
  overdueFree: '已逾期',
};

describe.each([
  ['en', 'en-GB', EN],
  ['zh', 'zh-CN', ZH],
] as const)('error reports in %s', (locale, browserLocale, words) => {
  it('Ctrl+Enter dialog and the plain form → queue → fixed / declined → e-mails in the reader’s language', async () => {
    const base = server.url;
    const failures: string[] = [];
    const jsReader = `reader-js-${locale}@example.org`;
    const plainReader = `reader-plain-${locale}@example.org`;
    const editorEmail = `editor-${locale}@example.gov.cn`;

    // A reader with JavaScript reads the article and selects a sentence.
    const ctx = await browser.newContext({ locale: browserLocale });
    const page = await ctx.newPage();
    const problems = watchProblems(page);
    await page.goto(`${base}/${locale}${ARTICLE}`);
    await page.waitForSelector('[data-report-hint]:not([hidden])');
    await checked(page, failures);
    await page.focus('#main');
    const sentence = await selectSentence(page, 0);
    expect(sentence.length).toBeGreaterThan(10);
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('dialog#report-dialog[open]');
    expect(await page.textContent('dialog#report-dialog [data-report-context] mark')).toBe(sentence);
    // The context reads across blocks with a space: the end of the paragraph before, then the sentence.
    const context = (await page.textContent('dialog#report-dialog [data-report-context]')) ?? '';
    expect(context.length).toBeGreaterThan(sentence.length + 40);
    const at = context.indexOf(sentence);
    expect(context.slice(at - 2, at)).toMatch(/^\S $/);
    expect(await page.isVisible('dialog#report-dialog [data-report-done]')).toBe(false);
    expect(
      await page.evaluate(() => {
        const d = document.getElementById('report-dialog') as HTMLDialogElement;
        const title = document.getElementById(d.getAttribute('aria-labelledby') ?? '');
        return { inside: d.contains(document.activeElement), title: title?.textContent ?? '' };
      }),
    ).toEqual({ inside: true, title: locale === 'zh' ? '报告错误' : 'Report an error' });
    await checked(page, failures);
    // Tab stays inside the modal dialog.
    for (let i = 0; i < 8; i++) await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => document.getElementById('report-dialog')?.contains(document.activeElement)),
    ).toBe(true);
    // Esc closes it and focus goes back where it was; it opens again.
    await page.keyboard.press('Escape');
    expect(await dialogOpen(page)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await selectSentence(page, 0);
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('dialog#report-dialog[open]');
    await page.fill(
      '#rd-comment',
      locale === 'zh' ? '数字与来源不符。' : 'The figure differs from the source.',
    );
    await page.fill('#rd-email', jsReader);
    await page.screenshot({ path: join(process.cwd(), 'test-results', `report-dialog-${locale}.png`) });
    await page.click('dialog#report-dialog button[type=submit]');
    await page.waitForSelector(`dialog#report-dialog [role=status]:has-text("${words.thanks}")`);
    expect(await page.isVisible('dialog#report-dialog form')).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.closest('[data-report-done]') !== null)).toBe(
      true,
    );
    await checked(page, failures);
    await page.keyboard.press('Enter');
    expect(await dialogOpen(page)).toBe(false);

    // Another reader, without JavaScript, uses the link and the form.
    const plainCtx = await browser.newContext({ locale: browserLocale, javaScriptEnabled: false });
    const plain = await plainCtx.newPage();
    const plainProblems = watchProblems(plain);
    await plain.goto(`${base}/${locale}${ARTICLE}`);
    await Promise.all([plain.waitForNavigation(), plain.click('a[data-report-link]')]);
    expect(new URL(plain.url()).pathname).toBe(`/${locale}/report`);
    expect(await plain.inputValue('#f-page')).toBe(`/${locale}${ARTICLE}`);
    const wrong = locale === 'zh' ? '广州拥有十万家孵化器' : 'Guangzhou has 100,000 incubators';
    await plain.fill('#f-selection', wrong);
    await plain.fill('#f-comment', locale === 'zh' ? '应为约三百家。' : 'About 300, surely.');
    await plain.fill('#f-email', plainReader);
    await submit(plain);
    expect(new URL(plain.url()).pathname).toBe(`/${locale}/report/sent`);
    expect(await plain.textContent('main h1')).toBe(words.thanks);
    await Promise.all([plain.waitForNavigation(), plain.click('main a[href$="momentum"]')]);
    expect(new URL(plain.url()).pathname).toBe(`/${locale}${ARTICLE}`);
    // The same form and thanks page with JavaScript on, for axe.
    await page.goto(`${base}/${locale}/report?page=${encodeURIComponent(`/${locale}${ARTICLE}`)}`);
    await checked(page, failures);
    await page.goto(`${base}/${locale}/report/sent?page=${encodeURIComponent(`/${locale}${ARTICLE}`)}`);
    await checked(page, failures);

    // An editor, created with the CLI, sets a password and two-factor authentication.
    const made = await runCli(
      ['user', 'create', '--email', editorEmail, '--role', 'editor', '--locale', locale],
      { DATABASE_URL: dbFile, SMTP_URL: smtp.url, DATA_DIR: dataDir },
    );
    expect(made.code, made.stderr).toBe(0);
    const invite = await waitForMail(editorEmail, words.ready);
    const staffCtx = await browser.newContext({ locale: browserLocale });
    const staff = await staffCtx.newPage();
    const staffProblems = watchProblems(staff);
    await staff.goto(linkTo(invite.text, base));
    await staff.fill('#f-password', 'lantern harbour quiet 62');
    await submit(staff);
    await staff.fill('#f-email', editorEmail);
    await staff.fill('#f-password', 'lantern harbour quiet 62');
    await submit(staff);
    await staff.goto(`${base}/${locale}/staff/reports`);
    expect(new URL(staff.url()).pathname).toBe(`/${locale}/account/two-factor`);
    const key = ((await staff.textContent('[data-totp-key]')) ?? '').replace(/\s/g, '');
    await staff.fill('#f-code', totpCode(base32Decode(key), stepAt(Date.now())));
    await submit(staff);

    // The queue, from the staff home page: both reports, neither overdue; the dialog's report is fixed.
    await staff.goto(`${base}/${locale}/staff`);
    await Promise.all([staff.waitForNavigation(), staff.click(`main a[href="/${locale}/staff/reports"]`)]);
    await checked(staff, failures);
    const queue = (await staff.textContent('main table')) ?? '';
    expect(queue).toContain(sentence.slice(0, 30));
    expect(queue).toContain(wrong);
    expect(queue).not.toContain(words.overdueFree);
    await Promise.all([
      staff.waitForNavigation(),
      staff
        .locator('tbody tr', { hasText: sentence.slice(0, 30) })
        .filter({ hasText: `/${locale}/news/` })
        .locator('a')
        .click(),
    ]);
    await checked(staff, failures);
    await staff.screenshot({
      path: join(process.cwd(), 'test-results', `report-detail-${locale}.png`),
      fullPage: true,
    });
    expect(await staff.textContent('main blockquote.report-context mark')).toBe(sentence);
    expect(await staff.textContent('main')).toContain(jsReader);
    await staff.fill(
      '#f-note',
      locale === 'zh' ? '已按来源更正，谢谢！' : 'Corrected against the source, thank you!',
    );
    await Promise.all([
      staff.waitForNavigation(),
      staff.locator('form[action$="/fix"] button[type=submit]').click(),
    ]);
    await checked(staff, failures);
    const fixed = await waitForMail(jsReader, words.fixed);
    expect(fixed.text).toContain(sentence);
    expect(fixed.text).toContain(
      locale === 'zh' ? '已按来源更正，谢谢！' : 'Corrected against the source, thank you!',
    );
    expect(fixed.headers.get('content-language')).toBe(locale === 'zh' ? 'zh-CN' : 'en');

    // The form's report is declined with a reason.
    await staff.goto(`${base}/${locale}/staff/reports?status=new`);
    await Promise.all([
      staff.waitForNavigation(),
      staff.locator('tbody tr', { hasText: wrong }).locator('a').click(),
    ]);
    await staff.fill('#f-reason', locale === 'zh' ? '原文并无此句。' : 'The article does not say this.');
    await Promise.all([
      staff.waitForNavigation(),
      staff.locator('form[action$="/decline"] button[type=submit]').click(),
    ]);
    await checked(staff, failures);
    const declined = await waitForMail(plainReader, words.declined);
    expect(declined.text).toContain(wrong);

    expect(failures).toEqual([]);
    expect(problems).toEqual([]);
    expect(plainProblems).toEqual([]);
    expect(staffProblems).toEqual([]);
    await ctx.close();
    await plainCtx.close();
    await staffCtx.close();
  });
});
