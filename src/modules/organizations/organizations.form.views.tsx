import type { TLocale } from '../../platform/i18n/locale.ts';
import { ErrorSummary, Field, PostForm, Select, type TFormState } from '../../platform/views/form.tsx';
import { t } from './organizations.messages.ts';
import { ORG_KINDS, type TOrg } from './organizations.schemas.ts';

// The organisation form (create and edit) and the pages around it.

const FIELDS = ['name_en', 'name_zh', 'kind', 'website', 'credit_code', 'summary_en', 'summary_zh'] as const;

/** Labels by field name, for the error summary. */
export const orgLabels = (locale: TLocale): Record<string, string> =>
  Object.fromEntries(FIELDS.map((f) => [f, t(locale, `organizations.field.${f}`)]));

/** The form's starting values for an existing organisation. */
export const orgValues = (org: TOrg): Record<string, string> => ({
  name_en: org.name.en,
  name_zh: org.name.zh,
  kind: org.kind,
  website: org.website ?? '',
  credit_code: org.creditCode ?? '',
  summary_en: org.summary.en ?? '',
  summary_zh: org.summary.zh ?? '',
});

/** The organisation's fields, labelled, with hints and errors. */
export const OrganizationForm = (p: {
  locale: TLocale;
  form: TFormState;
  action: string;
  csrf: string;
  submit: string;
}) => {
  const { locale, form } = p;
  const l = (f: (typeof FIELDS)[number]) => t(locale, `organizations.field.${f}`);
  return (
    <>
      <ErrorSummary locale={locale} form={form} labels={orgLabels(locale)} />
      <PostForm action={p.action} csrf={p.csrf}>
        <Field locale={locale} form={form} name="name_en" label={l('name_en')} maxlength={300} lang="en" />
        <Field locale={locale} form={form} name="name_zh" label={l('name_zh')} maxlength={300} lang="zh-CN" />
        <Select
          locale={locale}
          form={form}
          name="kind"
          label={l('kind')}
          options={ORG_KINDS.map((k) => ({ value: k, label: t(locale, `organizations.kind.${k}`) }))}
        />
        <Field
          locale={locale}
          form={form}
          name="website"
          type="url"
          label={l('website')}
          hint={t(locale, 'organizations.field.websiteHint')}
          required={false}
          maxlength={500}
        />
        <Field
          locale={locale}
          form={form}
          name="credit_code"
          label={l('credit_code')}
          hint={t(locale, 'organizations.field.creditCodeHint')}
          required={false}
          maxlength={18}
          autocomplete="off"
        />
        <Field
          locale={locale}
          form={form}
          name="summary_en"
          label={l('summary_en')}
          required={false}
          rows={5}
          maxlength={2000}
          lang="en"
        />
        <Field
          locale={locale}
          form={form}
          name="summary_zh"
          label={l('summary_zh')}
          required={false}
          rows={5}
          maxlength={2000}
          lang="zh-CN"
        />
        <button type="submit" class="button">
          {p.submit}
        </button>
      </PostForm>
    </>
  );
};

/** "Create an organisation", or why the reader cannot yet. */
export const NewOrganizationBody = (p: {
  locale: TLocale;
  form: TFormState;
  csrf: string;
  mayCreate: boolean;
}) => (
  <div class="reading">
    <h1>{t(p.locale, 'organizations.new.title')}</h1>
    {p.mayCreate ? (
      <>
        <p class="lead">{t(p.locale, 'organizations.new.lead')}</p>
        <OrganizationForm
          locale={p.locale}
          form={p.form}
          csrf={p.csrf}
          action={`/${p.locale}/organizations`}
          submit={t(p.locale, 'organizations.new.submit')}
        />
      </>
    ) : (
      <div class="notice" role="note">
        <p>{t(p.locale, 'organizations.new.confirmEmail')}</p>
        <p>
          <a href={`/${p.locale}/account`}>{t(p.locale, 'organizations.account')}</a>
        </p>
      </div>
    )}
  </div>
);

/** The edit form; on a verified organisation it says which changes staff review. */
export const EditOrganizationBody = (p: {
  locale: TLocale;
  org: TOrg;
  form: TFormState;
  csrf: string;
  hasPendingChange: boolean;
}) => (
  <div class="reading">
    <h1>{t(p.locale, 'organizations.edit.title', { name: p.org.name[p.locale] })}</h1>
    {p.org.verifiedAt ? (
      <div class="notice" role="note">
        <p>{t(p.locale, 'organizations.edit.keyNotice')}</p>
        {p.hasPendingChange ? <p>{t(p.locale, 'organizations.profile.pendingChange')}</p> : null}
      </div>
    ) : null}
    <OrganizationForm
      locale={p.locale}
      form={p.form}
      csrf={p.csrf}
      action={`/${p.locale}/organizations/${p.org.slug}/edit`}
      submit={t(p.locale, 'organizations.edit.submit')}
    />
  </div>
);
