import { type Context, Hono } from 'hono';
import type { TDeps } from '../../platform/deps.ts';
import type { TAppEnv } from '../../platform/http/context.ts';
import type { TFieldErrors } from '../../platform/http/errors.ts';
import { handleForm, type TFormValues } from '../../platform/http/form.ts';
import { callMeta } from '../../platform/http/request-meta.ts';
import {
  EMPTY_FORM,
  formState,
  formTitle,
  type TAnyTranslate,
  type TFormState,
} from '../../platform/views/form.tsx';
import { renderPage } from '../../platform/views/page.tsx';
import { requireActor } from '../accounts/index.ts';
import { EditOrganizationBody, NewOrganizationBody, orgValues } from './organizations.form.views.tsx';
import { flashOf, postLimit, seeOther } from './organizations.http.ts';
import { inviteMember, revokeInvitation } from './organizations.invitations.service.ts';
import {
  changeMemberRole,
  decideJoin,
  profileFor,
  removeMember,
  requestToJoin,
} from './organizations.members.service.ts';
import { t } from './organizations.messages.ts';
import { ProfileBody } from './organizations.profile.views.tsx';
import { ZEmpty, ZInvitationForm, ZJoinForm, ZOrganizationForm, ZRoleForm } from './organizations.schemas.ts';
import {
  assertManager,
  createOrganization,
  editFormFor,
  mayCreate,
  myOrganizations,
  updateOrganization,
} from './organizations.service.ts';
import { MyOrganizationsBody } from './organizations.views.tsx';

type C = Context<TAppEnv>;
const tt = t as TAnyTranslate;
type TProfileForm = 'invite' | 'join' | 'members';

// Ids in paths are short digit runs: anything longer is not ours (and would overflow an integer column).
const ID = '{[0-9]{1,9}}';
const SLUG = '{[a-z0-9-]+}';

/** Organisation pages and form posts, mounted under /{locale}/organizations. */
export const createOrganizationsRoutes = (deps: TDeps) => {
  const app = new Hono<TAppEnv>({ strict: false });
  const meta = (c: C) => callMeta(c, deps.config.trustProxy);
  const crumbs = (c: C) => [
    { label: t(c.get('locale'), 'organizations.title'), href: `/${c.get('locale')}/organizations` },
  ];

  const showNew = (c: C, form: TFormState, status?: 403 | 422) => {
    const locale = c.get('locale');
    const title = t(locale, 'organizations.new.title');
    return renderPage(c, {
      title: formTitle(locale, title, form),
      breadcrumbs: [...crumbs(c), { label: title }],
      private: true,
      status,
      body: (
        <NewOrganizationBody
          locale={locale}
          form={form}
          csrf={c.get('shell').csrf(c)}
          mayCreate={mayCreate(c.get('actor'))}
        />
      ),
    });
  };

  /** The profile page, optionally with one of its forms showing problems (then 422). */
  const showProfile = async (
    c: C,
    slug: string,
    which?: TProfileForm,
    errors?: TFieldErrors,
    values?: TFormValues,
  ) => {
    const locale = c.get('locale');
    const actor = c.get('actor');
    const profile = await profileFor(deps, callMeta(c, deps.config.trustProxy), actor, slug);
    const forms = { invite: EMPTY_FORM, join: EMPTY_FORM, members: EMPTY_FORM };
    if (which && errors) forms[which] = formState(locale, values ?? {}, errors, tt);
    const name = profile.org.name[locale];
    return renderPage(c, {
      title: which ? formTitle(locale, name, forms[which]) : name,
      description: profile.org.summary[locale] ?? undefined,
      breadcrumbs: [...crumbs(c), { label: name }],
      private: actor !== undefined,
      status: which ? 422 : undefined,
      body: (
        <ProfileBody
          locale={locale}
          profile={profile}
          csrf={actor ? c.get('shell').csrf(c) : undefined}
          me={actor ? { personId: actor.personId, emailVerified: actor.emailVerified } : undefined}
          flash={flashOf(c)}
          forms={forms}
        />
      ),
    });
  };

  app.get('/', async (c) => {
    const actor = requireActor(c);
    const locale = c.get('locale');
    return renderPage(c, {
      title: t(locale, 'organizations.mine.title'),
      breadcrumbs: [{ label: t(locale, 'organizations.title') }],
      private: true,
      body: (
        <MyOrganizationsBody
          locale={locale}
          items={await myOrganizations(deps, actor.personId)}
          flash={flashOf(c)}
        />
      ),
    });
  });

  app.get('/new', (c) => {
    requireActor(c);
    return showNew(c, EMPTY_FORM);
  });

  app.post('/', postLimit(deps, 'org-create', 20), async (c) => {
    const actor = requireActor(c);
    if (!mayCreate(actor)) return showNew(c, EMPTY_FORM, 403);
    const locale = c.get('locale');
    return handleForm(
      c,
      ZOrganizationForm,
      async (data) =>
        seeOther(c, `/organizations/${await createOrganization(deps, meta(c), actor, data)}`, 'created'),
      (errors, values) => showNew(c, formState(locale, values, errors, tt), 422),
    );
  });

  app.get(`/:slug${SLUG}`, (c) => showProfile(c, c.req.param('slug')));

  const showEdit = async (c: C, slug: string, form?: TFormState) => {
    const locale = c.get('locale');
    const { org, hasPendingChange } = await editFormFor(deps, c.get('actor'), slug);
    const shown = form ?? { values: orgValues(org), errors: {} };
    const title = t(locale, 'organizations.edit.title', { name: org.name[locale] });
    return renderPage(c, {
      title: formTitle(locale, title, shown),
      breadcrumbs: [
        ...crumbs(c),
        { label: org.name[locale], href: `/${locale}/organizations/${org.slug}` },
        { label: title },
      ],
      private: true,
      status: form ? 422 : undefined,
      body: (
        <EditOrganizationBody
          locale={locale}
          org={org}
          form={shown}
          csrf={c.get('shell').csrf(c)}
          hasPendingChange={hasPendingChange}
        />
      ),
    });
  };

  app.get(`/:slug${SLUG}/edit`, (c) => {
    requireActor(c);
    return showEdit(c, c.req.param('slug'));
  });

  app.post(`/:slug${SLUG}/edit`, postLimit(deps, 'org-edit'), async (c) => {
    const actor = requireActor(c);
    const slug = c.req.param('slug');
    return handleForm(
      c,
      ZOrganizationForm,
      async (data) =>
        seeOther(c, `/organizations/${slug}`, await updateOrganization(deps, meta(c), actor, slug, data)),
      (errors, values) => showEdit(c, slug, formState(c.get('locale'), values, errors, tt)),
    );
  });

  app.post(`/:slug${SLUG}/invitations`, postLimit(deps, 'org-invite'), async (c) => {
    const actor = requireActor(c);
    const slug = c.req.param('slug');
    await assertManager(deps, actor, slug);
    return handleForm(
      c,
      ZInvitationForm,
      async (data) => {
        await inviteMember(deps, meta(c), actor, slug, data);
        return seeOther(c, `/organizations/${slug}`, 'invited');
      },
      (errors, values) => showProfile(c, slug, 'invite', errors, values),
    );
  });

  app.post(`/:slug${SLUG}/invitations/:id${ID}/revoke`, postLimit(deps, 'org-members', 60), async (c) => {
    const actor = requireActor(c);
    const slug = c.req.param('slug');
    await assertManager(deps, actor, slug);
    return handleForm(
      c,
      ZEmpty,
      async () => {
        await revokeInvitation(deps, meta(c), actor, slug, Number(c.req.param('id')));
        return seeOther(c, `/organizations/${slug}`, 'revoked');
      },
      (errors, values) => showProfile(c, slug, 'members', errors, values),
    );
  });

  app.post(`/:slug${SLUG}/join`, postLimit(deps, 'org-join', 20), async (c) => {
    const actor = requireActor(c);
    const slug = c.req.param('slug');
    return handleForm(
      c,
      ZJoinForm,
      async (data) => {
        await requestToJoin(deps, meta(c), actor, slug, data.message);
        return seeOther(c, `/organizations/${slug}`, 'requested');
      },
      (errors, values) => showProfile(c, slug, 'join', errors, values),
    );
  });

  for (const decision of ['approve', 'decline'] as const) {
    app.post(
      `/:slug${SLUG}/join-requests/:id${ID}/${decision}`,
      postLimit(deps, 'org-members', 60),
      async (c) => {
        const actor = requireActor(c);
        const slug = c.req.param('slug');
        await assertManager(deps, actor, slug);
        return handleForm(
          c,
          ZEmpty,
          async () => {
            await decideJoin(deps, meta(c), actor, slug, Number(c.req.param('id')), decision);
            return seeOther(c, `/organizations/${slug}`, decision === 'approve' ? 'approved' : 'declined');
          },
          (errors, values) => showProfile(c, slug, 'members', errors, values),
        );
      },
    );
  }

  app.post(`/:slug${SLUG}/members/:personId${ID}/role`, postLimit(deps, 'org-members', 60), async (c) => {
    const actor = requireActor(c);
    const slug = c.req.param('slug');
    await assertManager(deps, actor, slug);
    return handleForm(
      c,
      ZRoleForm,
      async (data) => {
        await changeMemberRole(deps, meta(c), actor, slug, Number(c.req.param('personId')), data.role);
        return seeOther(c, `/organizations/${slug}`, 'role');
      },
      // A bad role is a problem with the members table's form, shown there.
      (errors, values) =>
        showProfile(
          c,
          slug,
          'members',
          errors.members ? errors : { members: errors.role ?? { key: 'form.error.choose' } },
          values,
        ),
    );
  });

  app.post(`/:slug${SLUG}/members/:personId${ID}/remove`, postLimit(deps, 'org-members', 60), async (c) => {
    const actor = requireActor(c);
    const slug = c.req.param('slug');
    return handleForm(
      c,
      ZEmpty,
      async () => {
        const outcome = await removeMember(deps, meta(c), actor, slug, Number(c.req.param('personId')));
        return outcome === 'left'
          ? seeOther(c, '/organizations', 'left')
          : seeOther(c, `/organizations/${slug}`, 'removed');
      },
      (errors, values) => showProfile(c, slug, 'members', errors, values),
    );
  });

  return app;
};
