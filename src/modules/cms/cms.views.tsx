import { formatDate, isoDay } from '../../platform/i18n/format.ts';
import { langTag, type TLocale } from '../../platform/i18n/locale.ts';
import { fill, NotBuilt } from '../../platform/views/page.tsx';
import { t } from './cms.messages.ts';
import type { TNewsArticle } from './cms.schemas.ts';
import { localized } from './cms.service.ts';

/** A `lang` attribute only where a part is not in the page's language. */
const langIf = (partLang: TLocale, pageLocale: TLocale) =>
  partLang === pageLocale ? undefined : langTag(partLang);

const DateLine = (p: { locale: TLocale; a: TNewsArticle }) => (
  <p class="meta">
    <span class="tag">{t(p.locale, `cms.category.${p.a.category}`)}</span>{' '}
    {fill(t(p.locale, 'cms.news.updated'), {
      date: <time datetime={isoDay(p.a.updatedAt)}>{formatDate(p.locale, p.a.updatedAt)}</time>,
    })}
  </p>
);

/** Headline, date and summary of each article: the home page block and the news list. */
export const NewsSummaryList = (p: { locale: TLocale; items: TNewsArticle[]; headingLevel?: 2 | 3 }) => {
  if (p.items.length === 0) return <p>{t(p.locale, 'cms.news.empty')}</p>;
  return (
    <ul class="news-list">
      {p.items.map((a) => {
        const l = localized(a, p.locale);
        const link = (
          <a href={`/${p.locale}/news/${a.slug}`} lang={langIf(l.titleLang, p.locale)}>
            {l.title}
          </a>
        );
        return (
          <li>
            {p.headingLevel === 2 ? <h2>{link}</h2> : <h3>{link}</h3>}
            <DateLine locale={p.locale} a={a} />
            {l.summary ? <p lang={langIf(l.summaryLang, p.locale)}>{l.summary}</p> : null}
          </li>
        );
      })}
    </ul>
  );
};

export const NewsListBody = (p: { locale: TLocale; items: TNewsArticle[]; page: number; pages: number }) => (
  <>
    <h1>{t(p.locale, 'cms.news.title')}</h1>
    <p class="lead">{t(p.locale, 'cms.news.lead')}</p>
    <p class="meta">
      {t(p.locale, 'cms.feed.follow')} <a href={`/${p.locale}/news/feed.xml`}>RSS</a> ·{' '}
      <a href={`/${p.locale}/news/feed.atom`}>Atom</a>
    </p>
    <NewsSummaryList locale={p.locale} items={p.items} headingLevel={2} />
    {p.pages > 1 ? (
      <nav aria-label={t(p.locale, 'cms.news.pager')}>
        <p>
          {p.page > 1 ? (
            <a href={`/${p.locale}/news?page=${p.page - 1}`}>{t(p.locale, 'cms.news.prev')}</a>
          ) : null}{' '}
          {t(p.locale, 'cms.news.pageOf', { page: p.page, pages: p.pages })}{' '}
          {p.page < p.pages ? (
            <a href={`/${p.locale}/news?page=${p.page + 1}`}>{t(p.locale, 'cms.news.next')}</a>
          ) : null}
        </p>
      </nav>
    ) : null}
    <NotBuilt locale={p.locale}>
      <p>{t(p.locale, 'cms.news.workflowNotBuilt')}</p>
    </NotBuilt>
  </>
);

export const ArticleBody = (p: { locale: TLocale; a: TNewsArticle }) => {
  const l = localized(p.a, p.locale);
  const paragraphs = l.body
    .split(/\n\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean);
  return (
    <article class="reading">
      {l.isFallback ? (
        <div class="notice" role="note">
          <p>{t(p.locale, 'cms.news.missingTranslation')}</p>
        </div>
      ) : null}
      <h1 lang={langIf(l.titleLang, p.locale)}>{l.title}</h1>
      {l.summary ? (
        <p class="lead" lang={langIf(l.summaryLang, p.locale)}>
          {l.summary}
        </p>
      ) : null}
      <dl class="meta">
        <dt class="visually-hidden">{t(p.locale, 'cms.news.title')}</dt>
        <dd>
          <span class="tag">{t(p.locale, `cms.category.${p.a.category}`)}</span>
        </dd>
        <dd>
          {fill(t(p.locale, 'cms.news.published'), {
            date: <time datetime={isoDay(p.a.publishedAt)}>{formatDate(p.locale, p.a.publishedAt)}</time>,
          })}
          {' · '}
          {fill(t(p.locale, 'cms.news.updated'), {
            date: <time datetime={isoDay(p.a.updatedAt)}>{formatDate(p.locale, p.a.updatedAt)}</time>,
          })}
        </dd>
        <dd>
          {fill(t(p.locale, 'cms.news.source'), {
            source: p.a.source.url ? <a href={p.a.source.url}>{l.source}</a> : l.source,
          })}
        </dd>
      </dl>
      <div lang={langIf(l.bodyLang, p.locale)}>
        {paragraphs.map((para) => (
          <p>{para}</p>
        ))}
      </div>
      {p.a.isDemo ? <p class="source">{t(p.locale, 'cms.news.demo')}</p> : null}
      <p>
        <a href={`/${p.locale}/news`}>{t(p.locale, 'cms.news.all')}</a>
      </p>
    </article>
  );
};
