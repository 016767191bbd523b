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
import { preferredName, requirePermission } from '../accounts/index.ts';
import { t } from './reports.messages.ts';
import { QueueBody } from './reports.queue.views.tsx';
import type { TReportStatus } from './reports.rules.ts';
import { ZAcceptForm, ZDeclineForm, ZFixForm, ZQueueQuery } from './reports.schemas.ts';
import { moveReport, QUEUE_PAGE_SIZE, queueFor, reportFor, type TRefusal } from './reports.service.ts';
import { ReportBody } from './reports.staff.views.tsx';

type C = Context<TAppEnv>;
const tt = t as TAnyTranslate;
const DONE = ['accepted', 'fixed', 'declined'] as const;

/** The editors' queue of error reports, mounted at /{locale}/staff/reports. */
export const createReportStaffRoutes = (deps: TDeps) => {
  const app = new Hono<TAppEnv>({ strict: false });
  const meta = (c: C) => callMeta(c, deps.config.trustProxy);
  app.post('*', rateLimit(deps, { name: 'reports-staff-write', limit: 120, windowMs: 10 * 60_000 }));
  const crumbs = (c: C): TCrumb[] => [
    { label: ts(c.get('locale'), 'shell.account.staff'), href: `/${c.get('locale')}/staff` },
    { label: t(c.get('locale'), 'reports.queue.title'), href: `/${c.get('locale')}/staff/reports` },
  ];

  app.get('/', async (c) => {
    const actor = requirePermission(c, 'manage:error-report');
    const locale = c.get('locale');
    const q = parseQuery(c, ZQueueQuery);
    const page = q.page ?? 1;
    const sort = q.sort ?? 'due';
    const queue = await queueFor(deps, actor, { status: q.status, sort, page });
    return renderPage(c, {
      title: t(locale, 'reports.queue.title'),
      private: true,
      breadcrumbs: [crumbs(c)[0] as TCrumb, { label: t(locale, 'reports.queue.title') }],
      body: (
        <QueueBody
          locale={locale}
          status={q.status}
          sort={sort}
          rows={queue.rows}
          counts={queue.counts}
          page={page}
          total={queue.total}
          pageSize={QUEUE_PAGE_SIZE}
          now={new Date().toISOString()}
        />
      ),
    });
  });

  const showReport = async (
    c: C,
    id: number,
    o: { form?: TFormState; status?: 200 | 409 | 422; refusal?: TRefusal } = {},
  ) => {
    const actor = requirePermission(c, 'manage:error-report');
    const locale = c.get('locale');
    const status = o.status ?? 200;
    const form = o.form ?? EMPTY_FORM;
    const { report, sightings, resolvedBy } = await reportFor(deps, meta(c), actor, id, status === 200);
    const done = c.req.query('done');
    return renderPage(c, {
      title: formTitle(locale, t(locale, 'reports.detail.title', { id }), form),
      status,
      private: true,
      breadcrumbs: [...crumbs(c), { label: t(locale, 'reports.detail.title', { id }) }],
      body: (
        <ReportBody
          locale={locale}
          csrf={c.get('shell').csrf(c)}
          report={report}
          sightings={sightings}
          resolvedBy={
            resolvedBy === undefined
              ? undefined
              : resolvedBy.deleted
                ? t(locale, 'reports.staffDeleted')
                : (preferredName(locale, resolvedBy) ?? resolvedBy.email)
          }
          now={new Date().toISOString()}
          form={form}
          flash={
            DONE.includes(done as (typeof DONE)[number])
              ? t(locale, `reports.done.${done as (typeof DONE)[number]}`)
              : undefined
          }
          refusal={
            o.refusal
              ? t(
                  locale,
                  o.refusal.kind === 'same' ? 'reports.transition.same' : 'reports.transition.final',
                  {
                    status: t(locale, `reports.status.${o.refusal.status}`),
                  },
                )
              : undefined
          }
        />
      ),
    });
  };

  app.get('/:id{[0-9]{1,9}}', (c) => showReport(c, Number(c.req.param('id'))));

  /** One action: a form, then the move; a move the status forbids shows the report again with a 409. */
  const action = <S extends z.ZodType>(
    path: string,
    schema: S,
    to: TReportStatus,
    noteOf: (data: z.infer<S>) => string | undefined,
  ) =>
    app.post(`/:id{[0-9]{1,9}}/${path}`, async (c) => {
      const actor = requirePermission(c, 'manage:error-report');
      const id = Number(c.req.param('id'));
      return handleForm(
        c,
        schema,
        async (data) => {
          try {
            await moveReport(deps, meta(c), actor, id, to, noteOf(data));
          } catch (err) {
            if (err instanceof AppError && err.code === 'CONFLICT' && err.cause) {
              return showReport(c, id, { status: 409, refusal: err.cause as TRefusal });
            }
            throw err;
          }
          return c.redirect(`/${c.get('locale')}/staff/reports/${id}?done=${to}`, 303);
        },
        (errors, values) =>
          showReport(c, id, { form: formState(c.get('locale'), values, errors, tt), status: 422 }),
      );
    });
  action('accept', ZAcceptForm, 'accepted', () => undefined);
  action('fix', ZFixForm, 'fixed', (d) => d.note);
  action('decline', ZDeclineForm, 'declined', (d) => d.reason);

  return app;
};
