import { formatDate, formatNumber } from '../../platform/i18n/format.ts';
import type { TLocale } from '../../platform/i18n/locale.ts';
import { ErrorSummary, Field, Flash, PostForm, type TFormState } from '../../platform/views/form.tsx';
import { Quote } from '../../platform/views/quote.tsx';
import { periodLabel } from './indicators.format.ts';
import { t } from './indicators.reporting.messages.ts';
import { confirmToken, REPORT_FIELDS, type TFieldName, type TJump } from './indicators.reporting.rules.ts';
import type { TReportForm, TReportsOverview } from './indicators.reporting.service.ts';

// The organisation's pages of periodic reports: the list of open quarters, and one quarter's form (or,
// once submitted, its values).

type TName = Readonly<{ en: string; zh: string }>;
const nameIn = (locale: TLocale, n: TName) => n[locale] || n.en;

const fieldLabel = (locale: TLocale, name: TFieldName) => t(locale, `indicators.reporting.field.${name}`);

export const fieldLabels = (locale: TLocale): Record<string, string> =>
  Object.fromEntries(REPORT_FIELDS.map((f) => [f.name, fieldLabel(locale, f.name)]));

/** The open quarters of an organisation with each report's state and a link to it. */
export const ReportsListBody = (p: { locale: TLocale; overview: TReportsOverview }) => {
  const { locale, overview } = p;
  const org = nameIn(locale, overview.org.name);
  return (
    <div>
      <h1>{t(locale, 'indicators.reporting.title')}</h1>
      <p class="reading">{t(locale, 'indicators.reporting.lead', { org })}</p>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">
            {t(locale, 'indicators.reporting.caption', { n: overview.rows.length })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t(locale, 'indicators.reporting.col.period')}</th>
              <th scope="col">{t(locale, 'indicators.reporting.col.deadline')}</th>
              <th scope="col">{t(locale, 'indicators.reporting.col.status')}</th>
              <th scope="col">{t(locale, 'indicators.reporting.col.action')}</th>
            </tr>
          </thead>
          <tbody>
            {overview.rows.map((r) => {
              const period = periodLabel(locale, r.period);
              const action =
                r.status === undefined
                  ? 'indicators.reporting.action.fill'
                  : r.status === 'draft' || r.status === 'returned'
                    ? 'indicators.reporting.action.continue'
                    : 'indicators.reporting.action.view';
              return (
                <tr>
                  <th scope="row">{period}</th>
                  <td>{formatDate(locale, r.deadline)}</td>
                  <td>
                    <strong class="tag">
                      {t(locale, `indicators.reporting.status.${r.status ?? 'none'}`)}
                    </strong>
                    {r.late ? ` ${t(locale, 'indicators.reporting.late')}` : null}
                    {r.overdue ? ` ${t(locale, 'indicators.reporting.overdue')}` : null}
                  </td>
                  <td>
                    <a href={`/${locale}/organizations/${overview.org.slug}/reports/${r.period}`}>
                      {t(locale, action, { period })}
                    </a>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
};

/** The values of a report that can no longer be changed. */
const ValuesList = (p: { locale: TLocale; ctx: TReportForm }) => (
  <>
    <h2>{t(p.locale, 'indicators.reporting.form.values')}</h2>
    <dl class="summary-list">
      {REPORT_FIELDS.map((f) => {
        const v = p.ctx.report?.values[f.name];
        return (
          <>
            <dt>{fieldLabel(p.locale, f.name)}</dt>
            <dd>{v === undefined ? '—' : formatNumber(p.locale, v)}</dd>
          </>
        );
      })}
    </dl>
  </>
);

/** One quarter's report: the form while it can change, else its state and values. */
export const ReportFormBody = (p: {
  locale: TLocale;
  csrf: string;
  ctx: TReportForm;
  form: TFormState;
  /** Fields whose value jumped and is not confirmed yet. */
  jumps: ReadonlyMap<TFieldName, TJump>;
  today: string;
  flash?: string | undefined;
  notice?: string | undefined;
}) => {
  const { locale, ctx, form } = p;
  const r = ctx.report;
  const period = periodLabel(locale, ctx.period);
  const storedValue = (name: TFieldName) => {
    const v = r?.values[name];
    return v === undefined ? undefined : String(v);
  };
  return (
    <div>
      <h1>{t(locale, 'indicators.reporting.form.title', { period })}</h1>
      <Flash message={p.flash} />
      {p.notice ? (
        <div class="notice" role="status">
          <p>{p.notice}</p>
        </div>
      ) : null}
      <p>{t(locale, 'indicators.reporting.form.org', { org: nameIn(locale, ctx.org.name) })}</p>
      <p>
        <strong class="tag">{t(locale, `indicators.reporting.status.${r?.status ?? 'none'}`)}</strong>{' '}
        {p.today > ctx.deadline && ctx.editable
          ? t(locale, 'indicators.reporting.form.deadlinePassed', { date: formatDate(locale, ctx.deadline) })
          : t(locale, 'indicators.reporting.form.deadline', { date: formatDate(locale, ctx.deadline) })}
      </p>
      {r?.status === 'submitted' && r.submittedAt ? (
        <p>
          {t(locale, 'indicators.reporting.form.submittedOn', { date: formatDate(locale, r.submittedAt) })}
        </p>
      ) : null}
      {r?.status === 'approved' && r.decidedAt ? (
        <p>
          {t(locale, 'indicators.reporting.form.approvedOn', {
            date: formatDate(locale, r.decidedAt),
            period,
          })}
        </p>
      ) : null}
      {(r?.status === 'returned' || r?.status === 'draft') && r.decisionNote ? (
        <div class="notice">
          <p>{t(locale, 'indicators.reporting.form.returnedNote')}</p>
          <Quote text={r.decisionNote} />
        </div>
      ) : null}
      {ctx.editable ? (
        <>
          <p class="reading">{t(locale, 'indicators.reporting.form.lead')}</p>
          <ErrorSummary locale={locale} form={form} labels={fieldLabels(locale)} />
          <PostForm action={`/${locale}/organizations/${ctx.org.slug}/reports/${ctx.period}`} csrf={p.csrf}>
            {REPORT_FIELDS.map((f) => {
              const previous = ctx.previous[f.name];
              const jump = p.jumps.get(f.name);
              const hint = [
                t(locale, `indicators.reporting.field.${f.name}.hint`),
                previous === undefined
                  ? ''
                  : t(locale, 'indicators.reporting.form.previous', {
                      value: formatNumber(locale, previous),
                    }),
              ]
                .filter(Boolean)
                .join(' ');
              return (
                <>
                  <Field
                    locale={locale}
                    form={form}
                    name={f.name}
                    label={fieldLabel(locale, f.name)}
                    hint={hint}
                    value={storedValue(f.name)}
                    maxlength={40}
                    inputmode={f.type === 'count' ? 'numeric' : undefined}
                    autocomplete="off"
                  />
                  {jump ? (
                    <div class="confirm-jump">
                      <input
                        type="checkbox"
                        id={`f-confirm_${f.name}`}
                        name={`confirm_${f.name}`}
                        value={confirmToken(jump.value)}
                      />{' '}
                      <label for={`f-confirm_${f.name}`}>
                        {t(locale, 'indicators.reporting.form.confirm')}
                        <span class="visually-hidden">: {fieldLabel(locale, f.name)}</span>
                      </label>
                    </div>
                  ) : null}
                </>
              );
            })}
            <div>
              <button type="submit" name="action" value="submit" class="button">
                {t(locale, 'indicators.reporting.form.submit')}
              </button>{' '}
              <button type="submit" name="action" value="draft" class="button button-secondary">
                {t(locale, 'indicators.reporting.form.draft')}
              </button>
            </div>
          </PostForm>
        </>
      ) : (
        <ValuesList locale={locale} ctx={ctx} />
      )}
      <p>
        <a href={`/${locale}/organizations/${ctx.org.slug}/reports`}>
          {t(locale, 'indicators.reporting.form.back', { org: nameIn(locale, ctx.org.name) })}
        </a>
      </p>
    </div>
  );
};
