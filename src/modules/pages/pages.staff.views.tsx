import { formatDateTime } from '../../platform/i18n/format.ts';
import { langTag, type TLocale } from '../../platform/i18n/locale.ts';
import { ts } from '../../platform/i18n/shell.messages.ts';
import { ErrorSummary, Field, Flash, PostForm, Select, type TFormState } from '../../platform/views/form.tsx';
import type { THelpTopicGroup } from './pages.help.service.ts';
import { t } from './pages.messages.ts';
import {
  ANSWER_MAX,
  HELP_STATUSES,
  HELP_TOPICS,
  INTRO_MAX,
  type TAudience,
  type TAudienceLink,
  type TAudiencePage,
  type THelpEntry,
} from './pages.schemas.ts';
import { pick } from './pages.text.ts';

// Editors' screens: help entries, and the audience pages' intros and links. Plain forms, no JavaScript.

const FIELDS = [
  'slug',
  'topic',
  'question_en',
  'question_zh',
  'answer_en',
  'answer_zh',
  'position',
  'status',
  'intro_en',
  'intro_zh',
  'target',
  'title_en',
  'title_zh',
  'description_en',
  'description_zh',
] as const;
const labels = (locale: TLocale): Record<string, string> =>
  Object.fromEntries(FIELDS.map((f) => [f, t(locale, `pages.field.${f}`)]));

export const audienceName = (locale: TLocale, audience: TAudience): string =>
  ts(locale, `shell.audience.${audience}`);

const Hidden = (p: { locale: TLocale; title: string }) => (
  <span class="visually-hidden"> {t(p.locale, 'pages.staff.hiddenFor', { title: p.title })}</span>
);

const StatusTag = (p: { locale: TLocale; published: boolean }) => (
  <strong class="tag">{t(p.locale, p.published ? 'pages.status.published' : 'pages.status.draft')}</strong>
);

/** The editors' list of help entries, by topic. */
export const HelpListBody = (p: {
  locale: TLocale;
  csrf: string;
  groups: readonly THelpTopicGroup[];
  flash?: string | undefined;
}) => {
  const l = p.locale;
  return (
    <div>
      <Flash message={p.flash} />
      <h1>{t(l, 'pages.staff.help.title')}</h1>
      <p>{t(l, 'pages.staff.help.lead')}</p>
      <p>
        <a class="button" href={`/${l}/staff/help/new`}>
          {t(l, 'pages.staff.help.new')}
        </a>
      </p>
      {p.groups.length === 0 ? <p>{t(l, 'pages.staff.help.empty')}</p> : null}
      {p.groups.map((g) => (
        <section aria-labelledby={`topic-${g.topic}`}>
          <h2 id={`topic-${g.topic}`}>{t(l, `pages.topic.${g.topic}`)}</h2>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t(l, 'pages.staff.col.question')}</th>
                  <th scope="col">{t(l, 'pages.staff.col.position')}</th>
                  <th scope="col">{t(l, 'pages.staff.col.status')}</th>
                  <th scope="col">{t(l, 'pages.staff.col.updated')}</th>
                  <th scope="col">{t(l, 'pages.staff.col.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {g.entries.map((e) => {
                  const question = pick(e.question, l);
                  return (
                    <tr>
                      <td>
                        <a
                          href={`/${l}/staff/help/${e.id}`}
                          lang={question.lang === l ? undefined : langTag(question.lang)}
                        >
                          {question.text}
                        </a>
                      </td>
                      <td>{e.position}</td>
                      <td>
                        <StatusTag locale={l} published={e.isPublished} />
                      </td>
                      <td>{formatDateTime(l, e.updatedAt)}</td>
                      <td>
                        <a href={`/${l}/help/${e.slug}`}>
                          {t(l, 'pages.staff.view')}
                          <Hidden locale={l} title={question.text} />
                        </a>{' '}
                        <PostForm
                          inline
                          action={`/${l}/staff/help/${e.id}/${e.isPublished ? 'unpublish' : 'publish'}`}
                          csrf={p.csrf}
                        >
                          <input type="hidden" name="return" value="list" />
                          <button type="submit" class="link-button">
                            {t(l, e.isPublished ? 'pages.staff.unpublish' : 'pages.staff.publish')}
                            <Hidden locale={l} title={question.text} />
                          </button>
                        </PostForm>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
};

/** The form to add a help entry, or to edit one (then with publish, view and delete). */
export const HelpEntryFormBody = (p: {
  locale: TLocale;
  csrf: string;
  form: TFormState;
  entry?: THelpEntry | undefined;
  flash?: string | undefined;
}) => {
  const l = p.locale;
  const e = p.entry;
  const title = t(l, e ? 'pages.staff.help.edit' : 'pages.staff.help.new');
  const markdownHint = t(l, 'pages.field.markdown.hint');
  return (
    <div class="reading">
      <Flash message={p.flash} />
      <ErrorSummary locale={l} form={p.form} labels={labels(l)} />
      <h1>{title}</h1>
      {e ? (
        <p class="meta">
          <StatusTag locale={l} published={e.isPublished} />{' '}
          <a href={`/${l}/help/${e.slug}`}>{t(l, 'pages.staff.view')}</a>
        </p>
      ) : null}
      <PostForm action={e ? `/${l}/staff/help/${e.id}` : `/${l}/staff/help/new`} csrf={p.csrf}>
        <Select
          locale={l}
          form={p.form}
          name="topic"
          value={e?.topic}
          label={t(l, 'pages.field.topic')}
          options={HELP_TOPICS.map((topic) => ({ value: topic, label: t(l, `pages.topic.${topic}`) }))}
        />
        <Field
          locale={l}
          form={p.form}
          name="question_en"
          lang="en"
          maxlength={300}
          required={false}
          value={e?.question.en ?? undefined}
          label={t(l, 'pages.field.question_en')}
        />
        <Field
          locale={l}
          form={p.form}
          name="answer_en"
          lang="en"
          rows={10}
          maxlength={ANSWER_MAX}
          required={false}
          value={e?.answer.en ?? undefined}
          hint={markdownHint}
          label={t(l, 'pages.field.answer_en')}
        />
        <Field
          locale={l}
          form={p.form}
          name="question_zh"
          lang="zh-CN"
          maxlength={300}
          required={false}
          value={e?.question.zh ?? undefined}
          label={t(l, 'pages.field.question_zh')}
        />
        <Field
          locale={l}
          form={p.form}
          name="answer_zh"
          lang="zh-CN"
          rows={10}
          maxlength={ANSWER_MAX}
          required={false}
          value={e?.answer.zh ?? undefined}
          hint={markdownHint}
          label={t(l, 'pages.field.answer_zh')}
        />
        <Field
          locale={l}
          form={p.form}
          name="slug"
          maxlength={160}
          value={e?.slug}
          hint={t(l, 'pages.field.slug.hint')}
          label={t(l, 'pages.field.slug')}
        />
        <Field
          locale={l}
          form={p.form}
          name="position"
          inputmode="numeric"
          maxlength={4}
          required={false}
          value={e ? String(e.position) : undefined}
          hint={t(l, 'pages.field.position.hint')}
          label={t(l, 'pages.field.position')}
        />
        <Select
          locale={l}
          form={p.form}
          name="status"
          value={e?.isPublished ? 'published' : 'draft'}
          label={t(l, 'pages.field.status')}
          options={HELP_STATUSES.map((s) => ({ value: s, label: t(l, `pages.status.${s}`) }))}
        />
        <button type="submit" class="button">
          {t(l, e ? 'pages.staff.save' : 'pages.staff.create')}
        </button>{' '}
        <a href={`/${l}/staff/help`}>{t(l, 'pages.staff.cancel')}</a>
      </PostForm>
      {e ? (
        <p>
          <PostForm
            inline
            action={`/${l}/staff/help/${e.id}/${e.isPublished ? 'unpublish' : 'publish'}`}
            csrf={p.csrf}
          >
            <button type="submit" class="button button-secondary">
              {t(l, e.isPublished ? 'pages.staff.unpublish' : 'pages.staff.publish')}
            </button>
          </PostForm>{' '}
          <a class="button button-warning" href={`/${l}/staff/help/${e.id}/delete`}>
            {t(l, 'pages.staff.delete')}
          </a>
        </p>
      ) : null}
    </div>
  );
};

/** "Are you sure?" before something is deleted for good. */
export const ConfirmBody = (p: {
  locale: TLocale;
  csrf: string;
  title: string;
  body: string;
  action: string;
  yes: string;
  cancelHref: string;
}) => (
  <div class="reading">
    <h1>{p.title}</h1>
    <p>{p.body}</p>
    <PostForm action={p.action} csrf={p.csrf}>
      <button type="submit" class="button button-warning">
        {p.yes}
      </button>{' '}
      <a href={p.cancelHref}>{t(p.locale, 'pages.staff.cancel')}</a>
    </PostForm>
  </div>
);

/** The four audience pages, with their last change and number of links. */
export const AudiencesListBody = (p: {
  locale: TLocale;
  rows: readonly { audience: TAudience; updatedAt: string | null; links: number }[];
}) => {
  const l = p.locale;
  return (
    <div>
      <h1>{t(l, 'pages.staff.audiences.title')}</h1>
      <p>{t(l, 'pages.staff.audiences.lead')}</p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t(l, 'pages.staff.col.page')}</th>
              <th scope="col">{t(l, 'pages.staff.col.links')}</th>
              <th scope="col">{t(l, 'pages.staff.col.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r) => (
              <tr>
                <td>
                  <a href={`/${l}/staff/audiences/${r.audience}`}>{audienceName(l, r.audience)}</a>
                </td>
                <td>{r.links}</td>
                <td>{r.updatedAt ? formatDateTime(l, r.updatedAt) : t(l, 'pages.staff.audiences.never')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
};

const LinkFields = (p: { locale: TLocale; form: TFormState; link?: TAudienceLink | undefined }) => {
  const l = p.locale;
  return (
    <>
      <Field
        locale={l}
        form={p.form}
        name="target"
        maxlength={500}
        value={p.link?.target}
        hint={t(l, 'pages.field.target.hint')}
        label={t(l, 'pages.field.target')}
      />
      <Field
        locale={l}
        form={p.form}
        name="title_en"
        lang="en"
        maxlength={200}
        required={false}
        value={p.link?.title.en ?? undefined}
        label={t(l, 'pages.field.title_en')}
      />
      <Field
        locale={l}
        form={p.form}
        name="description_en"
        lang="en"
        maxlength={500}
        required={false}
        value={p.link?.description.en ?? undefined}
        label={t(l, 'pages.field.description_en')}
      />
      <Field
        locale={l}
        form={p.form}
        name="title_zh"
        lang="zh-CN"
        maxlength={200}
        required={false}
        value={p.link?.title.zh ?? undefined}
        label={t(l, 'pages.field.title_zh')}
      />
      <Field
        locale={l}
        form={p.form}
        name="description_zh"
        lang="zh-CN"
        maxlength={500}
        required={false}
        value={p.link?.description.zh ?? undefined}
        label={t(l, 'pages.field.description_zh')}
      />
    </>
  );
};

/** One audience page for editors: its intro, its links in order (move, edit, remove), and a form to add one. */
export const AudienceEditBody = (p: {
  locale: TLocale;
  csrf: string;
  page: TAudiencePage;
  introForm: TFormState;
  linkForm: TFormState;
  flash?: string | undefined;
}) => {
  const l = p.locale;
  const a = p.page.audience;
  const base = `/${l}/staff/audiences/${a}`;
  const errors: TFormState = {
    values: {},
    errors: { ...p.introForm.errors, ...p.linkForm.errors },
  };
  return (
    <div class="reading">
      <Flash message={p.flash} />
      <ErrorSummary locale={l} form={errors} labels={labels(l)} />
      <h1>{t(l, 'pages.staff.audience.title', { name: audienceName(l, a) })}</h1>
      <p class="meta">
        <a href={`/${l}/${a}`}>{t(l, 'pages.staff.audience.view')}</a>
      </p>
      <h2>{t(l, 'pages.staff.audience.intro')}</h2>
      <p class="hint">{t(l, 'pages.staff.audience.introHint')}</p>
      <PostForm action={`${base}/intro`} csrf={p.csrf}>
        <Field
          locale={l}
          form={p.introForm}
          name="intro_en"
          lang="en"
          rows={6}
          maxlength={INTRO_MAX}
          required={false}
          value={p.page.intro.en ?? undefined}
          hint={t(l, 'pages.field.markdown.hint')}
          label={t(l, 'pages.field.intro_en')}
        />
        <Field
          locale={l}
          form={p.introForm}
          name="intro_zh"
          lang="zh-CN"
          rows={6}
          maxlength={INTRO_MAX}
          required={false}
          value={p.page.intro.zh ?? undefined}
          label={t(l, 'pages.field.intro_zh')}
        />
        <button type="submit" class="button">
          {t(l, 'pages.staff.audience.saveIntro')}
        </button>
      </PostForm>
      <h2>{t(l, 'pages.staff.audience.links')}</h2>
      {p.page.links.length === 0 ? (
        <p>{t(l, 'pages.staff.audience.noLinks')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t(l, 'pages.staff.col.position')}</th>
                <th scope="col">{t(l, 'pages.staff.col.link')}</th>
                <th scope="col">{t(l, 'pages.staff.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {p.page.links.map((link, i) => {
                const title = pick(link.title, l);
                const move = (direction: 'up' | 'down') => (
                  <PostForm inline action={`${base}/links/${link.id}/move`} csrf={p.csrf}>
                    <input type="hidden" name="direction" value={direction} />
                    <button type="submit" class="link-button">
                      {t(l, direction === 'up' ? 'pages.staff.audience.up' : 'pages.staff.audience.down')}
                      <Hidden locale={l} title={title.text} />
                    </button>
                  </PostForm>
                );
                return (
                  <tr>
                    <td>{link.position}</td>
                    <td>
                      <span lang={title.lang === l ? undefined : langTag(title.lang)}>{title.text}</span>
                      <br />
                      <code>{link.target}</code>
                    </td>
                    <td>
                      {i > 0 ? move('up') : null} {i < p.page.links.length - 1 ? move('down') : null}{' '}
                      <a href={`${base}/links/${link.id}`}>
                        {t(l, 'pages.staff.edit')}
                        <Hidden locale={l} title={title.text} />
                      </a>{' '}
                      <a href={`${base}/links/${link.id}/delete`}>
                        {t(l, 'pages.staff.audience.remove')}
                        <Hidden locale={l} title={title.text} />
                      </a>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t(l, 'pages.staff.audience.addLink')}</h2>
      <PostForm action={`${base}/links`} csrf={p.csrf}>
        <LinkFields locale={l} form={p.linkForm} />
        <button type="submit" class="button">
          {t(l, 'pages.staff.audience.addLink')}
        </button>
      </PostForm>
    </div>
  );
};

/** The form to edit one link. */
export const LinkEditBody = (p: {
  locale: TLocale;
  csrf: string;
  audience: TAudience;
  link: TAudienceLink;
  form: TFormState;
}) => {
  const l = p.locale;
  const base = `/${l}/staff/audiences/${p.audience}`;
  return (
    <div class="reading">
      <ErrorSummary locale={l} form={p.form} labels={labels(l)} />
      <h1>{t(l, 'pages.staff.audience.editLink')}</h1>
      <PostForm action={`${base}/links/${p.link.id}`} csrf={p.csrf}>
        <LinkFields locale={l} form={p.form} link={p.link} />
        <button type="submit" class="button">
          {t(l, 'pages.staff.save')}
        </button>{' '}
        <a href={base}>{t(l, 'pages.staff.cancel')}</a>
      </PostForm>
    </div>
  );
};
