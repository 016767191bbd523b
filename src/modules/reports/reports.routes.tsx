import { type Context, Hono } from 'hono';
import type { TDeps } from '../../platform/deps.ts';
import type { TAppEnv } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { handleForm } from '../../platform/http/form.ts';
import { hitRateLimit, rateLimit, type TRateLimitRule } from '../../platform/http/rate-limit.ts';
import { callMeta } from '../../platform/http/request-meta.ts';
import { parseQuery } from '../../platform/http/validate.ts';
import { ts } from '../../platform/i18n/shell.messages.ts';
import {
  EMPTY_FORM,
  formState,
  formTitle,
  type TAnyTranslate,
  type TFormState,
} from '../../platform/views/form.tsx';
import { renderPage } from '../../platform/views/page.tsx';
import { t } from './reports.messages.ts';
import { ZReportForm, ZReportPageQuery } from './reports.schemas.ts';
import { submitReport } from './reports.service.ts';
import { cleanPagePath } from './reports.url.ts';
import { ReportDialog, ReportFormBody, ReportSentBody } from './reports.views.tsx';

type C = Context<TAppEnv>;
const tt = t as TAnyTranslate;

/** Reports filed per address: generous for a careful reader, tight for a script. */
const REPORTS_FILED: TRateLimitRule = { name: 'report-filed', limit: 10, windowMs: 60 * 60_000 };

/** The dialog's script asks for JSON; the plain form gets pages and redirects. */
const wantsJson = (c: C) => /\bapplication\/json\b/.test(c.req.header('accept') ?? '');

/** The readers' error report, mounted at /{locale}/report: the plain form, the dialog and the thanks. */
export const createReportRoutes = (deps: TDeps) => {
  const app = new Hono<TAppEnv>({ strict: false });
  // Looking at the form or fetching the dialog is cheap, but still bounded per address.
  const views = rateLimit(deps, { name: 'report-view', limit: 300, windowMs: 10 * 60_000 });

  const show = (c: C, form: TFormState, back: string | undefined, status: 200 | 422 = 200) => {
    const locale = c.get('locale');
    return renderPage(c, {
      title: formTitle(locale, t(locale, 'reports.title'), form),
      description: t(locale, 'reports.lead'),
      // A form about another page: not indexed, and it carries no "report an error" link of its own.
      private: true,
      status,
      breadcrumbs: [{ label: t(locale, 'reports.title') }],
      body: <ReportFormBody locale={locale} csrf={c.get('shell').csrf(c)} form={form} back={back} />,
    });
  };

  app.get('/', views, (c) => {
    const { page } = parseQuery(c, ZReportPageQuery);
    const back = page === undefined ? undefined : cleanPagePath(page);
    return show(c, back ? { values: { page: back }, errors: {} } : EMPTY_FORM, back);
  });

  app.get('/dialog', views, (c) => {
    const locale = c.get('locale');
    c.header('Cache-Control', 'no-store');
    c.header('X-Robots-Tag', 'noindex');
    return c.html(
      <ReportDialog locale={locale} csrf={c.get('shell').csrf(c)} optional={ts(locale, 'form.optional')} />,
    );
  });

  // Every post counts against a loose limit; filed reports against a tight one, so typos cost nothing.
  app.post('/', rateLimit(deps, { name: 'report-post', limit: 60, windowMs: 60 * 60_000 }), (c) =>
    handleForm(
      c,
      ZReportForm,
      async (data) => {
        const locale = c.get('locale');
        const meta = callMeta(c, deps.config.trustProxy);
        const filed = await hitRateLimit(deps.db, deps.config.sessionSecret, REPORTS_FILED, meta.ip);
        if (!filed.allowed) {
          throw new AppError('RATE_LIMITED', 'Too many reports', {
            retryAfterSeconds: filed.retryAfterSeconds,
          });
        }
        await submitReport(deps, meta, data);
        if (wantsJson(c)) return c.json({ ok: true });
        // Post/redirect/get: reloading the thanks does not file the report again.
        return c.redirect(`/${locale}/report/sent?page=${encodeURIComponent(data.page)}`, 303);
      },
      (errors, values) => {
        const locale = c.get('locale');
        const form = formState(locale, values, errors, tt);
        if (wantsJson(c)) return c.json({ errors: form.errors }, 422);
        return show(c, form, cleanPagePath(values.page ?? ''), 422);
      },
    ),
  );

  app.get('/sent', (c) => {
    const locale = c.get('locale');
    const { page } = parseQuery(c, ZReportPageQuery);
    return renderPage(c, {
      title: t(locale, 'reports.sent.title'),
      private: true,
      breadcrumbs: [{ label: t(locale, 'reports.sent.title') }],
      body: <ReportSentBody locale={locale} back={page === undefined ? undefined : cleanPagePath(page)} />,
    });
  });

  return app;
};
