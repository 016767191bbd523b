import { type Context, Hono } from 'hono';
import type { TDeps } from '../../platform/deps.ts';
import type { TAppEnv } from '../../platform/http/context.ts';
import { handleForm } from '../../platform/http/form.ts';
import { callMeta } from '../../platform/http/request-meta.ts';
import {
  EMPTY_FORM,
  formState,
  formTitle,
  type TAnyTranslate,
  type TFormState,
} from '../../platform/views/form.tsx';
import { renderPage } from '../../platform/views/page.tsx';
import { requirePermission } from '../accounts/index.ts';
import { flashOf, postLimit, seeOther } from './organizations.http.ts';
import { t } from './organizations.messages.ts';
import { ZDecisionForm, ZReasonForm, ZVerifyForm } from './organizations.schemas.ts';
import {
  changeFor,
  decideChangeRequest,
  staffOrg,
  staffQueue,
  unverifyOrganization,
  verifyOrganization,
} from './organizations.staff.service.ts';
import { ChangeBody, QueueBody, StaffOrgBody } from './organizations.staff.views.tsx';

type C = Context<TAppEnv>;
const tt = t as TAnyTranslate;
const SLUG = '{[a-z0-9-]+}';
const ID = '{[0-9]{1,9}}';

/** Staff pages for verification and change review, mounted under /{locale}/staff/organizations. */
export const createOrganizationsStaffRoutes = (deps: TDeps) => {
  const app = new Hono<TAppEnv>({ strict: false });
  const meta = (c: C) => callMeta(c, deps.config.trustProxy);
  const crumbs = (c: C) => [
    {
      label: t(c.get('locale'), 'organizations.staff.title'),
      href: `/${c.get('locale')}/staff/organizations`,
    },
  ];

  app.get('/', async (c) => {
    const actor = requirePermission(c, 'verify:organization');
    const locale = c.get('locale');
    const queue = await staffQueue(deps, actor);
    return renderPage(c, {
      title: t(locale, 'organizations.staff.title'),
      breadcrumbs: [{ label: t(locale, 'organizations.staff.title') }],
      private: true,
      body: (
        <QueueBody locale={locale} unverified={queue.unverified} changes={queue.changes} flash={flashOf(c)} />
      ),
    });
  });

  const showOrg = async (c: C, slug: string, form?: TFormState) => {
    const locale = c.get('locale');
    const org = await staffOrg(deps, c.get('actor'), slug);
    const shown = form ?? EMPTY_FORM;
    const title = t(locale, 'organizations.staff.review', { name: org.name[locale] });
    return renderPage(c, {
      title: formTitle(locale, title, shown),
      breadcrumbs: [...crumbs(c), { label: org.name[locale] }],
      private: true,
      status: form ? 422 : undefined,
      body: <StaffOrgBody locale={locale} org={org} form={shown} csrf={c.get('shell').csrf(c)} />,
    });
  };

  app.get(`/:slug${SLUG}`, (c) => {
    requirePermission(c, 'verify:organization');
    return showOrg(c, c.req.param('slug'));
  });

  app.post(`/:slug${SLUG}/verify`, postLimit(deps, 'org-staff', 120), async (c) => {
    const actor = requirePermission(c, 'verify:organization');
    const slug = c.req.param('slug');
    return handleForm(
      c,
      ZVerifyForm,
      async (data) => {
        await verifyOrganization(deps, meta(c), actor, slug, data.note);
        return seeOther(c, '/staff/organizations', 'verified');
      },
      (errors, values) => showOrg(c, slug, formState(c.get('locale'), values, errors, tt)),
    );
  });

  app.post(`/:slug${SLUG}/unverify`, postLimit(deps, 'org-staff', 120), async (c) => {
    const actor = requirePermission(c, 'verify:organization');
    const slug = c.req.param('slug');
    return handleForm(
      c,
      ZReasonForm,
      async (data) => {
        await unverifyOrganization(deps, meta(c), actor, slug, data.reason);
        return seeOther(c, '/staff/organizations', 'unverified');
      },
      (errors, values) => showOrg(c, slug, formState(c.get('locale'), values, errors, tt)),
    );
  });

  const showChange = async (c: C, id: number, form?: TFormState) => {
    const locale = c.get('locale');
    const change = await changeFor(deps, c.get('actor'), id);
    const shown = form ?? EMPTY_FORM;
    const title = t(locale, 'organizations.staff.changeTitle', { name: change.org.name[locale] });
    return renderPage(c, {
      title: formTitle(locale, title, shown),
      breadcrumbs: [...crumbs(c), { label: title }],
      private: true,
      status: form ? 422 : undefined,
      body: <ChangeBody locale={locale} change={change} form={shown} csrf={c.get('shell').csrf(c)} />,
    });
  };

  app.get(`/changes/:id${ID}`, (c) => {
    requirePermission(c, 'review:organization-change');
    return showChange(c, Number(c.req.param('id')));
  });

  for (const decision of ['approve', 'decline'] as const) {
    app.post(`/changes/:id${ID}/${decision}`, postLimit(deps, 'org-staff', 120), async (c) => {
      const actor = requirePermission(c, 'review:organization-change');
      const id = Number(c.req.param('id'));
      return handleForm(
        c,
        ZDecisionForm,
        async (data) => {
          await decideChangeRequest(deps, meta(c), actor, id, decision, data.note);
          return seeOther(
            c,
            '/staff/organizations',
            decision === 'approve' ? 'changeApproved' : 'changeDeclined',
          );
        },
        (errors, values) => showChange(c, id, formState(c.get('locale'), values, errors, tt)),
      );
    });
  }

  return app;
};
