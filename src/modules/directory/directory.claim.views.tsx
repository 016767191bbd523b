import type { TLocale } from '../../platform/i18n/locale.ts';
import { ErrorSummary, Field, Flash, PostForm, Select, type TFormState } from '../../platform/views/form.tsx';
import { fill } from '../../platform/views/page.tsx';
import type { TClaimPage } from './directory.claims.service.ts';
import { t } from './directory.profile.messages.ts';
import { When } from './directory.related.views.tsx';

// The claim page: claim a record, join the organisation that manages it, or go on to edit it.

const nameOf = (locale: TLocale, n: { en: string; zh: string }) => n[locale] || n.en;

/** Claim, join, or go on to edit: whatever this signed-in person can do about the record. */
export const ClaimBody = (p: {
  locale: TLocale;
  page: TClaimPage;
  csrf: string;
  form: TFormState;
  flash: string | undefined;
}) => {
  const { locale, page } = p;
  const name = nameOf(locale, page.record.name);
  const base = `/${locale}/directory/${page.record.slug}`;
  const labels = {
    on_behalf: t(locale, 'directory.claim.onBehalf'),
    evidence: t(locale, 'directory.claim.evidence'),
    message: t(locale, 'directory.claim.message'),
  };
  const org = page.claimedBy ? nameOf(locale, page.claimedBy.name) : '';
  return (
    <div class="reading">
      <Flash message={p.flash} />
      <ErrorSummary locale={locale} form={p.form} labels={labels} />
      <h1>{t(locale, 'directory.claim.title', { name })}</h1>
      {page.access ? (
        <>
          <p>{t(locale, 'directory.claim.youManage')}</p>
          <ul>
            <li>
              <a href={`${base}/edit`}>{t(locale, 'directory.record.editLink')}</a>
            </li>
            {page.access === 'staff' ? (
              <li>
                <a href={`/${locale}/staff/directory/records/${page.record.slug}`}>
                  {t(locale, 'directory.claim.staffRecord')}
                </a>
              </li>
            ) : null}
          </ul>
        </>
      ) : page.claimedBy ? (
        <>
          <p>
            {fill(t(locale, 'directory.claim.managedBy'), {
              org: <a href={`/${locale}/organizations/${page.claimedBy.slug}`}>{org}</a>,
            })}
          </p>
          {page.standing?.role ? (
            <p>{t(locale, 'directory.claim.memberNotAdmin', { org })}</p>
          ) : page.standing?.joinPending ? (
            <p>{t(locale, 'directory.claim.joinPending', { org })}</p>
          ) : !page.emailVerified ? (
            <ConfirmEmail locale={locale} />
          ) : (
            <>
              <h2>{t(locale, 'directory.claim.joinTitle', { org })}</h2>
              <p>{t(locale, 'directory.claim.joinLead', { org })}</p>
              <PostForm action={`${base}/claim/join`} csrf={p.csrf}>
                <Field
                  locale={locale}
                  form={p.form}
                  name="message"
                  label={labels.message}
                  required={false}
                  rows={3}
                  maxlength={1000}
                />
                <button type="submit" class="button">
                  {t(locale, 'directory.claim.joinSubmit')}
                </button>
              </PostForm>
            </>
          )}
        </>
      ) : page.waiting ? (
        <p>
          {fill(t(locale, 'directory.claim.waiting'), {
            org: page.waiting.org ? nameOf(locale, page.waiting.org.name) : name,
            date: <When locale={locale} at={page.waiting.createdAt} />,
          })}
        </p>
      ) : !page.emailVerified ? (
        <ConfirmEmail locale={locale} />
      ) : (
        <>
          <p>{t(locale, 'directory.claim.lead', { name })}</p>
          <PostForm action={`${base}/claim`} csrf={p.csrf}>
            <Select
              locale={locale}
              form={p.form}
              name="on_behalf"
              label={labels.on_behalf}
              options={[
                { value: 'new', label: t(locale, 'directory.claim.newOrg', { name }) },
                ...page.mine.map((o) => ({ value: String(o.id), label: nameOf(locale, o.name) })),
              ]}
            />
            <Field
              locale={locale}
              form={p.form}
              name="evidence"
              label={labels.evidence}
              hint={t(locale, 'directory.claim.evidenceHint')}
              rows={5}
              maxlength={2000}
            />
            <button type="submit" class="button">
              {t(locale, 'directory.claim.submit')}
            </button>
          </PostForm>
        </>
      )}
      <p>
        <a href={base}>{t(locale, 'directory.claim.back', { name })}</a>
      </p>
    </div>
  );
};

const ConfirmEmail = (p: { locale: TLocale }) => (
  <div class="notice" role="note">
    <p>
      {fill(t(p.locale, 'directory.claim.confirmEmail'), {
        account: <a href={`/${p.locale}/account`}>{t(p.locale, 'directory.claim.account')}</a>,
      })}
    </p>
  </div>
);
