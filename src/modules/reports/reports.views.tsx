import type { TLocale } from '../../platform/i18n/locale.ts';
import { ErrorSummary, Field, PostForm, type TFormState } from '../../platform/views/form.tsx';
import { t } from './reports.messages.ts';
import { MAX_COMMENT, MAX_SELECTION } from './reports.schemas.ts';

const labels = (locale: TLocale) => ({
  page: t(locale, 'reports.field.page'),
  selection: t(locale, 'reports.field.selection'),
  comment: t(locale, 'reports.field.comment'),
  email: t(locale, 'reports.field.email'),
});

/** Honeypot: off-screen for people (its label says to leave it empty), found and filled by bots. */
const Honeypot = (p: { locale: TLocale; id: string }) => (
  <div class="hp" aria-hidden="true">
    <label for={p.id}>{t(p.locale, 'reports.field.honeypot')}</label>
    <input id={p.id} name="website" type="text" tabindex={-1} autocomplete="off" />
  </div>
);

/** The plain form: what works without JavaScript, reached from "Report an error on this page". */
export const ReportFormBody = (p: {
  locale: TLocale;
  csrf: string;
  form: TFormState;
  /** The cleaned address of the page the reader came from, for the way back. */
  back: string | undefined;
}) => (
  <div class="reading">
    <ErrorSummary locale={p.locale} form={p.form} labels={labels(p.locale)} />
    <h1>{t(p.locale, 'reports.title')}</h1>
    <p class="lead">{t(p.locale, 'reports.lead')}</p>
    <PostForm action={`/${p.locale}/report`} csrf={p.csrf}>
      <Field
        locale={p.locale}
        form={p.form}
        name="page"
        maxlength={1000}
        label={t(p.locale, 'reports.field.page')}
        hint={t(p.locale, 'reports.field.page.hint')}
      />
      <Field
        locale={p.locale}
        form={p.form}
        name="selection"
        rows={3}
        label={t(p.locale, 'reports.field.selection')}
        hint={t(p.locale, 'reports.field.selection.hint', { max: MAX_SELECTION })}
      />
      <Field
        locale={p.locale}
        form={p.form}
        name="comment"
        rows={5}
        maxlength={MAX_COMMENT}
        required={false}
        label={t(p.locale, 'reports.field.comment')}
        hint={t(p.locale, 'reports.field.comment.hint')}
      />
      <Field
        locale={p.locale}
        form={p.form}
        name="email"
        type="email"
        autocomplete="email"
        maxlength={254}
        required={false}
        label={t(p.locale, 'reports.field.email')}
        hint={t(p.locale, 'reports.field.email.hint')}
      />
      <Honeypot locale={p.locale} id="f-website" />
      <p class="hint">{t(p.locale, 'reports.privacy')}</p>
      <button type="submit" class="button">
        {t(p.locale, 'reports.submit')}
      </button>
    </PostForm>
    {p.back ? (
      <p>
        <a href={p.back}>{t(p.locale, 'reports.back')}</a>
      </p>
    ) : null}
  </div>
);

export const ReportSentBody = (p: { locale: TLocale; back: string | undefined }) => (
  <div class="reading">
    <h1>{t(p.locale, 'reports.sent.title')}</h1>
    <div class="flash" role="status">
      <p>{t(p.locale, 'reports.sent.body')}</p>
    </div>
    <p>
      <a href={p.back ?? `/${p.locale}/`}>{t(p.locale, 'reports.back')}</a>
    </p>
  </div>
);

/** A field of the dialog: its error line is filled in by the script from the server's answer. */
const DialogField = (p: {
  name: string;
  label: string;
  optional: string;
  hint: string;
  type?: 'email';
  rows?: number;
  maxlength: number;
  autofocus?: boolean;
}) => {
  const id = `rd-${p.name}`;
  return (
    <div class="field" data-field={p.name}>
      <label for={id}>
        {p.label}
        <span class="optional"> {p.optional}</span>
      </label>
      <p class="hint" id={`${id}-hint`}>
        {p.hint}
      </p>
      <p class="error-message" id={`${id}-error`} data-error-for={p.name} hidden />
      {p.rows ? (
        <textarea
          id={id}
          name={p.name}
          rows={p.rows}
          maxlength={p.maxlength}
          aria-describedby={`${id}-hint`}
          autofocus={p.autofocus}
        />
      ) : (
        <input
          id={id}
          name={p.name}
          type={p.type ?? 'text'}
          maxlength={p.maxlength}
          autocomplete={p.type === 'email' ? 'email' : undefined}
          spellcheck={p.type === 'email' ? false : undefined}
          aria-describedby={`${id}-hint`}
        />
      )}
    </div>
  );
};

/**
 * The Ctrl+Enter dialog, fetched by the page script when a reader first asks for it: every word in the
 * reader's language, and the CSRF token for this browser (content pages themselves carry none, so they
 * stay cacheable). The script fills in the page, the selection and its context.
 */
export const ReportDialog = (p: { locale: TLocale; csrf: string; optional: string }) => (
  <dialog
    id="report-dialog"
    class="report-dialog"
    aria-labelledby="report-dialog-title"
    data-sending={t(p.locale, 'reports.dialog.sending')}
  >
    <h2 id="report-dialog-title">{t(p.locale, 'reports.title')}</h2>
    <form method="post" action={`/${p.locale}/report`} class="form" novalidate data-report-form>
      <input type="hidden" name="_csrf" value={p.csrf} />
      <input type="hidden" name="page" value="" />
      <input type="hidden" name="selection" value="" />
      <input type="hidden" name="contextBefore" value="" />
      <input type="hidden" name="contextAfter" value="" />
      <p id="report-dialog-lead">{t(p.locale, 'reports.dialog.lead')}</p>
      <blockquote class="report-context" data-report-context />
      <p class="error-message" data-error-for="selection" hidden />
      <p class="error-message" data-error-for="page" hidden />
      <DialogField
        name="comment"
        rows={4}
        maxlength={MAX_COMMENT}
        label={t(p.locale, 'reports.field.comment')}
        hint={t(p.locale, 'reports.field.comment.hint')}
        optional={p.optional}
        autofocus
      />
      <DialogField
        name="email"
        type="email"
        maxlength={254}
        label={t(p.locale, 'reports.field.email')}
        hint={t(p.locale, 'reports.field.email.hint')}
        optional={p.optional}
      />
      <Honeypot locale={p.locale} id="rd-website" />
      <p class="hint">{t(p.locale, 'reports.privacy')}</p>
      <div class="dialog-actions">
        <button type="submit" class="button">
          {t(p.locale, 'reports.submit')}
        </button>
        <button type="button" class="button button-secondary" data-report-close>
          {t(p.locale, 'reports.dialog.cancel')}
        </button>
      </div>
    </form>
    {/* Announced when the script puts "sending", the confirmation or a failure into it. */}
    <div class="report-status" role="status" data-report-status />
    <div class="dialog-actions" data-report-done hidden>
      <button type="button" class="button" data-report-close>
        {t(p.locale, 'reports.dialog.close')}
      </button>
    </div>
    <template data-report-sent>
      <p>
        <strong>{t(p.locale, 'reports.sent.title')}</strong>
      </p>
      <p>{t(p.locale, 'reports.sent.body')}</p>
    </template>
    <template data-report-failed>
      <p>
        {t(p.locale, 'reports.dialog.failed')}{' '}
        <a href={`/${p.locale}/report`} data-report-form-link>
          {t(p.locale, 'reports.dialog.formLink')}
        </a>
      </p>
    </template>
  </dialog>
);
