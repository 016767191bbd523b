import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedIndicators } from '../src/modules/indicators/index.ts';
import { chartCacheStats } from '../src/platform/charts/chart.tsx';
import { createTestApp, getPage, type TTestApp } from './app.ts';
import { FUZZ_STRINGS } from './fuzz-corpus.ts';

let t: TTestApp;
beforeAll(async () => {
  t = await createTestApp();
  // An indicator whose words come from hostile data: the pages must show them as text.
  await seedIndicators(t.deps, [
    {
      code: 'hostile_probe',
      name: { en: '<script>alert(1)</script> probe', zh: '<script>alert(1)</script>探针' },
      unit: 'count',
      frequency: 'annual',
      panel: 'ip',
      origin: 'imported',
      source: { en: '"onload="alert(2)', zh: '"onload="alert(2)' },
      defaultGeography: 'CN-GD',
      observations: ['CN-GD', 'CN-BJ'].flatMap((geography, k) =>
        ['2021', '2022', '2023'].map((period, i) => ({ geography, period, value: 100 * (k + 1) + i })),
      ),
    },
  ]);
});
afterAll(async () => {
  await t?.close();
});

/** What a reader sees: the text of the page without tags, entities decoded, spaces collapsed. */
const text = (html: string) =>
  html
    .replace(/<svg[\s\S]*?<\/svg>/g, ' ')
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');

describe('statistics home', () => {
  it('rebuilds the article’s statistics block from the data, each figure with its as-of date and source', async () => {
    const { res, html } = await getPage(t.app, '/en/statistics');
    expect(res.status).toBe(200);
    const s = text(html);
    expect(s).toContain('Incubators 280 Guangzhou · As of 31 July 2017 Source 1');
    expect(s).toContain(
      'Revenue of incubators CNY 5.2 billion Guangzhou, Cumulative to date · As of 31 July 2017',
    );
    expect(s).toContain(
      'Province-certified high-tech enterprises 2,995 Guangzhou · As of 31 July 2017 Source 1',
    );
    expect(s).toContain(
      'Output of high-tech sectors CNY 436.1 billion Guangzhou, First half of 2017 · As of 30 June 2017 Source 1',
    );
    expect(s).toContain('High-tech output as a share of industrial output 46.4%');
    expect(s).toContain('Growth of high-tech output, year on year 11.6%');
    expect(s).toContain(
      'Talent green cards issued 2,515 Guangzhou, Cumulative · As of 30 June 2017 Source 1',
    );
    // The sources line names the article's sources; every "Source n" points at an entry of it.
    expect(s).toMatch(
      /Sources “Guangzhou’s innovative ecosphere gaining momentum”, Guangzhou municipal portal/,
    );
    const refs = [...html.matchAll(/href="#(source-\d+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThanOrEqual(25);
    for (const id of new Set(refs)) expect(html).toContain(`id="${id}"`);
  });

  it('reads naturally in Chinese: 4361亿元, Chinese dates, 来源', async () => {
    const { html } = await getPage(t.app, '/zh/statistics');
    const s = text(html);
    expect(s).toContain('孵化器 280 广州 · 截至2017年7月31日 来源1');
    expect(s).toContain('孵化器收入 52亿元');
    expect(s).toContain('高新技术产业产值 4361亿元 广州，2017年上半年 · 截至2017年6月30日');
    expect(s).toContain('省级认定高新技术企业 2,995');
    expect(s).toContain('已发放人才绿卡 2,515');
    expect(s).not.toContain('436,100,000,000');
    expect(s).not.toContain('436.1');
    expect(s).toMatch(/数据来源 广州市政府门户网站英文版/);
  });

  it('shows the panels in order, the article’s figures first, and the year-on-year change where a year earlier exists', async () => {
    const { html } = await getPage(t.app, '/en/statistics');
    const panels = [...html.matchAll(/<h3 id="panel-([a-z_]+)">/g)].map((m) => m[1]);
    expect(panels).toEqual([
      'knowledge',
      'incubation',
      'firms',
      'capital',
      'tech_transfer',
      'events',
      'talent',
      'ip',
    ]);
    const s = text(html);
    // In the knowledge panel the article's Guangzhou figures come before the yearbook's Guangdong ones.
    expect(s.indexOf('Institutions of higher learning')).toBeLessThan(s.indexOf('R&D expenditure'));
    expect(s).toMatch(
      /R&D expenditure CNY [\d.]+ billion Guangdong, Year 2023 · As of 31 December 2023 Year on year: [+−][\d.]+% \(from CNY [\d.]+ billion\) Source 2/,
    );
    expect(s).toMatch(
      /R&D intensity[^·]*?[\d.]+% Guangdong, Year 2023 · .*? Year on year: [+−][\d.]+ percentage points/,
    );
    expect(html).toContain('href="/en/statistics/rd_expenditure"');
  });
});

describe('indicator page', () => {
  it('shows the chart as SVG with its text alternative, the table, metadata and download links', async () => {
    const { res, html } = await getPage(t.app, '/en/statistics/rd_expenditure');
    expect(res.status).toBe(200);
    expect(html).toMatch(
      /<div class="chart-canvas" role="img" aria-labelledby="(trend-[a-z0-9-]+)-title" aria-describedby="\1-desc" data-chart-canvas="true"><svg /,
    );
    expect(html).not.toMatch(/<svg[^>]*style=|<style/);
    const s = text(html);
    expect(s).toContain('R&D expenditure: Guangdong, 2010–2023');
    expect(s).toMatch(/Rose from CNY [\d.]+ billion in 2010 to CNY [\d.]+ billion in 2023\./);
    expect(s).toMatch(
      /R&D expenditure: Guangdong, 2010–2023: the data Period Value Year on year 2010 CNY [\d.]+ billion – 2011/,
    );
    for (const label of [
      'Definition',
      'Unit CNY 10,000',
      'Source China Statistical Yearbook on Science and Technology',
      'Frequency Annual',
      'Methodology',
      'Comparability',
      'Origin Imported official statistics',
      'Licence MIT',
      'Last updated',
    ])
      expect(s).toContain(label);
    expect(html).toContain('href="/api/v1/indicators/rd_expenditure/observations?format=csv"');
    expect(html).toContain('href="/api/v1/indicators/rd_expenditure/observations"');
    // The chart becomes interactive with the charts bundle, and only pages with charts load it.
    expect(html).toMatch(/<script type="module" src="\/assets\/charts\.[0-9a-f]+\.js"><\/script>/);
    expect((await getPage(t.app, '/en/statistics')).html).not.toContain('/assets/charts.');
  });

  it('offers downloads that answer with the data', async () => {
    const { html } = await getPage(t.app, '/en/statistics/rd_expenditure');
    const csvHref = /href="(\/api\/v1\/indicators\/rd_expenditure\/observations\?format=csv)"/.exec(
      html,
    )?.[1];
    const res = await t.app.request((csvHref ?? '').replace(/&amp;/g, '&'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await res.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toMatch(/^indicator,geography,/);
    expect(lines.length).toBeGreaterThan(100);
  });

  it('compares Guangdong with the other provinces for a chosen year, in both languages', async () => {
    const en = text((await getPage(t.app, '/en/statistics/rd_expenditure?year=2015')).html);
    expect(en).toContain('R&D expenditure: Guangdong and the other provinces, 2015');
    expect(en).toMatch(/Guangdong: CNY [\d.]+ billion, number \d+ of 31\./);
    expect(en).toMatch(/China as a whole: CNY [\d.]+ (billion|trillion)\./);
    const zh = text((await getPage(t.app, '/zh/statistics/rd_expenditure?year=2015')).html);
    expect(zh).toContain('R&D经费内部支出：广东与其他省份，2015年');
    expect(zh).toMatch(/广东：\d+(\.\d+)?亿元，在31个中排第\d+位。/);
  });

  it('shows a single figure as a table, with no chart to draw', async () => {
    const { res, html } = await getPage(t.app, '/en/statistics/incubators');
    expect(res.status).toBe(200);
    expect(html).not.toContain('<svg');
    const s = text(html);
    expect(s).toContain('There is one value so far, so there is no trend to chart yet.');
    expect(s).toContain('Incubators: Guangzhou, 31 July 2017: the data');
    expect(s).toContain('Source “Guangzhou’s innovative ecosphere gaining momentum”');
  });

  it('shows words from the data as text, in the page and in the chart', async () => {
    const { res, html } = await getPage(t.app, '/en/statistics/hostile_probe');
    expect(res.status).toBe(200);
    expect(html).toContain('<svg ');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toMatch(/\sonload=/i);
    expect(text(html)).toContain('<script>alert(1)</script> probe');
  });

  it('reuses the rendered chart for the same data, language and version', async () => {
    await getPage(t.app, '/en/statistics/patents_granted');
    const before = chartCacheStats();
    // Another address of the same page: the page cache misses, the chart cache hits.
    await getPage(t.app, '/en/statistics/patents_granted?year=2022');
    const after = chartCacheStats();
    expect(after.hits).toBeGreaterThan(before.hits);
  });
});

describe('bad input on the statistics pages', () => {
  it('answers 404 for an unknown indicator, in the reader’s language', async () => {
    for (const path of [
      '/en/statistics/no_such_indicator',
      '/en/statistics/NOT-A-CODE',
      '/en/statistics/x/embed',
    ]) {
      expect((await t.app.request(path)).status, path).toBe(404);
    }
    const { res, html } = await getPage(t.app, '/zh/statistics/no_such_indicator');
    expect(res.status).toBe(404);
    expect(html).toContain('<html lang="zh-CN">');
  });

  it('answers 400 with a message for a bad year or region', async () => {
    for (const q of ['year=abc', 'year=1800', 'year=2015x', 'year=', 'geography=XX', 'geography=CN-GD-GZ']) {
      const { res, html } = await getPage(t.app, `/en/statistics/rd_expenditure?${q}`);
      expect(res.status, q).toBe(400);
      expect(html).toContain('Back to R&amp;D expenditure');
    }
    const { res, html } = await getPage(t.app, '/zh/statistics/rd_expenditure?year=1800');
    expect(res.status).toBe(400);
    expect(text(html)).toContain('该年份没有数据 请选择有数据的年份：2010, 2011');
  });
});

describe('the shared fuzz corpus on the statistics pages', () => {
  it('answers every hostile parameter with 2xx or 4xx, never 500', async () => {
    const problems: string[] = [];
    const paths = ['/en/statistics/rd_expenditure', '/zh/statistics/rd_expenditure/embed', '/en/statistics'];
    for (const path of paths) {
      for (const param of ['year', 'geography']) {
        for (const [name, value] of FUZZ_STRINGS) {
          if (value.length > 4000) continue; // the URL guard answers 414 before any page sees it
          const res = await t.app.request(`${path}?${new URLSearchParams({ [param]: value })}`);
          if (res.status >= 500 || res.status < 200) problems.push(`${path} ${param}=${name}: ${res.status}`);
          await res.arrayBuffer();
        }
      }
    }
    // Hostile codes in the path: a plain 404.
    for (const [name, value] of FUZZ_STRINGS.filter(([, v]) => v.length < 4000)) {
      const res = await t.app.request(
        `/en/statistics/${encodeURIComponent(value.replace(/[\ud800-\udfff]/g, '\ufffd'))}`,
      );
      if (res.status >= 500) problems.push(`code ${name}: ${res.status}`);
      await res.arrayBuffer();
    }
    expect(problems).toEqual([]);
  });
});

describe('embeddable chart', () => {
  it('may be framed by other sites, unlike every other page', async () => {
    for (let i = 0; i < 2; i++) {
      // The second request comes from the page cache: the headers must hold there too.
      const res = await t.app.request('/en/statistics/rd_expenditure/embed');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy')).toContain('frame-ancestors *');
      expect(res.headers.get('x-frame-options')).toBeNull();
      const html = await res.text();
      expect(html).toContain('<svg ');
      expect(html).toContain('href="http://localhost:3000/en/statistics/rd_expenditure" target="_top"');
    }
    const page = await t.app.request('/en/statistics/rd_expenditure');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
  });
});

describe('figures cited in news', () => {
  it('links each figure to its indicator page', async () => {
    const { html } = await getPage(t.app, '/en/news/guangzhou-innovative-ecosphere-gaining-momentum');
    const cited = /<aside class="figures-cited"[\s\S]*?<\/aside>/.exec(html)?.[0] ?? '';
    expect(cited).toContain('href="/en/statistics/incubators"');
    expect(cited).not.toContain('/statistics#');
    const { res } = await getPage(t.app, '/en/statistics/incubators');
    expect(res.status).toBe(200);
  });
});
