import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TTestApp } from './app.ts';
import { FUZZ_STRINGS } from './fuzz-corpus.ts';

let t: TTestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

// Percent-encodes the UTF-8 bytes (a lone surrogate becomes U+FFFD, as a browser would send it).
const enc = (v: string) =>
  [...Buffer.from(v, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

// Every input the portal reads today: the search box, the news pager, and the slugs in addresses.
const TARGETS: readonly (readonly [string, (v: string) => string])[] = [
  ['search q (en)', (v) => `/en/search?q=${enc(v)}`],
  ['search q (zh)', (v) => `/zh/search?q=${enc(v)}`],
  ['news page', (v) => `/en/news?page=${enc(v)}`],
  ['article slug', (v) => `/en/news/${enc(v)}`],
  ['organisation slug', (v) => `/zh/directory/${enc(v)}`],
  ['directory search q (zh)', (v) => `/zh/directory/search?q=${enc(v)}`],
  ['directory search q (en)', (v) => `/en/directory/search?q=${enc(v)}&kind=incubator`],
  ['directory page', (v) => `/en/directory/search?page=${enc(v)}`],
  ['directory limit', (v) => `/en/directory/search?q=a&limit=${enc(v)}`],
  ['directory facet', (v) => `/en/directory/search?district=${enc(v)}`],
  ['directory founded year', (v) => `/en/directory/search?founded_from=${enc(v)}`],
  ['directory export q', (v) => `/en/directory/export.csv?q=${enc(v)}`],
  ['organisations API q', (v) => `/api/v1/organizations?q=${enc(v)}`],
  ['organisations API cursor', (v) => `/api/v1/organizations?cursor=${enc(v)}`],
  ['organisations API key', (v) => `/api/v1/organizations/${enc(v)}`],
  ['indicators API panel', (v) => `/api/v1/indicators?panel=${enc(v)}&origin=${enc(v)}`],
  ['indicator code', (v) => `/api/v1/indicators/${enc(v)}`],
  ['observations code', (v) => `/api/v1/indicators/${enc(v)}/observations`],
  ['observations geography', (v) => `/api/v1/indicators/rd_intensity/observations?geography=${enc(v)}`],
  ['observations from/to', (v) => `/api/v1/indicators/rd_intensity/observations?from=${enc(v)}&to=${enc(v)}`],
  ['observations breakdown', (v) => `/api/v1/indicators/patents_granted/observations?breakdown=${enc(v)}`],
  ['observations status', (v) => `/api/v1/indicators/rd_intensity/observations?status=${enc(v)}`],
  ['observations limit', (v) => `/api/v1/indicators/rd_intensity/observations?limit=${enc(v)}`],
  ['observations cursor', (v) => `/api/v1/indicators/rd_intensity/observations?cursor=${enc(v)}`],
  ['observations format', (v) => `/api/v1/indicators/rd_intensity/observations?format=${enc(v)}`],
];

describe('the shared fuzz corpus against every input', () => {
  it.each(TARGETS)(
    '%s answers 2xx or 4xx for every value, never 500, and changes nothing',
    async (_, url) => {
      const count = async () =>
        Number(
          (
            await t.deps.db
              .selectFrom('cms_news_article')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirst()
          )?.n,
        );
      const before = await count();
      const failures: string[] = [];
      for (const [name, value] of FUZZ_STRINGS) {
        const res = await t.app.request(url(value));
        if (res.status >= 500 || res.status < 200) failures.push(`${name}: ${res.status}`);
        const body = await res.text();
        // Whatever is echoed back is escaped.
        if (body.includes('<script>alert(')) failures.push(`${name}: unescaped script in the page`);
      }
      expect(failures).toEqual([]);
      expect(await count()).toBe(before);
    },
  );
});
