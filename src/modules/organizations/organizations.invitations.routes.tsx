import { Hono } from 'hono';
import type { TDeps } from '../../platform/deps.ts';
import type { TAppEnv } from '../../platform/http/context.ts';
import { handleForm } from '../../platform/http/form.ts';
import { callMeta } from '../../platform/http/request-meta.ts';
import { renderPage } from '../../platform/views/page.tsx';
import { requireActor } from '../accounts/index.ts';
import { postLimit, seeOther } from './organizations.http.ts';
import { acceptInvitation, invitationFor } from './organizations.invitations.service.ts';
import { t } from './organizations.messages.ts';
import { ZEmpty } from './organizations.schemas.ts';
import { InvitationBody } from './organizations.staff.views.tsx';

// Tokens we hand out are 43 base64url characters; any other path is a plain 404.
const TOKEN = '{[A-Za-z0-9_-]{43}}';

/** The page an invitation link opens, and accepting it; mounted under /{locale}/invitations. */
export const createInvitationRoutes = (deps: TDeps) => {
  const app = new Hono<TAppEnv>({ strict: false });

  app.get(`/:token${TOKEN}`, async (c) => {
    const locale = c.get('locale');
    const token = c.req.param('token');
    const inv = await invitationFor(deps, c.get('actor'), token);
    c.header('Cache-Control', 'no-store');
    return renderPage(c, {
      title: t(locale, 'organizations.invitation.title', { name: inv.org.name[locale] }),
      private: true,
      body: (
        <InvitationBody
          locale={locale}
          org={inv.org}
          role={inv.role}
          state={inv.state}
          csrf={c.get('shell').csrf(c)}
          path={`/${locale}/invitations/${token}`}
        />
      ),
    });
  });

  app.post(`/:token${TOKEN}`, postLimit(deps, 'org-accept', 20), async (c) => {
    const actor = requireActor(c);
    return handleForm(
      c,
      ZEmpty,
      async () =>
        seeOther(
          c,
          `/organizations/${await acceptInvitation(deps, callMeta(c, deps.config.trustProxy), actor, c.req.param('token'))}`,
          'joined',
        ),
      () => {
        throw new Error('an empty form cannot be invalid');
      },
    );
  });

  return app;
};
