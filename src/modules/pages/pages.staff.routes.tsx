import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { TDeps } from '../../platform/deps.ts';
import type { TAppEnv } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { handleForm, parseForm } from '../../platform/http/form.ts';
import { rateLimit } from '../../platform/http/rate-limit.ts';
import { callMeta } from '../../platform/http/request-meta.ts';
import type { TLocale } from '../../platform/i18n/locale.ts';
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
import {
  addAudienceLink,
  audienceFor,
  audiencesFor,
  linkFor,
  moveAudienceLink,
  removeAudienceLink,
  saveAudienceIntro,
  updateAudienceLink,
} from './pages.audiences.service.ts';
import {
  createHelpEntry,
  deleteHelpEntry,
  helpEntriesFor,
  helpEntryFor,
  setHelpPublished,
  updateHelpEntry,
} from './pages.help.service.ts';
import { t } from './pages.messages.ts';
import {
  AUDIENCES,
  type TAudience,
  ZHelpEntryForm,
  ZIntroForm,
  ZLinkForm,
  ZMoveForm,
} from './pages.schemas.ts';
import {
  AudienceEditBody,
  AudiencesListBody,
  audienceName,
  ConfirmBody,
  HelpEntryFormBody,
  HelpListBody,
  LinkEditBody,
} from './pages.staff.views.tsx';
import { pick } from './pages.text.ts';

type C = Context<TAppEnv>;
const tt = t as TAnyTranslate;
const ID = '{[0-9]{1,9}}';
// A group around the alternation: Hono's trie router tests `{a|b}` unanchored, so `/a/links/1` would match.
const AUDIENCE = `{(?:${AUDIENCES.join('|')})}`;
const WRITES = { limit: 120, windowMs: 10 * 60_000 };

const staffCrumb = (locale: TLocale): TCrumb => ({
  label: ts(locale, 'shell.account.staff'),
  href: `/${locale}/staff`,
});

/** A flash message named by `?done=`, if it is one of `known`. */
const flashOf = (c: C, known: readonly string[]): string | undefined => {
  const done = c.req.query('done');
  return done && known.includes(done)
    ? t(c.get('locale'), `pages.done.${done}` as 'pages.done.saved')
    : undefined;
};

// Forms with nothing to fill in but where to go back to.
const ZReturn = z.object({ return: z.string().max(20).optional() });

/** Help entries for editors, mounted at /{locale}/staff/help. */
export const createHelpStaffRoutes = (deps: TDeps) => {
  const app = new Hono<TAppEnv>({ strict: false });
  const meta = (c: C) => callMeta(c, deps.config.trustProxy);
  app.post('*', rateLimit(deps, { name: 'pages-help-write', ...WRITES }));
  const listCrumb = (l: TLocale): TCrumb => ({
    label: t(l, 'pages.staff.help.title'),
    href: `/${l}/staff/help`,
  });

  app.get('/', async (c) => {
    const actor = requirePermission(c, 'manage:pages');
    const l = c.get('locale');
    const groups = await helpEntriesFor(deps, actor);
    return renderPage(c, {
      title: t(l, 'pages.staff.help.title'),
      private: true,
      breadcrumbs: [staffCrumb(l), { label: t(l, 'pages.staff.help.title') }],
      body: (
        <HelpListBody
          locale={l}
          csrf={c.get('shell').csrf(c)}
          groups={groups}
          flash={flashOf(c, ['deleted', 'published', 'unpublished'])}
        />
      ),
    });
  });

  const showNew = (c: C, form: TFormState, status: 200 | 422 = 200) => {
    const l = c.get('locale');
    return renderPage(c, {
      title: formTitle(l, t(l, 'pages.staff.help.new'), form),
      status,
      private: true,
      breadcrumbs: [staffCrumb(l), listCrumb(l), { label: t(l, 'pages.staff.help.new') }],
      body: <HelpEntryFormBody locale={l} csrf={c.get('shell').csrf(c)} form={form} />,
    });
  };

  app.get('/new', (c) => {
    requirePermission(c, 'manage:pages');
    return showNew(c, EMPTY_FORM);
  });

  app.post('/new', async (c) => {
    const actor = requirePermission(c, 'manage:pages');
    return handleForm(
      c,
      ZHelpEntryForm,
      async (data) => {
        const id = await createHelpEntry(deps, meta(c), actor, data);
        return c.redirect(`/${c.get('locale')}/staff/help/${id}?done=created`, 303);
      },
      (errors, values) => showNew(c, formState(c.get('locale'), values, errors, tt), 422),
    );
  });

  const showEdit = async (c: C, id: number, form: TFormState = EMPTY_FORM, status: 200 | 422 = 200) => {
    const actor = requirePermission(c, 'manage:pages');
    const l = c.get('locale');
    const entry = await helpEntryFor(deps, actor, id);
    return renderPage(c, {
      title: formTitle(l, t(l, 'pages.staff.help.edit'), form),
      status,
      private: true,
      breadcrumbs: [staffCrumb(l), listCrumb(l), { label: pick(entry.question, l).text }],
      body: (
        <HelpEntryFormBody
          locale={l}
          csrf={c.get('shell').csrf(c)}
          form={form}
          entry={entry}
          flash={status === 200 ? flashOf(c, ['created', 'saved', 'published', 'unpublished']) : undefined}
        />
      ),
    });
  };

  app.get(`/:id${ID}`, (c) => showEdit(c, Number(c.req.param('id'))));

  app.post(`/:id${ID}`, async (c) => {
    const actor = requirePermission(c, 'manage:pages');
    const id = Number(c.req.param('id'));
    return handleForm(
      c,
      ZHelpEntryForm,
      async (data) => {
        await updateHelpEntry(deps, meta(c), actor, id, data);
        return c.redirect(`/${c.get('locale')}/staff/help/${id}?done=saved`, 303);
      },
      (errors, values) => showEdit(c, id, formState(c.get('locale'), values, errors, tt), 422),
    );
  });

  for (const action of ['publish', 'unpublish'] as const) {
    app.post(`/:id${ID}/${action}`, async (c) => {
      const actor = requirePermission(c, 'manage:pages');
      const id = Number(c.req.param('id'));
      const form = await parseForm(c, ZReturn);
      await setHelpPublished(deps, meta(c), actor, id, action === 'publish');
      const l = c.get('locale');
      const done = action === 'publish' ? 'published' : 'unpublished';
      const to = form.ok && form.data.return === 'list' ? `/${l}/staff/help` : `/${l}/staff/help/${id}`;
      return c.redirect(`${to}?done=${done}`, 303);
    });
  }

  app.get(`/:id${ID}/delete`, async (c) => {
    const actor = requirePermission(c, 'manage:pages');
    const l = c.get('locale');
    const id = Number(c.req.param('id'));
    const entry = await helpEntryFor(deps, actor, id);
    return renderPage(c, {
      title: t(l, 'pages.confirm.title'),
      private: true,
      breadcrumbs: [staffCrumb(l), listCrumb(l), { label: t(l, 'pages.confirm.title') }],
      body: (
        <ConfirmBody
          locale={l}
          csrf={c.get('shell').csrf(c)}
          title={t(l, 'pages.confirm.title')}
          body={t(l, 'pages.confirm.body', { question: pick(entry.question, l).text })}
          action={`/${l}/staff/help/${id}/delete`}
          yes={t(l, 'pages.confirm.yes')}
          cancelHref={`/${l}/staff/help/${id}`}
        />
      ),
    });
  });

  app.post(`/:id${ID}/delete`, async (c) => {
    const actor = requirePermission(c, 'manage:pages');
    await parseForm(c, ZReturn);
    await deleteHelpEntry(deps, meta(c), actor, Number(c.req.param('id')));
    return c.redirect(`/${c.get('locale')}/staff/help?done=deleted`, 303);
  });

  return app;
};

/** Audience pages for editors, mounted at /{locale}/staff/audiences. */
export const createAudienceStaffRoutes = (deps: TDeps) => {
  const app = new Hono<TAppEnv>({ strict: false });
  const meta = (c: C) => callMeta(c, deps.config.trustProxy);
  app.post('*', rateLimit(deps, { name: 'pages-audience-write', ...WRITES }));
  const listCrumb = (l: TLocale): TCrumb => ({
    label: t(l, 'pages.staff.audiences.title'),
    href: `/${l}/staff/audiences`,
  });
  const pageCrumb = (l: TLocale, a: TAudience): TCrumb => ({
    label: audienceName(l, a),
    href: `/${l}/staff/audiences/${a}`,
  });
  const audienceOf = (c: C) => c.req.param('audience') as TAudience;
  const linkId = (c: C) => Number(c.req.param('id'));

  app.get('/', async (c) => {
    const actor = requirePermission(c, 'manage:pages');
    const l = c.get('locale');
    const rows = await audiencesFor(deps, actor);
    return renderPage(c, {
      title: t(l, 'pages.staff.audiences.title'),
      private: true,
      breadcrumbs: [staffCrumb(l), { label: t(l, 'pages.staff.audiences.title') }],
      body: <AudiencesListBody locale={l} rows={rows} />,
    });
  });

  const showPage = async (
    c: C,
    forms: { intro?: TFormState; link?: TFormState } = {},
    status: 200 | 422 = 200,
  ) => {
    const actor = requirePermission(c, 'manage:pages');
    const l = c.get('locale');
    const a = audienceOf(c);
    const page = await audienceFor(deps, actor, a);
    const title = t(l, 'pages.staff.audience.title', { name: audienceName(l, a) });
    const introForm = forms.intro ?? EMPTY_FORM;
    const linkForm = forms.link ?? EMPTY_FORM;
    return renderPage(c, {
      title: status === 422 ? ts(l, 'form.errorTitlePrefix', { title }) : title,
      status,
      private: true,
      breadcrumbs: [staffCrumb(l), listCrumb(l), { label: audienceName(l, a) }],
      body: (
        <AudienceEditBody
          locale={l}
          csrf={c.get('shell').csrf(c)}
          page={page}
          introForm={introForm}
          linkForm={linkForm}
          flash={
            status === 200
              ? flashOf(c, ['intro', 'linkAdded', 'linkSaved', 'linkMoved', 'linkRemoved'])
              : undefined
          }
        />
      ),
    });
  };

  app.get(`/:audience${AUDIENCE}`, (c) => showPage(c));

  app.post(`/:audience${AUDIENCE}/intro`, async (c) => {
    const actor = requirePermission(c, 'manage:pages');
    return handleForm(
      c,
      ZIntroForm,
      async (data) => {
        await saveAudienceIntro(deps, meta(c), actor, audienceOf(c), data);
        return c.redirect(`/${c.get('locale')}/staff/audiences/${audienceOf(c)}?done=intro`, 303);
      },
      (errors, values) => showPage(c, { intro: formState(c.get('locale'), values, errors, tt) }, 422),
    );
  });

  app.post(`/:audience${AUDIENCE}/links`, async (c) => {
    const actor = requirePermission(c, 'manage:pages');
    return handleForm(
      c,
      ZLinkForm,
      async (data) => {
        await addAudienceLink(deps, meta(c), actor, audienceOf(c), data);
        return c.redirect(`/${c.get('locale')}/staff/audiences/${audienceOf(c)}?done=linkAdded`, 303);
      },
      (errors, values) => showPage(c, { link: formState(c.get('locale'), values, errors, tt) }, 422),
    );
  });

  const showLink = async (c: C, form: TFormState = EMPTY_FORM, status: 200 | 422 = 200) => {
    const actor = requirePermission(c, 'manage:pages');
    const l = c.get('locale');
    const a = audienceOf(c);
    const link = await linkFor(deps, actor, a, linkId(c));
    return renderPage(c, {
      title: formTitle(l, t(l, 'pages.staff.audience.editLink'), form),
      status,
      private: true,
      breadcrumbs: [
        staffCrumb(l),
        listCrumb(l),
        pageCrumb(l, a),
        { label: t(l, 'pages.staff.audience.editLink') },
      ],
      body: <LinkEditBody locale={l} csrf={c.get('shell').csrf(c)} audience={a} link={link} form={form} />,
    });
  };

  app.get(`/:audience${AUDIENCE}/links/:id${ID}`, (c) => showLink(c));

  app.post(`/:audience${AUDIENCE}/links/:id${ID}`, async (c) => {
    const actor = requirePermission(c, 'manage:pages');
    return handleForm(
      c,
      ZLinkForm,
      async (data) => {
        await updateAudienceLink(deps, meta(c), actor, audienceOf(c), linkId(c), data);
        return c.redirect(`/${c.get('locale')}/staff/audiences/${audienceOf(c)}?done=linkSaved`, 303);
      },
      (errors, values) => showLink(c, formState(c.get('locale'), values, errors, tt), 422),
    );
  });

  app.post(`/:audience${AUDIENCE}/links/:id${ID}/move`, async (c) => {
    const actor = requirePermission(c, 'manage:pages');
    const form = await parseForm(c, ZMoveForm);
    if (!form.ok) throw new AppError('BAD_REQUEST', 'Move a link up or down');
    await moveAudienceLink(deps, meta(c), actor, audienceOf(c), linkId(c), form.data.direction);
    return c.redirect(`/${c.get('locale')}/staff/audiences/${audienceOf(c)}?done=linkMoved`, 303);
  });

  app.get(`/:audience${AUDIENCE}/links/:id${ID}/delete`, async (c) => {
    const actor = requirePermission(c, 'manage:pages');
    const l = c.get('locale');
    const a = audienceOf(c);
    const link = await linkFor(deps, actor, a, linkId(c));
    return renderPage(c, {
      title: t(l, 'pages.confirm.linkTitle'),
      private: true,
      breadcrumbs: [staffCrumb(l), listCrumb(l), pageCrumb(l, a), { label: t(l, 'pages.confirm.linkTitle') }],
      body: (
        <ConfirmBody
          locale={l}
          csrf={c.get('shell').csrf(c)}
          title={t(l, 'pages.confirm.linkTitle')}
          body={t(l, 'pages.confirm.linkBody', { title: pick(link.title, l).text })}
          action={`/${l}/staff/audiences/${a}/links/${link.id}/delete`}
          yes={t(l, 'pages.confirm.linkYes')}
          cancelHref={`/${l}/staff/audiences/${a}`}
        />
      ),
    });
  });

  app.post(`/:audience${AUDIENCE}/links/:id${ID}/delete`, async (c) => {
    const actor = requirePermission(c, 'manage:pages');
    await parseForm(c, ZReturn);
    await removeAudienceLink(deps, meta(c), actor, audienceOf(c), linkId(c));
    return c.redirect(`/${c.get('locale')}/staff/audiences/${audienceOf(c)}?done=linkRemoved`, 303);
  });

  return app;
};
