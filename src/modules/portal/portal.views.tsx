import type { TLocale } from '../../platform/i18n/locale.ts';
import { ts } from '../../platform/i18n/shell.messages.ts';
import { cmsMessages, NewsSummaryList, type TNewsArticle } from '../cms/index.ts';
import { OrganizationList, type TOrganization } from '../directory/index.ts';
import { formatFigure, HeadlineFigures, type TFigure } from '../indicators/index.ts';
import { AUDIENCES, HelpResultList, type THelpEntry } from '../pages/index.ts';
import { t } from './portal.messages.ts';

const Cards = (p: { items: { href: string; title: string; text: string }[] }) => (
  <ul class="cards">
    {p.items.map((i) => (
      <li>
        <h3>
          <a href={i.href}>{i.title}</a>
        </h3>
        <p>{i.text}</p>
      </li>
    ))}
  </ul>
);

export const HomeBody = (p: { locale: TLocale; figures: TFigure[]; news: TNewsArticle[] }) => {
  const l = p.locale;
  return (
    <>
      <h1>{t(l, 'portal.home.title')}</h1>
      <p class="lead">{t(l, 'portal.home.lead')}</p>
      {p.figures.length > 0 ? <HeadlineFigures locale={l} figures={p.figures} /> : null}
      <section aria-labelledby="latest-news">
        <h2 id="latest-news">{cmsMessages.t(l, 'cms.news.latest')}</h2>
        <NewsSummaryList locale={l} items={p.news} />
        <p>
          <a href={`/${l}/news`}>{cmsMessages.t(l, 'cms.news.all')}</a>
        </p>
      </section>
      <section aria-labelledby="audiences">
        <h2 id="audiences">{t(l, 'portal.home.audiences')}</h2>
        <Cards
          items={AUDIENCES.map((a) => ({
            href: `/${l}/${a}`,
            title: t(l, `portal.audience.${a}.title`),
            text: t(l, `portal.audience.${a}.card`),
          }))}
        />
      </section>
      <section aria-labelledby="explore">
        <h2 id="explore">{t(l, 'portal.home.explore')}</h2>
        <Cards
          items={[
            {
              href: `/${l}/directory`,
              title: ts(l, 'shell.nav.directory'),
              text: t(l, 'portal.home.directoryCard'),
            },
            {
              href: `/${l}/statistics`,
              title: ts(l, 'shell.nav.statistics'),
              text: t(l, 'portal.home.statisticsCard'),
            },
            { href: `/${l}/news`, title: ts(l, 'shell.nav.news'), text: t(l, 'portal.home.newsCard') },
          ]}
        />
      </section>
    </>
  );
};

export const AboutBody = (p: { locale: TLocale }) => {
  const l = p.locale;
  return (
    <div class="reading">
      <h1>{t(l, 'portal.about.title')}</h1>
      <p class="lead">{t(l, 'portal.about.lead')}</p>
      <h2>{t(l, 'portal.about.loopTitle')}</h2>
      <p>{t(l, 'portal.about.loop')}</p>
      <h2>{t(l, 'portal.about.demoTitle')}</h2>
      <p>{t(l, 'portal.about.demo')}</p>
      <h2>{t(l, 'portal.about.statusTitle')}</h2>
      <p>{t(l, 'portal.about.status')}</p>
      <h2 id="sources">{t(l, 'portal.about.sourcesTitle')}</h2>
      <ul>
        <li>{t(l, 'portal.about.sourceArticle')}</li>
        <li>{t(l, 'portal.about.sourceSoftware')}</li>
      </ul>
    </div>
  );
};

export type TSearchResults = {
  news: TNewsArticle[];
  organizations: TOrganization[];
  figures: TFigure[];
  help: THelpEntry[];
};

export const SearchBody = (p: { locale: TLocale; q: string; error?: string; results?: TSearchResults }) => {
  const l = p.locale;
  const r = p.results;
  const total = r ? r.news.length + r.organizations.length + r.figures.length + r.help.length : 0;
  return (
    <>
      <h1>{p.q && r ? t(l, 'portal.search.resultsFor', { q: p.q }) : t(l, 'portal.search.title')}</h1>
      <form method="get" action={`/${l}/search`} class="search-form">
        <label class="visually-hidden" for="search-page-q">
          {ts(l, 'shell.search.label')}
        </label>
        <input
          id="search-page-q"
          type="search"
          name="q"
          value={p.q}
          maxlength={200}
          aria-describedby={p.error ? 'search-error' : undefined}
          aria-invalid={p.error ? 'true' : undefined}
        />
        <button type="submit">{ts(l, 'shell.search.button')}</button>
      </form>
      {p.error ? (
        <p id="search-error" class="notice" role="alert">
          {p.error}
        </p>
      ) : null}
      <p class="meta">{t(l, 'portal.search.scope')}</p>
      {!r ? <p>{t(l, 'portal.search.prompt')}</p> : null}
      {r && total === 0 ? <p>{t(l, 'portal.search.none', { q: p.q })}</p> : null}
      {r && r.news.length > 0 ? (
        <section aria-labelledby="results-news">
          <h2 id="results-news">{t(l, 'portal.search.news', { count: r.news.length })}</h2>
          <NewsSummaryList locale={l} items={r.news} />
        </section>
      ) : null}
      {r && r.organizations.length > 0 ? (
        <section aria-labelledby="results-orgs">
          <h2 id="results-orgs">{t(l, 'portal.search.organizations', { count: r.organizations.length })}</h2>
          <OrganizationList locale={l} items={r.organizations} />
        </section>
      ) : null}
      {r && r.figures.length > 0 ? (
        <section aria-labelledby="results-figures">
          <h2 id="results-figures">{t(l, 'portal.search.figures', { count: r.figures.length })}</h2>
          <ul>
            {r.figures.map((f) => (
              <li>
                <a href={`/${l}/statistics#${f.code}`}>{f.name[l]}</a>: {formatFigure(l, f)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {r && r.help.length > 0 ? (
        <section aria-labelledby="results-help">
          <h2 id="results-help">{t(l, 'portal.search.help', { count: r.help.length })}</h2>
          <HelpResultList locale={l} items={r.help} />
        </section>
      ) : null}
    </>
  );
};
