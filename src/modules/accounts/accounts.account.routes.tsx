import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import type { TDeps } from '../../platform/deps.ts';
import type { TAppEnv } from '../../platform/http/context.ts';
import { AppError, type TFieldErrors } from '../../platform/http/errors.ts';
import { handleForm, parseForm, type TFormValues } from '../../platform/http/form.ts';
import { rateLimit } from '../../platform/http/rate-limit.ts';
import { callMeta } from '../../platform/http/request-meta.ts';
import {
  EMPTY_FORM,
  formState,
  formTitle,
  type TAnyTranslate,
  type TFormState,
} from '../../platform/views/form.tsx';
import { renderPage } from '../../platform/views/page.tsx';
import {
  AccountBody,
  DeleteBody,
  SessionsBody,
  type TAccountForms,
  type TMyOrganization,
  TwoFactorBody,
} from './accounts.account.views.tsx';
import { ConfirmLinkBody, MessageBody } from './accounts.auth.views.tsx';
import { requireActor } from './accounts.guard.ts';
import { t } from './accounts.messages.ts';
import { owesSecondFactor } from './accounts.policy.ts';
import { deleteAccount, exportMyData } from './accounts.privacy.service.ts';
import {
  ZChangeEmail,
  ZChangePassword,
  ZDisableTotp,
  ZEnableTotp,
  ZPasswordOnly,
  ZProfile,
  ZTokenForm,
} from './accounts.schemas.ts';
import { resendVerification } from './accounts.service.ts';
import {
  changePassword,
  confirmEmailChange,
  getProfile,
  listSessions,
  requestEmailChange,
  revokeOtherSessions,
  revokeSession,
  updateProfile,
} from './accounts.settings.service.ts';
import type { TAccountHooks } from './accounts.shared.ts';
import {
  disableTotp,
  enableTotp,
  regenerateRecoveryCodes,
  resumeTotp,
} from './accounts.twofactor.service.ts';

const tt = t as TAnyTranslate;
const DONE = new Set([
  'saved',
  'verified',
  'emailSent',
  'emailChanged',
  'passwordChanged',
  'revoked',
  'revokedOthers',
  'mfaOff',
  'verificationSent',
]);
const flashOf = (c: Context<TAppEnv>): string | undefined => {
  const done = c.req.query('done');
  return done && DONE.has(done) ? t(c.get('locale'), `accounts.done.${done}` as never) : undefined;
};

export type TAccountRoutesOptions = TAccountHooks &
  Readonly<{ myOrganizations?: (deps: TDeps, personId: number) => Promise<TMyOrganization[]> }>;

/** The signed-in person's own account pages, mounted under /{locale}/account. */
export const createAccountRoutes = (deps: TDeps, hooks: TAccountRoutesOptions = {}) => {
  const app = new Hono<TAppEnv>({ strict: false });
  const meta = (c: Context<TAppEnv>) => callMeta(c, deps.config.trustProxy);
  const csrf = (c: Context<TAppEnv>) => c.get('shell').csrf(c);
  // Every write on these pages: generous for a person, tight for a script.
  app.post('*', rateLimit(deps, { name: 'account-write', limit: 60, windowMs: 10 * 60_000 }));
  const page = (c: Context<TAppEnv>, title: string, body: Child, status: 200 | 422 | 409 = 200) =>
    renderPage(c, {
      title,
      body,
      status,
      private: true,
      breadcrumbs: [
        { label: t(c.get('locale'), 'accounts.account.title'), href: `/${c.get('locale')}/account` },
        { label: title },
      ],
    });

  const overview = async (c: Context<TAppEnv>, forms: TAccountForms = {}, status: 200 | 422 = 200) => {
    const actor = requireActor(c);
    const locale = c.get('locale');
    const [profile, organizations] = await Promise.all([
      getProfile(deps, actor),
      hooks.myOrganizations ? hooks.myOrganizations(deps, actor.personId) : Promise.resolve([]),
    ]);
    const title = t(locale, 'accounts.account.title');
    const anyErrors: TFormState = {
      values: {},
      errors: { ...forms.profile?.errors, ...forms.email?.errors, ...forms.password?.errors },
    };
    return renderPage(c, {
      title: formTitle(locale, title, anyErrors),
      status,
      private: true,
      breadcrumbs: [{ label: title }],
      body: (
        <AccountBody
          locale={locale}
          csrf={csrf(c)}
          profile={profile}
          organizations={organizations}
          owesSecondFactor={owesSecondFactor(actor)}
          flash={flashOf(c)}
          forms={forms}
        />
      ),
    });
  };
  const invalidOn =
    (c: Context<TAppEnv>, which: keyof TAccountForms) => (errors: TFieldErrors, values: TFormValues) =>
      overview(c, { [which]: formState(c.get('locale'), values, errors, tt) }, 422);

  app.get('/', (c) => overview(c));

  app.post('/profile', async (c) => {
    const actor = requireActor(c);
    return handleForm(
      c,
      ZProfile,
      async (data) => {
        await updateProfile(deps, meta(c), actor, data);
        return c.redirect(`/${data.locale}/account?done=saved`, 303);
      },
      invalidOn(c, 'profile'),
    );
  });

  app.post('/email', async (c) => {
    const actor = requireActor(c);
    return handleForm(
      c,
      ZChangeEmail,
      async (data) => {
        await requestEmailChange(deps, meta(c), actor, data);
        return c.redirect(`/${c.get('locale')}/account?done=emailSent`, 303);
      },
      invalidOn(c, 'email'),
    );
  });

  app.post('/password', async (c) => {
    const actor = requireActor(c);
    return handleForm(
      c,
      ZChangePassword,
      async (data) => {
        await changePassword(deps, meta(c), actor, c, data);
        return c.redirect(`/${c.get('locale')}/account?done=passwordChanged`, 303);
      },
      invalidOn(c, 'password'),
    );
  });

  app.post('/verification', async (c) => {
    const actor = requireActor(c);
    await resendVerification(deps, meta(c), actor.personId);
    return c.redirect(`/${c.get('locale')}/account?done=verificationSent`, 303);
  });

  // The link in the message to the new address: GET shows a button, POST changes the address.
  app.get('/email/confirm', (c) => {
    const locale = c.get('locale');
    c.header('Cache-Control', 'no-store');
    const token = (c.req.query('token') ?? '').slice(0, 100);
    return page(
      c,
      t(locale, 'accounts.email.title'),
      <ConfirmLinkBody
        locale={locale}
        csrf={csrf(c)}
        title={t(locale, 'accounts.email.title')}
        lead={t(locale, 'accounts.email.lead')}
        action={`/${locale}/account/email/confirm`}
        token={token}
        submit={t(locale, 'accounts.email.submit')}
      />,
    );
  });
  app.post('/email/confirm', async (c) => {
    const locale = c.get('locale');
    const parsed = await parseForm(c, ZTokenForm);
    const outcome = parsed.ok ? await confirmEmailChange(deps, meta(c), parsed.data.token) : 'invalid';
    if (outcome === 'changed') return c.redirect(`/${locale}/account?done=emailChanged`, 303);
    return renderPage(c, {
      title: t(locale, 'accounts.email.title'),
      status: outcome === 'taken' ? 409 : 400,
      private: true,
      body: (
        <MessageBody
          title={t(locale, 'accounts.email.title')}
          message={
            outcome === 'taken' ? t(locale, 'accounts.email.taken') : t(locale, 'accounts.verify.invalid')
          }
        />
      ),
    });
  });

  app.get('/sessions', async (c) => {
    const actor = requireActor(c);
    const locale = c.get('locale');
    return page(
      c,
      t(locale, 'accounts.sessions.title'),
      <SessionsBody
        locale={locale}
        csrf={csrf(c)}
        sessions={await listSessions(deps, actor)}
        flash={flashOf(c)}
      />,
    );
  });
  app.post('/sessions/others', async (c) => {
    const actor = requireActor(c);
    await revokeOtherSessions(deps, meta(c), actor);
    return c.redirect(`/${c.get('locale')}/account/sessions?done=revokedOthers`, 303);
  });
  app.post('/sessions/:handle{[A-Za-z0-9_-]{16}}/revoke', async (c) => {
    const actor = requireActor(c);
    await revokeSession(deps, meta(c), actor, c.req.param('handle'), c);
    const locale = c.get('locale');
    return c.redirect(
      c.get('actor') && c.res.headers.get('set-cookie')?.includes('Max-Age=0')
        ? `/${locale}/login`
        : `/${locale}/account/sessions?done=revoked`,
      303,
    );
  });

  const twoFactor = async (
    c: Context<TAppEnv>,
    extra: { codes?: string[]; forms?: Parameters<typeof TwoFactorBody>[0]['forms']; pending?: string } = {},
    status: 200 | 422 = 200,
  ) => {
    const actor = c.get('actor') ?? requireActor(c);
    const locale = c.get('locale');
    const profile = await getProfile(deps, actor);
    const title = t(locale, 'accounts.account.twoFactor');
    const errors = {
      ...extra.forms?.enable?.errors,
      ...extra.forms?.disable?.errors,
      ...extra.forms?.regenerate?.errors,
    };
    return renderPage(c, {
      title: formTitle(locale, title, { values: {}, errors }),
      status,
      private: true,
      breadcrumbs: [
        { label: t(locale, 'accounts.account.title'), href: `/${locale}/account` },
        { label: title },
      ],
      body: (
        <TwoFactorBody
          locale={locale}
          csrf={csrf(c)}
          profile={profile}
          setup={profile.totpEnabled ? undefined : resumeTotp(deps, actor, extra.pending)}
          codes={extra.codes}
          required={owesSecondFactor(actor) || c.req.query('required') === '1'}
          forms={extra.forms ?? {}}
          flash={flashOf(c)}
        />
      ),
    });
  };
  app.get('/two-factor', (c) => {
    requireActor(c);
    return twoFactor(c);
  });
  app.post('/two-factor', async (c) => {
    const actor = requireActor(c);
    return handleForm(
      c,
      ZEnableTotp,
      async (data) => {
        const { codes, sessionId } = await enableTotp(deps, meta(c), actor, c, data);
        // The session was renewed with the second factor: show the codes under the new session.
        c.set('actor', { ...actor, hasMfa: true, totpEnabled: true, sessionId });
        return twoFactor(c, { codes });
      },
      (errors, values) =>
        twoFactor(c, { forms: { enable: formState(c.get('locale'), values, errors, tt) } }, 422),
    );
  });
  app.post('/two-factor/disable', async (c) => {
    const actor = requireActor(c);
    return handleForm(
      c,
      ZDisableTotp,
      async (data) => {
        await disableTotp(deps, meta(c), actor, data);
        return c.redirect(`/${c.get('locale')}/account/two-factor?done=mfaOff`, 303);
      },
      (errors, values) =>
        twoFactor(c, { forms: { disable: formState(c.get('locale'), values, errors, tt) } }, 422),
    );
  });
  app.post('/two-factor/recovery-codes', async (c) => {
    const actor = requireActor(c);
    return handleForm(
      c,
      ZPasswordOnly,
      async (data) =>
        twoFactor(c, { codes: await regenerateRecoveryCodes(deps, meta(c), actor, data.password) }),
      (errors, values) =>
        twoFactor(c, { forms: { regenerate: formState(c.get('locale'), values, errors, tt) } }, 422),
    );
  });

  app.get('/export', async (c) => {
    const actor = requireActor(c);
    const data = await exportMyData(deps, actor, hooks);
    c.header('Content-Disposition', 'attachment; filename="ecosphere-my-data.json"');
    c.header('Cache-Control', 'private, no-store');
    return c.body(JSON.stringify(data, null, 2), 200, { 'Content-Type': 'application/json; charset=UTF-8' });
  });

  app.get('/delete', (c) => {
    requireActor(c);
    const locale = c.get('locale');
    return page(
      c,
      t(locale, 'accounts.delete.title'),
      <DeleteBody locale={locale} csrf={csrf(c)} form={EMPTY_FORM} />,
    );
  });
  app.post('/delete', async (c) => {
    const actor = requireActor(c);
    const locale = c.get('locale');
    const again = (form: TFormState, status: 422 | 409, blocked?: string) =>
      page(
        c,
        formTitle(locale, t(locale, 'accounts.delete.title'), form),
        <DeleteBody locale={locale} csrf={csrf(c)} form={form} blocked={blocked} />,
        status,
      );
    return handleForm(
      c,
      ZPasswordOnly,
      async (data) => {
        try {
          await deleteAccount(deps, meta(c), actor, c, data.password, hooks);
        } catch (err) {
          if (err instanceof AppError && err.code === 'CONFLICT') return again(EMPTY_FORM, 409, err.message);
          throw err;
        }
        return c.redirect(`/${locale}/login?done=deleted`, 303);
      },
      (errors, values) => again(formState(locale, values, errors, tt), 422),
    );
  });

  return app;
};
