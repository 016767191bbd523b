import { formatDateTime } from '../../platform/i18n/format.ts';
import type { TLocale } from '../../platform/i18n/locale.ts';
import { EMPTY_FORM, Select } from '../../platform/views/form.tsx';
import { Pager } from '../../platform/views/pager.tsx';
import { t } from './reports.messages.ts';
import { isOpen, REPORT_STATUSES, type TReportStatus } from './reports.rules.ts';
import { QUEUE_SORTS, type TQueueSort, type TReport } from './reports.schemas.ts';
import { Due, langOf, shorten } from './reports.staff.views.tsx';
import { isPastDue } from './reports.workdays.ts';

/** The editors' queue: tabs by status with counts, order, and a row per report (overdue in words). */
export const QueueBody = (p: {
  locale: TLocale;
  status: TReportStatus | undefined;
  sort: TQueueSort;
  rows: readonly TReport[];
  counts: Readonly<Record<string, number>>;
  page: number;
  total: number;
  pageSize: number;
  now: string;
}) => {
  const { locale } = p;
  const all = Object.values(p.counts).reduce((a, b) => a + b, 0);
  const href = (status: TReportStatus | undefined, page = 1) => {
    const q = new URLSearchParams();
    if (status) q.set('status', status);
    if (p.sort !== 'due') q.set('sort', p.sort);
    if (page > 1) q.set('page', String(page));
    const s = q.toString();
    return `/${locale}/staff/reports${s ? `?${s}` : ''}`;
  };
  const first = (p.page - 1) * p.pageSize + 1;
  return (
    <div>
      <h1>{t(locale, 'reports.queue.title')}</h1>
      <p>{t(locale, 'reports.queue.lead')}</p>
      <nav aria-label={t(locale, 'reports.queue.filter')}>
        <ul class="tabs">
          <li>
            <a href={href(undefined)} aria-current={p.status === undefined ? 'page' : undefined}>
              {t(locale, 'reports.queue.all')} ({all})
            </a>
          </li>
          {REPORT_STATUSES.map((s) => (
            <li>
              <a href={href(s)} aria-current={p.status === s ? 'page' : undefined}>
                {t(locale, `reports.status.${s}`)} ({p.counts[s] ?? 0})
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action={`/${locale}/staff/reports`} class="filters">
        {p.status ? <input type="hidden" name="status" value={p.status} /> : null}
        <Select
          locale={locale}
          form={EMPTY_FORM}
          name="sort"
          value={p.sort}
          label={t(locale, 'reports.queue.sort')}
          options={QUEUE_SORTS.map((s) => ({ value: s, label: t(locale, `reports.queue.sort.${s}`) }))}
        />
        <div>
          <button type="submit" class="button button-secondary">
            {t(locale, 'reports.queue.apply')}
          </button>
        </div>
      </form>
      {p.rows.length === 0 ? (
        <p>{t(locale, 'reports.queue.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">
              {t(locale, 'reports.queue.caption', {
                from: first,
                to: first + p.rows.length - 1,
                total: p.total,
              })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t(locale, 'reports.col.selection')}</th>
                <th scope="col">{t(locale, 'reports.col.page')}</th>
                <th scope="col" class="num">
                  {t(locale, 'reports.col.count')}
                </th>
                <th scope="col">{t(locale, 'reports.col.received')}</th>
                <th scope="col">{t(locale, 'reports.col.due')}</th>
                <th scope="col">{t(locale, 'reports.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr class={isOpen(r.status) && isPastDue(r.dueOn, p.now) ? 'is-overdue' : undefined}>
                  <td lang={langOf(r.locale)}>
                    <a href={`/${locale}/staff/reports/${r.id}`}>{shorten(r.selection, 80)}</a>
                  </td>
                  <td>
                    <code class="report-page">{shorten(r.page, 60)}</code>
                  </td>
                  <td class="num">{r.submissions}</td>
                  <td>{formatDateTime(locale, r.createdAt)}</td>
                  <td>
                    <Due locale={locale} r={r} now={p.now} />
                  </td>
                  <td>
                    <strong class="tag">{t(locale, `reports.status.${r.status}`)}</strong>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
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
