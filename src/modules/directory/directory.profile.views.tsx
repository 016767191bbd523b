import type { Child } from 'hono/jsx';
import { formatYuan } from '../../platform/i18n/format.ts';
import { langTag, type TLocale } from '../../platform/i18n/locale.ts';
import { fill } from '../../platform/views/page.tsx';
import { SECTORS, type TSector } from './directory.codes.ts';
import { t as td } from './directory.messages.ts';
import { t } from './directory.profile.messages.ts';
import type { TProfile } from './directory.profile.schemas.ts';
import { isStale } from './directory.profile.service.ts';
import {
  Bilingual,
  ExternalIds,
  other,
  People,
  Relations,
  Sources,
  When,
} from './directory.related.views.tsx';

// The public profile of a record: the same page for every reader (it is cached), so links to claiming
// and editing are always there and those pages check who may use them.

const Row = (p: { label: string; children: Child }) => (
  <>
    <dt>{p.label}</dt>
    <dd>{p.children}</dd>
  </>
);

const list = (locale: TLocale, items: readonly string[]) => items.join(locale === 'zh' ? '、' : ', ');

/** Today as YYYY-MM-DD (UTC), for certificate validity. */
const today = (now: Date) => now.toISOString().slice(0, 10);

const Facts = (p: { locale: TLocale; org: TProfile; now: Date }) => {
  const { locale, org } = p;
  const sector = org.sector && org.sector in SECTORS ? (org.sector as TSector) : undefined;
  const expired = org.certificateValidUntil !== null && org.certificateValidUntil < today(p.now);
  return (
    <dl class="summary-list">
      <Row label={t(locale, 'directory.record.kind')}>{td(locale, `directory.kind.${org.kind}`)}</Row>
      {org.kind === 'investor' && org.subtype ? (
        <Row label={t(locale, 'directory.record.investorType')}>
          {t(locale, `directory.investorType.${org.subtype as 'vc'}`)}
        </Row>
      ) : null}
      {org.level ? (
        <Row label={t(locale, 'directory.record.level')}>
          {td(locale, `directory.level.${org.level as 'national'}`)}
        </Row>
      ) : null}
      {org.certificateNo || org.certificateValidUntil ? (
        <Row label={t(locale, 'directory.record.certificate')}>
          {org.certificateNo ? <span lang="en">{org.certificateNo}</span> : null}
          {org.certificateValidUntil ? (
            <>
              {org.certificateNo ? ' · ' : null}
              {fill(t(locale, 'directory.record.validUntil'), {
                date: <When locale={locale} at={org.certificateValidUntil} />,
              })}
              {expired ? (
                <>
                  {' '}
                  <strong class="badge badge-overdue">{t(locale, 'directory.record.expired')}</strong>
                </>
              ) : null}
            </>
          ) : null}
        </Row>
      ) : null}
      {org.district ? (
        <Row label={t(locale, 'directory.record.district')}>
          {td(locale, `directory.district.${org.district as 'tianhe'}`)}
        </Row>
      ) : org.city[locale] || org.city.en ? (
        <Row label={t(locale, 'directory.record.city')}>
          <Bilingual locale={locale} text={org.city} />
        </Row>
      ) : null}
      {sector ? (
        <Row label={t(locale, 'directory.record.sector')}>
          {td(locale, `directory.sector.${sector}`)}
          <br />
          <span class="meta">
            {t(locale, 'directory.record.divisions', { codes: list(locale, [...SECTORS[sector].gbt4754]) })}
          </span>
        </Row>
      ) : null}
      {org.foundedYear ? (
        <Row label={t(locale, 'directory.record.founded')}>{String(org.foundedYear)}</Row>
      ) : null}
      {org.website ? (
        <Row label={t(locale, 'directory.record.website')}>
          <a href={org.website} rel="noopener">
            {org.website}
          </a>
        </Row>
      ) : null}
      {org.acronym || org.aliases.length > 0 ? (
        <Row label={t(locale, 'directory.record.aliases')}>
          {list(locale, [...(org.acronym ? [org.acronym] : []), ...org.aliases])}
        </Row>
      ) : null}
    </dl>
  );
};

const Focus = (p: { locale: TLocale; org: TProfile }) => {
  const { locale, org } = p;
  const f = org.focus;
  if (org.kind !== 'investor' || !f) return null;
  const ticket =
    f.ticketMinCny != null && f.ticketMaxCny != null
      ? t(locale, 'directory.record.ticketRange', {
          min: formatYuan(locale, f.ticketMinCny),
          max: formatYuan(locale, f.ticketMaxCny),
        })
      : f.ticketMinCny != null
        ? t(locale, 'directory.record.ticketFrom', { min: formatYuan(locale, f.ticketMinCny) })
        : f.ticketMaxCny != null
          ? t(locale, 'directory.record.ticketUpTo', { max: formatYuan(locale, f.ticketMaxCny) })
          : undefined;
  return (
    <section aria-labelledby="focus">
      <h2 id="focus">{t(locale, 'directory.record.focus')}</h2>
      <dl class="summary-list">
        {f.sectors.length > 0 ? (
          <Row label={t(locale, 'directory.record.focusSectors')}>
            {list(
              locale,
              f.sectors.map((s) => td(locale, `directory.sector.${s as TSector}`)),
            )}
          </Row>
        ) : null}
        {f.stages.length > 0 ? (
          <Row label={t(locale, 'directory.record.focusStages')}>
            {list(
              locale,
              f.stages.map((s) => t(locale, `directory.stage.${s}`)),
            )}
          </Row>
        ) : null}
        {ticket ? <Row label={t(locale, 'directory.record.ticket')}>{ticket}</Row> : null}
        {f.regions.length > 0 ? (
          <Row label={t(locale, 'directory.record.regions')}>{list(locale, f.regions)}</Row>
        ) : null}
      </dl>
    </section>
  );
};

/** The freshness notice: shown when the record has not been confirmed for 12 months. */
const Freshness = (p: { locale: TLocale; org: TProfile; now: Date }) => {
  if (!isStale(p.org.confirmedAt, p.now)) return null;
  return (
    <div class="notice" role="note">
      <p>
        <strong>{t(p.locale, 'directory.record.staleTitle')}</strong>
      </p>
      <p>
        {p.org.confirmedAt
          ? fill(t(p.locale, 'directory.record.staleSince'), {
              date: <When locale={p.locale} at={p.org.confirmedAt} />,
            })
          : t(p.locale, 'directory.record.staleNever')}
      </p>
    </div>
  );
};

/** The whole profile page. */
export const RecordBody = (p: { locale: TLocale; org: TProfile; now: Date }) => {
  const { locale, org } = p;
  const base = `/${locale}/directory/${org.slug}`;
  return (
    <div class="reading">
      <h1>{org.name[locale] || org.name.en}</h1>
      <p class="meta" lang={langTag(other(locale))}>
        {org.name[other(locale)]}
      </p>
      {org.isGenerated ? (
        <div class="notice" role="note">
          <p>{t(locale, 'directory.record.generated')}</p>
        </div>
      ) : null}
      <Freshness locale={locale} org={org} now={p.now} />
      {org.summary.en || org.summary.zh ? (
        <p class="lead">
          <Bilingual locale={locale} text={org.summary} />
        </p>
      ) : null}
      <h2 id="details">{t(locale, 'directory.record.details')}</h2>
      <Facts locale={locale} org={org} now={p.now} />
      <Focus locale={locale} org={org} />
      <ExternalIds locale={locale} ids={org.externalIds} />
      <Relations locale={locale} org={org} />
      <People locale={locale} org={org} />
      <Sources locale={locale} org={org} />
      <section aria-labelledby="manage">
        <h2 id="manage">{t(locale, 'directory.record.yours')}</h2>
        {org.managedBy ? (
          <>
            <p>{t(locale, 'directory.record.managedLead')}</p>
            <ul>
              <li>
                <a href={`${base}/edit`}>{t(locale, 'directory.record.editLink')}</a>
              </li>
              <li>
                <a href={`${base}/claim`}>
                  {t(locale, 'directory.record.joinLink', {
                    org: org.managedBy.name[locale] || org.managedBy.name.en,
                  })}
                </a>
              </li>
            </ul>
          </>
        ) : (
          <>
            <p>{t(locale, 'directory.record.claimLead')}</p>
            <p>
              <a href={`${base}/claim`}>{t(locale, 'directory.record.claimLink')}</a>
            </p>
          </>
        )}
      </section>
      <p>
        <a href={`/${locale}/directory`}>{td(locale, 'directory.back')}</a>
      </p>
    </div>
  );
};
