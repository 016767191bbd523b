import type { Child } from 'hono/jsx';
import type { TDiffBlock } from '../../platform/diff.ts';
import { formatDateTime } from '../../platform/i18n/format.ts';
import type { TLocale } from '../../platform/i18n/locale.ts';
import { ErrorSummary, Field, Flash, PostForm, Select, type TFormState } from '../../platform/views/form.tsx';
import { Pager } from '../../platform/views/pager.tsx';
import { QueueTable, QueueTabs } from '../../platform/views/queue.tsx';
import { t } from './cms.messages.ts';
import type { TNewsAction } from './cms.policy.ts';
import type { TEditorialRow } from './cms.repo.ts';
import {
  NEWS_CATEGORIES,
  NEWS_STATES,
  type TEditorialArticle,
  type TNewsState,
  type TRevision,
} from './cms.schemas.ts';

const base = (locale: TLocale) => `/${locale}/staff/news`;

const StateBadge = (p: { locale: TLocale; state: TNewsState }) => (
  <span class={`badge badge-${p.state}`}>{t(p.locale, `cms.state.${p.state}`)}</span>
);

const titleOf = (locale: TLocale, title: { en: string | null; zh: string | null }) =>
  title[locale] ?? title[locale === 'en' ? 'zh' : 'en'] ?? '—';

export const EditorialListBody = (p: {
  locale: TLocale;
  state: TNewsState | undefined;
  rows: readonly TEditorialRow[];
  counts: Record<string, number>;
  page: number;
  total: number;
  pageSize: number;
  canWrite: boolean;
}) => {
  const { locale } = p;
  const all = Object.values(p.counts).reduce((a, b) => a + b, 0);
  return (
    <>
      <h1>{t(locale, 'cms.editorial.title')}</h1>
      <p class="lead">{t(locale, 'cms.editorial.lead')}</p>
      {p.canWrite ? (
        <p>
          <a class="button" href={`${base(locale)}/new`}>
            {t(locale, 'cms.editorial.new')}
          </a>
        </p>
      ) : null}
      <QueueTabs
        label={t(locale, 'cms.editorial.byState')}
        all={t(locale, 'cms.editorial.all')}
        allCount={all}
        values={NEWS_STATES}
        current={p.state}
        labelOf={(s) => t(locale, `cms.state.${s}`)}
        counts={p.counts}
        href={(s) => (s ? `${base(locale)}?state=${s}` : base(locale))}
      />
      <QueueTable
        isEmpty={p.rows.length === 0}
        empty={t(locale, 'cms.editorial.empty')}
        caption={t(locale, 'cms.editorial.title')}
        columns={[
          t(locale, 'cms.field.title'),
          t(locale, 'cms.editorial.state'),
          t(locale, 'cms.field.category'),
          t(locale, 'cms.editorial.changed'),
        ]}
      >
        {p.rows.map((r) => (
          <tr>
            <td>
              <a href={`${base(locale)}/${r.id}`}>{titleOf(locale, r.title)}</a>
            </td>
            <td>
              <StateBadge locale={locale} state={r.state} />
              {r.live && r.state !== 'published' && r.state !== 'archived' ? (
                <> {t(locale, 'cms.editorial.liveToo')}</>
              ) : null}
              {r.scheduledAt ? <> {formatDateTime(locale, r.scheduledAt)}</> : null}
            </td>
            <td>{t(locale, `cms.category.${r.category}`)}</td>
            <td>{formatDateTime(locale, r.changedAt)}</td>
          </tr>
        ))}
      </QueueTable>
      <Pager
        locale={locale}
        page={p.page}
        total={p.total}
        size={p.pageSize}
        href={(n) => `${base(locale)}?${p.state ? `state=${p.state}&` : ''}page=${n}`}
      />
    </>
  );
};

const LABELS = (locale: TLocale): Record<string, string> => ({
  _form: t(locale, 'cms.field.form'),
  slug: t(locale, 'cms.field.slug'),
  category: t(locale, 'cms.field.category'),
  title_en: t(locale, 'cms.field.titleEn'),
  title_zh: t(locale, 'cms.field.titleZh'),
  summary_en: t(locale, 'cms.field.summaryEn'),
  summary_zh: t(locale, 'cms.field.summaryZh'),
  body_en: t(locale, 'cms.field.bodyEn'),
  body_zh: t(locale, 'cms.field.bodyZh'),
  tags_en: t(locale, 'cms.field.tagsEn'),
  tags_zh: t(locale, 'cms.field.tagsZh'),
  source_en: t(locale, 'cms.field.sourceEn'),
  source_zh: t(locale, 'cms.field.sourceZh'),
  source_url: t(locale, 'cms.field.sourceUrl'),
  author_en: t(locale, 'cms.field.authorEn'),
  author_zh: t(locale, 'cms.field.authorZh'),
  figures: t(locale, 'cms.field.figures'),
  note: t(locale, 'cms.field.note'),
  base_revision: t(locale, 'cms.field.base'),
  at: t(locale, 'cms.field.at'),
  reason: t(locale, 'cms.field.reason'),
});

/** The article form: both languages side by side, Markdown bodies, the revision note. */
export const ArticleForm = (p: {
  locale: TLocale;
  csrf: string;
  form: TFormState;
  action: string;
  slugEditable: boolean;
  baseRevision?: number;
}) => {
  const { locale, form } = p;
  const f = (name: string, extra: Partial<Parameters<typeof Field>[0]> = {}) => (
    <Field locale={locale} form={form} name={name} label={LABELS(locale)[name] ?? name} {...extra} />
  );
  return (
    <PostForm action={p.action} csrf={p.csrf}>
      <ErrorSummary locale={locale} form={form} labels={LABELS(locale)} />
      {p.slugEditable ? (
        f('slug', { hint: t(locale, 'cms.hint.slug'), maxlength: 160 })
      ) : (
        <p>
          {t(locale, 'cms.field.slug')}: <code>{form.values.slug}</code> — {t(locale, 'cms.hint.slugFixed')}
        </p>
      )}
      <Select
        locale={locale}
        form={form}
        name="category"
        label={t(locale, 'cms.field.category')}
        options={NEWS_CATEGORIES.map((c) => ({ value: c, label: t(locale, `cms.category.${c}`) }))}
      />
      <fieldset>
        <legend>{t(locale, 'cms.form.english')}</legend>
        {f('title_en', { required: false, maxlength: 300, lang: 'en' })}
        {f('summary_en', { required: false, rows: 3, maxlength: 1000, lang: 'en' })}
        {f('body_en', { required: false, rows: 14, hint: t(locale, 'cms.hint.markdown'), lang: 'en' })}
        {f('tags_en', { required: false, hint: t(locale, 'cms.hint.tags'), lang: 'en' })}
        {f('source_en', { maxlength: 500, lang: 'en' })}
        {f('author_en', { required: false, maxlength: 200, lang: 'en' })}
      </fieldset>
      <fieldset>
        <legend>{t(locale, 'cms.form.chinese')}</legend>
        {f('title_zh', { required: false, maxlength: 300, lang: 'zh-CN' })}
        {f('summary_zh', { required: false, rows: 3, maxlength: 1000, lang: 'zh-CN' })}
        {f('body_zh', { required: false, rows: 14, hint: t(locale, 'cms.hint.markdown'), lang: 'zh-CN' })}
        {f('tags_zh', { required: false, hint: t(locale, 'cms.hint.tagsZh'), lang: 'zh-CN' })}
        {f('source_zh', { maxlength: 500, lang: 'zh-CN' })}
        {f('author_zh', { required: false, maxlength: 200, lang: 'zh-CN' })}
      </fieldset>
      {f('source_url', { required: false, type: 'url', maxlength: 500 })}
      {f('figures', { required: false, hint: t(locale, 'cms.hint.figures') })}
      {f('note', { required: false, hint: t(locale, 'cms.hint.note'), maxlength: 300 })}
      {p.baseRevision !== undefined ? (
        <input type="hidden" name="base_revision" value={String(p.baseRevision)} />
      ) : null}
      <button type="submit">{t(locale, 'cms.action.saveDraft')}</button>
    </PostForm>
  );
};

export const NewArticleBody = (p: { locale: TLocale; csrf: string; form: TFormState }) => (
  <>
    <h1>{t(p.locale, 'cms.editorial.new')}</h1>
    <p>{t(p.locale, 'cms.editorial.newLead')}</p>
    <ArticleForm
      locale={p.locale}
      csrf={p.csrf}
      form={p.form}
      action={`${base(p.locale)}/new`}
      slugEditable
    />
  </>
);

const ActionForm = (p: {
  locale: TLocale;
  csrf: string;
  id: number;
  action: Exclude<TNewsAction, 'save'>;
  form: TFormState;
  children?: Child;
}) => (
  <PostForm action={`${base(p.locale)}/${p.id}/${p.action}`} csrf={p.csrf} id={`action-${p.action}`}>
    {p.children}
    <button
      type="submit"
      class={p.action === 'unpublish' || p.action === 'archive' ? 'button-warning' : undefined}
    >
      {t(p.locale, `cms.action.${p.action}`)}
    </button>
  </PostForm>
);

/** The edit page: the workflow panel (state, what is live, the actions) above the form. */
export const EditArticleBody = (p: {
  locale: TLocale;
  csrf: string;
  article: TEditorialArticle;
  actions: readonly Exclude<TNewsAction, 'save'>[];
  form: TFormState;
  actionForm: { action: string; form: TFormState } | undefined;
  flash: string | undefined;
  names: (id: number | null) => string;
  scheduleValue: string;
}) => {
  const { locale, article: a } = p;
  const actionState = (action: string): TFormState =>
    p.actionForm?.action === action ? p.actionForm.form : { values: {}, errors: {} };
  const own = a.submittedBy !== null;
  return (
    <>
      <h1>{titleOf(locale, a.head.content.title)}</h1>
      <Flash message={p.flash} />
      <section aria-labelledby="workflow" class="panel">
        <h2 id="workflow">{t(locale, 'cms.workflow.title')}</h2>
        <dl class="meta article-meta">
          <dt>{t(locale, 'cms.editorial.state')}</dt>
          <dd>
            <StateBadge locale={locale} state={a.state} />
            {a.state === 'scheduled' && a.scheduledAt ? (
              <> {t(locale, 'cms.workflow.scheduledFor', { when: formatDateTime(locale, a.scheduledAt) })}</>
            ) : null}
          </dd>
          <dt>{t(locale, 'cms.workflow.live')}</dt>
          <dd>
            {a.liveRevisionId === null ? (
              t(locale, 'cms.workflow.notLive')
            ) : (
              <>
                <a href={`/${locale}/news/${a.slug}`}>{t(locale, 'cms.workflow.viewLive')}</a>
                {a.liveRevisionId !== a.head.id ? <> — {t(locale, 'cms.workflow.pending')}</> : null}
              </>
            )}
          </dd>
          <dt>{t(locale, 'cms.workflow.revision')}</dt>
          <dd>
            {t(locale, 'cms.workflow.revisionLine', {
              number: a.head.number,
              who: p.names(a.head.authorId),
              when: formatDateTime(locale, a.head.createdAt),
            })}{' '}
            <a href={`${base(locale)}/${a.id}/revisions`}>{t(locale, 'cms.workflow.history')}</a> ·{' '}
            <a href={`${base(locale)}/${a.id}/preview`}>{t(locale, 'cms.workflow.preview')}</a>
          </dd>
          {a.state === 'review' && own ? (
            <>
              <dt>{t(locale, 'cms.workflow.submittedBy')}</dt>
              <dd>{p.names(a.submittedBy)}</dd>
            </>
          ) : null}
          {a.unpublishedReason ? (
            <>
              <dt>{t(locale, 'cms.workflow.unpublished')}</dt>
              <dd>
                {t(locale, 'cms.workflow.unpublishedLine', {
                  when: a.unpublishedAt ? formatDateTime(locale, a.unpublishedAt) : '',
                  reason: a.unpublishedReason,
                })}
              </dd>
            </>
          ) : null}
        </dl>
        {p.actionForm && !(p.actions as readonly string[]).includes(p.actionForm.action) ? (
          <ErrorSummary locale={locale} form={p.actionForm.form} labels={LABELS(locale)} />
        ) : null}
        {p.actions.length === 0 ? <p>{t(locale, 'cms.workflow.noActions')}</p> : null}
        <div class="actions">
          {p.actions.map((action) => {
            const form = actionState(action);
            if (action === 'publish') {
              return (
                <ActionForm locale={locale} csrf={p.csrf} id={a.id} action={action} form={form}>
                  <ErrorSummary locale={locale} form={form} labels={LABELS(locale)} />
                  <Field
                    locale={locale}
                    form={form}
                    name="at"
                    label={t(locale, 'cms.field.at')}
                    hint={t(locale, 'cms.hint.at')}
                    required={false}
                    value={p.scheduleValue}
                  />
                  <Field
                    locale={locale}
                    form={form}
                    name="reason"
                    label={t(locale, 'cms.field.selfReason')}
                    hint={t(locale, 'cms.hint.selfReason')}
                    required={false}
                    maxlength={300}
                  />
                </ActionForm>
              );
            }
            if (action === 'unpublish') {
              return (
                <ActionForm locale={locale} csrf={p.csrf} id={a.id} action={action} form={form}>
                  <ErrorSummary locale={locale} form={form} labels={LABELS(locale)} />
                  <Field
                    locale={locale}
                    form={form}
                    name="reason"
                    label={t(locale, 'cms.field.reason')}
                    hint={t(locale, 'cms.hint.unpublish')}
                    maxlength={500}
                  />
                </ActionForm>
              );
            }
            return (
              <ActionForm locale={locale} csrf={p.csrf} id={a.id} action={action} form={form}>
                <ErrorSummary locale={locale} form={form} labels={LABELS(locale)} />
              </ActionForm>
            );
          })}
        </div>
      </section>
      {a.state === 'archived' ? (
        <p>{t(locale, 'cms.workflow.archivedNoEdit')}</p>
      ) : (
        <section aria-labelledby="edit-heading">
          <h2 id="edit-heading">{t(locale, 'cms.editorial.edit')}</h2>
          <ArticleForm
            locale={locale}
            csrf={p.csrf}
            form={p.form}
            action={`${base(locale)}/${a.id}`}
            slugEditable={a.liveRevisionId === null}
            // After a conflict the form is based on the newer revision, so saving again is a choice.
            baseRevision={
              p.form.errors.base_revision
                ? a.head.number
                : Number(p.form.values.base_revision ?? a.head.number)
            }
          />
        </section>
      )}
    </>
  );
};

export const PreviewBanner = (p: { locale: TLocale; id: number; state: TNewsState; number: number }) => (
  <div class="notice preview-banner" role="note">
    <p>
      <strong>{t(p.locale, 'cms.preview.title')}</strong>{' '}
      {t(p.locale, 'cms.preview.lead', { number: p.number, state: t(p.locale, `cms.state.${p.state}`) })}{' '}
      <a href={`${base(p.locale)}/${p.id}`}>{t(p.locale, 'cms.preview.back')}</a>
    </p>
  </div>
);

export const HistoryBody = (p: {
  locale: TLocale;
  article: TEditorialArticle;
  revisions: readonly TRevision[];
  names: (id: number | null) => string;
}) => {
  const { locale } = p;
  return (
    <>
      <h1>{t(locale, 'cms.history.title', { title: titleOf(locale, p.article.head.content.title) })}</h1>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">{t(locale, 'cms.workflow.history')}</caption>
          <thead>
            <tr>
              <th scope="col">{t(locale, 'cms.history.number')}</th>
              <th scope="col">{t(locale, 'cms.history.when')}</th>
              <th scope="col">{t(locale, 'cms.history.who')}</th>
              <th scope="col">{t(locale, 'cms.field.note')}</th>
              <th scope="col">{t(locale, 'cms.history.published')}</th>
              <th scope="col">{t(locale, 'cms.history.compare')}</th>
            </tr>
          </thead>
          <tbody>
            {p.revisions.map((r) => (
              <tr>
                <td>{String(r.number)}</td>
                <td>{formatDateTime(locale, r.createdAt)}</td>
                <td>{p.names(r.authorId)}</td>
                <td>{r.note ?? ''}</td>
                <td>
                  {r.publishedAt ? formatDateTime(locale, r.publishedAt) : ''}
                  {r.id === p.article.liveRevisionId ? <> ({t(locale, 'cms.history.live')})</> : null}
                </td>
                <td>
                  {r.number > 1 ? (
                    <a href={`${base(locale)}/${p.article.id}/revisions/${r.number}`}>
                      {t(locale, 'cms.history.compareWith', { number: r.number - 1 })}
                    </a>
                  ) : (
                    t(locale, 'cms.history.first')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <a href={`${base(locale)}/${p.article.id}`}>{t(locale, 'cms.preview.back')}</a>
      </p>
    </>
  );
};

const Blocks = (p: { blocks: readonly TDiffBlock[]; locale: TLocale }) => (
  <div class="diff">
    {p.blocks.map((b) =>
      b.op === 'changed' ? (
        <p class="diff-changed">
          {b.parts.map((part) =>
            part.op === 'same' ? (
              part.text
            ) : part.op === 'removed' ? (
              <del>
                <span class="visually-hidden">{t(p.locale, 'cms.diff.removed')} </span>
                {part.text}
              </del>
            ) : (
              <ins>
                <span class="visually-hidden">{t(p.locale, 'cms.diff.added')} </span>
                {part.text}
              </ins>
            ),
          )}
        </p>
      ) : b.op === 'same' ? (
        <p class="diff-same">{b.text}</p>
      ) : b.op === 'removed' ? (
        <p class="diff-removed">
          <del>
            <span class="visually-hidden">{t(p.locale, 'cms.diff.removed')} </span>
            {b.text}
          </del>
        </p>
      ) : (
        <p class="diff-added">
          <ins>
            <span class="visually-hidden">{t(p.locale, 'cms.diff.added')} </span>
            {b.text}
          </ins>
        </p>
      ),
    )}
  </div>
);

export type TFieldDiff = Readonly<{ field: string; blocks: readonly TDiffBlock[] }>;

export const DiffBody = (p: {
  locale: TLocale;
  article: TEditorialArticle;
  before: TRevision | undefined;
  after: TRevision;
  fields: readonly TFieldDiff[];
  names: (id: number | null) => string;
}) => {
  const { locale } = p;
  const line = (r: TRevision) =>
    t(locale, 'cms.workflow.revisionLine', {
      number: r.number,
      who: p.names(r.authorId),
      when: formatDateTime(locale, r.createdAt),
    });
  return (
    <>
      <h1>{t(locale, 'cms.diff.title', { number: p.after.number })}</h1>
      <p>
        {p.before ? <>{t(locale, 'cms.diff.from', { line: line(p.before) })} </> : null}
        {t(locale, 'cms.diff.to', { line: line(p.after) })}
      </p>
      {p.after.note ? <p>{t(locale, 'cms.diff.note', { note: p.after.note })}</p> : null}
      {p.fields.length === 0 ? <p>{t(locale, 'cms.diff.none')}</p> : null}
      {p.fields.map((f) => (
        <section>
          <h2>{LABELS(locale)[f.field] ?? f.field}</h2>
          <Blocks blocks={f.blocks} locale={locale} />
        </section>
      ))}
      <p>
        <a href={`${base(locale)}/${p.article.id}/revisions`}>{t(locale, 'cms.workflow.history')}</a>
      </p>
    </>
  );
};
