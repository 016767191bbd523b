import { formatDateTime, formatNumber } from '../../platform/i18n/format.ts';
import type { TLocale } from '../../platform/i18n/locale.ts';
import { Flash, PostForm } from '../../platform/views/form.tsx';
import type { TStatus } from './indicators.codes.ts';
import type { TComputedOverview } from './indicators.computed.service.ts';
import { periodLabel, statusLabel } from './indicators.format.ts';
import { t } from './indicators.reporting.messages.ts';

// The statistics staff page: the computed indicators with their latest city value, the recompute button,
// the latest runs, and how many quarterly reports wait for review.

type TName = Readonly<{ en: string; zh: string }>;
const nameIn = (locale: TLocale, n: TName) => n[locale] || n.en;
const base = (locale: TLocale) => `/${locale}/staff/statistics`;

/** The statistics staff page: computed indicators, recompute, recent runs, and the reports waiting. */
export const StatisticsStaffBody = (p: {
  locale: TLocale;
  csrf: string;
  overview: TComputedOverview;
  waiting: number;
  flash?: string | undefined;
}) => {
  const { locale, overview } = p;
  return (
    <div>
      <h1>{t(locale, 'indicators.staff.title')}</h1>
      <Flash message={p.flash} />
      <p class="reading">{t(locale, 'indicators.staff.lead')}</p>
      <h2>{t(locale, 'indicators.staff.reports')}</h2>
      <p>
        {t(locale, 'indicators.staff.reportsLead', { n: p.waiting })}{' '}
        <a href={`${base(locale)}/reports`}>{t(locale, 'indicators.staff.reportsLink')}</a>
      </p>
      <h2>{t(locale, 'indicators.staff.computed')}</h2>
      <p class="reading">{t(locale, 'indicators.staff.computedLead')}</p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t(locale, 'indicators.staff.col.indicator')}</th>
              <th scope="col">{t(locale, 'indicators.staff.col.period')}</th>
              <th scope="col" class="num">
                {t(locale, 'indicators.staff.col.value')}
              </th>
              <th scope="col">{t(locale, 'indicators.staff.col.status')}</th>
              <th scope="col" class="num">
                {t(locale, 'indicators.staff.col.revision')}
              </th>
            </tr>
          </thead>
          <tbody>
            {overview.rows.map((r) => (
              <tr>
                <th scope="row">
                  {r.latest ? (
                    <a href={`/${locale}/statistics/${r.code}`}>{nameIn(locale, r.name)}</a>
                  ) : (
                    nameIn(locale, r.name)
                  )}
                </th>
                {r.latest ? (
                  <>
                    <td>{periodLabel(locale, r.latest.period)}</td>
                    <td class="num">{formatNumber(locale, r.latest.value)}</td>
                    <td>{statusLabel(locale, r.latest.status as TStatus)}</td>
                    <td class="num">{r.latest.revision}</td>
                  </>
                ) : (
                  <td colspan={4}>{t(locale, 'indicators.staff.never')}</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <PostForm action={`${base(locale)}/recompute`} csrf={p.csrf}>
        <button type="submit" class="button">
          {t(locale, 'indicators.staff.recompute')}
        </button>
      </PostForm>
      <h2>{t(locale, 'indicators.staff.runs')}</h2>
      {overview.runs.length === 0 ? (
        <p>{t(locale, 'indicators.staff.noRuns')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">
              {t(locale, 'indicators.staff.runsCaption', { n: overview.runs.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t(locale, 'indicators.staff.col.started')}</th>
                <th scope="col">{t(locale, 'indicators.staff.col.trigger')}</th>
                <th scope="col">{t(locale, 'indicators.staff.col.period')}</th>
                <th scope="col" class="num">
                  {t(locale, 'indicators.staff.col.ms')}
                </th>
                <th scope="col" class="num">
                  {t(locale, 'indicators.staff.col.written')}
                </th>
              </tr>
            </thead>
            <tbody>
              {overview.runs.map((r) => (
                <tr>
                  <td>{formatDateTime(locale, r.started_at)}</td>
                  <td>
                    {t(
                      locale,
                      `indicators.staff.trigger.${r.trigger as 'startup' | 'daily' | 'staff' | 'cli'}`,
                    )}
                  </td>
                  <td>{periodLabel(locale, r.period)}</td>
                  <td class="num">{formatNumber(locale, Number(r.ms))}</td>
                  <td class="num">
                    {r.inserted} / {r.updated} / {r.unchanged}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
};
