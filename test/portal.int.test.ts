import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, getPage, type TTestApp } from './app.ts';

let t: TTestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');

describe('home page', () => {
  it('shows the article’s headline figures with their as-of dates and source, in English', async () => {
    const { html } = await getPage(t.app, '/en/');
    const s = text(html);
    expect(s).toContain('Incubators 280');
    expect(s).toContain('Revenue of incubators CNY 5.2 billion');
    expect(s).toContain('Province-certified high-tech enterprises 2,995');
    expect(s).toContain(
      'Output of high-tech sectors CNY 436.1 billion First half of 2017 · As of 30 June 2017',
    );
    expect(s).toContain('Talent green cards issued 2,515');
    expect(s).toContain('As of 31 July 2017');
    expect(s).toMatch(
      /Source: “Guangzhou’s innovative ecosphere gaining momentum”, Guangzhou municipal portal/,
    );
  });

  it('shows the same figures in Chinese, with 亿元 and Chinese dates', async () => {
    const s = text((await getPage(t.app, '/zh/')).html);
    expect(s).toContain('孵化器 280');
    expect(s).toContain('孵化器收入 52亿元');
    expect(s).toContain('高新技术产业产值 4361亿元 2017年上半年 · 截至2017年6月30日');
    expect(s).toContain('省级认定高新技术企业 2,995');
    expect(s).toContain('来源：广州市政府门户网站英文版');
  });

  it('shows the latest news and an entry point per audience', async () => {
    const { html } = await getPage(t.app, '/en/');
    expect(html).toContain('href="/en/news/guangzhou-innovative-ecosphere-gaining-momentum"');
    for (const a of ['government', 'residents', 'visitors', 'business'])
      expect(html).toContain(`href="/en/${a}"`);
    expect(text(html)).toContain('Updated 26 September 2017');
  });
});

describe('statistics page', () => {
  // The statistics pages themselves are tested in indicators-pages.int.test.ts.
  it('lists every figure of the article with period, date and source', async () => {
    const { html } = await getPage(t.app, '/en/statistics');
    // Each figure is a panel entry whose id keeps old links (/statistics#code) working.
    expect((html.match(/<li id="[a-z_]+">/g) ?? []).length).toBeGreaterThanOrEqual(25);
    const s = text(html);
    expect(s).toContain(
      'Projects at the yearly startup fair more than 1,000 Guangzhou, Per year · As of 26 September 2017 Source 1',
    );
    expect(s).toContain('High-tech output as a share of industrial output 46.4%');
    expect(s).not.toContain('Not available yet');
    expect(s).toContain('Sources');
  });

  it('reads naturally in Chinese', async () => {
    const s = text((await getPage(t.app, '/zh/statistics')).html);
    expect(s).toContain('市财政支持创新资金 108亿元 广州，2017年');
    expect(s).toContain('年度创业大赛参赛项目 超过1,000 广州，每年');
    expect(s).toContain('创投周贷款意向金额 10.3亿元');
  });
});

describe('news', () => {
  it('lists the articles newest first with category and date', async () => {
    const s = text((await getPage(t.app, '/en/news')).html);
    expect(s).toContain('Guangzhou’s innovative ecosphere gaining momentum');
    expect(s).toContain('City news');
    expect(s).toContain('Events');
  });

  it('shows an article with its dates and source in the page and its metadata', async () => {
    const { res, html } = await getPage(t.app, '/en/news/guangzhou-innovative-ecosphere-gaining-momentum');
    expect(res.status).toBe(200);
    expect(html).toContain('<meta name="PubDate" content="2017-09-26"/>');
    expect(html).toContain(
      '<meta name="ContentSource" content="Guangzhou municipal portal (English edition)',
    );
    const s = text(html);
    expect(s).toContain('Published 26 September 2017');
    expect(s).toContain('Updated 26 September 2017');
    expect(s).toContain('Source Guangzhou municipal portal');
    expect(s).toContain('83 institutions of higher learning');
  });

  it('shows the English body with a notice when the Chinese translation is missing', async () => {
    const { html } = await getPage(t.app, '/zh/news/guangzhou-innovative-ecosphere-gaining-momentum');
    expect(html).toContain('<h1>广州创新生态圈发展势头强劲</h1>');
    expect(html).toContain('本文暂无中文版');
    expect(html).toMatch(/<div class="article-body" lang="en"><p>Guangzhou is building/);
  });

  it('shows a fully translated article without the notice', async () => {
    const { html } = await getPage(t.app, '/zh/news/first-venture-capital-and-startup-week');
    expect(html).not.toContain('本文暂无中文版');
    expect(text(html)).toContain('126家企业达成初步贷款意向');
  });
});

describe('directory', () => {
  it('counts the registry by kind and district, and finds the organisations named in the article', async () => {
    const s = text((await getPage(t.app, '/en/directory')).html);
    expect(s).toMatch(/[\d,]+ organisations listed/);
    expect(s).toContain('Guangzhou in the registry');
    expect(s).toMatch(/83 institutions of higher learning/);
    const found = text((await getPage(t.app, '/en/directory/search?q=PRDITU')).html);
    expect(found).toContain('Pearl River Delta Institute of Tsinghua University');
    const gac = text((await getPage(t.app, `/zh/directory/search?q=${encodeURIComponent('广汽')}`)).html);
    expect(gac).toContain('广州汽车集团');
  });

  it('shows a profile in Chinese with the English name beside it', async () => {
    const s = text((await getPage(t.app, '/zh/directory/medprin')).html);
    expect(s).toContain('广州迈普再生医学科技股份有限公司');
    expect(s).toContain('Medprin Regenerative Medical Technologies');
    expect(s).toContain('器官打印');
    expect(s).toContain('来源');
  });
});

describe('site search', () => {
  it('finds news, organisations and figures by English words, case-insensitively', async () => {
    const s = text((await getPage(t.app, '/en/search?q=INCUBATOR')).html);
    expect(s).toContain('Results for “INCUBATOR”');
    expect(s).toMatch(/Figures \(\d+\)/);
    expect(s).toContain('High-tech incubators');
  });

  it('finds by Chinese text, including two characters', async () => {
    const s = text((await getPage(t.app, '/zh/search?q=广州')).html);
    expect(s).toContain('广州汽车集团');
    const two = text((await getPage(t.app, '/zh/search?q=孵化')).html);
    expect(two).toContain('孵化器收入');
  });

  it('treats LIKE wildcards literally and says when nothing matched', async () => {
    const s = text((await getPage(t.app, '/en/search?q=%25')).html);
    expect(s).toContain('Nothing matched “%”');
    const u = text((await getPage(t.app, '/en/search?q=_')).html);
    expect(u).toContain('Nothing matched “_”');
  });

  it('escapes what it echoes', async () => {
    const { html } = await getPage(t.app, `/en/search?q=${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;');
  });

  it('refuses an over-long query with a 400 and a message in the reader’s language', async () => {
    const { res, html } = await getPage(t.app, `/zh/search?q=${'深'.repeat(201)}`);
    expect(res.status).toBe(400);
    expect(html).toContain('搜索内容过长');
  });
});

describe('page cache', () => {
  it('serves a repeat visit from the cache: the same page, a fresh CSP nonce in the header', async () => {
    const first = await t.app.request('/en/about');
    expect(first.headers.get('x-page-cache')).toBeNull();
    const second = await t.app.request('/en/about');
    expect(second.headers.get('x-page-cache')).toBe('hit');
    expect(await second.text()).toBe(await first.text());
    const nonceOf = (r: Response) =>
      /'nonce-([^']+)'/.exec(r.headers.get('content-security-policy') ?? '')?.[1];
    expect(nonceOf(second)).toBeTruthy();
    expect(nonceOf(second)).not.toBe(nonceOf(first));
  });

  it('keeps cached pages gzipped for clients that accept it', async () => {
    const plain = await (await t.app.request('/en/help')).text();
    const res = await t.app.request('/en/help', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(res.headers.get('x-page-cache')).toBe('hit');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8')).toBe(plain);
  });

  it('caches only the query parameters a page uses: junk parameters bypass it', async () => {
    await t.app.request('/en/news?page=1');
    expect((await t.app.request('/en/news?page=1')).headers.get('x-page-cache')).toBe('hit');
    const size = t.deps.pages.size();
    for (let i = 0; i < 5; i++) {
      const res = await t.app.request(`/en/about?utm_source=x${i}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-page-cache')).toBeNull();
    }
    expect(t.deps.pages.size()).toBe(size);
  });

  it('never caches errors, search results, or requests of a signed-in person', async () => {
    await t.app.request('/en/no-such-page');
    expect((await t.app.request('/en/no-such-page')).headers.get('x-page-cache')).toBeNull();
    await t.app.request('/en/search?q=GAC');
    expect((await t.app.request('/en/search?q=GAC')).headers.get('x-page-cache')).toBeNull();
    await t.app.request('/en/help');
    expect(
      (await t.app.request('/en/help', { headers: { cookie: 'eco_session=x' } })).headers.get('x-page-cache'),
    ).toBeNull();
    // Other cookies (the anonymous CSRF cookie, analytics) do not change a public page.
    expect(
      (await t.app.request('/en/help', { headers: { cookie: 'eco_csrf=x; other=y' } })).headers.get(
        'x-page-cache',
      ),
    ).toBe('hit');
  });

  it('shows a write at once: saving data clears the cached pages', async () => {
    const { seedNews } = await import('../src/modules/cms/index.ts');
    await t.app.request('/en/news');
    expect((await t.app.request('/en/news')).headers.get('x-page-cache')).toBe('hit');
    await seedNews(t.deps, [
      {
        slug: 'cache-check',
        category: 'announcements',
        title: { en: 'A brand-new announcement', zh: '全新公告' },
        summary: {},
        body: { en: 'Body.', zh: '正文。' },
        source: { en: 'Test', zh: '测试' },
        publishedAt: '2030-01-01',
        updatedAt: '2030-01-01',
      },
    ]);
    const after = await t.app.request('/en/news');
    expect(after.headers.get('x-page-cache')).toBeNull();
    expect(await after.text()).toContain('A brand-new announcement');
  });
});
