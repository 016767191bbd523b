import { type Context, Hono } from 'hono';
import type { TDeps } from '../../platform/deps.ts';
import type { TAppEnv } from '../../platform/http/context.ts';
import { handleForm } from '../../platform/http/form.ts';
import { cachedPage } from '../../platform/http/page-cache.ts';
import { clientIp, rateLimit } from '../../platform/http/rate-limit.ts';
import { callMeta } from '../../platform/http/request-meta.ts';
import type { TLocale } from '../../platform/i18n/locale.ts';
import {
  EMPTY_FORM,
  formState,
  formTitle,
  type TAnyTranslate,
  type TFormState,
} from '../../platform/views/form.tsx';
import type { TCrumb } from '../../platform/views/layout.tsx';
import { renderPage } from '../../platform/views/page.tsx';
import { requireActor } from '../accounts/index.ts';
import { organizationsMessages } from '../organizations/index.ts';
import { ClaimBody } from './directory.claim.views.tsx';
import { claimPageFor, joinManagingOrg, submitClaim } from './directory.claims.service.ts';
import { assertEditor, confirmRecord, editFormFor, updateRecord } from './directory.edit.service.ts';
import { EditBody, editValues } from './directory.edit.views.tsx';
import { t as td } from './directory.messages.ts';
import { t } from './directory.profile.messages.ts';
import { ZClaimForm, ZEmpty, ZJoinForm, ZRecordEditForm } from './directory.profile.schemas.ts';
import { profileBySlug } from './directory.profile.service.ts';
import { RecordBody } from './directory.profile.views.tsx';

type C = Context<TAppEnv>;
const SLUG = '{[a-z0-9-]+}';

// Field messages come from this module's catalog, or from the organisations' (a request to join).
const tt: TAnyTranslate = (locale, key, params) =>
  key.startsWith('organizations.')
    ? (organizationsMessages.t as TAnyTranslate)(locale, key, params)
    : (t as TAnyTranslate)(locale, key, params);

const DONE = [
  'claimed',
  'joinRequested',
  'saved',
  'review',
  'savedReview',
  'unchanged',
  'confirmed',
] as const;
type TDone = (typeof DONE)[number];
const flashOf = (c: C): string | undefined => {
  const done = c.req.query('done');
  return done && (DONE as readonly string[]).includes(done)
    ? t(c.get('locale'), `directory.done.${done as TDone}`)
    : undefined;
};
const seeOther = (c: C, path: string, done: TDone) =>
  c.redirect(`/${c.get('locale')}/directory/${path}?done=${done}`, 303);

const directoryCrumb = (locale: TLocale): TCrumb => ({
  label: td(locale, 'directory.title'),
  href: `/${locale}/directory`,
});

/**
 * Profiles, claims and edits, mounted under /{locale}/directory after the directory's own pages. The
 * profile is the same page for every reader and is cached; the claim and edit pages are per person.
 */
export const createDirectoryProfileRoutes = (deps: TDeps) => {
  const app = new Hono<TAppEnv>({ strict: false });
  const meta = (c: C) => callMeta(c, deps.config.trustProxy);
  // Per person when signed in, else per address: generous for people, tight for scripts.
  const limit = (name: string, max: number) =>
    rateLimit(deps, { name, limit: max, windowMs: 10 * 60_000 }, (c) => {
      const actor = c.get('actor');
      return actor ? `person:${actor.personId}` : `ip:${clientIp(c, deps.config.trustProxy)}`;
    });

  // Only slug-shaped paths reach the database; anything else is a plain 404.
  app.get(`/:slug${SLUG}`, cachedPage(deps.pages), async (c) => {
    const locale = c.get('locale');
    const result = await profileBySlug(deps, c.req.param('slug'));
    if (result.kind === 'moved') return c.redirect(`/${locale}/directory/${result.slug}`, 301);
    const org = result.profile;
    const name = org.name[locale] || org.name.en;
    return renderPage(c, {
      title: name,
      description: org.summary[locale] ?? undefined,
      breadcrumbs: [directoryCrumb(locale), { label: name }],
      body: <RecordBody locale={locale} org={org} now={new Date()} />,
    });
  });

  const showClaim = async (c: C, slug: string, form?: TFormState) => {
    const locale = c.get('locale');
    const actor = requireActor(c);
    const page = await claimPageFor(deps, actor, slug);
    const name = page.record.name[locale] || page.record.name.en;
    const shown = form ?? EMPTY_FORM;
    const title = t(locale, 'directory.claim.title', { name });
    return renderPage(c, {
      title: formTitle(locale, title, shown),
      breadcrumbs: [
        directoryCrumb(locale),
        { label: name, href: `/${locale}/directory/${slug}` },
        { label: t(locale, 'directory.claim.crumb') },
      ],
      private: true,
      status: form ? 422 : undefined,
      body: (
        <ClaimBody
          locale={locale}
          page={page}
          csrf={c.get('shell').csrf(c)}
          form={shown}
          flash={flashOf(c)}
        />
      ),
    });
  };

  app.get(`/:slug${SLUG}/claim`, (c) => showClaim(c, c.req.param('slug')));

  app.post(`/:slug${SLUG}/claim`, limit('directory-claim', 20), async (c) => {
    const actor = requireActor(c);
    const slug = c.req.param('slug');
    return handleForm(
      c,
      ZClaimForm,
      async (data) => {
        await submitClaim(deps, meta(c), actor, slug, data);
        return seeOther(c, `${slug}/claim`, 'claimed');
      },
      (errors, values) => showClaim(c, slug, formState(c.get('locale'), values, errors, tt)),
    );
  });

  app.post(`/:slug${SLUG}/claim/join`, limit('directory-claim', 20), async (c) => {
    const actor = requireActor(c);
    const slug = c.req.param('slug');
    return handleForm(
      c,
      ZJoinForm,
      async (data) => {
        await joinManagingOrg(deps, meta(c), actor, slug, data.message);
        return seeOther(c, `${slug}/claim`, 'joinRequested');
      },
      (errors, values) => showClaim(c, slug, formState(c.get('locale'), values, errors, tt)),
    );
  });

  const showEdit = async (c: C, slug: string, form?: TFormState) => {
    const locale = c.get('locale');
    const data = await editFormFor(deps, c.get('actor'), slug);
    const org = data.profile;
    const name = org.name[locale] || org.name.en;
    const shown = form ?? { values: editValues(org, data.uscc), errors: {} };
    const title = t(locale, 'directory.edit.title', { name });
    return renderPage(c, {
      title: formTitle(locale, title, shown),
      breadcrumbs: [
        directoryCrumb(locale),
        { label: name, href: `/${locale}/directory/${slug}` },
        { label: t(locale, 'directory.edit.crumb') },
      ],
      private: true,
      status: form ? 422 : undefined,
      body: (
        <EditBody
          locale={locale}
          data={data}
          csrf={c.get('shell').csrf(c)}
          form={shown}
          flash={flashOf(c)}
          now={new Date()}
        />
      ),
    });
  };

  app.get(`/:slug${SLUG}/edit`, (c) => {
    requireActor(c);
    return showEdit(c, c.req.param('slug'));
  });

  app.post(`/:slug${SLUG}/edit`, limit('directory-edit', 60), async (c) => {
    const actor = requireActor(c);
    const slug = c.req.param('slug');
    await assertEditor(deps, actor, slug);
    return handleForm(
      c,
      ZRecordEditForm,
      async (data) => seeOther(c, `${slug}/edit`, await updateRecord(deps, meta(c), actor, slug, data)),
      (errors, values) => showEdit(c, slug, formState(c.get('locale'), values, errors, tt)),
    );
  });

  app.post(`/:slug${SLUG}/confirm`, limit('directory-edit', 60), async (c) => {
    const actor = requireActor(c);
    const slug = c.req.param('slug');
    await assertEditor(deps, actor, slug);
    return handleForm(
      c,
      ZEmpty,
      async () => {
        await confirmRecord(deps, meta(c), actor, slug);
        return seeOther(c, `${slug}/edit`, 'confirmed');
      },
      (errors, values) => showEdit(c, slug, formState(c.get('locale'), values, errors, tt)),
    );
  });

  return app;
};
