import type { Context } from 'hono';
import { Hono } from 'hono';
import type { TDeps } from '../../platform/deps.ts';
import type { TAppEnv } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { parseForm } from '../../platform/http/form.ts';
import { rateLimit } from '../../platform/http/rate-limit.ts';
import { callMeta } from '../../platform/http/request-meta.ts';
import { parseQuery } from '../../platform/http/validate.ts';
import { renderPage } from '../../platform/views/page.tsx';
import { requirePermission, requireStaff } from './accounts.guard.ts';
import { t } from './accounts.messages.ts';
import { can, canChangeRole } from './accounts.policy.ts';
import { ZAuditQuery, ZPeopleQuery, ZRoleChange } from './accounts.schemas.ts';
import {
  auditFor,
  changeRole,
  personFor,
  resetSecondFactorFor,
  searchPeopleFor,
} from './accounts.staff.service.ts';
import { AuditBody, PeopleBody, PersonBody, StaffHomeBody } from './accounts.staff.views.tsx';

/** Staff pages for people and the audit log, mounted under /{locale}/staff. */
export const createStaffRoutes = (deps: TDeps) => {
  const app = new Hono<TAppEnv>({ strict: false });
  const meta = (c: Context<TAppEnv>) => callMeta(c, deps.config.trustProxy);
  app.post('*', rateLimit(deps, { name: 'staff-write', limit: 120, windowMs: 10 * 60_000 }));

  app.get('/', (c) => {
    const actor = requireStaff(c);
    const locale = c.get('locale');
    const links = [
      can(actor, 'verify:organization')
        ? {
            href: `/${locale}/staff/organizations`,
            title: t(locale, 'accounts.staff.organizations'),
            lead: t(locale, 'accounts.staff.organizationsLead'),
          }
        : undefined,
      can(actor, 'manage:directory')
        ? {
            href: `/${locale}/staff/directory`,
            title: t(locale, 'accounts.staff.directory'),
            lead: t(locale, 'accounts.staff.directoryLead'),
          }
        : undefined,
      can(actor, 'manage:contact')
        ? {
            href: `/${locale}/staff/contact`,
            title: t(locale, 'accounts.staff.contact'),
            lead: t(locale, 'accounts.staff.contactLead'),
          }
        : undefined,
      can(actor, 'manage:error-report')
        ? {
            href: `/${locale}/staff/reports`,
            title: t(locale, 'accounts.staff.reports'),
            lead: t(locale, 'accounts.staff.reportsLead'),
          }
        : undefined,
      can(actor, 'manage:statistics')
        ? {
            href: `/${locale}/staff/statistics`,
            title: t(locale, 'accounts.staff.statistics'),
            lead: t(locale, 'accounts.staff.statisticsLead'),
          }
        : undefined,
      can(actor, 'read:person:any')
        ? {
            href: `/${locale}/staff/people`,
            title: t(locale, 'accounts.staff.people'),
            lead: t(locale, 'accounts.staff.peopleLead'),
          }
        : undefined,
      can(actor, 'read:audit')
        ? {
            href: `/${locale}/staff/audit`,
            title: t(locale, 'accounts.staff.audit'),
            lead: t(locale, 'accounts.staff.auditLead', { days: deps.config.auditRetentionDays }),
          }
        : undefined,
    ].filter((l) => l !== undefined);
    return renderPage(c, {
      title: t(locale, 'accounts.staff.title'),
      private: true,
      breadcrumbs: [{ label: t(locale, 'accounts.staff.title') }],
      body: <StaffHomeBody locale={locale} links={links} />,
    });
  });

  const crumbs = (locale: 'en' | 'zh', label: string) => [
    { label: t(locale, 'accounts.staff.title'), href: `/${locale}/staff` },
    { label },
  ];

  app.get('/people', async (c) => {
    const actor = requirePermission(c, 'read:person:any');
    const locale = c.get('locale');
    const q = parseQuery(c, ZPeopleQuery);
    const text = (q.q ?? '').trim();
    const page = q.page ?? 1;
    const result = await searchPeopleFor(deps, meta(c), actor, text, page);
    return renderPage(c, {
      title: t(locale, 'accounts.staff.people'),
      private: true,
      breadcrumbs: crumbs(locale, t(locale, 'accounts.staff.people')),
      body: <PeopleBody locale={locale} q={text} page={page} rows={result.rows} total={result.total} />,
    });
  });

  app.get('/people/:id{[0-9]{1,9}}', async (c) => {
    const actor = requirePermission(c, 'read:person:any');
    const locale = c.get('locale');
    const id = Number(c.req.param('id'));
    const { person, sessions } = await personFor(deps, meta(c), actor, id);
    return renderPage(c, {
      title: person.email,
      private: true,
      breadcrumbs: [
        { label: t(locale, 'accounts.staff.title'), href: `/${locale}/staff` },
        { label: t(locale, 'accounts.staff.people'), href: `/${locale}/staff/people` },
        { label: person.email },
      ],
      body: (
        <PersonBody
          locale={locale}
          csrf={c.get('shell').csrf(c)}
          person={person}
          sessions={sessions}
          canChange={canChangeRole(actor, id)}
          flash={
            c.req.query('done') === 'roleChanged'
              ? t(locale, 'accounts.done.roleChanged')
              : c.req.query('done') === 'twoFactorReset'
                ? t(locale, 'accounts.done.twoFactorReset')
                : undefined
          }
        />
      ),
    });
  });

  app.post('/people/:id{[0-9]{1,9}}/role', async (c) => {
    const actor = requirePermission(c, 'update:person:role');
    const id = Number(c.req.param('id'));
    const parsed = await parseForm(c, ZRoleChange);
    if (!parsed.ok) throw new AppError('INVALID', 'Choose one of the roles');
    await changeRole(deps, meta(c), actor, id, parsed.data.role);
    return c.redirect(`/${c.get('locale')}/staff/people/${id}?done=roleChanged`, 303);
  });

  app.post('/people/:id{[0-9]{1,9}}/two-factor/reset', async (c) => {
    const actor = requirePermission(c, 'update:person:role');
    const id = Number(c.req.param('id'));
    await resetSecondFactorFor(deps, meta(c), actor, id);
    return c.redirect(`/${c.get('locale')}/staff/people/${id}?done=twoFactorReset`, 303);
  });

  app.get('/audit', async (c) => {
    const actor = requirePermission(c, 'read:audit');
    const locale = c.get('locale');
    const q = parseQuery(c, ZAuditQuery);
    const page = q.page ?? 1;
    const result = await auditFor(deps, meta(c), actor, {
      actorId: typeof q.actor === 'number' ? q.actor : undefined,
      action: q.action?.trim() || undefined,
      subjectType: q.subject_type?.trim() || undefined,
      subjectId: q.subject_id?.trim() || undefined,
      text: q.q?.trim() || undefined,
      from: q.from || undefined,
      to: q.to || undefined,
      limit: 50,
      offset: (page - 1) * 50,
    });
    return renderPage(c, {
      title: t(locale, 'accounts.staff.audit'),
      private: true,
      breadcrumbs: crumbs(locale, t(locale, 'accounts.staff.audit')),
      body: (
        <AuditBody
          locale={locale}
          filters={{
            actor: q.actor === undefined || q.actor === '' ? '' : String(q.actor),
            action: q.action ?? '',
            subject_type: q.subject_type ?? '',
            subject_id: q.subject_id ?? '',
            q: q.q ?? '',
            from: q.from ?? '',
            to: q.to ?? '',
          }}
          page={page}
          rows={result.rows}
          total={result.total}
          names={result.names}
          retentionDays={deps.config.auditRetentionDays}
        />
      ),
    });
  });

  return app;
};
