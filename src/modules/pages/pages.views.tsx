import type { Child } from 'hono/jsx';
import { formatDate, isoDay } from '../../platform/i18n/format.ts';
import { langTag, type TLocale } from '../../platform/i18n/locale.ts';
import { renderMarkdown } from '../../platform/markdown.ts';
import { fill } from '../../platform/views/page.tsx';
import type { THelpTopicGroup } from './pages.help.service.ts';
import { t } from './pages.messages.ts';
import { HELP_QUERY_MAX, type TAudiencePage, type THelpEntry, type THelpTopic } from './pages.schemas.ts';
import { excerpt, pick, type TLocalized } from './pages.text.ts';

// Public views: the Help Center, its topics and entries, and the audience pages.

/** A `lang` attribute only where a part is not in the page's language. */
const langOf = (part: TLocalized, locale: TLocale) => (part.lang === locale ? undefined : langTag(part.lang));

/** Editor-written Markdown, rendered safe by construction (no raw HTML, only safe links and images). */
export const Markdown = (p: { source: string; lang?: string | undefined }) => (
  <div class="markdown" lang={p.lang} dangerouslySetInnerHTML={{ __html: renderMarkdown(p.source) }} />
);

const topicName = (locale: TLocale, topic: THelpTopic) => t(locale, `pages.topic.${topic}`);
const entryHref = (locale: TLocale, e: THelpEntry) => `/${locale}/help/${e.slug}`;

const Updated = (p: { locale: TLocale; at: string }) => (
  <>
    {fill(t(p.locale, 'pages.updated'), {
      date: <time datetime={isoDay(p.at)}>{formatDate(p.locale, p.at)}</time>,
    })}
  </>
);

const ContactLine = (p: { locale: TLocale }) => (
  <p>
    {fill(t(p.locale, 'pages.help.more'), {
      contact: <a href={`/${p.locale}/contact`}>{t(p.locale, 'pages.help.contactLink')}</a>,
    })}
  </p>
);

const EditLink = (p: { href: string; label: string }) => (
  <p class="meta">
    <a href={p.href}>{p.label}</a>
  </p>
);

/** Questions as expandable answers, each with a link to its own page. */
const Answers = (p: { locale: TLocale; entries: readonly THelpEntry[] }) => (
  <>
    {p.entries.map((e) => {
      const question = pick(e.question, p.locale);
      const answer = pick(e.answer, p.locale);
      return (
        <details class="help-entry" id={`q-${e.slug}`}>
          <summary lang={langOf(question, p.locale)}>{question.text}</summary>
          <Markdown source={answer.text} lang={langOf(answer, p.locale)} />
          <p class="meta">
            <a href={entryHref(p.locale, e)}>
              {t(p.locale, 'pages.help.permalink')}
              <span class="visually-hidden">
                {' '}
                {t(p.locale, 'pages.staff.hiddenFor', { title: question.text })}
              </span>
            </a>
          </p>
        </details>
      );
    })}
  </>
);

const SearchForm = (p: { locale: TLocale; q: string; error?: string | undefined }) => (
  <form method="get" action={`/${p.locale}/help`} class="form help-search">
    <div class={p.error ? 'field field-error' : 'field'}>
      <label for="help-q">{t(p.locale, 'pages.help.search.label')}</label>
      <p class="hint" id="help-q-hint">
        {t(p.locale, 'pages.help.search.hint')}
      </p>
      {p.error ? (
        <p class="error-message" id="help-q-error" role="alert">
          {p.error}
        </p>
      ) : null}
      <input
        id="help-q"
        type="search"
        name="q"
        value={p.q}
        maxlength={HELP_QUERY_MAX}
        aria-describedby={p.error ? 'help-q-hint help-q-error' : 'help-q-hint'}
        aria-invalid={p.error ? 'true' : undefined}
      />
    </div>
    <button type="submit" class="button">
      {t(p.locale, 'pages.help.search.button')}
    </button>
  </form>
);

/** Search results: each question linking to its page, with its topic and the start of its answer. */
export const HelpResultList = (p: {
  locale: TLocale;
  items: readonly THelpEntry[];
  headingLevel?: 2 | 3;
}) => (
  <ul class="news-list">
    {p.items.map((e) => {
      const question = pick(e.question, p.locale);
      const answer = pick(e.answer, p.locale);
      const link = (
        <a href={entryHref(p.locale, e)} lang={langOf(question, p.locale)}>
          {question.text}
        </a>
      );
      return (
        <li>
          {p.headingLevel === 2 ? <h2>{link}</h2> : <h3>{link}</h3>}
          <p class="meta">
            <span class="tag">{topicName(p.locale, e.topic)}</span>
          </p>
          <p lang={langOf(answer, p.locale)}>{excerpt(answer.text)}</p>
        </li>
      );
    })}
  </ul>
);

/** The Help Center: a search box, then every topic with its questions, or the search results. */
export const HelpCentreBody = (p: {
  locale: TLocale;
  groups: readonly THelpTopicGroup[];
  q: string;
  results?: readonly THelpEntry[] | undefined;
  error?: string | undefined;
  canEdit: boolean;
}) => {
  const l = p.locale;
  return (
    <div class="reading">
      <h1>{t(l, 'pages.help.title')}</h1>
      <p class="lead">{t(l, 'pages.help.lead')}</p>
      {p.canEdit ? <EditLink href={`/${l}/staff/help`} label={t(l, 'pages.help.manage')} /> : null}
      <SearchForm locale={l} q={p.q} error={p.error} />
      {p.results ? (
        <section aria-labelledby="help-results">
          <h2 id="help-results">{t(l, 'pages.help.search.results', { q: p.q, count: p.results.length })}</h2>
          {p.results.length === 0 ? (
            <p>
              {fill(t(l, 'pages.help.search.none', { q: p.q }), {
                contact: <a href={`/${l}/contact`}>{t(l, 'pages.help.search.contact')}</a>,
              })}
            </p>
          ) : (
            <HelpResultList locale={l} items={p.results} />
          )}
          <p>
            <a href={`/${l}/help`}>{t(l, 'pages.help.search.all')}</a>
          </p>
        </section>
      ) : p.groups.length === 0 ? (
        <p>{t(l, 'pages.help.empty')}</p>
      ) : (
        <>
          <nav aria-labelledby="help-topics">
            <h2 id="help-topics">{t(l, 'pages.help.topics')}</h2>
            <ul>
              {p.groups.map((g) => (
                <li>
                  <a href={`/${l}/help/topic/${g.topic}`}>{topicName(l, g.topic)}</a> ({g.entries.length})
                </li>
              ))}
            </ul>
          </nav>
          {p.groups.map((g) => (
            <section aria-labelledby={`topic-${g.topic}`}>
              <h2 id={`topic-${g.topic}`}>{topicName(l, g.topic)}</h2>
              <Answers locale={l} entries={g.entries} />
            </section>
          ))}
        </>
      )}
      <ContactLine locale={l} />
    </div>
  );
};

/** One topic's questions and answers. */
export const HelpTopicBody = (p: { locale: TLocale; topic: THelpTopic; entries: readonly THelpEntry[] }) => {
  const l = p.locale;
  return (
    <div class="reading">
      <h1>{topicName(l, p.topic)}</h1>
      <p class="lead">{t(l, 'pages.help.topicLead')}</p>
      {p.entries.length === 0 ? (
        <p>{t(l, 'pages.help.empty')}</p>
      ) : (
        <Answers locale={l} entries={p.entries} />
      )}
      <ContactLine locale={l} />
      <p>
        <a href={`/${l}/help`}>{t(l, 'pages.help.back')}</a>
      </p>
    </div>
  );
};

/** One entry on its own page, with the other questions of its topic. */
export const HelpEntryBody = (p: {
  locale: TLocale;
  entry: THelpEntry;
  related: readonly THelpEntry[];
  canEdit: boolean;
}) => {
  const l = p.locale;
  const e = p.entry;
  const question = pick(e.question, l);
  const answer = pick(e.answer, l);
  return (
    <article class="reading">
      {e.isPublished ? null : (
        <div class="notice" role="note">
          <p>{t(l, 'pages.help.draft')}</p>
        </div>
      )}
      {answer.isFallback ? (
        <div class="notice" role="note">
          <p>{t(l, 'pages.help.missingTranslation')}</p>
        </div>
      ) : null}
      <h1 lang={langOf(question, l)}>{question.text}</h1>
      <p class="meta">
        <a href={`/${l}/help/topic/${e.topic}`}>{topicName(l, e.topic)}</a> ·{' '}
        <Updated locale={l} at={e.updatedAt} />
      </p>
      <Markdown source={answer.text} lang={langOf(answer, l)} />
      {p.canEdit ? <EditLink href={`/${l}/staff/help/${e.id}`} label={t(l, 'pages.help.edit')} /> : null}
      {p.related.length > 0 ? (
        <section aria-labelledby="help-related">
          <h2 id="help-related">{t(l, 'pages.help.related', { topic: topicName(l, e.topic) })}</h2>
          <ul>
            {p.related.map((r) => {
              const q = pick(r.question, l);
              return (
                <li>
                  <a href={entryHref(l, r)} lang={langOf(q, l)}>
                    {q.text}
                  </a>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      <ContactLine locale={l} />
      <p>
        <a href={`/${l}/help`}>{t(l, 'pages.help.back')}</a>
      </p>
    </article>
  );
};

/** Where a stored link goes for this reader: site paths under their language, https URLs as they are. */
export const linkHref = (locale: TLocale, target: string): string =>
  target.startsWith('/') ? `/${locale}${target}` : target;

/**
 * An audience page: the editors' intro (or `fallbackLead` when they wrote none), the last change, and
 * the curated links. `children` follow the links.
 */
export const AudiencePageBody = (p: {
  locale: TLocale;
  title: string;
  fallbackLead: string;
  page: TAudiencePage;
  canEdit: boolean;
  children?: Child;
}) => {
  const l = p.locale;
  const intro = pick(p.page.intro, l);
  const links = p.page.links.map((link) => ({
    link,
    title: pick(link.title, l),
    description: pick(link.description, l),
  }));
  const isFallback = intro.isFallback || links.some((x) => x.title.isFallback || x.description.isFallback);
  return (
    <div class="reading">
      <h1>{p.title}</h1>
      {isFallback ? (
        <div class="notice" role="note">
          <p>{t(l, 'pages.audience.missingTranslation')}</p>
        </div>
      ) : null}
      {intro.text ? (
        <Markdown source={intro.text} lang={langOf(intro, l)} />
      ) : (
        <p class="lead">{p.fallbackLead}</p>
      )}
      {p.page.updatedAt ? (
        <p class="meta">
          <Updated locale={l} at={p.page.updatedAt} />
        </p>
      ) : null}
      {p.canEdit ? (
        <EditLink href={`/${l}/staff/audiences/${p.page.audience}`} label={t(l, 'pages.audience.edit')} />
      ) : null}
      <h2>{t(l, 'pages.audience.links')}</h2>
      {links.length === 0 ? (
        <p>{t(l, 'pages.audience.noLinks')}</p>
      ) : (
        <ul class="cards">
          {links.map((x) => (
            <li>
              <h3>
                <a href={linkHref(l, x.link.target)} lang={langOf(x.title, l)}>
                  {x.title.text}
                </a>
                {x.link.target.startsWith('/') ? null : (
                  <span class="meta"> {t(l, 'pages.audience.external')}</span>
                )}
              </h3>
              {x.description.text ? <p lang={langOf(x.description, l)}>{x.description.text}</p> : null}
            </li>
          ))}
        </ul>
      )}
      {p.children}
    </div>
  );
};
