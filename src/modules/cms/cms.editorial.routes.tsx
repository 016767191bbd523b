import { type Context, Hono } from 'hono';
import type { TActor } from '../../platform/auth/actor.ts';
import type { TDeps } from '../../platform/deps.ts';
import { diffParagraphs } from '../../platform/diff.ts';
import type { TAppEnv } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { handleForm } from '../../platform/http/form.ts';
import { rateLimit } from '../../platform/http/rate-limit.ts';
import { callMeta } from '../../platform/http/request-meta.ts';
import { parseQuery } from '../../platform/http/validate.ts';
import type { TLocale } from '../../platform/i18n/locale.ts';
import { ts } from '../../platform/i18n/shell.messages.ts';
import {
  EMPTY_FORM,
  formState,
  formTitle,
  type TAnyTranslate,
  type TFormState,
} from '../../platform/views/form.tsx';
import { renderPage } from '../../platform/views/page.tsx';
import { peopleNames, preferredName, requirePermission, type TPersonName } from '../accounts/index.ts';
import { FiguresCited, figuresByCode } from '../indicators/index.ts';
import {
  createArticle,
  EDITORIAL_PAGE_SIZE,
  editorialArticle,
  editorialList,
  localInput,
  revisionHistory,
  revisionPair,
  saveArticle,
  transition,
} from './cms.editorial.service.ts';
import {
  DiffBody,
  EditArticleBody,
  EditorialListBody,
  HistoryBody,
  NewArticleBody,
  PreviewBanner,
  type TFieldDiff,
} from './cms.editorial.views.tsx';
import { t } from './cms.messages.ts';
import { actionsFor, mayDo, type TNewsAction } from './cms.policy.ts';
import {
  formValuesOf,
  type TEditorialArticle,
  type TNewsContent,
  ZArticleForm,
  ZEditorialQuery,
  ZEmptyForm,
  ZPublishForm,
  ZReasonForm,
} from './cms.schemas.ts';
import { ArticleView } from './cms.views.tsx';

type C = Context<TAppEnv>;
const tt = t as TAnyTranslate;
const ID = '/:id{[0-9]{1,9}}';
const DONE = [
  'created',
  'saved',
  'unchanged',
  'submit',
  'return',
  'publish',
  'scheduled',
  'archive',
  'restore',
  'unpublish',
] as const;
type TDone = (typeof DONE)[number];

/** The latest revision's title in the reader's language, else the other one, else the slug. */
const headTitle = (a: TEditorialArticle, locale: TLocale) =>
  a.head.content.title[locale] ?? a.head.content.title[locale === 'en' ? 'zh' : 'en'] ?? a.slug;

const nameFn = (c: C, names: ReadonlyMap<number, TPersonName>) => (id: number | null) => {
  const locale = c.get('locale');
  if (id === null) return t(locale, 'cms.history.system');
  const n = names.get(id);
  if (!n) return '—';
  if (n.deleted) return t(locale, 'cms.history.deleted');
  return preferredName(locale, n) ?? n.email;
};

/** What changed between two revisions, field by field, in the order of the form. */
const fieldDiffs = (before: TNewsContent | undefined, after: TNewsContent): TFieldDiff[] => {
  const text = (c: TNewsContent | undefined): Record<string, string | null> => ({
    category: c ? c.category : null,
    title_en: c?.title.en ?? null,
    title_zh: c?.title.zh ?? null,
    summary_en: c?.summary.en ?? null,
    summary_zh: c?.summary.zh ?? null,
    body_en: c?.body.en ?? null,
    body_zh: c?.body.zh ?? null,
    tags_en: c ? c.tags.map((x) => x.en).join(', ') : null,
    tags_zh: c ? c.tags.map((x) => x.zh).join('，') : null,
    source_en: c?.source.en ?? null,
    source_zh: c?.source.zh ?? null,
    source_url: c?.source.url ?? null,
    author_en: c?.author.en ?? null,
    author_zh: c?.author.zh ?? null,
    figures: c ? c.figures.join(', ') : null,
  });
  const a = text(before);
  const b = text(after);
  return Object.keys(b)
    .filter((k) => (a[k] ?? '') !== (b[k] ?? ''))
    .map((k) => ({ field: k, blocks: diffParagraphs(a[k], b[k]) }));
};

/** The newsroom for editors, mounted at /{locale}/staff/news. */
export const createCmsEditorialRoutes = (deps: TDeps) => {
  const app = new Hono<TAppEnv>({ strict: false });
  const meta = (c: C) => callMeta(c, deps.config.trustProxy);
  app.post('*', rateLimit(deps, { name: 'news-write', limit: 240, windowMs: 10 * 60_000 }));
  const crumbs = (c: C) => {
    const locale = c.get('locale');
    return [
      { label: ts(locale, 'shell.account.staff'), href: `/${locale}/staff` },
      { label: t(locale, 'cms.editorial.title'), href: `/${locale}/staff/news` },
    ];
  };
  const writer = (c: C): TActor => requirePermission(c, 'write:news');

  app.get('/', async (c) => {
    const actor = writer(c);
    const locale = c.get('locale');
    const q = parseQuery(c, ZEditorialQuery);
    const list = await editorialList(deps, actor, q.state, q.page);
    return renderPage(c, {
      title: t(locale, 'cms.editorial.title'),
      private: true,
      breadcrumbs: [
        crumbs(c)[0] as { label: string; href: string },
        { label: t(locale, 'cms.editorial.title') },
      ],
      body: (
        <EditorialListBody
          locale={locale}
          state={q.state}
          rows={list.rows}
          counts={list.counts}
          page={q.page}
          total={list.total}
          pageSize={EDITORIAL_PAGE_SIZE}
          canWrite
        />
      ),
    });
  });

  const showNew = (c: C, form: TFormState, status: 200 | 422 = 200) => {
    writer(c);
    const locale = c.get('locale');
    return renderPage(c, {
      title: formTitle(locale, t(locale, 'cms.editorial.new'), form),
      private: true,
      status,
      breadcrumbs: [...crumbs(c), { label: t(locale, 'cms.editorial.new') }],
      body: <NewArticleBody locale={locale} csrf={c.get('shell').csrf(c)} form={form} />,
    });
  };
  app.get('/new', (c) => showNew(c, { values: { category: 'city-news' }, errors: {} }));
  app.post('/new', (c) => {
    const actor = writer(c);
    return handleForm(
      c,
      ZArticleForm,
      async (data) => {
        const id = await createArticle(deps, meta(c), actor, data);
        return c.redirect(`/${c.get('locale')}/staff/news/${id}?done=created`, 303);
      },
      (errors, values) => showNew(c, formState(c.get('locale'), values, errors, tt), 422),
    );
  });

  const showEdit = async (
    c: C,
    id: number,
    opts: { form?: TFormState; actionForm?: { action: string; form: TFormState }; status?: 200 | 422 } = {},
  ) => {
    const actor = writer(c);
    const locale = c.get('locale');
    const a = await editorialArticle(deps, actor, id);
    // Only the names the page shows: the latest revision's author and whoever submitted it.
    const names = await peopleNames(
      deps,
      [a.head.authorId, a.submittedBy].filter((x): x is number => x !== null),
    );
    const done = c.req.query('done');
    const form: TFormState = opts.form ?? {
      values: { slug: a.slug, ...formValuesOf(a.head.content), base_revision: String(a.head.number) },
      errors: {},
    };
    const title = headTitle(a, locale);
    return renderPage(c, {
      title: formTitle(locale, title, opts.form ?? opts.actionForm?.form ?? EMPTY_FORM),
      private: true,
      status: opts.status ?? 200,
      breadcrumbs: [...crumbs(c), { label: title }],
      body: (
        <EditArticleBody
          locale={locale}
          csrf={c.get('shell').csrf(c)}
          article={a}
          actions={actionsFor(actor, a)}
          form={{ values: { slug: a.slug, ...form.values }, errors: form.errors }}
          actionForm={opts.actionForm}
          flash={
            done && (DONE as readonly string[]).includes(done)
              ? t(locale, `cms.done.${done as TDone}`)
              : undefined
          }
          names={nameFn(c, names)}
          scheduleValue={a.scheduledAt ? localInput(a.scheduledAt) : ''}
        />
      ),
    });
  };

  app.get(ID, (c) => showEdit(c, Number(c.req.param('id'))));
  app.post(ID, (c) => {
    const actor = writer(c);
    const id = Number(c.req.param('id'));
    return handleForm(
      c,
      ZArticleForm,
      async (data) => {
        const saved = await saveArticle(deps, meta(c), actor, id, data);
        return c.redirect(`/${c.get('locale')}/staff/news/${id}?done=${saved ? 'saved' : 'unchanged'}`, 303);
      },
      (errors, values) =>
        showEdit(c, id, {
          form: formState(c.get('locale'), values, errors, tt),
          status: 422,
        }),
    );
  });

  const act = (action: Exclude<TNewsAction, 'save'>) => (c: C) => {
    const actor = writer(c);
    // Someone without the action's power learns nothing, not even what the form would want.
    if (!mayDo(actor, action)) throw new AppError('NOT_FOUND');
    const id = Number(c.req.param('id'));
    const schema = action === 'publish' ? ZPublishForm : action === 'unpublish' ? ZReasonForm : ZEmptyForm;
    return handleForm(
      c,
      schema,
      async (data) => {
        const d = data as { at?: string | null; reason?: string | null };
        const state = await transition(deps, meta(c), actor, id, { action, at: d.at, reason: d.reason });
        const done = action === 'publish' && state === 'scheduled' ? 'scheduled' : action;
        return c.redirect(`/${c.get('locale')}/staff/news/${id}?done=${done}`, 303);
      },
      (errors, values) =>
        showEdit(c, id, {
          actionForm: { action, form: formState(c.get('locale'), values, errors, tt) },
          status: 422,
        }),
    );
  };
  for (const action of ['submit', 'return', 'publish', 'archive', 'restore', 'unpublish'] as const) {
    app.post(`${ID}/${action}`, act(action));
  }

  app.get(`${ID}/preview`, async (c) => {
    const actor = writer(c);
    const locale = c.get('locale');
    const a = await editorialArticle(deps, actor, Number(c.req.param('id')));
    const figures = await figuresByCode(deps, a.head.content.figures);
    const title = headTitle(a, locale);
    return renderPage(c, {
      title: t(locale, 'cms.preview.pageTitle', { title }),
      private: true,
      breadcrumbs: [
        ...crumbs(c),
        { label: title, href: `/${locale}/staff/news/${a.id}` },
        { label: t(locale, 'cms.preview.title') },
      ],
      body: (
        <>
          <PreviewBanner locale={locale} id={a.id} state={a.state} number={a.head.number} />
          <ArticleView
            locale={locale}
            slug={a.slug}
            content={a.head.content}
            publishedAt={a.publishedAt}
            updatedAt={a.updatedAt}
            figures={<FiguresCited locale={locale} figures={figures} />}
          />
        </>
      ),
    });
  });

  app.get(`${ID}/revisions`, async (c) => {
    const actor = writer(c);
    const locale = c.get('locale');
    const { article, revisions, names } = await revisionHistory(deps, actor, Number(c.req.param('id')));
    const title = headTitle(article, locale);
    return renderPage(c, {
      title: t(locale, 'cms.history.title', { title }),
      private: true,
      breadcrumbs: [
        ...crumbs(c),
        { label: title, href: `/${locale}/staff/news/${article.id}` },
        { label: t(locale, 'cms.workflow.history') },
      ],
      body: <HistoryBody locale={locale} article={article} revisions={revisions} names={nameFn(c, names)} />,
    });
  });

  app.get(`${ID}/revisions/:number{[0-9]{1,6}}`, async (c) => {
    const actor = writer(c);
    const locale = c.get('locale');
    const against = c.req.query('against');
    const { article, before, after, names } = await revisionPair(
      deps,
      actor,
      Number(c.req.param('id')),
      Number(c.req.param('number')),
      against && /^[0-9]{1,6}$/.test(against) ? Number(against) : undefined,
    );
    const title = headTitle(article, locale);
    return renderPage(c, {
      title: t(locale, 'cms.diff.title', { number: after.number }),
      private: true,
      breadcrumbs: [
        ...crumbs(c),
        { label: title, href: `/${locale}/staff/news/${article.id}` },
        { label: t(locale, 'cms.workflow.history'), href: `/${locale}/staff/news/${article.id}/revisions` },
        { label: t(locale, 'cms.diff.title', { number: after.number }) },
      ],
      body: (
        <DiffBody
          locale={locale}
          article={article}
          before={before}
          after={after}
          fields={fieldDiffs(before?.content, after.content)}
          names={nameFn(c, names)}
        />
      ),
    });
  });

  return app;
};
