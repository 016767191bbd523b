import { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { z } from 'zod';
import type { TDeps } from '../../platform/deps.ts';
import type { TAppEnv } from '../../platform/http/context.ts';
import { cachedPage } from '../../platform/http/page-cache.ts';
import { parseQuery } from '../../platform/http/validate.ts';
import type { TLocale } from '../../platform/i18n/locale.ts';
import { ts } from '../../platform/i18n/shell.messages.ts';
import { NotBuilt, renderPage } from '../../platform/views/page.tsx';
import { latestNews, searchNews } from '../cms/index.ts';
import { searchOrganizations } from '../directory/index.ts';
import { headlineFigures, searchFigures } from '../indicators/index.ts';
import {
  AUDIENCES,
  AudiencePageBody,
  audiencePage,
  canManagePages,
  HELP_QUERY_MAX,
  HelpCentreBody,
  HelpEntryBody,
  HelpTopicBody,
  helpCentre,
  helpEntry,
  helpTopic,
  localizedText,
  markdownExcerpt,
  pagesMessages,
  searchHelp,
  type THelpTopic,
} from '../pages/index.ts';
import { t } from './portal.messages.ts';
import { AboutBody, HomeBody, SearchBody } from './portal.views.tsx';

const help = pagesMessages.t;

const MAX_QUERY = 200;
const ZSearch = z.object({ q: z.string().trim().default('') });

/** The portal's pages under /{locale}: home, about, search, and the Help Center and audience pages it composes. */
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

  // The Help Center and the audience pages show the pages module's content. A search (`?q=`) is never
  // cached: any query parameter bypasses the page cache.
  app.get('/help', cache, async (c) => {
    const locale = c.get('locale');
    const { q } = parseQuery(c, ZSearch);
    const canEdit = canManagePages(c.get('actor'));
    const groups = await helpCentre(deps);
    const page = (body: Child, status: 200 | 400 = 200) =>
      renderPage(c, {
        title: help(locale, 'pages.help.title'),
        description: help(locale, 'pages.help.lead'),
        breadcrumbs: [{ label: ts(locale, 'shell.nav.help') }],
        status,
        body,
      });
    if ([...q].length > HELP_QUERY_MAX) {
      const error = help(locale, 'pages.help.search.tooLong', { max: HELP_QUERY_MAX });
      const shown = [...q].slice(0, HELP_QUERY_MAX).join('');
      return page(
        <HelpCentreBody locale={locale} groups={groups} q={shown} error={error} canEdit={canEdit} />,
        400,
      );
    }
    const results = q ? await searchHelp(deps, q) : undefined;
    return page(<HelpCentreBody locale={locale} groups={groups} q={q} results={results} canEdit={canEdit} />);
  });

  const helpCrumb = (locale: TLocale) => ({ label: ts(locale, 'shell.nav.help'), href: `/${locale}/help` });

  app.get('/help/topic/:topic{[a-z-]{1,40}}', cache, async (c) => {
    const locale = c.get('locale');
    const topic = c.req.param('topic');
    const entries = await helpTopic(deps, topic);
    const name = help(locale, `pages.topic.${topic as THelpTopic}`);
    return renderPage(c, {
      title: name,
      breadcrumbs: [helpCrumb(locale), { label: name }],
      body: <HelpTopicBody locale={locale} topic={topic as THelpTopic} entries={entries} />,
    });
  });

  // Only slug-shaped paths reach the database; anything else is a plain 404.
  app.get('/help/:slug{[a-z0-9-]{1,160}}', cache, async (c) => {
    const locale = c.get('locale');
    const actor = c.get('actor');
    const { entry, related } = await helpEntry(deps, actor, c.req.param('slug'));
    const question = localizedText(entry.question, locale).text;
    return renderPage(c, {
      title: question,
      description: markdownExcerpt(localizedText(entry.answer, locale).text),
      breadcrumbs: [helpCrumb(locale), { label: question }],
      // A draft is shown to editors only: never to be indexed.
      private: !entry.isPublished,
      body: <HelpEntryBody locale={locale} entry={entry} related={related} canEdit={canManagePages(actor)} />,
    });
  });

  for (const audience of AUDIENCES) {
    app.get(`/${audience}`, cache, async (c) => {
      const locale = c.get('locale');
      const page = await audiencePage(deps, audience);
      const lead = t(locale, `portal.audience.${audience}.lead`);
      const intro = localizedText(page.intro, locale).text;
      return renderPage(c, {
        title: t(locale, `portal.audience.${audience}.title`),
        description: intro ? markdownExcerpt(intro) : lead,
        breadcrumbs: [{ label: ts(locale, `shell.audience.${audience}`) }],
        body: (
          <AudiencePageBody
            locale={locale}
            title={t(locale, `portal.audience.${audience}.title`)}
            fallbackLead={lead}
            page={page}
            canEdit={canManagePages(c.get('actor'))}
          >
            <NotBuilt locale={locale}>
              <p>{t(locale, 'portal.audience.notBuilt')}</p>
            </NotBuilt>
          </AudiencePageBody>
        ),
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
    const [news, organizations, figures, helpAnswers] = await Promise.all([
      searchNews(deps, q),
      searchOrganizations(deps, q),
      searchFigures(deps, q),
      searchHelp(deps, q, 20),
    ]);
    return page(
      <SearchBody locale={locale} q={q} results={{ news, organizations, figures, help: helpAnswers }} />,
    );
  });

  return app;
};
