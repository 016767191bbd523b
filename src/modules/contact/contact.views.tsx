import { formatDateTime } from '../../platform/i18n/format.ts';
import type { TLocale } from '../../platform/i18n/locale.ts';
import { ErrorSummary, Field, Flash, PostForm, Select, type TFormState } from '../../platform/views/form.tsx';
import { Pager } from '../../platform/views/pager.tsx';
import { QueueTable, QueueTabs } from '../../platform/views/queue.tsx';
import { Quote } from '../../platform/views/quote.tsx';
import { t } from './contact.messages.ts';
import {
  CONTACT_STATUSES,
  type TContactMessage,
  type TContactReply,
  type TContactStatus,
} from './contact.schemas.ts';

const labels = (locale: TLocale) => ({
  name: t(locale, 'contact.field.name'),
  email: t(locale, 'contact.field.email'),
  subject: t(locale, 'contact.field.subject'),
  message: t(locale, 'contact.field.message'),
  reply: t(locale, 'contact.message.reply'),
  status: t(locale, 'contact.inbox.status'),
});

export const ContactFormBody = (p: { locale: TLocale; csrf: string; form: TFormState }) => (
  <div class="reading">
    <ErrorSummary locale={p.locale} form={p.form} labels={labels(p.locale)} />
    <h1>{t(p.locale, 'contact.title')}</h1>
    <p class="lead">{t(p.locale, 'contact.lead')}</p>
    <div class="notice" role="note">
      <p>{t(p.locale, 'contact.demo')}</p>
    </div>
    <PostForm action={`/${p.locale}/contact`} csrf={p.csrf}>
      <Field
        locale={p.locale}
        form={p.form}
        name="name"
        autocomplete="name"
        maxlength={200}
        label={t(p.locale, 'contact.field.name')}
      />
      <Field
        locale={p.locale}
        form={p.form}
        name="email"
        type="email"
        autocomplete="email"
        maxlength={254}
        label={t(p.locale, 'contact.field.email')}
        hint={t(p.locale, 'contact.field.email.hint')}
      />
      <Field
        locale={p.locale}
        form={p.form}
        name="subject"
        maxlength={200}
        label={t(p.locale, 'contact.field.subject')}
      />
      <Field
        locale={p.locale}
        form={p.form}
        name="message"
        rows={8}
        maxlength={5000}
        label={t(p.locale, 'contact.field.message')}
      />
      {/* Honeypot: off-screen for people (its label says to leave it empty), found and filled by bots. */}
      <div class="hp" aria-hidden="true">
        <label for="f-website">{t(p.locale, 'contact.field.honeypot')}</label>
        <input id="f-website" name="website" type="text" tabindex={-1} autocomplete="off" />
      </div>
      <p class="hint">{t(p.locale, 'contact.privacy')}</p>
      <button type="submit" class="button">
        {t(p.locale, 'contact.submit')}
      </button>
    </PostForm>
  </div>
);

export const ContactSentBody = (p: { locale: TLocale; reference: string | undefined }) => (
  <div class="reading">
    <h1>{t(p.locale, 'contact.sent.title')}</h1>
    <div class="flash" role="status">
      <p>
        {p.reference
          ? t(p.locale, 'contact.sent.body', { reference: p.reference })
          : t(p.locale, 'contact.sent.bodyNoReference')}
      </p>
    </div>
  </div>
);

export const InboxBody = (p: {
  locale: TLocale;
  status: TContactStatus | undefined;
  rows: readonly TContactMessage[];
  counts: Readonly<Record<string, number>>;
  page: number;
  total: number;
  pageSize: number;
}) => {
  const { locale } = p;
  const all = Object.values(p.counts).reduce((a, b) => a + b, 0);
  const href = (status: TContactStatus | undefined, page = 1) =>
    `/${locale}/staff/contact${status ? `?status=${status}${page > 1 ? `&page=${page}` : ''}` : page > 1 ? `?page=${page}` : ''}`;
  return (
    <div>
      <h1>{t(locale, 'contact.inbox.title')}</h1>
      <p>{t(locale, 'contact.inbox.lead')}</p>
      <QueueTabs
        label={t(locale, 'contact.inbox.filter')}
        all={t(locale, 'contact.inbox.all')}
        allCount={all}
        values={CONTACT_STATUSES}
        current={p.status}
        labelOf={(s) => t(locale, `contact.status.${s}`)}
        counts={p.counts}
        href={href}
      />
      <QueueTable
        isEmpty={p.rows.length === 0}
        empty={t(locale, 'contact.inbox.empty')}
        columns={[
          t(locale, 'contact.inbox.reference'),
          t(locale, 'contact.inbox.received'),
          t(locale, 'contact.field.subject'),
          t(locale, 'contact.inbox.from'),
          t(locale, 'contact.inbox.status'),
        ]}
      >
        {p.rows.map((m) => (
          <tr>
            <td>
              <a href={`/${locale}/staff/contact/${m.id}`}>{m.reference}</a>
            </td>
            <td>{formatDateTime(locale, m.createdAt)}</td>
            <td lang={m.locale === 'zh' ? 'zh-CN' : 'en'}>{m.subject}</td>
            <td>{m.name}</td>
            <td>
              <strong class="tag">{t(locale, `contact.status.${m.status}`)}</strong>
            </td>
          </tr>
        ))}
      </QueueTable>
      <Pager
        locale={locale}
        page={p.page}
        total={p.total}
        size={p.pageSize}
        href={(n) => href(p.status, n)}
      />
    </div>
  );
};

export const MessageBody = (p: {
  locale: TLocale;
  csrf: string;
  message: TContactMessage;
  replies: readonly TContactReply[];
  authorName: (id: number | null) => string;
  form: TFormState;
  flash?: string | undefined;
}) => {
  const { locale, message: m } = p;
  const lang = m.locale === 'zh' ? 'zh-CN' : 'en';
  return (
    <div class="reading">
      <Flash message={p.flash} />
      <ErrorSummary locale={locale} form={p.form} labels={labels(locale)} />
      <h1 lang={lang}>{m.subject}</h1>
      <dl class="summary-list">
        <dt>{t(locale, 'contact.inbox.reference')}</dt>
        <dd>{m.reference}</dd>
        <dt>{t(locale, 'contact.inbox.received')}</dt>
        <dd>{formatDateTime(locale, m.createdAt)}</dd>
        <dt>{t(locale, 'contact.inbox.from')}</dt>
        <dd>
          {m.name} &lt;{m.email}&gt;
        </dd>
        <dt>{t(locale, 'contact.message.language')}</dt>
        <dd>{m.locale === 'zh' ? '中文' : 'English'}</dd>
        <dt>{t(locale, 'contact.inbox.status')}</dt>
        <dd>{t(locale, `contact.status.${m.status}`)}</dd>
      </dl>
      <Quote text={m.body} class="message" lang={lang} />
      <h2>{t(locale, 'contact.message.replies')}</h2>
      {p.replies.length === 0 ? <p>{t(locale, 'contact.message.noReplies')}</p> : null}
      {p.replies.map((r) => (
        <div class="reply">
          <p class="meta">
            {t(locale, 'contact.message.repliedBy', {
              who: p.authorName(r.authorId),
              date: formatDateTime(locale, r.sentAt),
            })}
          </p>
          <Quote text={r.body} lang={lang} />
        </div>
      ))}
      <h2>{t(locale, 'contact.message.reply')}</h2>
      <PostForm action={`/${locale}/staff/contact/${m.id}/reply`} csrf={p.csrf}>
        <Field
          locale={locale}
          form={p.form}
          name="reply"
          rows={8}
          maxlength={10_000}
          lang={lang}
          label={t(locale, 'contact.message.reply')}
          hint={t(locale, 'contact.message.reply.hint', { email: m.email })}
        />
        <button type="submit" class="button">
          {t(locale, 'contact.message.send')}
        </button>
      </PostForm>
      <h2>{t(locale, 'contact.message.setStatus')}</h2>
      <PostForm action={`/${locale}/staff/contact/${m.id}/status`} csrf={p.csrf}>
        <Select
          locale={locale}
          form={p.form}
          name="status"
          value={m.status}
          label={t(locale, 'contact.inbox.status')}
          options={CONTACT_STATUSES.map((s) => ({ value: s, label: t(locale, `contact.status.${s}`) }))}
        />
        <button type="submit" class="button button-secondary">
          {t(locale, 'contact.message.setStatus')}
        </button>
      </PostForm>
    </div>
  );
};
