import { Hono } from 'hono';
import type { TDeps } from '../../platform/deps.ts';
import type { TAppEnv } from '../../platform/http/context.ts';
import { cachedPage } from '../../platform/http/page-cache.ts';
import { renderPage } from '../../platform/views/page.tsx';
import { t } from './indicators.messages.ts';
import { allFigures } from './indicators.service.ts';
import { StatisticsBody } from './indicators.views.tsx';

/** Statistics pages, mounted under /{locale}/statistics. */
export const createIndicatorsRoutes = (deps: TDeps) => {
  const app = new Hono<TAppEnv>({ strict: false });
  const cache = cachedPage(deps.pages);
  app.get('/', cache, async (c) => {
    const locale = c.get('locale');
    const figures = await allFigures(deps);
    return renderPage(c, {
      title: t(locale, 'indicators.stats.title'),
      description: t(locale, 'indicators.stats.lead'),
      breadcrumbs: [{ label: t(locale, 'indicators.stats.title') }],
      body: <StatisticsBody locale={locale} figures={figures} />,
    });
  });
  return app;
};
