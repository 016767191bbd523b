import { formatDate, isoDay } from '../../platform/i18n/format.ts';
import { langTag, type TLocale } from '../../platform/i18n/locale.ts';
import { fill } from '../../platform/views/page.tsx';
import type { TIdScheme } from './directory.codes.ts';
import { t as td } from './directory.messages.ts';
import { t } from './directory.profile.messages.ts';
import type { TProfile } from './directory.profile.schemas.ts';

// What a profile is connected to: identifiers in other registries, other records, people, and sources.

export const When = (p: { locale: TLocale; at: string }) => (
  <time datetime={isoDay(p.at)}>{formatDate(p.locale, p.at)}</time>
);

export const other = (locale: TLocale): TLocale => (locale === 'en' ? 'zh' : 'en');

/** Text in the reader's language, else the other one marked with its language. */
export const Bilingual = (p: { locale: TLocale; text: { en: string | null; zh: string | null } }) => {
  const mine = p.text[p.locale];
  if (mine) return <>{mine}</>;
  const theirs = p.text[other(p.locale)];
  return theirs ? <span lang={langTag(other(p.locale))}>{theirs}</span> : null;
};

// Links for the schemes that have a public resolver; values that do not look right stay plain text.
const ID_LINKS: Partial<Record<TIdScheme, (v: string) => string | undefined>> = {
  ror: (v) => {
    const id = v.replace(/^https?:\/\/ror\.org\//i, '');
    return /^0[a-z0-9]{6}[0-9]{2}$/.test(id) ? `https://ror.org/${id}` : undefined;
  },
  wikidata: (v) => (/^Q[0-9]{1,12}$/.test(v) ? `https://www.wikidata.org/wiki/${v}` : undefined),
  grid: (v) =>
    /^grid\.[0-9]{1,10}\.[0-9a-f]{1,10}$/i.test(v) ? `https://www.grid.ac/institutes/${v}` : undefined,
  isni: (v) => {
    const d = v.replace(/\s+/g, '');
    return /^[0-9]{15}[0-9X]$/.test(d) ? `https://isni.org/isni/${d}` : undefined;
  },
  fundref: (v) => (/^[0-9]{1,15}$/.test(v) ? `https://doi.org/10.13039/${v}` : undefined),
};
/** Schemes readers can use; the rest (website domain, import keys) are for matching only. */
const SHOWN_SCHEMES = [
  'ror',
  'wikidata',
  'grid',
  'isni',
  'fundref',
  'uscc',
  'moe',
] as const satisfies readonly TIdScheme[];

const shownId = (scheme: string, value: string) =>
  scheme === 'ror' ? value.replace(/^https?:\/\/ror\.org\//i, '') : value;

export const ExternalIds = (p: { locale: TLocale; ids: TProfile['externalIds'] }) => {
  const ids = p.ids.filter((e) => (SHOWN_SCHEMES as readonly string[]).includes(e.scheme));
  if (ids.length === 0) return null;
  return (
    <section aria-labelledby="identifiers">
      <h2 id="identifiers">{t(p.locale, 'directory.record.identifiers')}</h2>
      <dl class="summary-list">
        {ids.map((e) => {
          const href = ID_LINKS[e.scheme]?.(e.value);
          const text = shownId(e.scheme, e.value);
          return (
            <>
              <dt>{t(p.locale, `directory.scheme.${e.scheme as (typeof SHOWN_SCHEMES)[number]}`)}</dt>
              <dd>
                {href ? (
                  <a href={href} rel="noopener">
                    {text}
                  </a>
                ) : (
                  <span lang="en">{text}</span>
                )}
              </dd>
            </>
          );
        })}
      </dl>
    </section>
  );
};

export const Relations = (p: { locale: TLocale; org: TProfile }) => {
  const { locale } = p;
  if (p.org.relations.length === 0) return null;
  return (
    <section aria-labelledby="relations">
      <h2 id="relations">{t(locale, 'directory.record.relations')}</h2>
      {p.org.relations.map((g) => (
        <>
          <h3>{t(locale, `directory.relation.${g.group}`)}</h3>
          <ul>
            {g.items.map((r) => (
              <li>
                <a href={`/${locale}/directory/${r.slug}`}>{r.name[locale] || r.name.en}</a>{' '}
                <span class="meta">· {td(locale, `directory.kind.${r.kind as 'university'}`)}</span>
              </li>
            ))}
          </ul>
          {g.total > g.items.length ? (
            <p>{t(locale, 'directory.record.more', { count: g.total - g.items.length })}</p>
          ) : null}
        </>
      ))}
    </section>
  );
};

export const People = (p: { locale: TLocale; org: TProfile }) => {
  const { locale } = p;
  if (p.org.people.length === 0) return null;
  return (
    <section aria-labelledby="people">
      <h2 id="people">{t(locale, 'directory.record.people')}</h2>
      <ul>
        {p.org.people.map((person) => (
          <li>
            <strong>{person.name[locale] || person.name.en}</strong>
            {person.name[other(locale)] && person.name[other(locale)] !== person.name[locale] ? (
              <>
                {' '}
                <span lang={langTag(other(locale))}>({person.name[other(locale)]})</span>
              </>
            ) : null}
            {person.headline ? (
              <>
                {' — '}
                <Bilingual locale={locale} text={person.headline} />
              </>
            ) : null}
            {person.isTalent || person.talentProgram ? (
              <>
                {' '}
                <span class="tag">
                  {person.talentProgram
                    ? t(locale, 'directory.record.talentProgram', { program: person.talentProgram })
                    : t(locale, 'directory.record.talent')}
                </span>
              </>
            ) : null}
            {person.isGenerated ? (
              <span class="meta"> ({t(locale, 'directory.record.generatedPerson')})</span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
};

const IMPORT_KINDS = ['ror', 'moe', 'hipo', 'csv'] as const;

export const Sources = (p: { locale: TLocale; org: TProfile }) => {
  const { locale, org } = p;
  const importedFrom = (IMPORT_KINDS as readonly string[]).includes(org.sourceKind)
    ? (org.sourceKind as (typeof IMPORT_KINDS)[number])
    : undefined;
  const sourceUrl = org.sourceUrl && /^https?:\/\/[^\s]+$/i.test(org.sourceUrl) ? org.sourceUrl : undefined;
  return (
    <section aria-labelledby="sources">
      <h2 id="sources">{t(locale, 'directory.record.sources')}</h2>
      <ul>
        <li>
          {sourceUrl ? (
            <a href={sourceUrl} rel="noopener">
              <Bilingual locale={locale} text={org.source} />
            </a>
          ) : (
            <Bilingual locale={locale} text={org.source} />
          )}
        </li>
        {org.importedAt ? (
          <li>
            {importedFrom
              ? fill(t(locale, 'directory.record.importedFrom'), {
                  source: t(locale, `directory.source.${importedFrom}`),
                  date: <When locale={locale} at={org.importedAt} />,
                })
              : fill(t(locale, 'directory.record.importedThenEdited'), {
                  date: <When locale={locale} at={org.importedAt} />,
                })}
          </li>
        ) : null}
        {org.verifiedAt ? (
          <li>
            {fill(t(locale, 'directory.record.verifiedOn'), {
              date: <When locale={locale} at={org.verifiedAt} />,
            })}
          </li>
        ) : null}
        {org.managedBy ? (
          <li>
            {fill(t(locale, 'directory.record.managedBy'), {
              org: (
                <a href={`/${locale}/organizations/${org.managedBy.slug}`}>
                  {org.managedBy.name[locale] || org.managedBy.name.en}
                </a>
              ),
            })}
          </li>
        ) : null}
        {org.confirmedAt ? (
          <li>
            {fill(t(locale, 'directory.record.confirmedOn'), {
              date: <When locale={locale} at={org.confirmedAt} />,
            })}
          </li>
        ) : null}
        <li>
          {fill(t(locale, 'directory.record.updatedOn'), {
            date: <When locale={locale} at={org.updatedAt} />,
          })}
        </li>
      </ul>
    </section>
  );
};
