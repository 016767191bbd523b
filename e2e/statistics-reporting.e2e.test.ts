import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { startServer, type TRunningServer } from '../src/main.ts';
import * as accounts from '../src/modules/accounts/accounts.repo.ts';
import { cityDay, lastEndedQuarter, previousQuarter } from '../src/modules/indicators/indicators.calendar.ts';
import { hashToken, newToken } from '../src/platform/auth/tokens.ts';
import { newTotpKey, seal } from '../src/platform/auth/totp.ts';
import { openDatabase, type TDatabase } from '../src/platform/db/database.ts';
import { SESSION_COOKIE } from '../src/platform/http/session-cookie.ts';
import { axeViolations, launchChromium, watchProblems } from './browser.ts';

// The quarterly report journey, in both languages, axe on every page: an incubator's owner finds the
// reports from the organisation's page, fills the quarter, meets a field error and a jump warning, confirms
// and submits; a staff administrator finds it from the statistics staff page and approves it. People and
// sessions are written straight into the database (the sign-in journey has its own test).

const SECRET = 'e2e-only-Xq7Lm2Pz9Rt4Wy8Nc3Hb6Gd1Fs5Ae0Uo';
const PERIOD = lastEndedQuarter(cityDay(new Date()));

let server: TRunningServer;
let browser: Browser;
let database: TDatabase;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ecosphere-e2e-reporting-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: '0',
    DATABASE_URL: join(dataDir, 'e2e.sqlite'),
    DATA_DIR: dataDir,
    SESSION_SECRET: SECRET,
  });
  server = await startServer(config, { demo: false });
  database = await openDatabase(config.database);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await database?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const db = () => database.db as Kysely<any>;
let n = 0;

/** A person with a session; staff get a second factor in it. Returns a browser context holding it. */
const personContext = async (
  role: 'member' | 'staff-admin',
  locale: 'en' | 'zh',
): Promise<[number, BrowserContext]> => {
  n += 1;
  const now = new Date();
  const id = (await accounts.insertPerson(
    db(),
    {
      email: `reporting-${role}-${n}@example.org`,
      passwordHash: 'x',
      nameLatin: null,
      nameZh: null,
      locale,
      role,
      emailVerifiedAt: now.toISOString(),
    },
    now.toISOString(),
  )) as number;
  if (role !== 'member')
    await accounts.updatePerson(
      db(),
      id,
      { totp_secret: seal(SECRET, newTotpKey()), totp_enabled_at: now.toISOString() },
      now.toISOString(),
    );
  const token = newToken();
  await accounts.insertSession(db(), {
    id: hashToken(token),
    person_id: id,
    stage: 'active',
    mfa_at: role === 'member' ? null : now.toISOString(),
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    idle_seconds: 1800,
    expires_at: new Date(now.getTime() + 86_400_000).toISOString(),
    ip: '127.0.0.1',
    user_agent: 'e2e',
  });
  const context = await browser.newContext({ locale: locale === 'zh' ? 'zh-CN' : 'en-GB' });
  await context.addCookies([{ name: SESSION_COOKIE, value: token, url: server.url }]);
  return [id, context];
};

const checked = async (page: Page, failures: string[]) => {
  for (const v of await axeViolations(page)) failures.push(`${new URL(page.url()).pathname}: ${v}`);
};

const clickAndWait = async (page: Page, click: () => Promise<void>) => {
  await Promise.all([page.waitForNavigation(), click()]);
};

describe.each([
  ['en', 'Quarterly statistics reports', 'Submit for review', 'I confirm this value is correct', 'Approve'],
  ['zh', '季度统计报表', '提交审核', '我确认该数值无误', '审核通过'],
] as const)('quarterly reports in %s', (locale, reportsLink, submitLabel, confirmLabel, approveLabel) => {
  it('owner fills and submits the quarter, staff approve it; every page axe clean', async () => {
    const [ownerId, ownerContext] = await personContext('member', locale);
    const now = new Date().toISOString();
    const slug = `e2e-incubator-${locale}`;
    const org = Number(
      (
        await db()
          .insertInto('organizations_organization')
          .values({
            slug,
            kind: 'incubator',
            name_en: `E2E Incubator ${locale}`,
            name_zh: `端到端孵化器${locale}`,
            verified_at: now,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
    await db()
      .insertInto('organizations_membership')
      .values({ org_id: org, person_id: ownerId, role: 'owner', created_at: now })
      .execute();
    // Last quarter's approved report: revenue 100, so this quarter's 1250.5 is a jump to confirm.
    const previous = Number(
      (
        await db()
          .insertInto('indicator_report')
          .values({
            org_id: org,
            form: 'incubation_quarterly',
            period: previousQuarter(PERIOD),
            status: 'approved',
            org_kind: 'incubator',
            created_by: ownerId,
            created_at: now,
            updated_by: ownerId,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
    await db()
      .insertInto('indicator_report_value')
      .values({ report_id: previous, field: 'revenue', value: 100 })
      .execute();

    const failures: string[] = [];
    const page = await ownerContext.newPage();
    const problems = watchProblems(page);
    await page.goto(`${server.url}/${locale}/organizations/${slug}`);
    await clickAndWait(page, () => page.getByRole('link', { name: reportsLink }).click());
    expect(new URL(page.url()).pathname).toBe(`/${locale}/organizations/${slug}/reports`);
    await checked(page, failures);
    await clickAndWait(page, () => page.locator(`a[href$="/reports/${PERIOD}"]`).click());
    await checked(page, failures);
    // A negative value: the form comes back with the problem, focus can reach it from the summary.
    await page.locator('#f-revenue').fill('-5');
    for (const [name, value] of [
      ['tenants', '40'],
      ['graduates', '3'],
      ['jobs', '520'],
      ['funds_raised', '800'],
    ] as const)
      await page.locator(`#f-${name}`).fill(value);
    await clickAndWait(page, () => page.getByRole('button', { name: submitLabel }).click());
    expect(await page.locator('.error-summary').count()).toBe(1);
    await checked(page, failures);
    // The jump: a warning with a checkbox, then the confirmed submission.
    await page.locator('#f-revenue').fill('1250.5');
    await clickAndWait(page, () => page.getByRole('button', { name: submitLabel }).click());
    const confirm = page.getByRole('checkbox', { name: new RegExp(confirmLabel) });
    expect(await confirm.count()).toBe(1);
    await checked(page, failures);
    await confirm.focus();
    await page.keyboard.press('Space');
    await clickAndWait(page, () => page.getByRole('button', { name: submitLabel }).click());
    expect(await page.locator('.flash').count()).toBe(1);
    await checked(page, failures);
    // Errors on the pages above were the 422s the journey asked for.
    expect(problems.filter((p) => !/HTTP 422|status of 422/.test(p))).toEqual([]);

    const [, staffContext] = await personContext('staff-admin', locale);
    const staff = await staffContext.newPage();
    const staffProblems = watchProblems(staff);
    await staff.goto(`${server.url}/${locale}/staff`);
    await clickAndWait(staff, () => staff.locator(`a[href="/${locale}/staff/statistics"]`).first().click());
    await checked(staff, failures);
    await clickAndWait(staff, () => staff.locator(`a[href="/${locale}/staff/statistics/reports"]`).click());
    await checked(staff, failures);
    await clickAndWait(staff, () =>
      staff
        .getByRole('link', { name: new RegExp(`E2E Incubator ${locale}|端到端孵化器${locale}`) })
        .first()
        .click(),
    );
    await checked(staff, failures);
    await clickAndWait(staff, () => staff.getByRole('button', { name: approveLabel, exact: true }).click());
    expect(await staff.locator('.flash').count()).toBe(1);
    await checked(staff, failures);
    expect(staffProblems).toEqual([]);
    expect(failures).toEqual([]);
    await ownerContext.close();
    await staffContext.close();
  });
});
