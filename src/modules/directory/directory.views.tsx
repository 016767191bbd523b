import { langTag, type TLocale } from '../../platform/i18n/locale.ts';
import { t } from './directory.messages.ts';
import type { TOrganization } from './directory.schemas.ts';

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
