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
