import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TTestApp } from './app.ts';

// What readers' tools and search engines read: RSS 2.0 and Atom feeds per language and category,
// sitemap.xml, robots.txt and Open Graph — parsed as XML, not matched as text.

let t: TTestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { PUBLIC_URL: 'https://portal.example.gov.cn' } });
});
afterAll(async () => {
  await t?.close();
});

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['item', 'entry', 'url', 'xhtml:link', 'link'].includes(name),
});
const fetchXml = async (path: string) => {
  const res = await t.app.request(path);
  const body = await res.text();
  expect(res.status, path).toBe(200);
  expect(XMLValidator.validate(body), path).toBe(true);
  return { res, doc: parser.parse(body), body };
};
const ARTICLE = 'guangzhou-innovative-ecosphere-gaining-momentum';

describe('news feeds', () => {
  it('RSS 2.0 in English: channel, self link, items with link, guid and a real date', async () => {
    const { res, doc } = await fetchXml('/en/news/feed.xml');
    expect(res.headers.get('content-type')).toBe('application/rss+xml; charset=UTF-8');
    const channel = doc.rss.channel;
    expect(doc.rss['@version']).toBe('2.0');
    expect(channel.title).toBe('Ecosphere – News');
    expect(channel.language).toBe('en');
    expect(channel['atom:link']['@href']).toBe('https://portal.example.gov.cn/en/news/feed.xml');
    expect(channel.item.length).toBeGreaterThan(0);
    const item = channel.item.find((i: { link: string[] }) => i.link[0]?.endsWith(ARTICLE));
    expect(item.link[0]).toBe(`https://portal.example.gov.cn/en/news/${ARTICLE}`);
    expect(item.guid['#text']).toBe(item.link[0]);
    expect(new Date(item.pubDate).toISOString().slice(0, 10)).toBe('2017-09-26');
    expect(item.title).toContain('innovative ecosphere');
  });

  it('Atom in Chinese: feed id, updated, author, entries with ids, links and times', async () => {
    const { res, doc } = await fetchXml('/zh/news/feed.atom');
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=UTF-8');
    const feed = doc.feed;
    expect(feed['@xml:lang']).toBe('zh-CN');
    expect(feed.title).toBe('创新生态圈 – 新闻');
    expect(feed.id).toBe('https://portal.example.gov.cn/zh/news/feed.atom');
    expect(feed.author.name).toBeTruthy();
    expect(Number.isNaN(Date.parse(feed.updated))).toBe(false);
    for (const e of feed.entry) {
      expect(e.id).toMatch(/^https:\/\/portal\.example\.gov\.cn\/zh\/news\/[a-z0-9-]+$/);
      expect(e.link[0]['@href']).toBe(e.id);
      expect(Number.isNaN(Date.parse(e.updated))).toBe(false);
      expect(Number.isNaN(Date.parse(e.published))).toBe(false);
    }
  });

  it('narrows to one category, and refuses an unknown one', async () => {
    const { doc } = await fetchXml('/en/news/feed.atom?category=events');
    expect(doc.feed.title).toBe('Ecosphere – News · Events');
    expect(doc.feed.entry.length).toBeGreaterThan(0);
    for (const e of doc.feed.entry) expect(e.category['@term']).toBe('events');
    const all = (await fetchXml('/en/news/feed.atom')).doc.feed.entry.length;
    expect(doc.feed.entry.length).toBeLessThan(all);
    expect((await t.app.request('/en/news/feed.xml?category=gossip')).status).toBe(400);
  });

  it('escape markup and drop characters XML cannot carry', async () => {
    const { seedNews } = await import('../src/modules/cms/index.ts');
    await seedNews(t.deps, [
      {
        slug: 'escaping-check',
        category: 'announcements',
        title: { en: 'R&D <labs> "open" \uFFFE day' },
        summary: {},
        body: { en: 'Body.' },
        source: { en: 'Test', zh: '测试' },
        publishedAt: '2030-01-01',
        updatedAt: '2030-01-01',
      },
    ]);
    for (const path of ['/en/news/feed.xml', '/en/news/feed.atom', '/zh/news/feed.atom']) {
      const { body } = await fetchXml(path);
      expect(body).toContain('R&amp;D &lt;labs&gt; &quot;open&quot;  day');
      expect(body).not.toContain('\uFFFE');
    }
    // No summary in either language: the title stands in, marked with the title's language.
    const zh = (await fetchXml('/zh/news/feed.atom')).doc.feed.entry.find((e: { id: string }) =>
      e.id.endsWith('escaping-check'),
    );
    expect(zh.summary['@xml:lang']).toBe('en');
  });

  it('are announced on the news page, in the head and as visible links', async () => {
    const html = await (await t.app.request('/en/news')).text();
    expect(html).toContain(
      '<link rel="alternate" type="application/rss+xml" title="RSS – News" href="/en/news/feed.xml"/>',
    );
    expect(html).toContain('<a href="/en/news/feed.atom">Atom</a>');
  });
});

describe('sitemap and robots', () => {
  it('lists every public page in both languages with hreflang alternates, and nothing private', async () => {
    const { doc, body } = await fetchXml('/sitemap.xml');
    const urls: {
      loc: string;
      lastmod?: string;
      'xhtml:link': { '@hreflang': string; '@href': string }[];
    }[] = doc.urlset.url;
    const locs = urls.map((u) => u.loc);
    expect(locs).toContain('https://portal.example.gov.cn/en/');
    expect(locs).toContain('https://portal.example.gov.cn/zh/statistics');
    expect(locs).toContain(`https://portal.example.gov.cn/zh/news/${ARTICLE}`);
    expect(locs).toContain('https://portal.example.gov.cn/en/directory/gac-group');
    expect(new Set(locs).size).toBe(locs.length);
    const article = urls.find((u) => u.loc.endsWith(`/en/news/${ARTICLE}`));
    expect(article?.lastmod).toBe('2017-09-26');
    expect(article?.['xhtml:link'].map((l) => l['@hreflang']).sort()).toEqual(['en', 'zh-CN']);
    expect(body).not.toMatch(/\/(account|staff|login|signup)/);
  });

  it('robots.txt keeps crawlers out of private pages and points at the sitemap', async () => {
    const res = await t.app.request('/robots.txt');
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(text).toContain('Disallow: /en/account');
    expect(text).toContain('Disallow: /zh/staff');
    expect(text).toContain('Sitemap: https://portal.example.gov.cn/sitemap.xml');
    expect(text).not.toMatch(/Disallow: \/en\/news/);
  });
});

describe('Open Graph', () => {
  it('describes an article with its type, canonical URL, language and times', async () => {
    const html = await (await t.app.request(`/zh/news/${ARTICLE}`)).text();
    const og = (p: string) => new RegExp(`<meta property="${p}" content="([^"]*)"`).exec(html)?.[1];
    expect(og('og:type')).toBe('article');
    expect(og('og:url')).toBe(`https://portal.example.gov.cn/zh/news/${ARTICLE}`);
    expect(og('og:locale')).toBe('zh_CN');
    expect(og('og:site_name')).toBe('创新生态圈');
    expect(og('article:published_time')).toBe('2017-09-26T00:00:00Z');
    expect(og('og:title')).toBeTruthy();
  });

  it('is left off private pages', async () => {
    const html = await (await t.app.request('/en/login')).text();
    expect(html).not.toContain('og:title');
    expect(html).toContain('<meta name="robots" content="noindex"/>');
  });
});
