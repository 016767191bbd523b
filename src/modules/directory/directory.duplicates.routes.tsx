import { type Context, Hono } from 'hono';
import type { TDeps } from '../../platform/deps.ts';
import type { TAppEnv } from '../../platform/http/context.ts';
import { handleForm } from '../../platform/http/form.ts';
import { callMeta } from '../../platform/http/request-meta.ts';
import { parseQuery } from '../../platform/http/validate.ts';
import { EMPTY_FORM, formState, formTitle, type TFormState } from '../../platform/views/form.tsx';
import { renderPage } from '../../platform/views/page.tsx';
import { requirePermission } from '../accounts/index.ts';
import { DuplicateBody, DuplicatesBody } from './directory.duplicates.views.tsx';
import { ZEmpty, ZMergeForm, ZPage } from './directory.profile.schemas.ts';
import {
  DUPLICATES_PAGE,
  dismissDuplicate,
  duplicateFor,
  duplicatesPage,
  mergeSuggestion,
} from './directory.review.service.ts';
import { crumbs, flashOf, seeOther, tt } from './directory.staff.http.ts';
import { t } from './directory.staff.messages.ts';

type C = Context<TAppEnv>;
const ID = '{[0-9]{1,9}}';

/** Duplicate suggestions for directory staff, mounted under /{locale}/staff/directory/duplicates. */
export const createDuplicateRoutes = (deps: TDeps) => {
  const app = new Hono<TAppEnv>({ strict: false });
  const meta = (c: C) => callMeta(c, deps.config.trustProxy);
  const csrf = (c: C) => c.get('shell').csrf(c);

  app.get('/', async (c) => {
    const actor = requirePermission(c, 'manage:directory');
    const locale = c.get('locale');
    const page = parseQuery(c, ZPage).page ?? 1;
    const { rows, total } = await duplicatesPage(deps, actor, page);
    const title = t(locale, 'directory.staff.duplicates');
    return renderPage(c, {
      title,
      breadcrumbs: crumbs(locale, title),
      private: true,
      body: (
        <DuplicatesBody
          locale={locale}
          rows={rows}
          total={total}
          page={page}
          size={DUPLICATES_PAGE}
          flash={flashOf(c)}
        />
      ),
    });
  });

  const showDuplicate = async (c: C, id: number, form?: TFormState) => {
    const locale = c.get('locale');
    const dup = await duplicateFor(deps, c.get('actor'), id);
    const shown = form ?? EMPTY_FORM;
    const title = t(locale, 'directory.staff.duplicateTitle', { id });
    return renderPage(c, {
      title: formTitle(locale, title, shown),
      breadcrumbs: crumbs(locale, title),
      private: true,
      status: form ? 422 : undefined,
      body: <DuplicateBody locale={locale} dup={dup} csrf={csrf(c)} form={shown} />,
    });
  };

  app.get(`/:id${ID}`, (c) => {
    requirePermission(c, 'manage:directory');
    return showDuplicate(c, Number(c.req.param('id')));
  });

  app.post(`/:id${ID}/merge`, async (c) => {
    const actor = requirePermission(c, 'manage:directory');
    const id = Number(c.req.param('id'));
    await duplicateFor(deps, actor, id);
    return handleForm(
      c,
      ZMergeForm,
      async (data) => {
        const slug = await mergeSuggestion(deps, meta(c), actor, id, data.keep);
        return c.redirect(`/${c.get('locale')}/staff/directory/records/${slug}?done=merged`, 303);
      },
      (errors, values) => showDuplicate(c, id, formState(c.get('locale'), values, errors, tt)),
    );
  });

  app.post(`/:id${ID}/dismiss`, async (c) => {
    const actor = requirePermission(c, 'manage:directory');
    const id = Number(c.req.param('id'));
    await duplicateFor(deps, actor, id);
    return handleForm(
      c,
      ZEmpty,
      async () => {
        await dismissDuplicate(deps, meta(c), actor, id);
        return seeOther(c, '/duplicates', 'dismissed');
      },
      (errors, values) => showDuplicate(c, id, formState(c.get('locale'), values, errors, tt)),
    );
  });

  return app;
};
