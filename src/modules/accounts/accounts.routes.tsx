import { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { z } from 'zod';
import type { TDeps } from '../../platform/deps.ts';
import type { TAppEnv } from '../../platform/http/context.ts';
import { handleForm, parseForm } from '../../platform/http/form.ts';
import { rateLimit } from '../../platform/http/rate-limit.ts';
import { callMeta } from '../../platform/http/request-meta.ts';
import { EMPTY_FORM, formState, formTitle, type TAnyTranslate } from '../../platform/views/form.tsx';
import { renderPage } from '../../platform/views/page.tsx';
import {
  CheckEmailBody,
  ConfirmLinkBody,
  ForgotBody,
  LogInBody,
  MessageBody,
  ResetBody,
  SecondFactorBody,
  SignUpBody,
} from './accounts.auth.views.tsx';
import { safeNext } from './accounts.guard.ts';
import { t } from './accounts.messages.ts';
import {
  ZEmailOnly,
  ZLogIn,
  ZResetPassword,
  ZSecondFactor,
  ZSignUp,
  ZTokenForm,
} from './accounts.schemas.ts';
import {
  completeSecondFactor,
  logIn,
  logOut,
  pendingSecondFactor,
  requestPasswordReset,
  resetPassword,
  signUp,
  verifyEmail,
} from './accounts.service.ts';

const tt = t as TAnyTranslate;
const MINUTE = 60_000;
const ZNextQuery = z.object({ next: z.string().max(500).optional(), done: z.string().max(40).optional() });

/** Sign-up, sign-in (with the second factor), sign-out, e-mail confirmation and password reset. */
export const createAuthRoutes = (deps: TDeps) => {
  const app = new Hono<TAppEnv>({ strict: false });
  const meta = (c: Parameters<typeof callMeta>[0]) => callMeta(c, deps.config.trustProxy);
  const limit = (name: string, n: number, windowMs: number) => rateLimit(deps, { name, limit: n, windowMs });
  const csrf = (c: Parameters<typeof callMeta>[0]) => c.get('shell').csrf(c);
  const page = (c: Parameters<typeof callMeta>[0], title: string, body: Child, status: 200 | 422 = 200) =>
    renderPage(c, { title, body, status, private: true });

  app.get('/signup', (c) => {
    const locale = c.get('locale');
    return page(
      c,
      t(locale, 'accounts.signup.title'),
      <SignUpBody locale={locale} form={EMPTY_FORM} csrf={csrf(c)} />,
    );
  });
  app.post('/signup', limit('signup', 10, 60 * MINUTE), async (c) => {
    const locale = c.get('locale');
    return handleForm(
      c,
      ZSignUp,
      async (data) => {
        await signUp(deps, meta(c), data);
        return page(
          c,
          t(locale, 'accounts.signup.sent.title'),
          <CheckEmailBody locale={locale} email={data.email} />,
        );
      },
      (errors, values) => {
        const form = formState(locale, values, errors, tt);
        return page(
          c,
          formTitle(locale, t(locale, 'accounts.signup.title'), form),
          <SignUpBody locale={locale} form={form} csrf={csrf(c)} />,
          422,
        );
      },
    );
  });

  app.get('/login', (c) => {
    const locale = c.get('locale');
    const q = ZNextQuery.safeParse(c.req.query());
    const next = q.success ? q.data.next : undefined;
    const done = q.success ? q.data.done : undefined;
    const flash =
      done === 'passwordReset' || done === 'signedOut' || done === 'deleted' || done === 'verified'
        ? t(locale, `accounts.done.${done}`)
        : undefined;
    return page(
      c,
      t(locale, 'accounts.login.title'),
      <LogInBody locale={locale} form={EMPTY_FORM} csrf={csrf(c)} next={next} flash={flash} />,
    );
  });
  app.post('/login', limit('login-ip', 30, 15 * MINUTE), async (c) => {
    const locale = c.get('locale');
    return handleForm(
      c,
      ZLogIn,
      async (data) => {
        const outcome = await logIn(deps, meta(c), c, data);
        const next = safeNext(data.next, `/${locale}/account`);
        if (outcome === 'second-factor')
          return c.redirect(`/${locale}/login/two-factor?next=${encodeURIComponent(next)}`, 303);
        return c.redirect(next, 303);
      },
      (errors, values) => {
        const form = formState(locale, values, errors, tt);
        return page(
          c,
          formTitle(locale, t(locale, 'accounts.login.title'), form),
          <LogInBody locale={locale} form={form} csrf={csrf(c)} next={values.next} />,
          422,
        );
      },
    );
  });

  app.get('/login/two-factor', async (c) => {
    const locale = c.get('locale');
    if (!(await pendingSecondFactor(deps, c))) return c.redirect(`/${locale}/login`, 303);
    const q = ZNextQuery.safeParse(c.req.query());
    return page(
      c,
      t(locale, 'accounts.mfa.title'),
      <SecondFactorBody
        locale={locale}
        form={EMPTY_FORM}
        csrf={csrf(c)}
        next={q.success ? q.data.next : undefined}
      />,
    );
  });
  app.post('/login/two-factor', limit('mfa-ip', 30, 15 * MINUTE), async (c) => {
    const locale = c.get('locale');
    return handleForm(
      c,
      ZSecondFactor,
      async (data) => {
        if (!(await completeSecondFactor(deps, meta(c), c, data.code))) {
          return page(
            c,
            t(locale, 'accounts.mfa.title'),
            <MessageBody
              title={t(locale, 'accounts.mfa.title')}
              message={t(locale, 'accounts.mfa.expired')}
              links={[{ href: `/${locale}/login`, label: t(locale, 'accounts.login.title') }]}
            />,
          );
        }
        return c.redirect(safeNext(data.next, `/${locale}/account`), 303);
      },
      (errors, values) => {
        const form = formState(locale, values, errors, tt);
        return page(
          c,
          formTitle(locale, t(locale, 'accounts.mfa.title'), form),
          <SecondFactorBody locale={locale} form={form} csrf={csrf(c)} next={values.next} />,
          422,
        );
      },
    );
  });

  app.post('/logout', async (c) => {
    await logOut(deps, meta(c), c);
    return c.redirect(`/${c.get('locale')}/login?done=signedOut`, 303);
  });

  app.get('/verify-email', (c) => {
    const locale = c.get('locale');
    // The page carries the link's token in its form: no cache keeps it.
    c.header('Cache-Control', 'no-store');
    const token = c.req.query('token') ?? '';
    return page(
      c,
      t(locale, 'accounts.verify.title'),
      <ConfirmLinkBody
        locale={locale}
        csrf={csrf(c)}
        title={t(locale, 'accounts.verify.title')}
        lead={t(locale, 'accounts.verify.lead')}
        action={`/${locale}/verify-email`}
        token={token.slice(0, 100)}
        submit={t(locale, 'accounts.verify.submit')}
      />,
    );
  });
  app.post('/verify-email', limit('token-ip', 30, 15 * MINUTE), async (c) => {
    const locale = c.get('locale');
    const parsed = await parseForm(c, ZTokenForm);
    if (parsed.ok && (await verifyEmail(deps, meta(c), parsed.data.token))) {
      return c.redirect(
        c.get('actor') ? `/${locale}/account?done=verified` : `/${locale}/login?done=verified`,
        303,
      );
    }
    return renderPage(c, {
      title: t(locale, 'accounts.verify.title'),
      status: 400,
      private: true,
      body: (
        <MessageBody
          title={t(locale, 'accounts.verify.title')}
          message={t(locale, 'accounts.verify.invalid')}
          links={[{ href: `/${locale}/account`, label: t(locale, 'accounts.verify.resend') }]}
        />
      ),
    });
  });

  app.get('/password/forgot', (c) => {
    const locale = c.get('locale');
    return page(
      c,
      t(locale, 'accounts.forgot.title'),
      <ForgotBody locale={locale} form={EMPTY_FORM} csrf={csrf(c)} />,
    );
  });
  app.post('/password/forgot', limit('reset-ip', 10, 60 * MINUTE), async (c) => {
    const locale = c.get('locale');
    return handleForm(
      c,
      ZEmailOnly,
      async (data) => {
        await requestPasswordReset(deps, meta(c), data.email);
        return page(
          c,
          t(locale, 'accounts.forgot.title'),
          <MessageBody
            title={t(locale, 'accounts.forgot.title')}
            message={t(locale, 'accounts.forgot.sent', { email: data.email })}
          />,
        );
      },
      (errors, values) => {
        const form = formState(locale, values, errors, tt);
        return page(
          c,
          formTitle(locale, t(locale, 'accounts.forgot.title'), form),
          <ForgotBody locale={locale} form={form} csrf={csrf(c)} />,
          422,
        );
      },
    );
  });

  app.get('/password/reset', (c) => {
    const locale = c.get('locale');
    c.header('Cache-Control', 'no-store');
    const token = (c.req.query('token') ?? '').slice(0, 100);
    return page(
      c,
      t(locale, 'accounts.reset.title'),
      <ResetBody locale={locale} form={EMPTY_FORM} csrf={csrf(c)} token={token} />,
    );
  });
  app.post('/password/reset', limit('token-ip', 30, 15 * MINUTE), async (c) => {
    const locale = c.get('locale');
    const invalid = () =>
      renderPage(c, {
        title: t(locale, 'accounts.reset.title'),
        status: 400,
        private: true,
        body: (
          <MessageBody
            title={t(locale, 'accounts.reset.title')}
            message={t(locale, 'accounts.reset.invalid')}
            links={[{ href: `/${locale}/password/forgot`, label: t(locale, 'accounts.forgot.title') }]}
          />
        ),
      });
    return handleForm(
      c,
      ZResetPassword,
      async (data) =>
        (await resetPassword(deps, meta(c), data))
          ? c.redirect(`/${locale}/login?done=passwordReset`, 303)
          : invalid(),
      (errors, values) => {
        const form = formState(locale, values, errors, tt);
        return page(
          c,
          formTitle(locale, t(locale, 'accounts.reset.title'), form),
          <ResetBody locale={locale} form={form} csrf={csrf(c)} token={(values.token ?? '').slice(0, 100)} />,
          422,
        );
      },
    );
  });

  return app;
};
