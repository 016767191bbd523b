import { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { z } from 'zod';
import type { TDeps } from '../../platform/deps.ts';
import type { TAppEnv } from '../../platform/http/context.ts';
import { cachedPage } from '../../platform/http/page-cache.ts';
import { parseQuery } from '../../platform/http/validate.ts';
import { ts } from '../../platform/i18n/shell.messages.ts';
import { renderPage } from '../../platform/views/page.tsx';
import { latestNews, searchNews } from '../cms/index.ts';
import { searchOrganizations } from '../directory/index.ts';
import { headlineFigures, searchFigures } from '../indicators/index.ts';
import { t } from './portal.messages.ts';
import { AboutBody, AUDIENCES, AudienceBody, HelpBody, HomeBody, SearchBody } from './portal.views.tsx';

const MAX_QUERY = 200;
const ZSearch = z.object({ q: z.string().trim().default('') });

/** The portal's own pages under /{locale}: home, about, audiences, help, search. */
export const createPortalRoutes = (deps: TDeps) => {
  const app = new Hono<TAppEnv>({ strict: false });
  const cache = cachedPage(deps.pages);

  app.get('/', cache, async (c) => {
    const locale = c.get('locale');
    const [figures, news] = await Promise.all([headlineFigures(deps), latestNews(deps, 3)]);
    return renderPage(c, {
      title: ts(locale, 'shell.siteName'),
      description: t(locale, 'portal.home.lead'),
      body: <HomeBody locale={locale} figures={figures} news={news} />,
    });
  });

  app.get('/about', cache, (c) => {
    const locale = c.get('locale');
    return renderPage(c, {
      title: t(locale, 'portal.about.title'),
      description: t(locale, 'portal.about.lead'),
      breadcrumbs: [{ label: ts(locale, 'shell.nav.about') }],
      body: <AboutBody locale={locale} />,
    });
  });

  app.get('/help', cache, (c) => {
    const locale = c.get('locale');
    return renderPage(c, {
      title: t(locale, 'portal.help.title'),
      breadcrumbs: [{ label: ts(locale, 'shell.nav.help') }],
      body: <HelpBody locale={locale} />,
    });
  });

  for (const audience of AUDIENCES) {
    app.get(`/${audience}`, cache, (c) => {
      const locale = c.get('locale');
      return renderPage(c, {
        title: t(locale, `portal.audience.${audience}.title`),
        description: t(locale, `portal.audience.${audience}.lead`),
        breadcrumbs: [{ label: ts(locale, `shell.audience.${audience}`) }],
        body: <AudienceBody locale={locale} audience={audience} />,
      });
    });
  }

  app.get('/search', async (c) => {
    const locale = c.get('locale');
    const { q } = parseQuery(c, ZSearch);
    const page = (body: Child, status: 200 | 400 = 200) =>
      renderPage(c, {
        title: t(locale, 'portal.search.title'),
        breadcrumbs: [{ label: t(locale, 'portal.search.title') }],
        status,
        body,
      });
    if (q.length > MAX_QUERY) {
      return page(
        <SearchBody locale={locale} q={q.slice(0, MAX_QUERY)} error={t(locale, 'portal.search.tooLong')} />,
        400,
      );
    }
    if (!q) return page(<SearchBody locale={locale} q="" />);
    const [news, organizations, figures] = await Promise.all([
      searchNews(deps, q),
      searchOrganizations(deps, q),
      searchFigures(deps, q),
    ]);
    return page(<SearchBody locale={locale} q={q} results={{ news, organizations, figures }} />);
  });

  return app;
};
