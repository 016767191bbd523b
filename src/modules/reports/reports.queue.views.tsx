import { formatDateTime } from '../../platform/i18n/format.ts';
import type { TLocale } from '../../platform/i18n/locale.ts';
import { EMPTY_FORM, Select } from '../../platform/views/form.tsx';
import { Pager } from '../../platform/views/pager.tsx';
import { QueueTable, QueueTabs } from '../../platform/views/queue.tsx';
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
      <QueueTabs
        label={t(locale, 'reports.queue.filter')}
        all={t(locale, 'reports.queue.all')}
        allCount={all}
        values={REPORT_STATUSES}
        current={p.status}
        labelOf={(s) => t(locale, `reports.status.${s}`)}
        counts={p.counts}
        href={href}
      />
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
      <QueueTable
        isEmpty={p.rows.length === 0}
        empty={t(locale, 'reports.queue.empty')}
        caption={t(locale, 'reports.queue.caption', {
          from: first,
          to: first + p.rows.length - 1,
          total: p.total,
        })}
        columns={[
          t(locale, 'reports.col.selection'),
          t(locale, 'reports.col.page'),
          { label: t(locale, 'reports.col.count'), isNumeric: true },
          t(locale, 'reports.col.received'),
          t(locale, 'reports.col.due'),
          t(locale, 'reports.col.status'),
        ]}
      >
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
