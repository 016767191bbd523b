import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAudiences, seedHelp } from '../src/modules/pages/index.ts';
import { markdownProblems } from '../src/platform/markdown.ts';
import { createTestApp, getPage, type TTestApp } from './app.ts';
import { createBrowser, createPerson, signedIn, type TBrowser } from './auth.ts';
import { FUZZ_STRINGS } from './fuzz-corpus.ts';

// The Help Center (public pages, search, editors' entries) and the audience pages (intro and curated
// links), on the demo content.

let t: TTestApp;
let editor: TBrowser;
let editorId: number;
beforeAll(async () => {
  t = await createTestApp({ env: { TRUST_PROXY: '1' } });
  const person = await createPerson(t, { role: 'editor' });
  editorId = person.id;
  editor = await signedIn(t, person);
});
afterAll(async () => {
  await t?.close();
});

const db = () => t.deps.db as Kysely<any>;
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');
const audit = (action: string) =>
  db()
    .selectFrom('ecosphere_audit')
    .selectAll()
    .where('action', '=', action)
    .where('actor_id', '=', editorId)
    .orderBy('id')
    .execute();
const entryRow = (slug: string) =>
  db().selectFrom('pages_help_entry').selectAll().where('slug', '=', slug).executeTakeFirst();
const links = (audience: string) =>
  db()
    .selectFrom('pages_audience_link')
    .selectAll()
    .where('audience', '=', audience)
    .orderBy('position')
    .execute();

const entry = (over: Record<string, string> = {}) => ({
  slug: 'test-entry',
  topic: 'signing-in',
  question_en: 'Can I rename my organisation?',
  question_zh: '可以修改机构名称吗？',
  answer_en: 'Yes, from its page.',
  answer_zh: '可以，在机构页面修改。',
  position: '',
  status: 'draft',
  ...over,
});

describe('the Help Center', () => {
  it('lists the topics with their questions and expandable answers, in English and in Chinese', async () => {
    const en = await getPage(t.app, '/en/help');
    expect(en.res.status).toBe(200);
    const s = text(en.html);
    expect(s).toContain('Accounts and sign-in');
    expect(s).toContain('Privacy and your data');
    expect(s).toContain('How do I change the language?');
    expect(en.html).toContain('<details class="help-entry" id="q-change-language"><summary>');
    expect(en.html).toContain('href="/en/help/change-language"');
    expect(en.html).toContain('href="/en/help/topic/signing-in"');
    expect(en.html).not.toContain('Not available yet');
    const zh = text((await getPage(t.app, '/zh/help')).html);
    expect(zh).toContain('账户与登录');
    expect(zh).toContain('如何切换语言？');
    expect(zh).toContain('点击每个页面顶部的');
  });

  it('gives each entry its own page with its topic, last change and related questions; unknown ones are 404', async () => {
    const { res, html } = await getPage(t.app, '/zh/help/forgot-password');
    expect(res.status).toBe(200);
    expect(html).toContain('<h1>忘记密码怎么办？</h1>');
    expect(html).toContain('href="/zh/password/forgot"');
    expect(text(html)).toMatch(/最后更新：\s*\d{4}年\d{1,2}月\d{1,2}日/);
    expect(html).toContain('href="/zh/help/two-factor"');
    const topic = await getPage(t.app, '/en/help/topic/privacy');
    expect(topic.res.status).toBe(200);
    expect(text(topic.html)).toContain('How do I download or delete my data?');
    for (const path of [
      '/en/help/no-such-entry',
      '/en/help/Forgot_Password',
      '/en/help/topic/nothing',
      `/en/help/${'a'.repeat(161)}`,
      '/zh/help/%E5%AF%86',
    ]) {
      expect((await t.app.request(path)).status, path).toBe(404);
    }
  });

  it('searches questions and answers in both languages, case-insensitively', async () => {
    const en = text((await getPage(t.app, '/en/help?q=PASSWORD')).html);
    expect(en).toMatch(/Answers matching “PASSWORD” \(\d+\)/);
    expect(en).toContain('I forgot my password. What can I do?');
    // Two Chinese characters, found in the Chinese answers.
    const zh = text((await getPage(t.app, '/zh/help?q=密码')).html);
    expect(zh).toContain('忘记密码怎么办？');
    // A Chinese word that only the English answer contains, and every word must match.
    expect(text((await getPage(t.app, '/en/help?q=孵化')).html)).toContain('How do I search the portal?');
    const both = text((await getPage(t.app, '/en/help?q=recovery codes')).html);
    expect(both).toContain('Why am I asked to set up two-factor authentication?');
    expect(both).not.toContain('I forgot my password');
  });

  it('says when nothing matched and points to Contact us', async () => {
    const { res, html } = await getPage(t.app, '/en/help?q=zebra-crossing');
    expect(res.status).toBe(200);
    expect(text(html)).toContain('No answer matched “zebra-crossing”');
    expect(html).toMatch(/or <a href="\/en\/contact">contact us<\/a>/);
  });

  it('refuses a 300-character query with a 400 and a message, and never fails on search syntax', async () => {
    const long = await getPage(t.app, `/en/help?q=${'a'.repeat(300)}`);
    expect(long.res.status).toBe(400);
    expect(text(long.html)).toContain('The search text is too long: use at most 200 characters.');
    const zh = await getPage(t.app, `/zh/help?q=${encodeURIComponent('深'.repeat(300))}`);
    expect(zh.res.status).toBe(400);
    expect(text(zh.html)).toContain('搜索内容过长');
    for (const q of [
      '"',
      '*',
      '%',
      '_',
      '\\',
      '"unclosed',
      'a*',
      'NEAR(a b)',
      "' OR 1=1 --",
      '-',
      ':',
      '^',
    ]) {
      const res = await t.app.request(`/en/help?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
    }
    expect(text((await getPage(t.app, '/en/help?q=%25')).html)).toContain('No answer matched “%”');
    const echoed = await getPage(t.app, `/en/help?q=${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(echoed.html).not.toContain('<script>alert(1)</script>');
  });

  it('answers the shared fuzz corpus in the query and the address with 2xx or 4xx, never a 500', async () => {
    const enc = (v: string) =>
      [...Buffer.from(v, 'utf8')].map((x) => `%${x.toString(16).padStart(2, '0')}`).join('');
    for (const [name, value] of FUZZ_STRINGS) {
      for (const url of [
        `/zh/help?q=${enc(value)}`,
        `/en/help/${enc(value)}`,
        `/en/help/topic/${enc(value)}`,
      ]) {
        const res = await t.app.request(url);
        expect(res.status, `${name}: ${url.slice(0, 40)}`).toBeGreaterThanOrEqual(200);
        expect(res.status, `${name}: ${url.slice(0, 40)}`).toBeLessThan(500);
        expect(await res.text()).not.toContain('<script>alert(');
      }
    }
  });

  it('appears in site search and in the sitemap', async () => {
    const s = text((await getPage(t.app, '/en/search?q=password')).html);
    expect(s).toMatch(/Help answers \(\d+\)/);
    expect(s).toContain('I forgot my password. What can I do?');
    const sitemap = await (await t.app.request('/sitemap.xml')).text();
    expect(sitemap).toContain('/en/help/change-language</loc>');
    expect(sitemap).toContain('/zh/help/topic/signing-in</loc>');
    expect(sitemap).toContain('/en/business</loc>');
  });
});

describe('editors and help entries', () => {
  it('are not there for anonymous visitors, members or reviewers', async () => {
    const anon = await createBrowser(t).get('/en/staff/help');
    expect(anon.status).toBe(303);
    expect(anon.headers.get('location')).toMatch(/^\/en\/login\?next=/);
    for (const role of ['member', 'reviewer'] as const) {
      const b = await signedIn(t, await createPerson(t, { role }));
      for (const path of [
        '/en/staff/help',
        '/en/staff/help/new',
        '/en/staff/audiences',
        '/en/staff/audiences/business',
      ])
        expect((await b.get(path)).status, `${role} ${path}`).toBe(404);
      expect((await b.post('/en/staff/help/new', entry({ slug: 'sneaky' }))).status).toBe(404);
      expect((await b.post('/en/staff/audiences/business/links', { target: '/news' })).status).toBe(404);
    }
    expect(await entryRow('sneaky')).toBeUndefined();
  });

  it('shows field errors in the reader’s language and keeps what was typed', async () => {
    const bad = await editor.post(
      '/en/staff/help/new',
      entry({ slug: 'Bad Slug', answer_en: 'Kept <answer>' }),
    );
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(text(html)).toContain('Use lower-case letters, digits and single hyphens');
    expect(html).toContain('value="Bad Slug"');
    expect(html).toContain('Kept &lt;answer&gt;</textarea>');
    expect(html).toMatch(/<title>Error: /);

    const empty = await editor.post(
      '/zh/staff/help/new',
      entry({ question_en: '', question_zh: '', answer_en: 'See ![](/assets/map.png)', answer_zh: '' }),
    );
    expect(empty.status).toBe(422);
    const s = text(await empty.text());
    expect(s).toContain('请填写英文或中文问题');
    expect(s).toContain('请为图片 /assets/map.png 填写替代文字');
    const unsafe = await editor.post(
      '/en/staff/help/new',
      entry({ answer_en: '[click](javascript:alert(1))' }),
    );
    expect(unsafe.status).toBe(422);
    expect(text(await unsafe.text())).toContain('This link cannot be used');
    expect(await entryRow('test-entry')).toBeUndefined();
    expect(await entryRow('bad-slug')).toBeUndefined();
  });

  it('adds a draft, publishes it, edits it, unpublishes and deletes it, each with an audit row', async () => {
    const created = await editor.post(
      '/en/staff/help/new',
      entry({ answer_en: 'Hello <script>alert(1)</script> **world**' }),
    );
    expect(created.status).toBe(303);
    const location = created.headers.get('location') as string;
    expect(location).toMatch(/^\/en\/staff\/help\/\d+\?done=created$/);
    const id = Number(/help\/(\d+)/.exec(location)?.[1]);
    expect(text(await (await editor.get(location)).text())).toContain('The entry was added.');
    const row = await entryRow('test-entry');
    expect(row).toMatchObject({ topic: 'signing-in', is_published: 0 });
    expect(Number(row?.position)).toBeGreaterThan(3);

    // A draft does not exist for readers; an editor sees it marked as a draft.
    expect((await t.app.request('/en/help/test-entry')).status).toBe(404);
    const preview = await (await editor.get('/en/help/test-entry')).text();
    expect(text(preview)).toContain('Draft: readers cannot see this entry');
    expect(preview).toContain('<meta name="robots" content="noindex"/>');

    // Publishing shows it at once, though the Help Center page was cached.
    await t.app.request('/en/help');
    expect((await t.app.request('/en/help')).headers.get('x-page-cache')).toBe('hit');
    const published = await editor.post(`/en/staff/help/${id}/publish`, {});
    expect(published.status).toBe(303);
    const help = await t.app.request('/en/help');
    expect(help.headers.get('x-page-cache')).toBeNull();
    expect(text(await help.text())).toContain('Can I rename my organisation?');
    const page = await getPage(t.app, '/en/help/test-entry');
    expect(page.res.status).toBe(200);
    // Markdown is rendered, raw HTML is shown as text.
    expect(page.html).toContain('Hello &lt;script&gt;alert(1)&lt;/script&gt; <strong>world</strong>');
    expect(page.html).not.toContain('<script>alert(1)');

    // Every field can change; the audit row keeps what changed.
    const edited = await editor.post(
      `/en/staff/help/${id}`,
      entry({
        slug: 'rename-organisation',
        topic: 'organisations',
        question_en: 'How do I rename my organisation?',
        answer_zh: '',
        position: '7',
        status: 'published',
      }),
    );
    expect(edited.status).toBe(303);
    expect((await t.app.request('/en/help/test-entry')).status).toBe(404);
    const renamed = await getPage(t.app, '/zh/help/rename-organisation');
    expect(renamed.html).toContain('<h1>可以修改机构名称吗？</h1>');
    // The Chinese answer is gone: the English one shows, marked, with a notice.
    expect(renamed.html).toContain('此解答暂无中文版');
    expect(renamed.html).toContain('<div class="markdown" lang="en">');
    const [update] = await audit('update:help-entry');
    expect(JSON.parse(update?.before_json)).toMatchObject({ slug: 'test-entry', topic: 'signing-in' });
    expect(JSON.parse(update?.after_json)).toMatchObject({
      slug: 'rename-organisation',
      topic: 'organisations',
      position: 7,
      answer_zh: null,
    });

    // Another entry's address is refused, with the input kept.
    const taken = await editor.post(
      `/en/staff/help/${id}`,
      entry({ slug: 'change-language', status: 'published' }),
    );
    expect(taken.status).toBe(422);
    const takenHtml = await taken.text();
    expect(text(takenHtml)).toContain('Another entry already has this address');
    expect(takenHtml).toContain('value="change-language"');

    expect(
      (await editor.post(`/en/staff/help/${id}/unpublish`, { return: 'list' })).headers.get('location'),
    ).toBe('/en/staff/help?done=unpublished');
    expect((await t.app.request('/en/help/rename-organisation')).status).toBe(404);

    const confirm = await editor.get(`/en/staff/help/${id}/delete`);
    expect(confirm.status).toBe(200);
    expect(text(await confirm.text())).toContain('Delete this help entry?');
    const deleted = await editor.post(`/en/staff/help/${id}/delete`, {});
    expect(deleted.headers.get('location')).toBe('/en/staff/help?done=deleted');
    expect(await entryRow('rename-organisation')).toBeUndefined();
    expect((await editor.get(`/en/staff/help/${id}`)).status).toBe(404);

    for (const action of [
      'create:help-entry',
      'publish:help-entry',
      'update:help-entry',
      'unpublish:help-entry',
      'delete:help-entry',
    ]) {
      const rows = await audit(action);
      expect(rows, action).toHaveLength(1);
      expect(rows[0]?.subject_id).toBe(String(id));
    }
    const [gone] = await audit('delete:help-entry');
    expect(JSON.parse(gone?.before_json)).toMatchObject({ slug: 'rename-organisation' });
  });
});

describe('audience pages', () => {
  it('show the intro, the last change and the curated links under the reader’s language', async () => {
    const en = await getPage(t.app, '/en/business');
    expect(en.res.status).toBe(200);
    expect(en.html).toContain('<h1>For business</h1>');
    expect(en.html).toContain('href="/en/signup"');
    expect(en.html).toContain('href="/en/directory#kind-enterprise"');
    expect(text(en.html)).toMatch(/Last updated \d{1,2} \w+ \d{4}/);
    expect(text(en.html)).toContain('Where to start');
    const zh = await getPage(t.app, '/zh/business');
    expect(zh.html).toContain('href="/zh/signup"');
    expect(zh.html).toContain('href="/zh/help/verified-organisation"');
    expect(text(zh.html)).toContain('注册账户');
    expect(text(zh.html)).toMatch(/最后更新：\s*\d{4}年/);
    for (const a of ['government', 'residents', 'visitors']) {
      const res = await t.app.request(`/zh/${a}`);
      expect(res.status).toBe(200);
    }
  });

  it('let editors add, edit, reorder and remove links, and edit the intro, with audit rows', async () => {
    const base = '/en/staff/audiences/residents';
    expect((await editor.get('/en/staff/audiences')).status).toBe(200);
    expect((await editor.get(base)).status).toBe(200);
    const before = await links('residents');

    // Bad targets are refused, with what was typed kept.
    for (const target of [
      'javascript:alert(1)',
      '//evil.example/x',
      'http://plain.example',
      'news',
      '/a b',
    ]) {
      const res = await editor.post(`${base}/links`, { target, title_en: 'Kept title' });
      expect(res.status, target).toBe(422);
      const html = await res.text();
      expect(text(html)).toContain('Enter a path on this site starting with /');
      expect(html).toContain('value="Kept title"');
    }
    expect((await editor.post(`${base}/links`, { target: '/news' })).status).toBe(422);

    // A path typed with its language is stored without it and shown in each reader's language.
    const added = await editor.post(`${base}/links`, {
      target: '/en/news/first-venture-capital-and-startup-week',
      title_en: 'Startup week',
      description_en: 'Loans for 126 enterprises.',
    });
    expect(added.status).toBe(303);
    const after = await links('residents');
    expect(after).toHaveLength(before.length + 1);
    const link = after.at(-1);
    expect(link).toMatchObject({
      target: '/news/first-venture-capital-and-startup-week',
      position: before.length + 1,
    });
    const zh = await getPage(t.app, '/zh/residents');
    expect(zh.html).toContain(
      '<a href="/zh/news/first-venture-capital-and-startup-week" lang="en">Startup week</a>',
    );
    expect(text(zh.html)).toContain('本页部分内容暂无中文版');

    // Up moves it one place; at the top, up does nothing.
    expect((await editor.post(`${base}/links/${link?.id}/move`, { direction: 'up' })).status).toBe(303);
    expect((await links('residents')).map((l) => l.id).indexOf(link?.id)).toBe(before.length - 1);
    expect((await editor.post(`${base}/links/${link?.id}/move`, { direction: 'sideways' })).status).toBe(400);
    const first = (await links('residents'))[0];
    expect((await editor.post(`${base}/links/${first?.id}/move`, { direction: 'up' })).status).toBe(303);
    expect((await links('residents'))[0]?.id).toBe(first?.id);
    const page = (await getPage(t.app, '/en/residents')).html;
    const order = page.slice(page.indexOf('<ul class="cards">'));
    expect(order.indexOf('Startup week')).toBeLessThan(order.indexOf(before.at(-1)?.title_en));

    // Edit: another page, titles in both languages, an https address.
    expect((await editor.get(`${base}/links/${link?.id}`)).status).toBe(200);
    const edited = await editor.post(`${base}/links/${link?.id}`, {
      target: 'https://www.gz.gov.cn/',
      title_en: 'Guangzhou municipal portal',
      title_zh: '广州市人民政府门户网站',
      description_en: '',
      description_zh: '',
    });
    expect(edited.status).toBe(303);
    const en = await getPage(t.app, '/en/residents');
    expect(en.html).toContain('<a href="https://www.gz.gov.cn/">Guangzhou municipal portal</a>');
    expect(text(en.html)).toContain('(another website)');
    // A link of another page is not found here.
    const business = (await links('business'))[0];
    expect((await editor.get(`${base}/links/${business?.id}`)).status).toBe(404);
    expect((await editor.post(`${base}/links/${business?.id}/delete`, {})).status).toBe(404);

    // The intro: Markdown, rendered safely; images need alt text.
    const noAlt = await editor.post(`${base}/intro`, {
      intro_en: '![](/assets/x.png)',
      intro_zh: '保留的导语',
    });
    expect(noAlt.status).toBe(422);
    const noAltHtml = await noAlt.text();
    expect(text(noAltHtml)).toContain('Describe the image /assets/x.png in its alt text');
    expect(noAltHtml).toContain('保留的导语</textarea>');
    const intro = await editor.post(`${base}/intro`, {
      intro_en: 'For **residents**. <img src=x onerror=alert(1)>',
      intro_zh: '',
    });
    expect(intro.status).toBe(303);
    const introPage = await getPage(t.app, '/en/residents');
    expect(introPage.html).toContain('For <strong>residents</strong>. &lt;img src=x onerror=alert(1)&gt;');
    expect(introPage.html).not.toContain('<img src=x');

    // Remove, after a confirmation page.
    expect((await editor.get(`${base}/links/${link?.id}/delete`)).status).toBe(200);
    expect((await editor.post(`${base}/links/${link?.id}/delete`, {})).status).toBe(303);
    const final = await links('residents');
    expect(final.map((l) => l.id)).not.toContain(link?.id);
    expect(final.map((l) => l.position)).toEqual(final.map((_, i) => i + 1));

    for (const action of [
      'create:audience-link',
      'move:audience-link',
      'update:audience-link',
      'update:audience-intro',
      'delete:audience-link',
    ]) {
      expect((await audit(action)).length, action).toBeGreaterThanOrEqual(1);
    }
    // Nothing moved at the top: no row for it.
    expect(await audit('move:audience-link')).toHaveLength(1);
  });
});

describe('demo content', () => {
  it('loads through the module and a second run changes nothing', async () => {
    const fresh = await createTestApp({ seed: false });
    try {
      const read = (file: string) =>
        JSON.parse(readFileSync(new URL(`../seeds/demo/${file}`, import.meta.url), 'utf8'));
      const help = read('help.json').entries;
      const pages = read('audiences.json').pages;
      expect(help.length).toBeGreaterThanOrEqual(16);
      const first = await seedHelp(fresh.deps, help);
      expect(first).toEqual({ inserted: help.length, updated: 0, unchanged: 0 });
      const firstPages = await seedAudiences(fresh.deps, pages);
      expect(firstPages.pages).toEqual({ inserted: 4, updated: 0, unchanged: 0 });
      const snapshot = async () =>
        JSON.stringify(
          await Promise.all(
            ['pages_help_entry', 'pages_audience', 'pages_audience_link'].map((table) =>
              (fresh.deps.db as Kysely<any>).selectFrom(table).selectAll().orderBy('id').execute(),
            ),
          ),
        );
      const before = await snapshot();
      expect(await seedHelp(fresh.deps, help)).toEqual({ inserted: 0, updated: 0, unchanged: help.length });
      const again = await seedAudiences(fresh.deps, pages);
      expect(again.pages).toEqual({ inserted: 0, updated: 0, unchanged: 4 });
      expect(again.links.inserted + again.links.updated).toBe(0);
      expect(await snapshot()).toBe(before);
      // Each entry is in both languages and its Markdown needs no fixing.
      for (const e of help) {
        expect(e.question.en && e.question.zh && e.answer.en && e.answer.zh, e.slug).toBeTruthy();
        expect([...markdownProblems(e.answer.en), ...markdownProblems(e.answer.zh)], e.slug).toEqual([]);
      }
      await expect(seedHelp(fresh.deps, [{ ...help[0], topic: 'nope' }])).rejects.toThrow(
        /help entry 1: topic/,
      );
    } finally {
      await fresh.close();
    }
  });
});
