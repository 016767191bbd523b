import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { axeViolations, demoSite, SHOTS, watchProblems } from './browser.ts';

const PAGES = [
  '/',
  '/about',
  '/directory',
  '/directory/gac-group',
  '/news',
  '/news/guangzhou-innovative-ecosphere-gaining-momentum',
  '/statistics',
  '/contact',
  '/help',
  '/government',
  '/residents',
  '/visitors',
  '/business',
  '/search?q=Guangzhou',
];

const site = demoSite('portal');

describe.each([
  ['en', 'en-GB', 'en'],
  ['zh', 'zh-CN', 'zh-CN'],
] as const)('portal in %s', (locale, browserLocale, htmlLang) => {
  it('opens / in the reader’s language and every top-level page passes axe (WCAG 2.2 AA) with no errors', async () => {
    const context = await site.browser.newContext({ locale: browserLocale });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${site.server.url}/`);
    expect(new URL(page.url()).pathname).toBe(`/${locale}/`);
    const failures: string[] = [];
    for (const path of PAGES) {
      const url = `${site.server.url}/${locale}${path}`;
      const res = await page.goto(url);
      expect(res?.status(), url).toBe(200);
      expect(await page.getAttribute('html', 'lang')).toBe(htmlLang);
      for (const v of await axeViolations(page)) failures.push(`${path}: ${v}`);
      // Responsive down to 360 px is checked separately; here, the page has a title and one h1.
      expect(await page.locator('h1').count(), url).toBe(1);
    }
    await page.goto(`${site.server.url}/${locale}/`);
    await page.screenshot({ path: join(SHOTS, `home-${locale}.png`), fullPage: true });
    expect(failures).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('switches language and stays on the same page', async () => {
    const context = await site.browser.newContext({ locale: browserLocale });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${site.server.url}/${locale}/statistics`);
    await page.click('a.lang-switch');
    const other = locale === 'en' ? 'zh' : 'en';
    expect(new URL(page.url()).pathname).toBe(`/${other}/statistics`);
    expect(await page.getAttribute('html', 'lang')).toBe(other === 'zh' ? 'zh-CN' : 'en');
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('keyboard and small screens', () => {
  it('Tab reaches the skip link first, and it moves focus to the main content', async () => {
    const context = await site.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${site.server.url}/en/news`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await context.close();
  });

  it('at 360 px with JavaScript the menu button opens and closes the navigation, and nothing scrolls sideways', async () => {
    const context = await site.browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const problems = watchProblems(page);
    for (const path of [
      '/zh/',
      '/zh/statistics',
      '/en/',
      '/en/news/guangzhou-innovative-ecosphere-gaining-momentum',
    ]) {
      await page.goto(`${site.server.url}${path}`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, path).toBeLessThanOrEqual(360);
    }
    await page.goto(`${site.server.url}/zh/`);
    const button = page.locator('[data-menu-toggle]');
    const nav = page.locator('#main-nav');
    await expect.poll(() => button.isVisible()).toBe(true);
    expect(await nav.isVisible()).toBe(false);
    await button.click();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await nav.isVisible()).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'home-zh-360-menu.png') });
    await page.keyboard.press('Escape');
    expect(await nav.isVisible()).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('at 360 px without JavaScript the navigation is simply there', async () => {
    const context = await site.browser.newContext({
      locale: 'en-GB',
      viewport: { width: 360, height: 740 },
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    await page.goto(`${site.server.url}/en/`);
    expect(await page.locator('#main-nav').isVisible()).toBe(true);
    expect(await page.locator('[data-menu-toggle]').isVisible()).toBe(false);
    expect(await page.locator('#main-nav a').count()).toBe(7);
    await context.close();
  });
});
