import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDate, formatLarge, formatNumber, formatPercent, formatYuan } from './format.ts';
import { negotiateLocale, switchLocalePath } from './locale.ts';
import { defineMessages } from './messages.ts';

const SRC = fileURLToPath(new URL('../../', import.meta.url));

const messageFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? messageFiles(join(dir, e.name))
      : e.name.endsWith('.messages.ts')
        ? [join(dir, e.name)]
        : [],
  );

describe('message catalogs', () => {
  const files = messageFiles(SRC);

  it('finds the catalog of the shell and of every module', () => {
    const names = files.map((f) => f.split('/').pop());
    expect(names).toEqual(
      expect.arrayContaining([
        'shell.messages.ts',
        'portal.messages.ts',
        'cms.messages.ts',
        'indicators.messages.ts',
        'directory.messages.ts',
      ]),
    );
  });

  it.each(files.map((f) => [f.slice(SRC.length), f]))(
    '%s has every key in both languages, none empty',
    async (_, file) => {
      const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      const pairs = Object.values(mod).filter(
        (v): v is { catalogs: { en: Record<string, string>; zh: Record<string, string> } } =>
          typeof v === 'object' && v !== null && 'catalogs' in v,
      );
      expect(pairs.length).toBeGreaterThan(0);
      for (const { catalogs } of pairs) {
        const en = Object.keys(catalogs.en).sort();
        const zh = Object.keys(catalogs.zh).sort();
        expect(
          zh.filter((k) => !en.includes(k)),
          'keys only in Chinese',
        ).toEqual([]);
        expect(
          en.filter((k) => !zh.includes(k)),
          'keys missing in Chinese',
        ).toEqual([]);
        for (const [k, v] of [...Object.entries(catalogs.en), ...Object.entries(catalogs.zh)]) {
          expect(v.trim(), `empty text for ${k}`).not.toBe('');
        }
        // Every placeholder in English exists in Chinese, so no value is silently dropped.
        for (const k of en) {
          const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
          expect(ph(catalogs.zh[k] ?? ''), `placeholders of ${k}`).toEqual(ph(catalogs.en[k] ?? ''));
        }
      }
    },
  );

  it('interpolates parameters and leaves unknown ones visible', () => {
    const { t } = defineMessages({ 'x.a': 'Hello {name} {other}' }, { 'x.a': '你好 {name} {other}' });
    expect(t('en', 'x.a', { name: 'Ada' })).toBe('Hello Ada {other}');
    expect(t('zh', 'x.a', { name: '林' })).toBe('你好 林 {other}');
  });
});

describe('negotiateLocale', () => {
  it.each([
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh'],
    ['en-US,en;q=0.9', 'en'],
    ['fr-FR,fr;q=0.9,zh-TW;q=0.5,en;q=0.4', 'zh'],
    ['en;q=0.2, zh-Hans;q=0.9', 'zh'],
    ['de-DE', 'en'],
    ['*', 'en'],
    ['', 'en'],
    [undefined, 'en'],
    // Malformed headers never throw and fall back to English.
    [';;;,,,q=abc', 'en'],
    ['zh;q=banana', 'zh'],
    ['zh;q=0', 'en'],
    ['\u0000\uffff<script>', 'en'],
    ['x'.repeat(100_000), 'en'],
  ])('%j → %s', (header, expected) => {
    expect(negotiateLocale(header as string | undefined)).toBe(expected);
  });
});

describe('switchLocalePath', () => {
  it.each([
    ['/en/', 'zh', '/zh/'],
    ['/en', 'zh', '/zh/'],
    ['/en/news?page=2', 'zh', '/zh/news?page=2'],
    ['/zh/directory/gac-group', 'en', '/en/directory/gac-group'],
    ['/english/x', 'zh', '/zh/'],
  ] as const)('%s → %s', (path, to, expected) => {
    expect(switchLocalePath(path, to)).toBe(expected);
  });
});

describe('number and date formats', () => {
  it('reads large Chinese amounts with 亿 and 万', () => {
    expect(formatYuan('zh', 436.1e9)).toBe('4361亿元');
    expect(formatYuan('zh', 5.2e9)).toBe('52亿元');
    expect(formatYuan('zh', 1.03e9)).toBe('10.3亿元');
    expect(formatLarge('zh', 52_000)).toBe('5.2万');
  });

  it('reads large English amounts in words', () => {
    expect(formatYuan('en', 436.1e9)).toBe('CNY 436.1 billion');
    expect(formatLarge('en', 2_500_000)).toBe('2.5 million');
  });

  it('groups small numbers and formats percentages', () => {
    expect(formatNumber('en', 2995)).toBe('2,995');
    expect(formatPercent('en', 46.4)).toBe('46.4%');
    expect(formatPercent('zh', 11.6)).toBe('11.6%');
  });

  it('writes dates naturally in each language', () => {
    expect(formatDate('en', '2017-09-26')).toBe('26 September 2017');
    expect(formatDate('zh', '2017-09-26')).toBe('2017年9月26日');
    expect(formatDate('en', '2017-09-26T23:30:00.000Z')).toBe('26 September 2017');
    expect(formatDate('en', 'not a date')).toBe('not a date');
  });
});
