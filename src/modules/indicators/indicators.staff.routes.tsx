import { type Context, Hono } from 'hono';
import type { z } from 'zod';
import type { TDeps } from '../../platform/deps.ts';
import type { TAppEnv } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { handleForm } from '../../platform/http/form.ts';
import { rateLimit } from '../../platform/http/rate-limit.ts';
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
import type { TCrumb } from '../../platform/views/layout.tsx';
import { renderPage } from '../../platform/views/page.tsx';
import { requirePermission } from '../accounts/index.ts';
import { computedOverview, recomputeByStaff } from './indicators.computed.service.ts';
import { StatisticsStaffBody } from './indicators.computed.views.tsx';
import { periodLabel } from './indicators.format.ts';
import { t } from './indicators.reporting.messages.ts';
import { ZApprovePost, ZQueueQuery, ZReturnPost } from './indicators.reporting.schemas.ts';
import {
  decideReport,
  QUEUE_PAGE_SIZE,
  reportForReview,
  reportQueue,
} from './indicators.reporting.staff.service.ts';
import { QueueBody, ReviewBody } from './indicators.staff.views.tsx';

// Staff pages of statistics, mounted at /{locale}/staff/statistics: the computed indicators and their
// recompute button, and the review queue of quarterly reports. Staff administrators only (the
// `manage:statistics` permission, which also covers corrections of published figures).

type C = Context<TAppEnv>;
const tt = t as TAnyTranslate;
const ID = '{[0-9]{1,9}}';
const DONE = ['approved', 'returned'] as const;

/** Staff statistics pages, mounted at /{locale}/staff/statistics. */
export const createIndicatorsStaffRoutes = (deps: TDeps) => {
  const app = new Hono<TAppEnv>({ strict: false });
  const meta = (c: C) => callMeta(c, deps.config.trustProxy);
  app.post('*', rateLimit(deps, { name: 'statistics-staff-write', limit: 120, windowMs: 10 * 60_000 }));
  const crumbs = (c: C): TCrumb[] => [
    { label: ts(c.get('locale'), 'shell.account.staff'), href: `/${c.get('locale')}/staff` },
    { label: t(c.get('locale'), 'indicators.staff.title'), href: `/${c.get('locale')}/staff/statistics` },
  ];

  app.get('/', async (c) => {
    const actor = requirePermission(c, 'manage:statistics');
    const locale = c.get('locale');
    const overview = await computedOverview(deps, actor);
    const queue = await reportQueue(deps, actor, { status: 'submitted', page: 1 });
    const last = overview.runs[0];
    return renderPage(c, {
      title: t(locale, 'indicators.staff.title'),
      private: true,
      breadcrumbs: [crumbs(c)[0] as TCrumb, { label: t(locale, 'indicators.staff.title') }],
      body: (
        <StatisticsStaffBody
          locale={locale}
          csrf={c.get('shell').csrf(c)}
          overview={overview}
          waiting={queue.counts.submitted ?? 0}
          flash={
            c.req.query('done') === 'recomputed' && last
              ? t(locale, 'indicators.staff.recomputed', {
                  period: periodLabel(locale, last.period),
                  ms: Number(last.ms),
                  inserted: Number(last.inserted),
                  updated: Number(last.updated),
                  unchanged: Number(last.unchanged),
                })
              : undefined
          }
        />
      ),
    });
  });

  app.post('/recompute', async (c) => {
    const actor = requirePermission(c, 'manage:statistics');
    await recomputeByStaff(deps, actor, meta(c));
    return c.redirect(`/${c.get('locale')}/staff/statistics?done=recomputed`, 303);
  });

  app.get('/reports', async (c) => {
    const actor = requirePermission(c, 'manage:statistics');
    const locale = c.get('locale');
    const q = parseQuery(c, ZQueueQuery);
    const page = q.page ?? 1;
    const queue = await reportQueue(deps, actor, { status: q.status, page });
    return renderPage(c, {
      title: t(locale, 'indicators.queue.title'),
      private: true,
      breadcrumbs: [...crumbs(c), { label: t(locale, 'indicators.queue.title') }],
      body: (
        <QueueBody
          locale={locale}
          status={q.status}
          rows={queue.rows}
          counts={queue.counts}
          page={page}
          total={queue.total}
          pageSize={QUEUE_PAGE_SIZE}
        />
      ),
    });
  });

  const showReview = async (c: C, id: number, o: { form?: TFormState; status?: 200 | 409 | 422 } = {}) => {
    const actor = requirePermission(c, 'manage:statistics');
    const locale = c.get('locale');
    const review = await reportForReview(deps, actor, id);
    const form = o.form ?? EMPTY_FORM;
    const title = t(locale, 'indicators.review.title', {
      org: review.org.name[locale] || review.org.name.en,
      period: periodLabel(locale, review.report.period),
    });
    const done = c.req.query('done');
    return renderPage(c, {
      title: formTitle(locale, title, form),
      status: o.status ?? 200,
      private: true,
      breadcrumbs: [
        ...crumbs(c),
        { label: t(locale, 'indicators.queue.title'), href: `/${locale}/staff/statistics/reports` },
        { label: title },
      ],
      body: (
        <ReviewBody
          locale={locale}
          csrf={c.get('shell').csrf(c)}
          review={review}
          form={form}
          notice={o.status === 409 ? t(locale, 'indicators.review.conflict') : undefined}
          flash={
            (o.status ?? 200) === 200 && DONE.includes(done as (typeof DONE)[number])
              ? t(locale, `indicators.review.done.${done as (typeof DONE)[number]}`)
              : undefined
          }
        />
      ),
    });
  };

  app.get(`/reports/:id${ID}`, (c) => showReview(c, Number(c.req.param('id'))));

  const decide = <S extends z.ZodType>(
    path: string,
    schema: S,
    approve: boolean,
    noteOf: (d: z.infer<S>) => string | undefined,
  ) =>
    app.post(`/reports/:id${ID}/${path}`, async (c) => {
      const actor = requirePermission(c, 'manage:statistics');
      const id = Number(c.req.param('id'));
      // Reports that do not exist (or are drafts) are "not found" before the form is read.
      await reportForReview(deps, actor, id);
      return handleForm(
        c,
        schema,
        async (data) => {
          try {
            const note = noteOf(data);
            await decideReport(
              deps,
              actor,
              meta(c),
              id,
              approve ? { approve: true, note } : { approve: false, note: note as string },
            );
          } catch (err) {
            if (err instanceof AppError && err.code === 'CONFLICT') return showReview(c, id, { status: 409 });
            throw err;
          }
          return c.redirect(
            `/${c.get('locale')}/staff/statistics/reports/${id}?done=${approve ? 'approved' : 'returned'}`,
            303,
          );
        },
        (errors, values) =>
          showReview(c, id, { form: formState(c.get('locale'), values, errors, tt), status: 422 }),
      );
    });
  decide('approve', ZApprovePost, true, (d) => d.note);
  decide('return', ZReturnPost, false, (d) => d.reason);

  return app;
};
