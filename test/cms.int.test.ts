import { XMLParser } from 'fast-xml-parser';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishDue } from '../src/modules/cms/index.ts';
import { createTestApp, type TTestApp } from './app.ts';
import { createBrowser, createPerson, signedIn, type TBrowser } from './auth.ts';

// The newsroom: the editorial workflow (draft → review → published → archived, scheduling, unpublishing
// by staff), revisions with dates taken from them, what readers can and cannot see, and the news list's
// filters — on both engines.

let t: TTestApp;
let editor: TBrowser;
let editor2: TBrowser;
let admin: TBrowser;
let member: TBrowser;
let editorId: number;
let seq = 0;

beforeAll(async () => {
  t = await createTestApp({ seed: true, env: { TRUST_PROXY: '1' } });
  const e = await createPerson(t, { role: 'editor', nameLatin: 'Wang Fang' });
  editorId = e.id;
  editor = await signedIn(t, e, { mfa: true });
  editor2 = await signedIn(t, await createPerson(t, { role: 'editor', nameLatin: 'Chen Jie' }), {
    mfa: true,
  });
  admin = await signedIn(t, await createPerson(t, { role: 'staff-admin' }), { mfa: true });
  member = await signedIn(t, await createPerson(t));
});
afterAll(async () => {
  await t?.close();
});

const db = () => t.deps.db as Kysely<any>;
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
const ip = () => ({ 'x-forwarded-for': `198.51.100.${(++seq % 250) + 1}` });

const article = (slug: string, extra: Record<string, string> = {}) => ({
  slug,
  category: 'city-news',
  title_en: `Incubators report ${slug}`,
  title_zh: `孵化器报告 ${slug}`,
  summary_en: 'A summary.',
  body_en: 'First paragraph about **incubators**.\n\nSecond paragraph: 280 incubators.',
  body_zh: '关于孵化器的第一段。\n\n第二段：280家孵化器。',
  tags_en: 'incubators, startups',
  tags_zh: '孵化器，创业',
  source_en: 'Guangzhou Science and Technology Bureau',
  source_zh: '广州市科学技术局',
  source_url: 'https://gzsti.gz.gov.cn/',
  ...extra,
});

/** Creates an article as the first editor; returns its id. */
const create = async (slug: string, extra: Record<string, string> = {}) => {
  const res = await editor.post('/en/staff/news/new', article(slug, extra), ip());
  if (res.status !== 303)
    throw new Error(
      text(await res.text())
        .replace(/^.*There is a problem/, '')
        .slice(0, 300),
    );
  const m = /\/en\/staff\/news\/(\d+)\?done=created$/.exec(res.headers.get('location') ?? '');
  expect(m).not.toBeNull();
  return Number(m?.[1]);
};
const act = (b: TBrowser, id: number, action: string, fields: Record<string, string> = {}) =>
  b.post(`/en/staff/news/${id}/${action}`, fields, ip());
const row = (id: number) =>
  db().selectFrom('cms_news_article').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const publicStatus = async (slug: string) => (await t.app.request(`/en/news/${slug}`)).status;

/** Create → submit (first editor) → publish (second editor). */
const publishNew = async (slug: string, extra: Record<string, string> = {}) => {
  const id = await create(slug, extra);
  expect((await act(editor, id, 'submit')).status).toBe(303);
  expect((await act(editor2, id, 'publish')).status).toBe(303);
  return id;
};

describe('the editorial workflow', () => {
  it('takes an article from draft through review to published, and only then shows it to readers', async () => {
    const id = await create('workflow-basic');
    expect((await row(id)).state).toBe('draft');
    expect(await publicStatus('workflow-basic')).toBe(404);

    expect((await act(editor, id, 'submit')).status).toBe(303);
    expect((await row(id)).state).toBe('review');
    expect(await publicStatus('workflow-basic')).toBe(404);

    const res = await act(editor2, id, 'publish');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/en/staff/news/${id}?done=publish`);
    expect((await row(id)).state).toBe('published');
    const page = await t.app.request('/en/news/workflow-basic');
    expect(page.status).toBe(200);
    const s = text(await page.text());
    expect(s).toContain('Incubators report workflow-basic');
    expect(s).toContain('Source Guangzhou Science and Technology Bureau');
    expect(s).toContain('Topics: incubators · startups');

    const audit = await db()
      .selectFrom('ecosphere_audit')
      .select(['action', 'actor_id', 'before_json', 'after_json'])
      .where('subject_type', '=', 'news_article')
      .where('subject_id', '=', String(id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['news.create', 'news.submit', 'news.publish']);
    expect(audit[0]?.actor_id).toBe(editorId);
    expect(JSON.parse(audit[2]?.after_json ?? '{}')).toMatchObject({ state: 'published', revision: 1 });
  });

  it('refuses steps that do not apply to the state, with a message, and changes nothing', async () => {
    const id = await create('workflow-refusals');
    const res = await act(editor2, id, 'publish');
    expect(res.status).toBe(422);
    expect(text(await res.text())).toContain('does not apply to the article in its current state');
    expect((await row(id)).state).toBe('draft');
    expect((await act(editor, id, 'archive')).status).toBe(422);
    expect((await act(editor, id, 'restore')).status).toBe(422);
  });

  it('asks the editor who submitted an article for a reason before publishing it alone', async () => {
    const id = await create('workflow-self');
    await act(editor, id, 'submit');
    const refused = await act(editor, id, 'publish');
    expect(refused.status).toBe(422);
    expect(text(await refused.text())).toContain('ask another editor to publish it');
    expect((await row(id)).state).toBe('review');
    expect((await act(editor, id, 'publish', { reason: 'Storm warning: cannot wait' })).status).toBe(303);
    expect((await row(id)).state).toBe('published');
    const audit = await db()
      .selectFrom('ecosphere_audit')
      .select('after_json')
      .where('action', '=', 'news.publish')
      .where('subject_id', '=', String(id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after_json).reason).toBe('Storm warning: cannot wait');
  });

  it('lets only editors and administrators into the newsroom; members and visitors get 404', async () => {
    const id = await create('workflow-access');
    for (const path of [
      '/en/staff/news',
      '/en/staff/news/new',
      `/en/staff/news/${id}`,
      `/en/staff/news/${id}/preview`,
    ]) {
      expect((await member.get(path)).status).toBe(404);
      const anonymous = await t.app.request(path);
      expect(anonymous.status).toBe(303);
      expect(anonymous.headers.get('location')).toContain('/en/login');
      expect((await editor.get(path)).status).toBe(200);
      expect((await admin.get(path)).status).toBe(200);
    }
    expect((await member.post(`/en/staff/news/${id}/submit`, {}, ip())).status).toBe(404);
    expect((await member.post('/en/staff/news/new', article('member-try'), ip())).status).toBe(404);
    expect((await row(id)).state).toBe('draft');
  });

  it('lets staff administrators, not editors, unpublish with a reason', async () => {
    const id = await publishNew('workflow-unpublish');
    expect(await publicStatus('workflow-unpublish')).toBe(200);
    expect((await act(editor, id, 'unpublish', { reason: 'x' })).status).toBe(404);
    const missing = await act(admin, id, 'unpublish', {});
    expect(missing.status).toBe(422);
    expect(await publicStatus('workflow-unpublish')).toBe(200);
    expect((await act(admin, id, 'unpublish', { reason: 'Figures under legal review' })).status).toBe(303);
    expect(await publicStatus('workflow-unpublish')).toBe(404);
    const r = await row(id);
    expect(r).toMatchObject({
      state: 'draft',
      live_revision_id: null,
      unpublished_reason: 'Figures under legal review',
    });
    expect(text(await (await editor.get(`/en/staff/news/${id}`)).text())).toContain(
      'Figures under legal review',
    );
    const sitemap = await (await t.app.request('/sitemap.xml')).text();
    expect(sitemap).not.toContain('workflow-unpublish');
  });

  it('archives an article: it leaves lists and feeds, stays readable with a notice, and can be restored', async () => {
    const id = await publishNew('workflow-archive');
    expect((await act(editor, id, 'archive')).status).toBe(303);
    const page = await t.app.request('/en/news/workflow-archive');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(text(html)).toContain('This article was archived on');
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    expect(await (await t.app.request('/en/news?q=workflow-archive')).text()).not.toContain(
      '/en/news/workflow-archive',
    );
    expect(await (await t.app.request('/en/news/feed.xml')).text()).not.toContain('workflow-archive');
    expect(await (await t.app.request('/sitemap.xml')).text()).not.toContain('workflow-archive');
    // Archived text cannot be edited.
    const edit = await editor.post(
      `/en/staff/news/${id}`,
      { ...article('workflow-archive'), base_revision: '1' },
      ip(),
    );
    expect(edit.status).toBe(422);
    expect((await act(editor, id, 'restore')).status).toBe(303);
    expect((await row(id)).state).toBe('published');
    expect(await (await t.app.request('/en/news?q=workflow-archive')).text()).toContain(
      '/en/news/workflow-archive',
    );
  });
});

describe('revisions', () => {
  it('keeps the live copy while a published article is being edited, and dates the update from the revision', async () => {
    const id = await publishNew('revisions-dates');
    const first = await row(id);
    expect(first.published_at).toBe(first.updated_at);

    const res = await editor.post(
      `/en/staff/news/${id}`,
      {
        ...article('revisions-dates'),
        body_en: 'First paragraph about **incubators**.\n\nSecond paragraph: 281 incubators.',
        note: 'Corrected the count',
        base_revision: '1',
      },
      ip(),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain('done=saved');
    // Readers still see revision 1 while revision 2 is a draft.
    let s = text(await (await t.app.request('/en/news/revisions-dates')).text());
    expect(s).toContain('280 incubators');
    expect((await row(id)).state).toBe('draft');

    await act(editor, id, 'submit');
    await new Promise((r) => setTimeout(r, 5));
    await act(editor2, id, 'publish');
    const after = await row(id);
    expect(after.published_at).toBe(first.published_at);
    expect(after.updated_at > first.updated_at).toBe(true);
    const rev2 = await db()
      .selectFrom('cms_news_revision')
      .selectAll()
      .where('article_id', '=', id)
      .where('number', '=', 2)
      .executeTakeFirstOrThrow();
    expect(after.updated_at).toBe(rev2.published_at);
    s = text(await (await t.app.request('/en/news/revisions-dates')).text());
    expect(s).toContain('281 incubators');
  });

  it('does not add a revision when nothing changed', async () => {
    const id = await create('revisions-same');
    const res = await editor.post(
      `/en/staff/news/${id}`,
      { ...article('revisions-same'), base_revision: '1' },
      ip(),
    );
    expect(res.headers.get('location')).toContain('done=unchanged');
    const n = await db().selectFrom('cms_news_revision').select('id').where('article_id', '=', id).execute();
    expect(n).toHaveLength(1);
  });

  it('refuses to overwrite a newer revision silently, and keeps what the editor typed', async () => {
    const id = await create('revisions-conflict');
    expect(
      (
        await editor2.post(
          `/en/staff/news/${id}`,
          { ...article('revisions-conflict'), title_en: 'Theirs', base_revision: '1' },
          ip(),
        )
      ).status,
    ).toBe(303);
    const mine = await editor.post(
      `/en/staff/news/${id}`,
      { ...article('revisions-conflict'), title_en: 'Mine, typed at length', base_revision: '1' },
      ip(),
    );
    expect(mine.status).toBe(422);
    const html = await mine.text();
    expect(text(html)).toContain('Someone saved revision 2 while you were editing');
    expect(html).toContain('value="Mine, typed at length"');
    expect(html).toContain('name="base_revision" value="2"');
    const revs = await db()
      .selectFrom('cms_news_revision')
      .select('number')
      .where('article_id', '=', id)
      .execute();
    expect(revs).toHaveLength(2);
  });

  it('shows the history with authors and a readable diff', async () => {
    const id = await create('revisions-diff');
    await editor2.post(
      `/en/staff/news/${id}`,
      {
        ...article('revisions-diff'),
        body_zh: '关于孵化器的第一段。\n\n第二段：281家孵化器。',
        note: '更正数字',
        base_revision: '1',
      },
      ip(),
    );
    const history = text(await (await editor.get(`/en/staff/news/${id}/revisions`)).text());
    expect(history).toContain('Wang Fang');
    expect(history).toContain('Chen Jie');
    expect(history).toContain('更正数字');
    const diff = await (await editor.get(`/zh/staff/news/${id}/revisions/2`)).text();
    expect(diff).toContain('<del><span class="visually-hidden">删除： </span>280</del>');
    expect(diff).toContain('<ins><span class="visually-hidden">新增： </span>281</ins>');
    expect(text(diff)).toContain('中文正文');
    expect((await editor.get(`/en/staff/news/${id}/revisions/9`)).status).toBe(404);
  });

  it('previews the latest revision as readers would see it, for editors only', async () => {
    const id = await create('revisions-preview', { title_en: 'Preview me' });
    const res = await editor.get(`/en/staff/news/${id}/preview`);
    const html = await res.text();
    expect(text(html)).toContain('Preview me');
    expect(text(html)).toContain('It is not public');
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    expect(await publicStatus('revisions-preview')).toBe(404);
  });
});

describe('scheduled publication', () => {
  it('publishes at the time given, not before, dated with that time', async () => {
    const id = await create('scheduled-one');
    await act(editor, id, 'submit');
    const future = new Date(Date.now() + 3 * 86_400_000);
    // The form takes China Standard Time.
    const local = new Date(future.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
    const res = await act(editor2, id, 'publish', { at: local });
    expect(res.headers.get('location')).toContain('done=scheduled');
    const r = await row(id);
    expect(r.state).toBe('scheduled');
    expect(r.scheduled_at).toBe(new Date(`${local}:00+08:00`).toISOString());
    expect(await publicStatus('scheduled-one')).toBe(404);

    expect(await publishDue(t.deps, new Date())).toBe(0);
    expect(await publicStatus('scheduled-one')).toBe(404);
    expect(await publishDue(t.deps, new Date(future.getTime() + 60_000))).toBe(1);
    expect(await publicStatus('scheduled-one')).toBe(200);
    const after = await row(id);
    expect(after).toMatchObject({
      state: 'published',
      published_at: r.scheduled_at,
      updated_at: r.scheduled_at,
    });
    // Running again changes nothing.
    expect(await publishDue(t.deps, new Date(future.getTime() + 120_000))).toBe(0);
  });

  it('refuses a malformed time with a field error', async () => {
    const id = await create('scheduled-bad');
    await act(editor, id, 'submit');
    const res = await act(editor2, id, 'publish', { at: 'next tuesday' });
    expect(res.status).toBe(422);
    expect(text(await res.text())).toContain('Give a date and time like 2026-12-01T09:00');
    expect((await row(id)).state).toBe('review');
  });

  it('drops the schedule when the text changes, so unreviewed text never goes out', async () => {
    const id = await create('scheduled-edit');
    await act(editor, id, 'submit');
    await act(editor2, id, 'publish', { at: '2099-01-01T09:00' });
    expect((await row(id)).state).toBe('scheduled');
    await editor.post(
      `/en/staff/news/${id}`,
      { ...article('scheduled-edit'), title_en: 'Changed', base_revision: '1' },
      ip(),
    );
    expect(await row(id)).toMatchObject({ state: 'draft', scheduled_at: null });
    expect(await publishDue(t.deps, new Date('2099-01-02T00:00:00Z'))).toBe(0);
  });
});

describe('the editor form', () => {
  it('keeps everything typed and names the problems', async () => {
    const res = await editor.post(
      '/en/staff/news/new',
      article('Bad Slug!', { title_en: '', title_zh: '', body_en: '![](/map.png)', tags_zh: '孵化器' }),
      ip(),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    const s = text(html);
    expect(s).toContain('Use lower-case letters, digits and single hyphens');
    expect(s).toContain('Give a title in English or Chinese');
    expect(s).toContain('Every image needs a description');
    expect(s).toContain('Give as many Chinese topics as English ones');
    expect(html).toContain('value="Bad Slug!"');
  });

  it('refuses unsafe links and images from other sites, naming the rule', async () => {
    for (const [body, message] of [
      ['[x](javascript:alert(1))', 'Links must start with https://'],
      ['![a map](https://tracker.example/pixel.gif)', 'Images must come from this site'],
    ]) {
      const res = await editor.post(
        '/en/staff/news/new',
        article('form-unsafe', { body_en: body as string }),
        ip(),
      );
      expect(res.status).toBe(422);
      expect(text(await res.text())).toContain(message);
    }
  });

  it('refuses a slug in use', async () => {
    await create('form-dup');
    const res = await editor.post('/en/staff/news/new', article('form-dup'), ip());
    expect(res.status).toBe(422);
    expect(text(await res.text())).toContain('Another article already uses this address');
  });

  it('renders hostile Markdown as harmless text on the public page', async () => {
    await publishNew('form-xss', {
      body_en:
        'Hello <script>alert(1)</script> <a href="javascript:alert(2)">x</a> <img src=x onerror=alert(3)> <iframe src=//e.example>',
    });
    const html = await (await t.app.request('/en/news/form-xss')).text();
    const body = /<div class="article-body"[^>]*>([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(body).not.toMatch(/<script|<iframe|<img|href="javascript/i);
  });
});

describe('reading the news', () => {
  it('filters by category, topic and year, and searches in both languages', async () => {
    await publishNew('reading-policy', {
      category: 'policies',
      title_en: 'Green card policy',
      title_zh: '人才绿卡政策',
      tags_en: 'talent',
      tags_zh: '人才',
    });
    const byCategory = await (await t.app.request('/en/news?category=policies')).text();
    expect(byCategory).toContain('/en/news/reading-policy');
    expect(byCategory).not.toContain('/en/news/workflow-basic');
    const byTag = await (await t.app.request('/en/news?tag=talent')).text();
    expect(byTag).toContain('/en/news/reading-policy');
    expect(byTag).not.toContain('/en/news/workflow-basic');
    const year = new Date().getUTCFullYear();
    const byYear = await (await t.app.request(`/en/news?year=${year}`)).text();
    expect(byYear).toContain('/en/news/reading-policy');
    expect(byYear).not.toContain('guangzhou-innovative-ecosphere-gaining-momentum');
    const old = await (await t.app.request('/en/news?year=2017')).text();
    expect(old).toContain('guangzhou-innovative-ecosphere-gaining-momentum');
    // Chinese words find the article from the English page, English words from the Chinese page.
    expect(await (await t.app.request('/en/news?q=绿卡')).text()).toContain('/en/news/reading-policy');
    expect(await (await t.app.request('/zh/news?q=green%20CARD')).text()).toContain(
      '/zh/news/reading-policy',
    );
    const none = await (await t.app.request('/en/news?q=nothing-like-this')).text();
    expect(text(none)).toContain('No article matches these filters');
  });

  it('pages through the list, keeping the filters', async () => {
    for (let i = 0; i < 11; i++) await publishNew(`reading-page-${i}`, { category: 'announcements' });
    const first = await (await t.app.request('/en/news?category=announcements')).text();
    expect(first).toContain('href="/en/news?category=announcements&amp;page=2"');
    const second = await t.app.request('/en/news?category=announcements&page=2');
    expect(second.status).toBe(200);
    expect(await second.text()).toContain('/en/news/reading-page-0');
    expect((await t.app.request('/en/news?category=announcements&page=9')).status).toBe(404);
  });

  it('answers bad filters with 400, never 500', async () => {
    for (const q of [
      'page=-1',
      'page=abc',
      'category=gossip',
      'year=12',
      `q=${'x'.repeat(201)}`,
      'tag=' + 'y'.repeat(90),
    ]) {
      expect((await t.app.request(`/en/news?${q}`)).status, q).toBe(400);
    }
    for (const q of ['q=%22%27%25_%5C', 'q=NEAR(a%20b)', 'tag=%E4%BA%BA%E6%89%8D']) {
      expect((await t.app.request(`/en/news?${q}`)).status, q).toBe(200);
    }
  });

  it('lists published articles only in the feeds and the sitemap', async () => {
    const draftId = await create('reading-draft-only');
    expect(draftId).toBeGreaterThan(0);
    await publishNew('reading-in-feed', { category: 'events' });
    const parser = new XMLParser({ ignoreAttributes: false });
    const rss = parser.parse(await (await t.app.request('/en/news/feed.xml?category=events')).text());
    const links = [rss.rss.channel.item].flat().map((i: { link: string }) => i.link);
    expect(links.some((l: string) => l.endsWith('/en/news/reading-in-feed'))).toBe(true);
    expect(links.every((l: string) => !l.includes('reading-draft-only'))).toBe(true);
    const atom = parser.parse(await (await t.app.request('/zh/news/feed.atom')).text());
    expect(atom.feed.entry.length).toBeGreaterThan(0);
    const sitemap = await (await t.app.request('/sitemap.xml')).text();
    expect(sitemap).toContain('/en/news/reading-in-feed');
    expect(sitemap).not.toContain('reading-draft-only');
  });

  it('shows the figures an article cites, with their as-of date and source', async () => {
    await publishNew('reading-figures', { figures: 'incubators, high_tech_output, no_such_code' });
    const s = text(await (await t.app.request('/zh/news/reading-figures')).text());
    expect(s).toContain('文中引用的数据');
    expect(s).toContain('280');
  });
});
