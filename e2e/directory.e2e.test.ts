import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../src/platform/csv.ts';
import { axeViolations, demoSite, watchProblems } from './browser.ts';

// The directory journey of issue #5: search 孵化器 → narrow to a district → open a profile → export CSV,
// in both languages (and once without JavaScript), axe clean on every page, no console or HTTP errors.

const site = demoSite('dir');

// axe runs inside the page, so it needs JavaScript: the no-JavaScript run checks the same pages' behaviour
// and the JavaScript runs check their accessibility.
const axeClean = async (page: Page, where: string, javaScriptEnabled: boolean) => {
  if (javaScriptEnabled) expect(await axeViolations(page), where).toEqual([]);
};

const LABELS = {
  en: {
    submit: 'Search',
    tianhe: /^Tianhe \(([\d,]+)\)$/,
    apply: 'Apply filters',
    found: /([\d,]+) organisations found/,
  },
  zh: { submit: '搜索', tianhe: /^天河区（([\d,]+)）$/, apply: '应用筛选', found: /找到 ([\d,]+) 家机构/ },
} as const;

describe.each([
  ['en', 'en-GB', true],
  ['zh', 'zh-CN', true],
  ['en', 'en-GB', false],
] as const)('directory in %s (JavaScript %s)', (locale, browserLocale, javaScriptEnabled) => {
  it('search 孵化器 → facet by district → open a profile → export CSV', async () => {
    const context = await site.browser.newContext({
      locale: browserLocale,
      javaScriptEnabled,
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const problems = watchProblems(page);
    const L = LABELS[locale];

    await page.goto(`${site.server.url}/${locale}/directory`);
    await axeClean(page, 'directory home', javaScriptEnabled);
    await page.locator('#d-q').fill('孵化器');
    await page.locator('#d-q').press('Enter');
    await page.waitForURL(/\/directory\/search\?/);
    await expect.poll(() => page.locator('h1').textContent()).toBeTruthy();
    const status = (await page.locator('[role="status"]').first().textContent()) ?? '';
    const all = Number((L.found.exec(status)?.[1] ?? '0').replaceAll(',', ''));
    expect(all).toBeGreaterThan(1);
    await expect.poll(() => page.locator('mark').count()).toBeGreaterThan(0);
    await axeClean(page, 'results', javaScriptEnabled);

    // Narrow to Tianhe with the facet checkbox and the form's apply button (keyboard: Space, then Enter).
    const tianhe = page.getByLabel(L.tianhe);
    const label = (await page.locator('label[for="f-district-tianhe"]').textContent()) ?? '';
    const expected = Number((L.tianhe.exec(label)?.[1] ?? '0').replaceAll(',', ''));
    expect(expected).toBeGreaterThan(0);
    await tianhe.focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: L.apply }).click();
    await page.waitForURL(/district=tianhe/);
    const narrowed = (await page.locator('[role="status"]').first().textContent()) ?? '';
    expect(Number((L.found.exec(narrowed)?.[1] ?? '0').replaceAll(',', ''))).toBe(expected);
    expect(await page.locator('#f-district-tianhe').isChecked()).toBe(true);
    await axeClean(page, 'results by district', javaScriptEnabled);

    // Open the first result's profile.
    const first = page.locator('ol.results > li h3 a').first();
    const name = ((await first.textContent()) ?? '').trim();
    await first.click();
    await page.waitForURL(/\/directory\/[a-z0-9-]+$/);
    expect(((await page.locator('h1').textContent()) ?? '').trim()).toBe(name);
    await axeClean(page, 'profile', javaScriptEnabled);
    await page.goBack();

    // Export the narrowed result set.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('a[href*="/directory/export.csv"]').click(),
    ]);
    const text = readFileSync((await download.path()) as string, 'utf8').replace(/^\ufeff/, '');
    const rows = parseCsvRecords(text);
    expect(rows).toHaveLength(expected);
    expect(rows.every((r) => r.district === 'tianhe')).toBe(true);
    expect(rows.map((r) => (locale === 'zh' ? r.name_zh : r.name_en))).toContain(name);

    expect(problems).toEqual([]);
    await context.close();
  });
});
