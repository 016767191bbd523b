import { formatDate, formatDateTime, formatNumber } from '../../platform/i18n/format.ts';
import type { TLocale } from '../../platform/i18n/locale.ts';
import { ErrorSummary, Field, Flash, PostForm, type TFormState } from '../../platform/views/form.tsx';
import { Pager } from '../../platform/views/pager.tsx';
import { QueueTable, QueueTabs } from '../../platform/views/queue.tsx';
import { Quote } from '../../platform/views/quote.tsx';
import { geographyName, periodLabel } from './indicators.format.ts';
import { districtGeography } from './indicators.geography.ts';
import { t } from './indicators.reporting.messages.ts';
import {
  isDecidable,
  jumpsOf,
  REPORT_FIELDS,
  REPORT_STATUSES,
  type TReportStatus,
} from './indicators.reporting.rules.ts';
import { MAX_NOTE } from './indicators.reporting.schemas.ts';
import type { TQueueRow, TReportReview } from './indicators.reporting.staff.service.ts';

// Staff pages of quarterly reports: the queue, and one report to approve or return.

type TName = Readonly<{ en: string; zh: string }>;
const nameIn = (locale: TLocale, n: TName) => n[locale] || n.en;
const base = (locale: TLocale) => `/${locale}/staff/statistics`;

/** The queue of quarterly reports, with tabs by status. */
export const QueueBody = (p: {
  locale: TLocale;
  status: TReportStatus | undefined;
  rows: readonly TQueueRow[];
  counts: Readonly<Record<string, number>>;
  page: number;
  total: number;
  pageSize: number;
}) => {
  const { locale } = p;
  const href = (status: TReportStatus | undefined, page = 1) => {
    const q = new URLSearchParams();
    if (status) q.set('status', status);
    if (page > 1) q.set('page', String(page));
    const s = q.toString();
    return `${base(locale)}/reports${s ? `?${s}` : ''}`;
  };
  const shown = REPORT_STATUSES.filter((s) => s !== 'draft');
  const all = shown.reduce((a, s) => a + (p.counts[s] ?? 0), 0);
  const first = (p.page - 1) * p.pageSize + 1;
  return (
    <div>
      <h1>{t(locale, 'indicators.queue.title')}</h1>
      <p class="reading">{t(locale, 'indicators.queue.lead')}</p>
      <QueueTabs
        label={t(locale, 'indicators.queue.filter')}
        all={t(locale, 'indicators.queue.all')}
        allCount={all}
        values={shown}
        current={p.status}
        labelOf={(s) => t(locale, `indicators.reporting.status.${s}`)}
        counts={p.counts}
        href={href}
      />
      <QueueTable
        isEmpty={p.rows.length === 0}
        empty={t(locale, 'indicators.queue.empty')}
        caption={t(locale, 'indicators.queue.caption', {
          from: first,
          to: first + p.rows.length - 1,
          total: p.total,
        })}
        columns={[
          t(locale, 'indicators.queue.col.org'),
          t(locale, 'indicators.queue.col.period'),
          t(locale, 'indicators.queue.col.submitted'),
          t(locale, 'indicators.queue.col.status'),
        ]}
      >
        {p.rows.map((r) => (
          <tr>
            <td>
              <a href={`${base(locale)}/reports/${r.id}`}>
                {r.org ? nameIn(locale, r.org.name) : `#${r.id}`}
              </a>
            </td>
            <td>{periodLabel(locale, r.period)}</td>
            <td>{r.submittedAt ? formatDateTime(locale, r.submittedAt) : '—'}</td>
            <td>
              <strong class="tag">{t(locale, `indicators.reporting.status.${r.status}`)}</strong>
              {r.late ? ` ${t(locale, 'indicators.reporting.late')}` : null}
            </td>
          </tr>
        ))}
      </QueueTable>
      <Pager
        locale={locale}
        page={p.page}
        total={p.total}
        size={p.pageSize}
        href={(n) => href(p.status, n)}
      />
    </div>
  );
};

/** One report beside the previous quarter's, with the decision forms while it waits. */
export const ReviewBody = (p: {
  locale: TLocale;
  csrf: string;
  review: TReportReview;
  form: TFormState;
  flash?: string | undefined;
  notice?: string | undefined;
}) => {
  const { locale, review } = p;
  const r = review.report;
  const jumps = jumpsOf(r.values, review.previous);
  const org = nameIn(locale, review.org.name);
  const district = review.district ?? review.record?.district ?? null;
  const districtGeo = district ? districtGeography(district) : undefined;
  return (
    <div>
      <h1>{t(locale, 'indicators.review.title', { org, period: periodLabel(locale, r.period) })}</h1>
      <Flash message={p.flash} />
      {p.notice ? (
        <div class="notice" role="status">
          <p>{p.notice}</p>
        </div>
      ) : null}
      <dl class="summary-list">
        <dt>{t(locale, 'indicators.review.org')}</dt>
        <dd>
          <a href={`/${locale}/organizations/${review.org.slug}`}>{org}</a>
          {review.org.verifiedAt ? null : ` (${t(locale, 'indicators.review.unverified')})`}
        </dd>
        <dt>{t(locale, 'indicators.review.kind')}</dt>
        <dd>
          {review.org.kind === 'incubator' || review.org.kind === 'makerspace'
            ? t(locale, `indicators.review.kind.${review.org.kind}`)
            : review.org.kind}
        </dd>
        <dt>{t(locale, 'indicators.review.record')}</dt>
        <dd>
          {review.record ? (
            <a href={`/${locale}/directory/${review.record.slug}`}>{nameIn(locale, review.record.name)}</a>
          ) : (
            t(locale, 'indicators.review.noRecord')
          )}
        </dd>
        {districtGeo ? (
          <>
            <dt>{t(locale, 'indicators.review.district')}</dt>
            <dd>{geographyName(locale, districtGeo)}</dd>
          </>
        ) : null}
        <dt>{t(locale, 'indicators.queue.col.status')}</dt>
        <dd>
          <strong class="tag">{t(locale, `indicators.reporting.status.${r.status}`)}</strong>
          {review.late ? ` ${t(locale, 'indicators.reporting.late')}` : null}
        </dd>
        <dt>{t(locale, 'indicators.review.submittedBy')}</dt>
        <dd>
          {review.submittedBy && !review.submittedBy.deleted
            ? review.submittedBy.email
            : t(locale, 'indicators.review.someone')}
          {r.submittedAt ? `, ${formatDateTime(locale, r.submittedAt)}` : null}
        </dd>
      </dl>
      <h2>{t(locale, 'indicators.review.values')}</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t(locale, 'indicators.review.col.field')}</th>
              <th scope="col" class="num">
                {t(locale, 'indicators.review.col.value')}
              </th>
              <th scope="col" class="num">
                {t(locale, 'indicators.review.col.previous')}
              </th>
              <th scope="col">{t(locale, 'indicators.review.col.check')}</th>
            </tr>
          </thead>
          <tbody>
            {REPORT_FIELDS.map((f) => {
              const v = r.values[f.name];
              const prev = review.previous[f.name];
              return (
                <tr>
                  <th scope="row">{t(locale, `indicators.reporting.field.${f.name}`)}</th>
                  <td class="num">{v === undefined ? '—' : formatNumber(locale, v)}</td>
                  <td class="num">{prev === undefined ? '—' : formatNumber(locale, prev)}</td>
                  <td>
                    {r.confirmedJumps[f.name] !== undefined
                      ? t(locale, 'indicators.review.jumpConfirmed')
                      : jumps.has(f.name)
                        ? t(locale, 'indicators.review.jump')
                        : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {r.decidedAt ? (
        <>
          <p>
            {t(
              locale,
              isDecidable(r.status) ? 'indicators.review.returnedEarlier' : 'indicators.review.decided',
              {
                date: formatDate(locale, r.decidedAt),
              },
            )}
          </p>
          {r.decisionNote ? (
            <>
              <h3>{t(locale, 'indicators.review.note')}</h3>
              <Quote text={r.decisionNote} />
            </>
          ) : null}
        </>
      ) : null}
      {isDecidable(r.status) ? (
        <>
          <ErrorSummary
            locale={locale}
            form={p.form}
            labels={{
              note: t(locale, 'indicators.review.approveNote'),
              reason: t(locale, 'indicators.review.returnNote'),
            }}
          />
          <h2>{t(locale, 'indicators.review.approve')}</h2>
          <p>{t(locale, 'indicators.review.approveLead')}</p>
          <PostForm action={`${base(locale)}/reports/${r.id}/approve`} csrf={p.csrf}>
            <Field
              locale={locale}
              form={p.form}
              name="note"
              rows={3}
              maxlength={MAX_NOTE}
              required={false}
              label={t(locale, 'indicators.review.approveNote')}
            />
            <button type="submit" class="button">
              {t(locale, 'indicators.review.approve')}
            </button>
          </PostForm>
          <h2>{t(locale, 'indicators.review.return')}</h2>
          <PostForm action={`${base(locale)}/reports/${r.id}/return`} csrf={p.csrf}>
            <Field
              locale={locale}
              form={p.form}
              name="reason"
              rows={4}
              maxlength={MAX_NOTE}
              label={t(locale, 'indicators.review.returnNote')}
              hint={t(locale, 'indicators.review.returnHint')}
            />
            <button type="submit" class="button button-warning">
              {t(locale, 'indicators.review.return')}
            </button>
          </PostForm>
        </>
      ) : null}
    </div>
  );
};
