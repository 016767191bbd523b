import { formatDate, formatDateTime } from '../../platform/i18n/format.ts';
import type { TLocale } from '../../platform/i18n/locale.ts';
import { ErrorSummary, Field, Flash, PostForm, type TFormState } from '../../platform/views/form.tsx';
import { Quote } from '../../platform/views/quote.tsx';
import { t } from './reports.messages.ts';
import { canMove, isOpen } from './reports.rules.ts';
import { MAX_COMMENT, type TReport, type TSighting } from './reports.schemas.ts';
import { isPastDue } from './reports.workdays.ts';

export const langOf = (l: TLocale) => (l === 'zh' ? 'zh-CN' : 'en');
export const shorten = (text: string, max: number) => {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
};

/** Overdue shows in words, not only in colour. */
export const Due = (p: { locale: TLocale; r: TReport; now: string }) => (
  <>
    <time datetime={p.r.dueOn}>{formatDate(p.locale, p.r.dueOn)}</time>
    {isOpen(p.r.status) && isPastDue(p.r.dueOn, p.now) ? (
      <>
        {' '}
        <strong class="badge badge-overdue">{t(p.locale, 'reports.overdue')}</strong>
      </>
    ) : null}
  </>
);

const labels = (locale: TLocale) => ({
  note: t(locale, 'reports.action.fix.note'),
  reason: t(locale, 'reports.action.decline.reason'),
});

export const ReportBody = (p: {
  locale: TLocale;
  csrf: string;
  report: TReport;
  sightings: readonly TSighting[];
  resolvedBy: string | undefined;
  now: string;
  form: TFormState;
  flash?: string | undefined;
  refusal?: string | undefined;
}) => {
  const { locale, report: r } = p;
  const lang = langOf(r.locale);
  const emails = [...new Set(p.sightings.map((s) => s.email).filter((e): e is string => e !== undefined))];
  const comments = p.sightings.filter((s) => s.comment !== undefined);
  return (
    <div class="reading">
      <Flash message={p.flash} />
      {p.refusal ? (
        <div class="notice" role="alert">
          <p>{p.refusal}</p>
        </div>
      ) : null}
      <ErrorSummary locale={locale} form={p.form} labels={labels(locale)} />
      <h1>{t(locale, 'reports.detail.title', { id: r.id })}</h1>
      <dl class="summary-list">
        <dt>{t(locale, 'reports.col.page')}</dt>
        <dd>
          <a href={r.page}>
            <code class="report-page">{r.page}</code>
          </a>
        </dd>
        <dt>{t(locale, 'reports.detail.language')}</dt>
        <dd>{t(locale, `reports.language.${r.locale}`)}</dd>
        <dt>{t(locale, 'reports.col.received')}</dt>
        <dd>{formatDateTime(locale, r.createdAt)}</dd>
        <dt>{t(locale, 'reports.col.due')}</dt>
        <dd>
          <Due locale={locale} r={r} now={p.now} />
        </dd>
        <dt>{t(locale, 'reports.col.status')}</dt>
        <dd>
          <strong class="tag">{t(locale, `reports.status.${r.status}`)}</strong>
        </dd>
        <dt>{t(locale, 'reports.detail.count')}</dt>
        <dd>{r.submissions}</dd>
        <dt>{t(locale, 'reports.detail.emails')}</dt>
        <dd>
          {emails.length === 0 ? (
            t(locale, 'reports.detail.noEmails')
          ) : (
            <>
              {emails.length}: {emails.join(', ')}
            </>
          )}
        </dd>
      </dl>
      <h2>{t(locale, 'reports.detail.inContext')}</h2>
      <blockquote class="report-context" lang={lang}>
        {r.contextBefore ? <span>{r.contextBefore}</span> : null}
        <mark>{r.selection}</mark>
        {r.contextAfter ? <span>{r.contextAfter}</span> : null}
      </blockquote>
      {r.contextBefore || r.contextAfter ? null : <p class="hint">{t(locale, 'reports.detail.noContext')}</p>}
      <h2>{t(locale, 'reports.detail.comments')}</h2>
      {comments.length === 0 ? <p>{t(locale, 'reports.detail.noComments')}</p> : null}
      {comments.map((s) => (
        <div class="reply">
          <p class="meta">
            {t(locale, 'reports.detail.commentMeta', {
              date: formatDateTime(locale, s.createdAt),
              language: t(locale, `reports.language.${s.locale}`),
            })}
          </p>
          <Quote text={s.comment ?? ''} lang={langOf(s.locale)} />
        </div>
      ))}
      {r.resolvedAt ? (
        <>
          <h2>{t(locale, 'reports.detail.outcome')}</h2>
          <p>
            <strong class="tag">{t(locale, `reports.status.${r.status}`)}</strong>{' '}
            {t(locale, 'reports.detail.resolvedBy', {
              who: p.resolvedBy ?? '—',
              date: formatDateTime(locale, r.resolvedAt),
            })}
          </p>
          {r.resolutionNote ? (
            <>
              <h3>{t(locale, 'reports.detail.note')}</h3>
              <Quote text={r.resolutionNote} />
            </>
          ) : null}
        </>
      ) : null}
      {canMove(r.status, 'accepted') ? (
        <>
          <h2>{t(locale, 'reports.action.accept')}</h2>
          <p>{t(locale, 'reports.action.accept.lead')}</p>
          <PostForm action={`/${locale}/staff/reports/${r.id}/accept`} csrf={p.csrf}>
            <button type="submit" class="button">
              {t(locale, 'reports.action.accept')}
            </button>
          </PostForm>
        </>
      ) : null}
      {canMove(r.status, 'fixed') ? (
        <>
          <h2>{t(locale, 'reports.action.fix')}</h2>
          <PostForm action={`/${locale}/staff/reports/${r.id}/fix`} csrf={p.csrf}>
            <Field
              locale={locale}
              form={p.form}
              name="note"
              rows={4}
              maxlength={MAX_COMMENT}
              required={false}
              label={t(locale, 'reports.action.fix.note')}
              hint={t(locale, 'reports.action.fix.hint')}
            />
            <button type="submit" class="button">
              {t(locale, 'reports.action.fix')}
            </button>
          </PostForm>
        </>
      ) : null}
      {canMove(r.status, 'declined') ? (
        <>
          <h2>{t(locale, 'reports.action.decline')}</h2>
          <PostForm action={`/${locale}/staff/reports/${r.id}/decline`} csrf={p.csrf}>
            <Field
              locale={locale}
              form={p.form}
              name="reason"
              rows={4}
              maxlength={MAX_COMMENT}
              label={t(locale, 'reports.action.decline.reason')}
              hint={t(locale, 'reports.action.decline.hint')}
            />
            <button type="submit" class="button button-warning">
              {t(locale, 'reports.action.decline')}
            </button>
          </PostForm>
        </>
      ) : null}
    </div>
  );
};
