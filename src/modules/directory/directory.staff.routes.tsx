import { type Context, Hono } from 'hono';
import type { z } from 'zod';
import type { TActor } from '../../platform/auth/actor.ts';
import type { TDeps } from '../../platform/deps.ts';
import type { TAppEnv } from '../../platform/http/context.ts';
import type { TFieldErrors } from '../../platform/http/errors.ts';
import { handleForm, type TFormValues } from '../../platform/http/form.ts';
import { rateLimit } from '../../platform/http/rate-limit.ts';
import { callMeta } from '../../platform/http/request-meta.ts';
import { EMPTY_FORM, formState, formTitle, type TFormState } from '../../platform/views/form.tsx';
import { renderPage } from '../../platform/views/page.tsx';
import { requirePermission } from '../accounts/index.ts';
import { claimFor, decideClaim } from './directory.claims.service.ts';
import { createDuplicateRoutes } from './directory.duplicates.routes.tsx';
import { canDecideClaims } from './directory.policy.ts';
import { ZNoteOptional, ZNoteRequired, ZReason } from './directory.profile.schemas.ts';
import {
  changeFor,
  decideChange,
  markVerified,
  staffHome,
  staffRecordFor,
} from './directory.review.service.ts';
import { crumbs, flashOf, seeOther, type TDone, tt } from './directory.staff.http.ts';
import { t } from './directory.staff.messages.ts';
import { ChangeBody, ClaimBody, RecordBody, StaffHomeBody } from './directory.staff.views.tsx';

type C = Context<TAppEnv>;
type TDecision = 'approve' | 'reject';
const ID = '{[0-9]{1,9}}';
const SLUG = '{[a-z0-9-]+}';
/** Directory staff pages, mounted under /{locale}/staff/directory (staff with the second factor only). */
export const createDirectoryStaffRoutes = (deps: TDeps) => {
  const app = new Hono<TAppEnv>({ strict: false });
  const meta = (c: C) => callMeta(c, deps.config.trustProxy);
  app.post('*', rateLimit(deps, { name: 'directory-staff-write', limit: 120, windowMs: 10 * 60_000 }));
  const csrf = (c: C) => c.get('shell').csrf(c);

  /**
   * The approve and reject posts of one kind of pending item (changes, claims): the same access check,
   * an approval note as the item's approve form asks for it or a reason to reject, the form shown again
   * with its errors, and a redirect to the staff home that says what was done.
   */
  const decisionPosts = <N extends string | null>(o: {
    path: string;
    /** Checks the person may decide the item and that it still waits; returns the person. */
    check: (c: C, id: number) => Promise<TActor>;
    show: (c: C, id: number, form?: TFormState) => Promise<Response>;
    approveForm: z.ZodType<{ note: N }>;
    decide: (c: C, actor: TActor, id: number, decision: TDecision, note: N | string) => Promise<unknown>;
    done: Readonly<Record<TDecision, TDone>>;
  }) => {
    for (const decision of ['approve', 'reject'] as const) {
      app.post(`/${o.path}/:id${ID}/${decision}`, async (c) => {
        const id = Number(c.req.param('id'));
        const actor = await o.check(c, id);
        const onInvalid = (errors: TFieldErrors, values: TFormValues) =>
          o.show(c, id, formState(c.get('locale'), values, errors, tt));
        const decide = async (note: N | string) => {
          await o.decide(c, actor, id, decision, note);
          return seeOther(c, '', o.done[decision]);
        };
        return decision === 'approve'
          ? handleForm(c, o.approveForm, (data) => decide(data.note), onInvalid)
          : handleForm(c, ZReason, (data) => decide(data.reason), onInvalid);
      });
    }
  };

  app.get('/', async (c) => {
    const actor = requirePermission(c, 'manage:directory');
    const locale = c.get('locale');
    const home = await staffHome(deps, actor);
    return renderPage(c, {
      title: t(locale, 'directory.staff.title'),
      breadcrumbs: crumbs(locale),
      private: true,
      body: (
        <StaffHomeBody
          locale={locale}
          changes={home.changes}
          claims={home.claims}
          duplicates={home.duplicates}
          mayDecideClaims={canDecideClaims(actor)}
          flash={flashOf(c)}
        />
      ),
    });
  });

  const showChange = async (c: C, id: number, form?: TFormState) => {
    const locale = c.get('locale');
    const change = await changeFor(deps, c.get('actor'), id);
    const shown = form ?? EMPTY_FORM;
    const title = t(locale, 'directory.staff.changeTitle', {
      name: change.record.name[locale] || change.record.name.en,
    });
    return renderPage(c, {
      title: formTitle(locale, title, shown),
      breadcrumbs: crumbs(locale, title),
      private: true,
      status: form ? 422 : undefined,
      body: <ChangeBody locale={locale} change={change} csrf={csrf(c)} form={shown} />,
    });
  };

  app.get(`/changes/:id${ID}`, (c) => {
    requirePermission(c, 'manage:directory');
    return showChange(c, Number(c.req.param('id')));
  });

  decisionPosts({
    path: 'changes',
    check: async (c, id) => {
      const actor = requirePermission(c, 'manage:directory');
      await changeFor(deps, actor, id);
      return actor;
    },
    show: showChange,
    approveForm: ZNoteOptional,
    decide: (c, actor, id, decision, note) => decideChange(deps, meta(c), actor, id, decision, note),
    done: { approve: 'changeApproved', reject: 'changeRejected' },
  });

  const showClaim = async (c: C, id: number, form?: TFormState) => {
    const locale = c.get('locale');
    const claim = await claimFor(deps, requirePermission(c, 'verify:organization'), id);
    const shown = form ?? EMPTY_FORM;
    const title = t(locale, 'directory.staff.claimTitle', {
      name: claim.record.name[locale] || claim.record.name.en,
    });
    return renderPage(c, {
      title: formTitle(locale, title, shown),
      breadcrumbs: crumbs(locale, title),
      private: true,
      status: form ? 422 : undefined,
      body: <ClaimBody locale={locale} claim={claim} csrf={csrf(c)} form={shown} />,
    });
  };

  app.get(`/claims/:id${ID}`, (c) => {
    requirePermission(c, 'manage:directory');
    return showClaim(c, Number(c.req.param('id')));
  });

  decisionPosts({
    path: 'claims',
    check: async (c, id) => {
      requirePermission(c, 'manage:directory');
      const actor = requirePermission(c, 'verify:organization');
      await claimFor(deps, actor, id);
      return actor;
    },
    show: showClaim,
    approveForm: ZNoteRequired,
    decide: (c, actor, id, decision, note) => decideClaim(deps, meta(c), actor, id, decision, note),
    done: { approve: 'claimApproved', reject: 'claimRejected' },
  });

  app.route('/duplicates', createDuplicateRoutes(deps));

  const showRecord = async (c: C, slug: string, form?: TFormState) => {
    const locale = c.get('locale');
    const data = await staffRecordFor(deps, c.get('actor'), slug);
    const shown = form ?? EMPTY_FORM;
    const title = t(locale, 'directory.staff.recordTitle', {
      name: data.profile.name[locale] || data.profile.name.en,
    });
    return renderPage(c, {
      title: formTitle(locale, title, shown),
      breadcrumbs: crumbs(locale, title),
      private: true,
      status: form ? 422 : undefined,
      body: <RecordBody locale={locale} data={data} csrf={csrf(c)} form={shown} flash={flashOf(c)} />,
    });
  };

  app.get(`/records/:slug${SLUG}`, (c) => {
    requirePermission(c, 'manage:directory');
    return showRecord(c, c.req.param('slug'));
  });

  app.post(`/records/:slug${SLUG}/verify`, async (c) => {
    const actor = requirePermission(c, 'manage:directory');
    const slug = c.req.param('slug');
    await staffRecordFor(deps, actor, slug);
    return handleForm(
      c,
      ZNoteOptional,
      async (data) => {
        await markVerified(deps, meta(c), actor, slug, data.note);
        return seeOther(c, `/records/${slug}`, 'verified');
      },
      (errors, values) => showRecord(c, slug, formState(c.get('locale'), values, errors, tt)),
    );
  });

  return app;
};
