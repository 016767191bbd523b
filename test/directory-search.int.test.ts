import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSearchParams } from '../src/modules/directory/directory.search.schemas.ts';
import {
  exportRows,
  SEARCH_TUNING,
  searchDirectory,
  type TSearchTuning,
} from '../src/modules/directory/directory.search.service.ts';
import { SearchResultsBody } from '../src/modules/directory/directory.search.views.tsx';
import { writeRecords } from '../src/modules/directory/index.ts';
import { parseCsvRecords } from '../src/platform/csv.ts';
import { createTestApp, getPage, type TTestApp } from './app.ts';
import {
  nameOrderRecords,
  nameRecord,
  referenceOrder,
  type TNameRow,
} from './fixtures/directory/name-order.ts';
import { RELEVANCE_CASES, SEARCH_CORPUS } from './fixtures/directory/search-corpus.ts';

// Directory search through HTTP on the engine under test: relevance on a fixed bilingual corpus,
// facets, sorting, bad parameters, FTS syntax in the query, exports and the API's cursor.

let t: TTestApp;
const slugsOf = (html: string): string[] =>
  [...html.matchAll(/<li><h3><a href="\/(?:en|zh)\/directory\/([a-z0-9-]+)">/g)].map((m) => m[1] as string);

const search = async (qs: string, locale = 'en') => {
  const { res, html } = await getPage(t.app, `/${locale}/directory/search?${qs}`);
  return { status: res.status, html, slugs: slugsOf(html) };
};

/** The same search through the service with lower limits (the page takes none), rendered like the page. */
const searchTuned = async (qs: string, tuning: Partial<TSearchTuning>, locale: 'en' | 'zh' = 'en') => {
  const parsed = parseSearchParams(new URLSearchParams(qs));
  if (!parsed.ok) throw new Error(`bad query ${qs}`);
  const result = await searchDirectory(t.deps, parsed.value, locale, { tuning });
  const html = String(await SearchResultsBody({ locale, params: parsed.value, result }));
  return { html, slugs: slugsOf(html) };
};

beforeAll(async () => {
  t = await createTestApp({ seed: false });
  await writeRecords(t.deps, SEARCH_CORPUS);
});
afterAll(async () => t?.close());

describe('relevance on the fixture corpus', () => {
  for (const c of RELEVANCE_CASES) {
    it(`“${c.q}”`, async () => {
      const r = await search(`q=${encodeURIComponent(c.q)}&limit=50`);
      expect(r.status).toBe(200);
      if (c.first) expect(r.slugs.slice(0, c.first.length)).toEqual(c.first);
      for (const s of c.includes ?? []) expect(r.slugs).toContain(s);
      for (const s of c.excludes ?? []) expect(r.slugs).not.toContain(s);
    });
  }

  it('finds an organisation by its Chinese name, English name and acronym', async () => {
    for (const q of ['中山大学', 'Sun Yat-sen University', 'SYSU']) {
      expect((await search(`q=${encodeURIComponent(q)}`)).slugs[0]).toBe('sysu');
    }
  });

  it('highlights what matched and says when it corrected a typo', async () => {
    const r = await search('q=incubator');
    expect(r.html).toContain('<mark>Incubator</mark>');
    const zh = await search(`q=${encodeURIComponent('孵化器')}`, 'zh');
    expect(zh.html).toContain('<mark>孵化器</mark>');
    const typo = await search('q=Tsinghau');
    expect(typo.html).toMatch(/Showing results for tsinghua/i);
    const typoZh = await search('q=Tsinghau', 'zh');
    expect(typoZh.html).toContain('以下是“tsinghua”的结果');
  });

  it('never fails on full-text syntax typed into the box', async () => {
    const hostile = [
      '"',
      '""',
      '"unterminated',
      '*',
      'univ*',
      'NEAR(a b)',
      'a NEAR b',
      '(',
      ')',
      '(university',
      '-university',
      'university -china',
      '^',
      '^university',
      'a OR b',
      'a AND NOT b',
      "'",
      "o'reilly",
      '\\',
      ':*',
      'a:*',
      '&|!<->',
      'col:university',
      '{}',
      '[]',
      '%_',
      '孵化器"',
      '"孵化器" OR "大学"',
      '🙂',
      'a'.repeat(200),
    ];
    for (const q of hostile) {
      const r = await search(`q=${encodeURIComponent(q)}`);
      expect(r.status, q).toBe(200);
    }
    // A NUL byte is refused by the address guard for every page, with a 400 rather than a crash.
    expect((await search('q=a%00b')).status).toBe(400);
  });
});

describe('facets, filters and sorting', () => {
  it('counts facets and filters by district without hiding the other districts', async () => {
    const all = await search(`q=${encodeURIComponent('孵化器')}`);
    expect(all.html).toMatch(/Tianhe \(1\)/);
    expect(all.html).toMatch(/Huangpu \(1\)/);
    const tianhe = await search(`q=${encodeURIComponent('孵化器')}&district=tianhe`);
    expect(tianhe.slugs).toEqual(['tianhe-incubator']);
    // The district facet still offers the others, with their counts.
    expect(tianhe.html).toMatch(/Huangpu \(1\)/);
    expect(tianhe.html).toMatch(/1 organisations found/);
  });

  it('filters by kind, level and founding years', async () => {
    const r = await search('kind=university&founded_from=1900&founded_to=1950&sort=oldest');
    expect(r.slugs).toEqual(['jnu', 'sysu', 'scnu']);
    const lv = await search('kind=incubator&level=national,provincial&sort=name');
    expect(lv.slugs).toEqual(['huangpu-incubator', 'tianhe-incubator']);
  });

  it('sorts by name in each language', async () => {
    const en = await search('kind=university&sort=name');
    expect(en.slugs[0]).toBe('gzhu');
    const zh = await search('kind=university&sort=name', 'zh');
    // Code point order (ADR 0008): 华南… (U+534E) before 广州大学 (U+5E7F) before 暨南 (U+66A8).
    expect(zh.slugs.indexOf('scut')).toBeLessThan(zh.slugs.indexOf('gzhu'));
    expect(zh.slugs.indexOf('gzhu')).toBeLessThan(zh.slugs.indexOf('jnu'));
  });

  it('pages through results', async () => {
    const p1 = await search('kind=university&sort=name&limit=3');
    const p2 = await search('kind=university&sort=name&limit=3&page=2');
    expect(p1.slugs).toHaveLength(3);
    expect(p2.slugs).toHaveLength(3);
    expect(p1.slugs.some((s) => p2.slugs.includes(s))).toBe(false);
    expect(p1.html).toContain('rel="next"');
  });
});

describe('bad parameters', () => {
  const cases: [string, RegExp, RegExp][] = [
    ['page=-1', /page must be a whole number from 1 to 500/, /page 必须是 1 至 500 之间的整数/],
    ['limit=10^9', /limit must be a whole number from 1 to 100/, /limit 必须是 1 至 100 之间的整数/],
    ['limit=1000000000', /limit must be a whole number/, /limit 必须是/],
    ['kind=castle', /“castle” is not a known value for kind/, /“castle”不是 kind 的有效取值/],
    ['colour=red', /Unknown parameter “colour”/, /未知参数“colour”/],
    ['sort=random', /Unknown sort order/, /未知的排序方式/],
    ['founded_from=2020&founded_to=2000', /“from” year is after/, /起始年份晚于截止年份/],
    ['page=1&page=2', /given more than once/, /重复出现/],
  ];
  for (const [qs, en, zh] of cases) {
    it(`${qs} → 400 with a message in the reader's language`, async () => {
      const a = await search(qs);
      expect(a.status).toBe(400);
      expect(a.html).toMatch(en);
      const b = await search(qs, 'zh');
      expect(b.status).toBe(400);
      expect(b.html).toMatch(zh);
      const api = await t.app.request(`/api/v1/organizations?${qs}`);
      expect(api.status).toBe(400);
      expect(((await api.json()) as { error: { message: string } }).error.message).toMatch(en);
    });
  }
});

describe('exports and the API', () => {
  it('exports the result set as CSV and JSON', async () => {
    const res = await t.app.request(`/en/directory/export.csv?q=${encodeURIComponent('孵化器')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const rows = parseCsvRecords((await res.text()).replace(/^\ufeff/, ''));
    expect(rows.map((r) => r.slug).sort()).toEqual(
      ['huangpu-incubator', 'incubation-services', 'panyu-incubator', 'tianhe-incubator'].sort(),
    );
    expect(rows.find((r) => r.slug === 'tianhe-incubator')?.name_zh).toBe('天河科技企业孵化器');
    const json = (await (await t.app.request('/zh/directory/export.json?kind=university')).json()) as {
      slug: string;
    }[];
    expect(json).toHaveLength(8);
  });

  it('walks every record with the cursor, each once', async () => {
    const seen: string[] = [];
    let url: string | null = '/api/v1/organizations?limit=7';
    let total = 0;
    while (url) {
      const res = await t.app.request(url);
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        data: { slug: string }[];
        total: number;
        next_cursor: string | null;
      };
      total = body.total;
      seen.push(...body.data.map((d) => d.slug));
      url = body.next_cursor ? `/api/v1/organizations?limit=7&cursor=${body.next_cursor}` : null;
    }
    expect(seen).toHaveLength(SEARCH_CORPUS.length);
    expect(new Set(seen).size).toBe(SEARCH_CORPUS.length);
    expect(total).toBe(SEARCH_CORPUS.length);
  });

  it('ranks API searches and pages them with a cursor', async () => {
    const a = (await (await t.app.request('/api/v1/organizations?q=university&limit=2')).json()) as {
      data: { slug: string }[];
      next_cursor: string;
      facets: { kind: { code: string; count: number }[] };
    };
    expect(a.data).toHaveLength(2);
    expect(a.facets.kind.find((k) => k.code === 'university')?.count).toBeGreaterThanOrEqual(7);
    const b = (await (
      await t.app.request(`/api/v1/organizations?q=university&limit=2&cursor=${a.next_cursor}`)
    ).json()) as {
      data: { slug: string }[];
    };
    expect(b.data.map((d) => d.slug).some((s) => a.data.map((d) => d.slug).includes(s))).toBe(false);
    const bad = await t.app.request('/api/v1/organizations?cursor=nonsense');
    expect(bad.status).toBe(400);
  });

  it('returns one organisation by slug with its external ids, and 404 for unknown ones', async () => {
    const res = await t.app.request('/api/v1/organizations/scut');
    const body = (await res.json()) as { data: { name_zh: string; external_ids: { scheme: string }[] } };
    expect(body.data.name_zh).toBe('华南理工大学');
    expect(body.data.external_ids).toEqual([{ scheme: 'demo', value: 'scut' }]);
    expect((await t.app.request('/api/v1/organizations/no-such-thing')).status).toBe(404);
    expect((await t.app.request('/api/v1/organizations/%3Cscript%3E')).status).toBe(404);
  });

  it('lists the endpoints in the OpenAPI document', async () => {
    const doc = (await (await t.app.request('/api/v1/openapi.json')).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/organizations', '/organizations/{key}']),
    );
  });
});

describe('the directory home', () => {
  it('shows counts by kind and district that lead into the search', async () => {
    const { res, html } = await getPage(t.app, '/en/directory');
    expect(res.status).toBe(200);
    expect(html).toContain(`${SEARCH_CORPUS.length} organisations listed`);
    expect(html).toMatch(
      /href="\/en\/directory\/search\?kind=university">University<\/a> <span class="count">8</,
    );
    const zh = await getPage(t.app, '/zh/directory');
    expect(zh.html).toContain('天河区');
  });

  it('sees new records at once, also in another process’s writes', async () => {
    await writeRecords(t.deps, [
      {
        slug: 'new-lab',
        kind: 'key_lab',
        name: { en: 'Zebrafish Genomics Lab', zh: '斑马鱼基因组实验室' },
        summary: { en: null, zh: null },
        city: { en: null, zh: null },
        source: { en: 'test', zh: '测试' },
        sourceKind: 'manual',
        externalIds: [{ scheme: 'demo', value: 'new-lab' }],
      },
    ]);
    expect((await search('q=zebrafish')).slugs).toEqual(['new-lab']);
    expect((await search(`q=${encodeURIComponent('斑马鱼')}`)).slugs).toEqual(['new-lab']);
  });
});

describe('the cache of frequent terms', () => {
  it('stays exact when records are added, renamed and merged', async () => {
    // A bar of 2 hits caches every term; an infinite one caches none (cached terms still serve).
    const cached = (qs: string) => searchTuned(qs, { frequentTerm: 2 });
    const uncached = (qs: string) => searchTuned(qs, { frequentTerm: Number.POSITIVE_INFINITY });
    {
      const base = (await cached('q=university&limit=50')).slugs.sort();
      expect(base).toContain('scut');
      // Served from the cache now; the same answer.
      expect((await cached('q=university&limit=50')).slugs.sort()).toEqual(base);
      await writeRecords(t.deps, [
        {
          ...SEARCH_CORPUS[0],
          slug: 'zebra-university',
          name: { en: 'Zebra University', zh: '斑马大学' },
          acronym: null,
          externalIds: [{ scheme: 'demo', value: 'zebra-university' }],
        },
        // SCUT loses the word "University" from every name.
        {
          ...SEARCH_CORPUS[0],
          name: { en: 'South China Institute of Technology', zh: '华南理工' },
          summary: { en: null, zh: null },
        },
      ]);
      const after = (await cached('q=university&limit=50')).slugs.sort();
      expect(after).toContain('zebra-university');
      expect(after).not.toContain('scut');
      expect((await uncached('q=university&limit=50')).slugs.sort()).toEqual(after);
      // Two cached terms intersect, and a cached term with a rare one.
      const both = (await cached(`q=${encodeURIComponent('university 深圳')}&limit=50`)).slugs.sort();
      expect((await uncached(`q=${encodeURIComponent('university 深圳')}&limit=50`)).slugs.sort()).toEqual(
        both,
      );
      expect(both).toContain('szu');
    }
  });
});

describe('large result sets', () => {
  it('orders by weight, by name and by founding year past the ranking limit', async () => {
    const small = await search('kind=university&sort=name&limit=4');
    const smallP2 = await search('kind=university&sort=name&limit=4&page=2');
    const oldest = await search('kind=university&sort=oldest&limit=3');
    const pastLimit = (qs: string) => searchTuned(qs, { rank: 2 });
    // Past the limit the same pages come from the in-loop selection.
    expect((await pastLimit('kind=university&sort=name&limit=4')).slugs).toEqual(small.slugs);
    expect((await pastLimit('kind=university&sort=name&limit=4&page=2')).slugs).toEqual(smallP2.slugs);
    expect((await pastLimit('kind=university&sort=oldest&limit=3')).slugs).toEqual(oldest.slugs);
    const weighted = await pastLimit('q=university&limit=50');
    expect(weighted.html).toContain('listed with the most complete real records first');
    expect(weighted.slugs.length).toBeGreaterThan(2);
  });
});

describe('name order', () => {
  const rows = async (): Promise<TNameRow[]> =>
    (await t.deps.db
      .selectFrom('directory_organization')
      .select(['id', 'slug', 'name_en', 'name_zh', 'status', 'kind'])
      .execute()) as TNameRow[];

  /** Every page of a name-sorted browse, through the page (or the service with lower limits). */
  const allPages = async (
    facets: string,
    locale: 'en' | 'zh',
    tuning: Partial<TSearchTuning> | null,
  ): Promise<string[]> => {
    const out: string[] = [];
    for (let page = 1; ; page++) {
      const qs = `${facets}&sort=name&limit=7&page=${page}`;
      const r = tuning ? await searchTuned(qs, tuning, locale) : await search(qs, locale);
      out.push(...r.slugs);
      if (r.slugs.length < 7) return out;
    }
  };

  /** Sparse (a kind of few records) and dense (every record) browses, in memory and past the limit. */
  const expectReferenceOrder = async (overlay: Partial<TSearchTuning> = {}) => {
    const all = await rows();
    for (const locale of ['en', 'zh'] as const) {
      for (const kinds of [['key_lab'], []]) {
        const facets = kinds.map((k) => `kind=${k}`).join('&');
        const expected = referenceOrder(all, locale, kinds);
        expect(expected.length).toBeGreaterThan(5);
        expect(await allPages(facets, locale, overlay)).toEqual(expected);
        expect(await allPages(facets, locale, { ...overlay, rank: 3 })).toEqual(expected);
      }
    }
  };

  it('gives name-sorted pages of sparse and dense sets in code point order, then id', async () => {
    await writeRecords(t.deps, nameOrderRecords());
    await expectReferenceOrder();
    // The page (no tuning) agrees with the service.
    const all = await rows();
    expect(await allPages('kind=key_lab', 'zh', null)).toEqual(referenceOrder(all, 'zh', ['key_lab']));
    // An export of a name-sorted set comes in the same order, small or past the ranked size.
    for (const rank of [SEARCH_TUNING.rank, 3]) {
      const parsed = parseSearchParams(new URLSearchParams('sort=name'));
      if (!parsed.ok) throw new Error('bad query');
      const exported: string[] = [];
      for await (const chunk of exportRows(t.deps, parsed.value, 'en', 5, { tuning: { rank } }))
        exported.push(...chunk.map((r) => r.slug));
      expect(exported).toEqual(referenceOrder(all, 'en', []));
    }
  });

  it('stays exact as records are added, renamed and changed: a renamed record moves', async () => {
    const first = 'name-order-t7';
    expect((await allPages('kind=key_lab', 'en', null))[0]).toBe(first);
    const renamed = nameOrderRecords().find((r) => r.slug === first);
    await writeRecords(t.deps, [
      // A record that sorted first in English now sorts last in both languages.
      { ...renamed, name: { en: '\u{1F3C1} Last Lab', zh: '\u{2A700}末' } },
      // New records between old ones, one outside the BMP beside one above the surrogates.
      nameRecord('new1', 'Acme Lab 95', '中关村实验室乙', { kind: 'key_lab' }),
      nameRecord('new2', '\u{1D400}lpha Works 2', '\uFB01工具', { kind: 'key_lab' }),
      nameRecord('new3', '\uFB01ne Tools 0', '\u{20000}实验室0'),
      // A change that is not a rename.
      { ...(nameOrderRecords().find((r) => r.slug === 'name-order-t10') ?? {}), district: 'tianhe' },
    ]);
    await expectReferenceOrder();
    const en = await allPages('kind=key_lab', 'en', null);
    expect(en.at(-1)).toBe(first);
    expect(en[0]).not.toBe(first);
    const zh = await allPages('kind=key_lab', 'zh', null);
    expect(zh.at(-1)).toBe(first);

    // More renames, placed among records placed since the order was built.
    await writeRecords(t.deps, [
      { ...renamed, name: { en: 'Acme Lab 95', zh: '中关村实验室乙' } },
      nameRecord('new1', 'Acme Lab 96', '中关村实验室', { kind: 'key_lab' }),
      nameRecord('new4', 'Acme Lab 95', '中关村实验室乙', { kind: 'key_lab' }),
    ]);
    await expectReferenceOrder();

    // An overlay limit of one builds the order again; it stays exact, and grows an overlay again after.
    await writeRecords(t.deps, [
      nameRecord('g3', 'Middle Renamed', '中间改名', { kind: 'key_lab' }),
      nameRecord('new5', 'Beta Beta 50', '阿阿50', { kind: 'key_lab' }),
    ]);
    await expectReferenceOrder({ nameOverlay: 1 });
    await writeRecords(t.deps, [
      nameRecord('new6', 'Aardvark Labs', '阿', { kind: 'key_lab' }),
      // Renames across the rebuilt order's blocks.
      nameRecord('g14', 'Beta Renamed 14', '\u{20001}改', { kind: 'key_lab' }),
      nameRecord('g63', '\u{1D400}lpha Renamed', '豈改名'),
      nameRecord('g112', 'Zeta Zeta 0', '龙龙0', { kind: 'key_lab' }),
    ]);
    await expectReferenceOrder();
    expect((await allPages('kind=key_lab', 'en', null))[0]).toBe('name-order-new6');
  });
});
