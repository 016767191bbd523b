import { Hono } from 'hono';
import type { TDeps } from '../../platform/deps.ts';
import type { TAppEnv } from '../../platform/http/context.ts';
import { cachedPage } from '../../platform/http/page-cache.ts';
import { renderPage } from '../../platform/views/page.tsx';
import { ORG_KINDS } from '../organizations/index.ts';
import { DISTRICTS, SECTOR_CODES } from './directory.codes.ts';
import { exportResponse } from './directory.export.ts';
import { t } from './directory.messages.ts';
import { createDirectoryProfileRoutes } from './directory.profile.routes.tsx';
import { parseSearchParams } from './directory.search.schemas.ts';
import { directoryCounts, guangzhouFigures, searchDirectory } from './directory.search.service.ts';
import { DirectoryHomeBody, SearchProblemBody, SearchResultsBody } from './directory.search.views.tsx';

/** Directory pages, mounted under /{locale}/directory. */
export const createDirectoryRoutes = (deps: TDeps) => {
  const app = new Hono<TAppEnv>({ strict: false });
  const cache = cachedPage(deps.pages);

  app.get('/', cache, async (c) => {
    const locale = c.get('locale');
    const [counts, figures] = await Promise.all([directoryCounts(deps), guangzhouFigures(deps)]);
    return renderPage(c, {
      title: t(locale, 'directory.title'),
      description: t(locale, 'directory.lead'),
      breadcrumbs: [{ label: t(locale, 'directory.title') }],
      body: (
        <DirectoryHomeBody
          locale={locale}
          counts={counts}
          figures={figures}
          kinds={ORG_KINDS}
          districts={DISTRICTS}
          sectors={SECTOR_CODES}
        />
      ),
    });
  });

  // Results change with every write, and free text would flood the page cache: not cached.
  app.get('/search', async (c) => {
    const locale = c.get('locale');
    const parsed = parseSearchParams(new URL(c.req.url).searchParams);
    const crumbs = [
      { label: t(locale, 'directory.title'), href: `/${locale}/directory` },
      { label: t(locale, 'directory.search.title') },
    ];
    if (!parsed.ok) {
      return renderPage(c, {
        title: t(locale, 'directory.search.badRequest'),
        status: 400,
        noindex: true,
        breadcrumbs: crumbs,
        body: <SearchProblemBody locale={locale} problems={parsed.problems} q={c.req.query('q') ?? ''} />,
      });
    }
    const params = parsed.value;
    const result = await searchDirectory(deps, params, locale);
    return renderPage(c, {
      title: params.q
        ? t(locale, 'directory.search.resultsTitle', { q: params.q })
        : t(locale, 'directory.search.title'),
      noindex: true,
      breadcrumbs: crumbs,
      body: <SearchResultsBody locale={locale} params={params} result={result} />,
    });
  });

  app.get('/export.csv', (c) => exportResponse(c, deps, 'csv'));
  app.get('/export.json', (c) => exportResponse(c, deps, 'json'));

  app.route('/', createDirectoryProfileRoutes(deps));

  return app;
};
