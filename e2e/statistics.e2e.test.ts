import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../src/platform/csv.ts';
import { axeViolations, demoSite, SHOTS, watchProblems } from './browser.ts';

const site = demoSite('stats');

const expectAxeClean = async (page: Page, failures: string[]) => {
  for (const v of await axeViolations(page)) failures.push(`${new URL(page.url()).pathname}: ${v}`);
};

describe.each([
  ['en', 'en-GB', 'R&D expenditure', 'All values (CSV)', 'Table'],
  ['zh', 'zh-CN', 'R&D经费内部支出', '全部数据（CSV）', '数据表'],
] as const)('statistics in %s', (locale, browserLocale, indicatorName, csvLink, tableLink) => {
  it('statistics home → an indicator → its table → download CSV, axe clean, the chart interactive', async () => {
    const context = await site.browser.newContext({ locale: browserLocale, acceptDownloads: true });
    const page = await context.newPage();
    const problems = watchProblems(page);
    const failures: string[] = [];

    await page.goto(`${site.server.url}/${locale}/statistics`);
    expect(await page.locator('.stat-panel').count()).toBe(8);
    await expectAxeClean(page, failures);

    await page.getByRole('link', { name: indicatorName, exact: true }).click();
    expect(new URL(page.url()).pathname).toBe(`/${locale}/statistics/rd_expenditure`);
    // The server's SVG became an ECharts instance; hovering the plot shows a tooltip with a value.
    const figure = page.locator('figure[data-chart]').first();
    await expect.poll(() => figure.getAttribute('data-chart-ready')).toBe('true');
    const canvas = figure.locator('[data-chart-canvas]');
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    if (!box) throw new Error('the chart has no box');
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5, { steps: 4 });
    const tooltip = page.locator('.chart-tooltip').first();
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    expect(await tooltip.textContent()).toMatch(
      locale === 'zh' ? /\d{4}年.*亿元/ : /\d{4}.*CNY [\d.]+ billion/,
    );
    await expectAxeClean(page, failures);
    await page.screenshot({ path: join(SHOTS, `statistics-indicator-${locale}.png`), fullPage: true });

    // The table view: the page's own link to the data table beside the chart.
    await page
      .getByRole('navigation', { name: locale === 'zh' ? '本页内容' : 'On this page' })
      .getByRole('link', { name: tableLink })
      .click();
    const table = page.locator(`${new URL(page.url()).hash} table`);
    expect(await table.isVisible()).toBe(true);
    expect(await table.locator('tbody tr').count()).toBe(14);
    expect(await table.locator('tbody tr').first().locator('th').textContent()).toBe(
      locale === 'zh' ? '2010年' : '2010',
    );

    // Download the CSV and read it back.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: csvLink }).click(),
    ]);
    const file = await download.path();
    const rows = parseCsvRecords(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
    expect(rows.length).toBeGreaterThan(400);
    const guangdong2023 = rows.find(
      (r) => r.geography === 'CN-GD' && r.period === '2023' && r.breakdown_dimension === '',
    );
    expect(guangdong2023?.indicator).toBe('rd_expenditure');
    expect(Number(guangdong2023?.value)).toBeGreaterThan(0);

    // The embeddable chart is a page of its own, and clean too.
    await page.goto(`${site.server.url}/${locale}/statistics/rd_expenditure/embed`);
    await expect.poll(() => page.locator('figure[data-chart]').getAttribute('data-chart-ready')).toBe('true');
    await expectAxeClean(page, failures);

    expect(failures).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('without JavaScript the chart is the server’s SVG, described in words, with the table beside it', async () => {
    const context = await site.browser.newContext({ locale: browserLocale, javaScriptEnabled: false });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${site.server.url}/${locale}/statistics/rd_expenditure?year=2015`);
    const figure = page.locator('figure[data-chart]').first();
    expect(await figure.locator('[data-chart-canvas][role="img"] > svg').count()).toBe(1);
    expect(await figure.locator('svg').isVisible()).toBe(true);
    expect(await figure.getAttribute('data-chart-ready')).toBeNull();
    expect(await figure.locator('.chart-description').textContent()).toMatch(
      locale === 'zh' ? /升至|降至/ : /Rose|Fell/,
    );
    // The province comparison for the chosen year, and the year picker that chose it.
    const compare = page.locator('#compare');
    expect(await compare.locator('svg').count()).toBe(1);
    expect(await compare.locator('select[name="year"]').inputValue()).toBe('2015');
    await page.screenshot({ path: join(SHOTS, `statistics-indicator-nojs-${locale}.png`), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('fits a 360 px screen, chart included, with and without JavaScript', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const context = await site.browser.newContext({
        locale: browserLocale,
        viewport: { width: 360, height: 740 },
        javaScriptEnabled,
      });
      const page = await context.newPage();
      for (const path of ['/statistics', '/statistics/rd_expenditure', '/statistics/rd_expenditure/embed']) {
        await page.goto(`${site.server.url}/${locale}${path}`);
        if (javaScriptEnabled && path !== '/statistics') {
          await expect
            .poll(() => page.locator('figure[data-chart]').first().getAttribute('data-chart-ready'))
            .toBe('true');
        }
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, `${path} (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`).toBeLessThanOrEqual(360);
      }
      await context.close();
    }
  });
});
