import { type Context, Hono } from 'hono';
import type { TDeps } from '../../platform/deps.ts';
import type { TAppEnv } from '../../platform/http/context.ts';
import { AppError, type TFieldErrors } from '../../platform/http/errors.ts';
import { handleForm } from '../../platform/http/form.ts';
import { clientIp, rateLimit } from '../../platform/http/rate-limit.ts';
import { callMeta } from '../../platform/http/request-meta.ts';
import { formatNumber } from '../../platform/i18n/format.ts';
import {
  EMPTY_FORM,
  formState,
  formTitle,
  type TAnyTranslate,
  type TFormState,
} from '../../platform/views/form.tsx';
import { renderPage } from '../../platform/views/page.tsx';
import { requireActor } from '../accounts/index.ts';
import { cityDay } from './indicators.calendar.ts';
import { periodLabel } from './indicators.format.ts';
import { t } from './indicators.reporting.messages.ts';
import type { TFieldName, TJump } from './indicators.reporting.rules.ts';
import { ZReportPost } from './indicators.reporting.schemas.ts';
import { JUMP_WARNING, reportForm, reportsOverview, saveReport } from './indicators.reporting.service.ts';
import { ReportFormBody, ReportsListBody } from './indicators.reporting.views.tsx';

// The organisation's periodic reports, under its own address: /{locale}/organizations/:slug/reports.
// A report belongs to the organisation, not to the person filling it (any of its owners and admins may
// continue a draft), so it lives beside the organisation's page rather than under /account.

type C = Context<TAppEnv>;
const tt = t as TAnyTranslate;
const SLUG = '{[a-z0-9-]+}';
const PERIOD = '{[0-9]{4}-Q[1-4]}';
const DONE = ['draft', 'submitted'] as const;

/** Jump warnings among field errors: which fields need a confirmation, and their values. */
const jumpsIn = (errors: TFieldErrors): Map<TFieldName, TJump> => {
  const out = new Map<TFieldName, TJump>();
  for (const [name, e] of Object.entries(errors)) {
    if (e.key === JUMP_WARNING)
      out.set(name as TFieldName, { previous: Number(e.params?.previous), value: Number(e.params?.value) });
  }
  return out;
};

/** Periodic report pages of organisations, mounted at /{locale}/organizations (beside their pages). */
export const createReportingRoutes = (deps: TDeps) => {
  const app = new Hono<TAppEnv>({ strict: false });
  const meta = (c: C) => callMeta(c, deps.config.trustProxy);
  const limit = rateLimit(deps, { name: 'indicator-report', limit: 60, windowMs: 10 * 60_000 }, (c) => {
    const actor = c.get('actor');
    return actor ? `person:${actor.personId}` : `ip:${clientIp(c, deps.config.trustProxy)}`;
  });
  const crumbs = (c: C, org: { slug: string; name: { en: string; zh: string } }) => {
    const locale = c.get('locale');
    return [
      { label: org.name[locale] || org.name.en, href: `/${locale}/organizations/${org.slug}` },
      {
        label: t(locale, 'indicators.reporting.title'),
        href: `/${locale}/organizations/${org.slug}/reports`,
      },
    ];
  };

  app.get(`/:slug${SLUG}/reports`, async (c) => {
    const actor = requireActor(c);
    const locale = c.get('locale');
    const overview = await reportsOverview(deps, actor, c.req.param('slug'));
    return renderPage(c, {
      title: `${t(locale, 'indicators.reporting.title')}: ${overview.org.name[locale] || overview.org.name.en}`,
      private: true,
      breadcrumbs: [
        crumbs(c, overview.org)[0] as { label: string; href: string },
        { label: t(locale, 'indicators.reporting.title') },
      ],
      body: <ReportsListBody locale={locale} overview={overview} />,
    });
  });

  const showForm = async (
    c: C,
    o: { form?: TFormState; jumps?: Map<TFieldName, TJump>; status?: 200 | 409 | 422; notice?: string } = {},
  ) => {
    const actor = requireActor(c);
    const locale = c.get('locale');
    const ctx = await reportForm(deps, actor, c.req.param('slug') as string, c.req.param('period') as string);
    const form = o.form ?? EMPTY_FORM;
    const title = t(locale, 'indicators.reporting.form.title', { period: periodLabel(locale, ctx.period) });
    const done = c.req.query('done');
    return renderPage(c, {
      title: formTitle(locale, title, form),
      status: o.status ?? 200,
      private: true,
      breadcrumbs: [...crumbs(c, ctx.org), { label: periodLabel(locale, ctx.period) }],
      body: (
        <ReportFormBody
          locale={locale}
          csrf={c.get('shell').csrf(c)}
          ctx={ctx}
          form={form}
          jumps={o.jumps ?? new Map()}
          today={cityDay(new Date())}
          notice={o.notice}
          flash={
            (o.status ?? 200) === 200 && DONE.includes(done as (typeof DONE)[number])
              ? t(locale, `indicators.reporting.done.${done as (typeof DONE)[number]}`)
              : undefined
          }
        />
      ),
    });
  };

  app.get(`/:slug${SLUG}/reports/:period${PERIOD}`, (c) => showForm(c));

  app.post(`/:slug${SLUG}/reports/:period${PERIOD}`, limit, async (c) => {
    const actor = requireActor(c);
    const locale = c.get('locale');
    const slug = c.req.param('slug');
    const period = c.req.param('period');
    // Outsiders get "not found" before anything they sent is read.
    await reportForm(deps, actor, slug, period);
    return handleForm(
      c,
      ZReportPost,
      async (data) => {
        try {
          const status = await saveReport(deps, actor, meta(c), slug, period, {
            mode: data.action ?? 'draft',
            form: data,
          });
          return c.redirect(`/${locale}/organizations/${slug}/reports/${period}?done=${status}`, 303);
        } catch (err) {
          if (err instanceof AppError && err.code === 'CONFLICT')
            return showForm(c, { status: 409, notice: t(locale, 'indicators.reporting.form.conflict') });
          throw err;
        }
      },
      (errors, values) => {
        const jumps = jumpsIn(errors);
        // Numbers in messages (last quarter's value, a maximum) as the reader writes them.
        const shown: TFieldErrors = Object.fromEntries(
          Object.entries(errors).map(([name, e]) => [
            name,
            {
              key: e.key,
              params: Object.fromEntries(
                Object.entries(e.params ?? {}).map(([k, v]) => [
                  k,
                  typeof v === 'number' ? formatNumber(locale, v) : v,
                ]),
              ),
            },
          ]),
        );
        return showForm(c, { form: formState(locale, values, shown, tt), jumps, status: 422 });
      },
    );
  });

  return app;
};
