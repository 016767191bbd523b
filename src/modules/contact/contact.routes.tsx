import { type Context, Hono } from 'hono';
import type { TDeps } from '../../platform/deps.ts';
import type { TAppEnv } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { handleForm } from '../../platform/http/form.ts';
import { hitRateLimit, rateLimit, type TRateLimitRule } from '../../platform/http/rate-limit.ts';
import { callMeta } from '../../platform/http/request-meta.ts';
import { parseQuery } from '../../platform/http/validate.ts';
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
import { preferredName, requirePermission } from '../accounts/index.ts';
import { t } from './contact.messages.ts';
import { ZContactForm, ZInboxQuery, ZReplyForm, ZStatusForm } from './contact.schemas.ts';
import {
  INBOX_PAGE_SIZE,
  inboxFor,
  isReference,
  messageFor,
  replyTo,
  setMessageStatus,
  submitContact,
} from './contact.service.ts';
import { ContactFormBody, ContactSentBody, InboxBody, MessageBody } from './contact.views.tsx';

type C = Context<TAppEnv>;
const tt = t as TAnyTranslate;
/** Accepted messages per address. */
const CONTACT_SENT: TRateLimitRule = { name: 'contact-sent', limit: 5, windowMs: 60 * 60_000 };

/** The public Contact us form, mounted at /{locale}/contact. */
export const createContactRoutes = (deps: TDeps) => {
  const app = new Hono<TAppEnv>({ strict: false });
  const show = (c: C, form: TFormState, status: 200 | 422 = 200) => {
    const locale = c.get('locale');
    return renderPage(c, {
      title: formTitle(locale, t(locale, 'contact.title'), form),
      description: t(locale, 'contact.lead'),
      status,
      breadcrumbs: [{ label: ts(locale, 'shell.nav.contact') }],
      body: <ContactFormBody locale={locale} csrf={c.get('shell').csrf(c)} form={form} />,
    });
  };
  app.get('/', (c) => show(c, EMPTY_FORM));
  // Every post counts against a loose limit; accepted messages against a tight one, so a few typos
  // do not lock a person out.
  app.post('/', rateLimit(deps, { name: 'contact-post', limit: 30, windowMs: 60 * 60_000 }), (c) =>
    handleForm(
      c,
      ZContactForm,
      async (data) => {
        const locale = c.get('locale');
        const meta = callMeta(c, deps.config.trustProxy);
        const sent = await hitRateLimit(deps.db, deps.config.sessionSecret, CONTACT_SENT, meta.ip);
        if (!sent.allowed) {
          throw new AppError('RATE_LIMITED', 'Too many messages', {
            retryAfterSeconds: sent.retryAfterSeconds,
          });
        }
        const reference = await submitContact(deps, meta, data);
        // Post/redirect/get: reloading the "sent" page does not send the message again.
        return c.redirect(`/${locale}/contact/sent?ref=${reference}`, 303);
      },
      (errors, values) => show(c, formState(c.get('locale'), values, errors, tt), 422),
    ),
  );
  app.get('/sent', (c) => {
    const locale = c.get('locale');
    const ref = c.req.query('ref');
    return renderPage(c, {
      title: t(locale, 'contact.sent.title'),
      private: true,
      breadcrumbs: [
        { label: ts(locale, 'shell.nav.contact'), href: `/${locale}/contact` },
        { label: t(locale, 'contact.sent.title') },
      ],
      body: <ContactSentBody locale={locale} reference={isReference(ref) ? ref : undefined} />,
    });
  });
  return app;
};

/** The staff inbox, mounted at /{locale}/staff/contact (editors and administrators). */
export const createContactStaffRoutes = (deps: TDeps) => {
  const app = new Hono<TAppEnv>({ strict: false });
  const meta = (c: C) => callMeta(c, deps.config.trustProxy);
  app.post('*', rateLimit(deps, { name: 'contact-staff-write', limit: 120, windowMs: 10 * 60_000 }));
  const crumbs = (c: C) => [
    { label: ts(c.get('locale'), 'shell.account.staff'), href: `/${c.get('locale')}/staff` },
    { label: t(c.get('locale'), 'contact.inbox.title'), href: `/${c.get('locale')}/staff/contact` },
  ];

  app.get('/', async (c) => {
    const actor = requirePermission(c, 'manage:contact');
    const locale = c.get('locale');
    const q = parseQuery(c, ZInboxQuery);
    const page = q.page ?? 1;
    const inbox = await inboxFor(deps, meta(c), actor, q.status, page);
    return renderPage(c, {
      title: t(locale, 'contact.inbox.title'),
      private: true,
      breadcrumbs: [crumbs(c)[0] as TCrumb, { label: t(locale, 'contact.inbox.title') }],
      body: (
        <InboxBody
          locale={locale}
          status={q.status}
          rows={inbox.rows}
          counts={inbox.counts}
          page={page}
          total={inbox.total}
          pageSize={INBOX_PAGE_SIZE}
        />
      ),
    });
  });

  const showMessage = async (c: C, id: number, form: TFormState = EMPTY_FORM, status: 200 | 422 = 200) => {
    const actor = requirePermission(c, 'manage:contact');
    const locale = c.get('locale');
    const { message, replies, names } = await messageFor(deps, meta(c), actor, id, status === 200);
    const done = c.req.query('done');
    return renderPage(c, {
      title: formTitle(locale, message.subject, form),
      status,
      private: true,
      breadcrumbs: [...crumbs(c), { label: message.reference }],
      body: (
        <MessageBody
          locale={locale}
          csrf={c.get('shell').csrf(c)}
          message={message}
          replies={replies}
          authorName={(id) => {
            const n = id === null ? undefined : names.get(id);
            if (!n) return '—';
            if (n.deleted) return t(locale, 'contact.staffDeleted');
            return preferredName(locale, n) ?? n.email;
          }}
          form={form}
          flash={done === 'replied' || done === 'status' ? t(locale, `contact.done.${done}`) : undefined}
        />
      ),
    });
  };

  app.get('/:id{[0-9]{1,9}}', (c) => showMessage(c, Number(c.req.param('id'))));

  app.post('/:id{[0-9]{1,9}}/reply', async (c) => {
    const actor = requirePermission(c, 'manage:contact');
    const id = Number(c.req.param('id'));
    return handleForm(
      c,
      ZReplyForm,
      async (data) => {
        await replyTo(deps, meta(c), actor, id, data.reply);
        return c.redirect(`/${c.get('locale')}/staff/contact/${id}?done=replied`, 303);
      },
      (errors, values) => showMessage(c, id, formState(c.get('locale'), values, errors, tt), 422),
    );
  });

  app.post('/:id{[0-9]{1,9}}/status', async (c) => {
    const actor = requirePermission(c, 'manage:contact');
    const id = Number(c.req.param('id'));
    return handleForm(
      c,
      ZStatusForm,
      async (data) => {
        await setMessageStatus(deps, meta(c), actor, id, data.status);
        return c.redirect(`/${c.get('locale')}/staff/contact/${id}?done=status`, 303);
      },
      (errors, values) => showMessage(c, id, formState(c.get('locale'), values, errors, tt), 422),
    );
  });

  return app;
};
