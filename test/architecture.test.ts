import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

type TSource = { path: string; text: string };

const walk = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );

const importsOf = (text: string): string[] => {
  const found: string[] = [];
  const re = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of text.matchAll(re)) found.push((m[1] ?? m[2]) as string);
  return found;
};

const moduleOf = (path: string): string | undefined => /^src\/modules\/([^/]+)\//.exec(path)?.[1];
const isTestFile = (path: string) => /\.test\.tsx?$/.test(path);

// Each module's tables start with its prefix; only its repo (or area repos) names them.
const TABLE_PREFIX: Record<string, string> = {
  accounts: 'accounts_',
  cms: 'cms_',
  directory: 'directory_',
  indicators: 'indicator',
};
const TABLE_USE =
  /\.(?:selectFrom|insertInto|updateTable|deleteFrom|innerJoin|leftJoin)\(\s*'([a-z_]+)|upsertByKey\(\s*\w+,\s*'([a-z_]+)'/g;

/** The module rules of docs/ARCHITECTURE.md, as a function of the sources, so it can be tested too. */
const findViolations = (sources: TSource[]): string[] => {
  const problems: string[] = [];
  for (const { path, text } of sources) {
    const from = moduleOf(path);
    if (from && !isTestFile(path)) {
      for (const m of text.matchAll(TABLE_USE)) {
        const table = (m[1] ?? m[2]) as string;
        // A module's repo may be split by area: <module>.repo.ts, <module>.<area>.repo.ts.
        if (!new RegExp(`/${from}(\\.[a-z]+)?\\.repo\\.ts$`).test(path))
          problems.push(`${path}: only the repo touches tables (${table})`);
        else if (!table.startsWith(TABLE_PREFIX[from] ?? `${from}_`)) {
          problems.push(`${path}: touches another module's table ${table}`);
        }
      }
    }
    for (const spec of importsOf(text)) {
      if (!spec.startsWith('.')) {
        if (/\.repo\.ts$/.test(path) && (spec === 'hono' || spec.startsWith('hono/'))) {
          problems.push(`${path}: a repo holds no HTTP (imports ${spec})`);
        }
        if (/\.routes\.tsx?$/.test(path) && spec === 'kysely')
          problems.push(`${path}: routes hold no SQL (imports kysely)`);
        continue;
      }
      const target = relative(ROOT, resolve(ROOT, dirname(path), spec));
      const to = moduleOf(target);
      if (
        path.startsWith('src/platform/') &&
        (to ||
          !(
            target.startsWith('src/platform/') ||
            target === 'src/config.ts' ||
            // A platform test may use the shared test helpers.
            (isTestFile(path) && target.startsWith('test/'))
          ))
      ) {
        problems.push(`${path}: platform imports outside platform (${target})`);
      }
      if (
        to &&
        to !== from &&
        target !== `src/modules/${to}/index.ts` &&
        !(isTestFile(path) && path.startsWith('test/'))
      ) {
        problems.push(`${path}: reaches past ${to}/index.ts (${target})`);
      }
      if (/\.routes\.tsx?$/.test(path) && /\.repo\.ts$/.test(target))
        problems.push(`${path}: routes call the repo (${target})`);
      if (/\.repo\.ts$/.test(path) && target.includes('platform/http/'))
        problems.push(`${path}: a repo holds no HTTP (${target})`);
    }
  }
  return problems;
};

describe('module boundaries', () => {
  const sources: TSource[] = ['src', 'seeds', 'migrations'].flatMap((d) =>
    walk(d).map((path) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') })),
  );

  it('reads every module and the platform', () => {
    const modules = new Set(sources.map((s) => moduleOf(s.path)).filter(Boolean));
    expect([...modules].sort()).toEqual([
      'accounts',
      'cms',
      'contact',
      'directory',
      'indicators',
      'organizations',
      'pages',
      'portal',
      'reports',
    ]);
    expect(sources.some((s) => s.path.startsWith('src/platform/'))).toBe(true);
  });

  it('holds in this code base', () => {
    expect(findViolations(sources)).toEqual([]);
  });

  it('catches a module reaching into another module, and platform importing a module', () => {
    const bad: TSource[] = [
      { path: 'src/modules/portal/portal.routes.tsx', text: "import { x } from '../cms/cms.repo.ts';" },
      { path: 'src/platform/views/layout.tsx', text: "import { y } from '../../modules/cms/index.ts';" },
      { path: 'src/modules/cms/cms.repo.ts', text: "import { Hono } from 'hono';" },
      {
        path: 'src/modules/cms/cms.routes.tsx',
        text: "import { sql } from 'kysely';\nimport * as r from './cms.repo.ts';",
      },
      { path: 'src/app.ts', text: "export { z } from './modules/directory/directory.service.ts';" },
      { path: 'src/modules/cms/cms.repo.ts', text: "db.selectFrom('directory_organization').selectAll()" },
      { path: 'src/modules/cms/cms.service.ts', text: "await db.deleteFrom('cms_news_article').execute()" },
    ];
    const found = findViolations(bad);
    expect(found).toHaveLength(9);
    expect(found.join('\n')).toMatch(/touches another module's table directory_organization/);
    expect(found.join('\n')).toMatch(/only the repo touches tables/);
    expect(found.join('\n')).toMatch(/reaches past cms\/index\.ts/);
    expect(found.join('\n')).toMatch(/platform imports outside platform/);
    expect(found.join('\n')).toMatch(/routes call the repo/);
    expect(
      findViolations([
        { path: 'src/modules/portal/portal.routes.tsx', text: "import { x } from '../cms/index.ts';" },
      ]),
    ).toEqual([]);
  });
});
