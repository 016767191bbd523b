import { formatDate, isoDay } from '../../platform/i18n/format.ts';
import { langTag, type TLocale } from '../../platform/i18n/locale.ts';
import { Flash } from '../../platform/views/form.tsx';
import { fill } from '../../platform/views/page.tsx';
import { maskEmail, preferredName } from '../accounts/index.ts';
import type { TPersonName } from './organizations.members.service.ts';
import { t } from './organizations.messages.ts';
import type { TMemberRole, TOrg } from './organizations.schemas.ts';

// The organisation's page: public details, and for members and managers the people around it.

const other = (l: TLocale): TLocale => (l === 'en' ? 'zh' : 'en');

/** A person's name in the reader's language ("Deleted user" for erased accounts). */
export const personLabel = (locale: TLocale, p: TPersonName | undefined): string => {
  if (!p || p.deleted) return t(locale, 'organizations.members.deleted');
  return preferredName(locale, p) || maskEmail(p.email);
};

export const When = (p: { locale: TLocale; at: string }) => (
  <time datetime={isoDay(p.at)}>{formatDate(p.locale, p.at)}</time>
);

/** "Verified by staff on 26 November 2026", or "Not verified". */
export const VerifiedBadge = (p: { locale: TLocale; verifiedAt: string | null }) =>
  p.verifiedAt ? (
    <span class="badge badge-verified">
      {fill(t(p.locale, 'organizations.profile.verified'), {
        date: <When locale={p.locale} at={p.verifiedAt} />,
      })}
    </span>
  ) : (
    <span class="badge badge-unverified">{t(p.locale, 'organizations.profile.unverified')}</span>
  );

/** The public facts about an organisation. */
export const OrgDetails = (p: { locale: TLocale; org: TOrg }) => {
  const { locale, org } = p;
  return (
    <dl>
      <dt>{t(locale, 'organizations.field.kind')}</dt>
      <dd>{t(locale, `organizations.kind.${org.kind}`)}</dd>
      {org.website ? (
        <>
          <dt>{t(locale, 'organizations.field.website')}</dt>
          <dd>
            <a href={org.website} rel="nofollow ugc noopener noreferrer">
              {org.website}
            </a>
          </dd>
        </>
      ) : null}
      {org.creditCode ? (
        <>
          <dt>{t(locale, 'organizations.field.credit_code')}</dt>
          <dd>{org.creditCode}</dd>
        </>
      ) : null}
    </dl>
  );
};

/** Header of an organisation page: both names, the badge, the summary. */
export const OrgHeader = (p: { locale: TLocale; org: TOrg }) => {
  const { locale, org } = p;
  const summary = org.summary[locale] ?? org.summary[other(locale)];
  return (
    <>
      <h1>{org.name[locale]}</h1>
      <p class="meta" lang={langTag(other(locale))}>
        {org.name[other(locale)]}
      </p>
      <p>
        <VerifiedBadge locale={locale} verifiedAt={org.verifiedAt} />
      </p>
      {summary ? (
        <p class="lead" lang={org.summary[locale] ? undefined : langTag(other(locale))}>
          {summary}
        </p>
      ) : null}
    </>
  );
};

/** The account page's list (and /organizations): the reader's organisations with role and badge. */
export const MyOrganizationsBody = (p: {
  locale: TLocale;
  items: readonly {
    slug: string;
    name: { en: string; zh: string };
    role: TMemberRole;
    verifiedAt: string | null;
  }[];
  flash: string | undefined;
}) => (
  <div class="reading">
    <Flash message={p.flash} />
    <h1>{t(p.locale, 'organizations.mine.title')}</h1>
    {p.items.length === 0 ? (
      <p>{t(p.locale, 'organizations.mine.none')}</p>
    ) : (
      <ul>
        {p.items.map((o) => (
          <li>
            <a href={`/${p.locale}/organizations/${o.slug}`}>{o.name[p.locale]}</a> ·{' '}
            {t(p.locale, `organizations.role.${o.role}`)} ·{' '}
            <VerifiedBadge locale={p.locale} verifiedAt={o.verifiedAt} />
          </li>
        ))}
      </ul>
    )}
    <p>
      <a class="button" href={`/${p.locale}/organizations/new`}>
        {t(p.locale, 'organizations.new.title')}
      </a>
    </p>
  </div>
);
