import { formatDate, formatNumber, isoDay } from '../../platform/i18n/format.ts';
import { langTag, type TLocale } from '../../platform/i18n/locale.ts';
import { NotBuilt } from '../../platform/views/page.tsx';
import { t } from './directory.messages.ts';
import { ORG_KINDS, type TOrganization } from './directory.schemas.ts';

/** A list of organisations linking to their profiles, with kind and a one-line summary. */
export const OrganizationList = (p: { locale: TLocale; items: TOrganization[] }) => (
  <ul class="news-list">
    {p.items.map((o) => (
      <li>
        <h3>
          <a href={`/${p.locale}/directory/${o.slug}`}>{o.name[p.locale]}</a>
        </h3>
        <p class="meta">
          <span class="tag">{t(p.locale, `directory.kind.${o.kind}`)}</span>{' '}
          <span lang={langTag(p.locale === 'zh' ? 'en' : 'zh')}>
            {p.locale === 'zh' ? o.name.en : o.name.zh}
          </span>
        </p>
        {o.summary[p.locale] ? <p>{o.summary[p.locale]}</p> : null}
      </li>
    ))}
  </ul>
);

export const DirectoryBody = (p: { locale: TLocale; items: TOrganization[] }) => {
  const byKind = ORG_KINDS.map((kind) => ({ kind, items: p.items.filter((o) => o.kind === kind) })).filter(
    (g) => g.items.length > 0,
  );
  return (
    <>
      <h1>{t(p.locale, 'directory.title')}</h1>
      <p class="lead">{t(p.locale, 'directory.lead')}</p>
      <NotBuilt locale={p.locale}>
        <p>{t(p.locale, 'directory.notBuilt')}</p>
      </NotBuilt>
      {p.items.length === 0 ? (
        <p>{t(p.locale, 'directory.empty')}</p>
      ) : (
        <p>{t(p.locale, 'directory.count', { count: formatNumber(p.locale, p.items.length) })}</p>
      )}
      {byKind.map((g) => (
        <section aria-labelledby={`kind-${g.kind}`}>
          <h2 id={`kind-${g.kind}`}>
            {t(p.locale, 'directory.kindCount', {
              kind: t(p.locale, `directory.kind.${g.kind}`),
              count: formatNumber(p.locale, g.items.length),
            })}
          </h2>
          <OrganizationList locale={p.locale} items={g.items} />
        </section>
      ))}
    </>
  );
};

export const ProfileBody = (p: { locale: TLocale; org: TOrganization }) => {
  const { org, locale } = p;
  const other: TLocale = locale === 'en' ? 'zh' : 'en';
  return (
    <div class="reading">
      <h1>{org.name[locale]}</h1>
      <p class="meta" lang={langTag(other)}>
        {org.name[other]}
      </p>
      {org.isGenerated ? (
        <div class="notice" role="note">
          <p>{t(locale, 'directory.profile.generated')}</p>
        </div>
      ) : null}
      {org.summary[locale] ? <p class="lead">{org.summary[locale]}</p> : null}
      <dl>
        <dt>{t(locale, 'directory.profile.kind')}</dt>
        <dd>{t(locale, `directory.kind.${org.kind}`)}</dd>
        {org.city[locale] ? (
          <>
            <dt>{t(locale, 'directory.profile.city')}</dt>
            <dd>{org.city[locale]}</dd>
          </>
        ) : null}
        {org.website ? (
          <>
            <dt>{t(locale, 'directory.profile.website')}</dt>
            <dd>
              <a href={org.website} rel="noopener">
                {org.website}
              </a>
            </dd>
          </>
        ) : null}
        <dt>{t(locale, 'directory.profile.source')}</dt>
        <dd>{org.source[locale]}</dd>
        <dt>{t(locale, 'directory.profile.updated')}</dt>
        <dd>
          <time datetime={isoDay(org.updatedAt)}>{formatDate(locale, org.updatedAt)}</time>
        </dd>
      </dl>
      <p>
        <a href={`/${locale}/directory`}>{t(locale, 'directory.back')}</a>
      </p>
    </div>
  );
};
