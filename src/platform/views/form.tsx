import type { Child } from 'hono/jsx';
import { CSRF_FIELD } from '../http/csrf.ts';
import type { TFieldError, TFieldErrors } from '../http/errors.ts';
import type { TFormValues } from '../http/form.ts';
import type { TLocale } from '../i18n/locale.ts';
import type { TParams } from '../i18n/messages.ts';
import { type TShellKey, ts } from '../i18n/shell.messages.ts';

/** A module's translate function, loosened so generic views can call it with any key. */
export type TAnyTranslate = (locale: TLocale, key: string, params?: TParams) => string;

/** A form being shown: the values as typed and each field's problem, already in the reader's language. */
export type TFormState = Readonly<{ values: TFormValues; errors: Readonly<Record<string, string>> }>;
export const EMPTY_FORM: TFormState = Object.freeze({ values: {}, errors: {} });

/** Translates field errors: `form.*` keys from the shell catalog, the rest from the module's. */
export const translateErrors = (
  locale: TLocale,
  errors: TFieldErrors,
  t: TAnyTranslate,
): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [name, e] of Object.entries(errors) as [string, TFieldError][]) {
    out[name] = e.key.startsWith('form.')
      ? ts(locale, e.key as TShellKey, e.params)
      : t(locale, e.key, e.params);
  }
  return out;
};

export const formState = (
  locale: TLocale,
  values: TFormValues,
  errors: TFieldErrors,
  t: TAnyTranslate,
): TFormState => ({ values, errors: translateErrors(locale, errors, t) });

/** The page title with the GOV.UK "Error:" prefix when the form has problems. */
export const formTitle = (locale: TLocale, title: string, form: TFormState): string =>
  Object.keys(form.errors).length > 0 ? ts(locale, 'form.errorTitlePrefix', { title }) : title;

export const CsrfField = (p: { token: string }) => <input type="hidden" name={CSRF_FIELD} value={p.token} />;

/** The list of problems at the top of a form, each linking to its field; screen readers hear it first. */
export const ErrorSummary = (p: {
  locale: TLocale;
  form: TFormState;
  labels: Readonly<Record<string, string>>;
}) => {
  const entries = Object.entries(p.form.errors);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">{ts(p.locale, 'form.errorSummary')}</h2>
      <ul>
        {entries.map(([name, message]) => (
          <li>
            <a href={`#f-${name}`}>{p.labels[name] ? `${p.labels[name]}: ${message}` : message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
};

export type TFieldProps = Readonly<{
  locale: TLocale;
  form: TFormState;
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'url' | 'search' | 'number';
  hint?: string;
  autocomplete?: string;
  required?: boolean;
  maxlength?: number;
  inputmode?: 'numeric' | 'text' | 'email';
  lang?: string;
  /** Passwords are never sent back to the browser. */
  keepValue?: boolean;
  value?: string;
  rows?: number;
}>;

/** A labelled input with its hint and error, wired with aria-describedby; `rows` makes it a textarea. */
export const Field = (p: TFieldProps) => {
  const id = `f-${p.name}`;
  const error = p.form.errors[p.name];
  const describedBy = [p.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const value =
    p.type === 'password' || p.keepValue === false ? undefined : (p.form.values[p.name] ?? p.value);
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id}>
        {p.label}
        {p.required === false ? <span class="optional"> {ts(p.locale, 'form.optional')}</span> : null}
      </label>
      {p.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      ) : null}
      {error ? (
        <p class="error-message" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {p.rows ? (
        <textarea
          id={id}
          name={p.name}
          rows={p.rows}
          maxlength={p.maxlength}
          lang={p.lang}
          aria-describedby={describedBy || undefined}
          aria-invalid={error ? 'true' : undefined}
        >
          {value ?? ''}
        </textarea>
      ) : (
        <input
          id={id}
          name={p.name}
          type={p.type ?? 'text'}
          value={value}
          autocomplete={p.autocomplete}
          required={p.required === false ? undefined : true}
          maxlength={p.maxlength}
          inputmode={p.inputmode}
          lang={p.lang}
          spellcheck={p.type === 'email' || p.type === 'password' ? false : undefined}
          aria-describedby={describedBy || undefined}
          aria-invalid={error ? 'true' : undefined}
        />
      )}
    </div>
  );
};

export type TOption = Readonly<{ value: string; label: string }>;

/** A labelled select. */
export const Select = (p: {
  locale: TLocale;
  form: TFormState;
  name: string;
  label: string;
  options: readonly TOption[];
  value?: string;
  hint?: string;
}) => {
  const id = `f-${p.name}`;
  const error = p.form.errors[p.name];
  const current = p.form.values[p.name] ?? p.value;
  const describedBy = [p.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id}>{p.label}</label>
      {p.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      ) : null}
      {error ? (
        <p class="error-message" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <select
        id={id}
        name={p.name}
        aria-describedby={describedBy || undefined}
        aria-invalid={error ? 'true' : undefined}
      >
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === current}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
};

/** A form posting to `action` with its CSRF token; `inline` for one-button forms inside lists. */
export const PostForm = (p: {
  action: string;
  csrf: string;
  inline?: boolean;
  children: Child;
  id?: string;
}) => (
  <form method="post" action={p.action} class={p.inline ? 'inline-form' : 'form'} id={p.id} novalidate>
    <CsrfField token={p.csrf} />
    {p.children}
  </form>
);

/** A notice after a redirect (e.g. "Your changes were saved"), announced politely. */
export const Flash = (p: { message: string | undefined }) =>
  p.message ? (
    <div class="flash" role="status">
      <p>{p.message}</p>
    </div>
  ) : null;
