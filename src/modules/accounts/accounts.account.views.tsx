import { formatDate, formatDateTime } from '../../platform/i18n/format.ts';
import type { TLocale } from '../../platform/i18n/locale.ts';
import {
  EMPTY_FORM,
  ErrorSummary,
  Field,
  Flash,
  PostForm,
  Select,
  type TFormState,
} from '../../platform/views/form.tsx';
import { fieldLabels } from './accounts.auth.views.tsx';
import { t } from './accounts.messages.ts';
import type { TProfile, TSessionView } from './accounts.settings.service.ts';
import type { TTotpSetup } from './accounts.twofactor.service.ts';

// The signed-in person's own pages: account overview, sessions, two-factor, deletion.

export type TMyOrganization = Readonly<{
  slug: string;
  name: { en: string; zh: string };
  role: string;
  verifiedAt: string | null;
}>;

export type TAccountForms = Readonly<{ profile?: TFormState; email?: TFormState; password?: TFormState }>;

export const AccountBody = (p: {
  locale: TLocale;
  csrf: string;
  profile: TProfile;
  organizations: readonly TMyOrganization[];
  owesSecondFactor: boolean;
  flash?: string | undefined;
  forms: TAccountForms;
}) => {
  const { locale, profile } = p;
  const errors = { ...p.forms.profile?.errors, ...p.forms.email?.errors, ...p.forms.password?.errors };
  const all: TFormState = { values: {}, errors };
  return (
    <div class="reading">
      <Flash message={p.flash} />
      <ErrorSummary locale={locale} form={all} labels={fieldLabels(locale)} />
      <h1>{t(locale, 'accounts.account.title')}</h1>
      {p.owesSecondFactor ? (
        <div class="notice" role="note">
          <p>{t(locale, 'accounts.mfa.required', { role: t(locale, `accounts.role.${profile.role}`) })}</p>
          <p>
            <a href={`/${locale}/account/two-factor`}>{t(locale, 'accounts.mfa.setup.title')}</a>
          </p>
        </div>
      ) : null}
      {profile.emailVerified ? null : (
        <div class="notice" role="note">
          <p>{t(locale, 'accounts.verify.pending')}</p>
          <PostForm action={`/${locale}/account/verification`} csrf={p.csrf} inline>
            <button type="submit" class="button button-secondary">
              {t(locale, 'accounts.verify.resend')}
            </button>
          </PostForm>
        </div>
      )}
      <dl class="summary-list">
        <dt>{t(locale, 'accounts.field.email')}</dt>
        <dd>{profile.email}</dd>
        <dt>{t(locale, 'accounts.account.role')}</dt>
        <dd>{t(locale, `accounts.role.${profile.role}`)}</dd>
        <dt>{t(locale, 'accounts.account.memberSince')}</dt>
        <dd>{formatDate(locale, profile.createdAt.slice(0, 10))}</dd>
      </dl>

      <h2 id="profile">{t(locale, 'accounts.account.profile')}</h2>
      <PostForm action={`/${locale}/account/profile`} csrf={p.csrf}>
        <Field
          locale={locale}
          form={p.forms.profile ?? EMPTY_FORM}
          name="name_latin"
          required={false}
          autocomplete="name"
          maxlength={200}
          lang="en"
          value={profile.nameLatin ?? ''}
          label={t(locale, 'accounts.field.nameLatin')}
          hint={t(locale, 'accounts.field.nameLatin.hint')}
        />
        <Field
          locale={locale}
          form={p.forms.profile ?? EMPTY_FORM}
          name="name_zh"
          required={false}
          maxlength={200}
          lang="zh-CN"
          value={profile.nameZh ?? ''}
          label={t(locale, 'accounts.field.nameZh')}
          hint={t(locale, 'accounts.field.nameZh.hint')}
        />
        <Select
          locale={locale}
          form={p.forms.profile ?? EMPTY_FORM}
          name="locale"
          value={profile.locale}
          label={t(locale, 'accounts.field.locale')}
          options={[
            { value: 'en', label: 'English' },
            { value: 'zh', label: '中文' },
          ]}
        />
        <button type="submit" class="button">
          {t(locale, 'accounts.account.save')}
        </button>
      </PostForm>

      <h2 id="organizations">{t(locale, 'accounts.account.organizations')}</h2>
      {p.organizations.length === 0 ? <p>{t(locale, 'accounts.account.noOrganizations')}</p> : null}
      <ul class="links">
        {p.organizations.map((o) => (
          <li>
            <a href={`/${locale}/organizations/${o.slug}`}>{o.name[locale]}</a>
          </li>
        ))}
        <li>
          <a href={`/${locale}/organizations/new`}>{t(locale, 'accounts.account.createOrganization')}</a>
        </li>
      </ul>

      <h2 id="security">{t(locale, 'accounts.account.security')}</h2>
      <ul class="links">
        <li>
          <a href={`/${locale}/account/sessions`}>{t(locale, 'accounts.account.sessions')}</a>
        </li>
        <li>
          <a href={`/${locale}/account/two-factor`}>
            {t(locale, 'accounts.account.twoFactor')}:{' '}
            {profile.totpEnabled ? t(locale, 'accounts.mfa.on') : t(locale, 'accounts.mfa.off')}
          </a>
        </li>
      </ul>
      <h3>{t(locale, 'accounts.account.changeEmail')}</h3>
      <PostForm action={`/${locale}/account/email`} csrf={p.csrf}>
        <Field
          locale={locale}
          form={p.forms.email ?? EMPTY_FORM}
          name="email"
          type="email"
          autocomplete="email"
          maxlength={254}
          label={t(locale, 'accounts.field.email')}
        />
        <Field
          locale={locale}
          form={p.forms.email ?? EMPTY_FORM}
          name="confirm_password"
          type="password"
          autocomplete="current-password"
          label={t(locale, 'accounts.field.currentPassword')}
        />
        <button type="submit" class="button button-secondary">
          {t(locale, 'accounts.account.changeEmail.submit')}
        </button>
      </PostForm>
      <h3>{t(locale, 'accounts.account.changePassword')}</h3>
      <PostForm action={`/${locale}/account/password`} csrf={p.csrf}>
        <Field
          locale={locale}
          form={p.forms.password ?? EMPTY_FORM}
          name="current_password"
          type="password"
          autocomplete="current-password"
          label={t(locale, 'accounts.field.currentPassword')}
        />
        <Field
          locale={locale}
          form={p.forms.password ?? EMPTY_FORM}
          name="password"
          type="password"
          autocomplete="new-password"
          label={t(locale, 'accounts.field.newPassword')}
          hint={t(locale, 'accounts.password.hint')}
        />
        <button type="submit" class="button button-secondary">
          {t(locale, 'accounts.account.changePassword.submit')}
        </button>
      </PostForm>

      <h2 id="data">{t(locale, 'accounts.account.data')}</h2>
      <p>{t(locale, 'accounts.account.exportLead')}</p>
      <ul class="links">
        <li>
          <a href={`/${locale}/account/export`} download="ecosphere-my-data.json">
            {t(locale, 'accounts.account.export')}
          </a>
        </li>
        <li>
          <a href={`/${locale}/account/delete`}>{t(locale, 'accounts.account.delete')}</a>
        </li>
      </ul>
    </div>
  );
};

export const SessionsBody = (p: {
  locale: TLocale;
  csrf: string;
  sessions: readonly TSessionView[];
  flash?: string | undefined;
}) => {
  const { locale } = p;
  return (
    <div>
      <Flash message={p.flash} />
      <h1>{t(locale, 'accounts.sessions.title')}</h1>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t(locale, 'accounts.sessions.device')}</th>
              <th scope="col">{t(locale, 'accounts.sessions.started')}</th>
              <th scope="col">{t(locale, 'accounts.sessions.lastSeen')}</th>
              <th scope="col">{t(locale, 'accounts.sessions.ip')}</th>
              <th scope="col">
                <span class="visually-hidden">{t(locale, 'accounts.sessions.revoke')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {p.sessions.map((s) => (
              <tr>
                <td>
                  {s.userAgent ?? t(locale, 'accounts.sessions.unknown')}
                  {s.current ? <strong class="tag"> {t(locale, 'accounts.sessions.current')}</strong> : null}
                </td>
                <td>{formatDateTime(locale, s.createdAt)}</td>
                <td>{formatDateTime(locale, s.lastSeenAt)}</td>
                <td>{s.ip ?? t(locale, 'accounts.sessions.unknown')}</td>
                <td>
                  <PostForm action={`/${locale}/account/sessions/${s.handle}/revoke`} csrf={p.csrf} inline>
                    <button
                      type="submit"
                      class="link-button"
                      aria-label={`${t(locale, 'accounts.sessions.revoke')}: ${formatDateTime(locale, s.createdAt)}`}
                    >
                      {t(locale, 'accounts.sessions.revoke')}
                    </button>
                  </PostForm>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <PostForm action={`/${locale}/account/sessions/others`} csrf={p.csrf}>
        <button type="submit" class="button button-warning">
          {t(locale, 'accounts.sessions.revokeOthers')}
        </button>
      </PostForm>
    </div>
  );
};

export const RecoveryCodes = (p: { locale: TLocale; codes: readonly string[] }) => (
  <section class="notice" aria-labelledby="codes-title">
    <h2 id="codes-title">{t(p.locale, 'accounts.mfa.codes.title')}</h2>
    <p>{t(p.locale, 'accounts.mfa.codes.lead')}</p>
    <ul class="codes">
      {p.codes.map((code) => (
        <li>
          <code>{code}</code>
        </li>
      ))}
    </ul>
  </section>
);

export const TwoFactorBody = (p: {
  locale: TLocale;
  csrf: string;
  profile: TProfile;
  setup?: TTotpSetup | undefined;
  codes?: readonly string[] | undefined;
  required: boolean;
  forms: Readonly<{ enable?: TFormState; disable?: TFormState; regenerate?: TFormState }>;
  flash?: string | undefined;
}) => {
  const { locale, profile } = p;
  const errors = { ...p.forms.enable?.errors, ...p.forms.disable?.errors, ...p.forms.regenerate?.errors };
  return (
    <div class="reading">
      <Flash message={p.flash} />
      <ErrorSummary locale={locale} form={{ values: {}, errors }} labels={fieldLabels(locale)} />
      <h1>{t(locale, 'accounts.account.twoFactor')}</h1>
      {p.required && !profile.totpEnabled ? (
        <div class="notice" role="note">
          <p>{t(locale, 'accounts.mfa.required', { role: t(locale, `accounts.role.${profile.role}`) })}</p>
        </div>
      ) : null}
      {p.codes ? <RecoveryCodes locale={locale} codes={p.codes} /> : null}
      {profile.totpEnabled ? (
        <>
          <p>{t(locale, 'accounts.mfa.on')}</p>
          <p>{t(locale, 'accounts.mfa.codesLeft', { count: profile.recoveryCodesLeft })}</p>
          <h2>{t(locale, 'accounts.mfa.regenerate')}</h2>
          <PostForm action={`/${locale}/account/two-factor/recovery-codes`} csrf={p.csrf}>
            <Field
              locale={locale}
              form={p.forms.regenerate ?? EMPTY_FORM}
              name="password"
              type="password"
              autocomplete="current-password"
              label={t(locale, 'accounts.field.currentPassword')}
            />
            <button type="submit" class="button button-secondary">
              {t(locale, 'accounts.mfa.regenerate')}
            </button>
          </PostForm>
          {profile.role === 'member' ? (
            <>
              <h2>{t(locale, 'accounts.mfa.disable')}</h2>
              <PostForm action={`/${locale}/account/two-factor/disable`} csrf={p.csrf}>
                <Field
                  locale={locale}
                  form={p.forms.disable ?? EMPTY_FORM}
                  name="disable_code"
                  autocomplete="one-time-code"
                  maxlength={40}
                  keepValue={false}
                  label={t(locale, 'accounts.mfa.disableCode')}
                />
                <Field
                  locale={locale}
                  form={p.forms.disable ?? EMPTY_FORM}
                  name="disable_password"
                  type="password"
                  autocomplete="current-password"
                  label={t(locale, 'accounts.field.currentPassword')}
                />
                <button type="submit" class="button button-warning">
                  {t(locale, 'accounts.mfa.disable')}
                </button>
              </PostForm>
            </>
          ) : null}
        </>
      ) : p.setup ? (
        <>
          <h2>{t(locale, 'accounts.mfa.setup.title')}</h2>
          <p>{t(locale, 'accounts.mfa.setup.step1')}</p>
          <p>
            <code class="totp-key" data-totp-key>
              {p.setup.keyBase32.replace(/(.{4})/g, '$1 ').trim()}
            </code>
          </p>
          <p>{t(locale, 'accounts.mfa.setup.uri')}</p>
          <p>
            <a href={p.setup.uri}>{t(locale, 'accounts.mfa.setup.title')}</a>
          </p>
          <p>{t(locale, 'accounts.mfa.setup.step2')}</p>
          <PostForm action={`/${locale}/account/two-factor`} csrf={p.csrf}>
            <input type="hidden" name="pending" value={p.setup.pending} />
            <Field
              locale={locale}
              form={p.forms.enable ?? EMPTY_FORM}
              name="code"
              autocomplete="one-time-code"
              inputmode="numeric"
              maxlength={20}
              keepValue={false}
              label={t(locale, 'accounts.field.code')}
            />
            <button type="submit" class="button">
              {t(locale, 'accounts.mfa.setup.submit')}
            </button>
          </PostForm>
        </>
      ) : null}
    </div>
  );
};

export const DeleteBody = (p: {
  locale: TLocale;
  csrf: string;
  form: TFormState;
  blocked?: string | undefined;
}) => (
  <div class="reading">
    <ErrorSummary locale={p.locale} form={p.form} labels={fieldLabels(p.locale)} />
    <h1>{t(p.locale, 'accounts.delete.title')}</h1>
    {p.blocked ? (
      <div class="notice" role="alert">
        <p>{p.blocked}</p>
      </div>
    ) : null}
    <p>{t(p.locale, 'accounts.delete.lead')}</p>
    <PostForm action={`/${p.locale}/account/delete`} csrf={p.csrf}>
      <Field
        locale={p.locale}
        form={p.form}
        name="password"
        type="password"
        autocomplete="current-password"
        label={t(p.locale, 'accounts.field.currentPassword')}
      />
      <button type="submit" class="button button-warning">
        {t(p.locale, 'accounts.delete.submit')}
      </button>
    </PostForm>
  </div>
);
