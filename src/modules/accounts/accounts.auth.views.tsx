import type { TLocale } from '../../platform/i18n/locale.ts';
import { ErrorSummary, Field, Flash, PostForm, type TFormState } from '../../platform/views/form.tsx';
import { t } from './accounts.messages.ts';

// Sign-up, sign-in, second factor, e-mail confirmation and password reset pages.

type TFormProps = Readonly<{ locale: TLocale; form: TFormState; csrf: string }>;

const labels = (locale: TLocale) => ({
  email: t(locale, 'accounts.field.email'),
  password: t(locale, 'accounts.field.password'),
  current_password: t(locale, 'accounts.field.currentPassword'),
  confirm_password: t(locale, 'accounts.field.currentPassword'),
  disable_password: t(locale, 'accounts.field.currentPassword'),
  disable_code: t(locale, 'accounts.mfa.disableCode'),
  name_latin: t(locale, 'accounts.field.nameLatin'),
  name_zh: t(locale, 'accounts.field.nameZh'),
  code: t(locale, 'accounts.field.code'),
  locale: t(locale, 'accounts.field.locale'),
});
export const fieldLabels = labels;

export const SignUpBody = (p: TFormProps) => (
  <div class="reading">
    <ErrorSummary locale={p.locale} form={p.form} labels={labels(p.locale)} />
    <h1>{t(p.locale, 'accounts.signup.title')}</h1>
    <p class="lead">{t(p.locale, 'accounts.signup.lead')}</p>
    <PostForm action={`/${p.locale}/signup`} csrf={p.csrf}>
      <Field
        locale={p.locale}
        form={p.form}
        name="email"
        type="email"
        autocomplete="email"
        maxlength={254}
        label={t(p.locale, 'accounts.field.email')}
      />
      <Field
        locale={p.locale}
        form={p.form}
        name="password"
        type="password"
        autocomplete="new-password"
        label={t(p.locale, 'accounts.field.password')}
        hint={t(p.locale, 'accounts.password.hint')}
      />
      <Field
        locale={p.locale}
        form={p.form}
        name="name_latin"
        required={false}
        autocomplete="name"
        maxlength={200}
        lang="en"
        label={t(p.locale, 'accounts.field.nameLatin')}
        hint={t(p.locale, 'accounts.field.nameLatin.hint')}
      />
      <Field
        locale={p.locale}
        form={p.form}
        name="name_zh"
        required={false}
        maxlength={200}
        lang="zh-CN"
        label={t(p.locale, 'accounts.field.nameZh')}
        hint={t(p.locale, 'accounts.field.nameZh.hint')}
      />
      <button type="submit" class="button">
        {t(p.locale, 'accounts.signup.submit')}
      </button>
    </PostForm>
    <p>
      <a href={`/${p.locale}/login`}>{t(p.locale, 'accounts.signup.haveAccount')}</a>
    </p>
  </div>
);

/** The same page whether or not the address already had an account. */
export const CheckEmailBody = (p: { locale: TLocale; email: string }) => (
  <div class="reading">
    <h1>{t(p.locale, 'accounts.signup.sent.title')}</h1>
    <p class="lead">{t(p.locale, 'accounts.signup.sent.body', { email: p.email })}</p>
  </div>
);

export const LogInBody = (p: TFormProps & { next?: string | undefined; flash?: string | undefined }) => (
  <div class="reading">
    <Flash message={p.flash} />
    <ErrorSummary locale={p.locale} form={p.form} labels={labels(p.locale)} />
    <h1>{t(p.locale, 'accounts.login.title')}</h1>
    <PostForm action={`/${p.locale}/login`} csrf={p.csrf}>
      {p.next ? <input type="hidden" name="next" value={p.next} /> : null}
      <Field
        locale={p.locale}
        form={p.form}
        name="email"
        type="email"
        autocomplete="username"
        maxlength={254}
        label={t(p.locale, 'accounts.field.email')}
      />
      <Field
        locale={p.locale}
        form={p.form}
        name="password"
        type="password"
        autocomplete="current-password"
        label={t(p.locale, 'accounts.field.password')}
      />
      <button type="submit" class="button">
        {t(p.locale, 'accounts.login.submit')}
      </button>
    </PostForm>
    <ul class="links">
      <li>
        <a href={`/${p.locale}/password/forgot`}>{t(p.locale, 'accounts.login.forgot')}</a>
      </li>
      <li>
        <a href={`/${p.locale}/signup`}>{t(p.locale, 'accounts.login.noAccount')}</a>
      </li>
    </ul>
  </div>
);

export const SecondFactorBody = (p: TFormProps & { next?: string | undefined }) => (
  <div class="reading">
    <ErrorSummary locale={p.locale} form={p.form} labels={labels(p.locale)} />
    <h1>{t(p.locale, 'accounts.mfa.title')}</h1>
    <p>{t(p.locale, 'accounts.mfa.lead')}</p>
    <PostForm action={`/${p.locale}/login/two-factor`} csrf={p.csrf}>
      {p.next ? <input type="hidden" name="next" value={p.next} /> : null}
      <Field
        locale={p.locale}
        form={p.form}
        name="code"
        autocomplete="one-time-code"
        inputmode="text"
        maxlength={40}
        keepValue={false}
        label={t(p.locale, 'accounts.field.code')}
      />
      <button type="submit" class="button">
        {t(p.locale, 'accounts.mfa.submit')}
      </button>
    </PostForm>
  </div>
);

/** A page with one confirm button for an e-mail link (GET never changes anything: mail scanners follow links). */
export const ConfirmLinkBody = (p: {
  locale: TLocale;
  csrf: string;
  title: string;
  lead: string;
  action: string;
  token: string;
  submit: string;
}) => (
  <div class="reading">
    <h1>{p.title}</h1>
    <p>{p.lead}</p>
    <PostForm action={p.action} csrf={p.csrf}>
      <input type="hidden" name="token" value={p.token} />
      <button type="submit" class="button">
        {p.submit}
      </button>
    </PostForm>
  </div>
);

export const MessageBody = (p: {
  title: string;
  message: string;
  links?: readonly { href: string; label: string }[];
}) => (
  <div class="reading">
    <h1>{p.title}</h1>
    <p class="lead">{p.message}</p>
    {p.links && p.links.length > 0 ? (
      <ul class="links">
        {p.links.map((l) => (
          <li>
            <a href={l.href}>{l.label}</a>
          </li>
        ))}
      </ul>
    ) : null}
  </div>
);

export const ForgotBody = (p: TFormProps) => (
  <div class="reading">
    <ErrorSummary locale={p.locale} form={p.form} labels={labels(p.locale)} />
    <h1>{t(p.locale, 'accounts.forgot.title')}</h1>
    <p>{t(p.locale, 'accounts.forgot.lead')}</p>
    <PostForm action={`/${p.locale}/password/forgot`} csrf={p.csrf}>
      <Field
        locale={p.locale}
        form={p.form}
        name="email"
        type="email"
        autocomplete="email"
        maxlength={254}
        label={t(p.locale, 'accounts.field.email')}
      />
      <button type="submit" class="button">
        {t(p.locale, 'accounts.forgot.submit')}
      </button>
    </PostForm>
  </div>
);

export const ResetBody = (p: TFormProps & { token: string }) => (
  <div class="reading">
    <ErrorSummary locale={p.locale} form={p.form} labels={labels(p.locale)} />
    <h1>{t(p.locale, 'accounts.reset.title')}</h1>
    <PostForm action={`/${p.locale}/password/reset`} csrf={p.csrf}>
      <input type="hidden" name="token" value={p.token} />
      <Field
        locale={p.locale}
        form={p.form}
        name="password"
        type="password"
        autocomplete="new-password"
        label={t(p.locale, 'accounts.field.newPassword')}
        hint={t(p.locale, 'accounts.password.hint')}
      />
      <button type="submit" class="button">
        {t(p.locale, 'accounts.reset.submit')}
      </button>
    </PostForm>
  </div>
);
