import { writeAudit } from '../../platform/audit.ts';
import type { TActor, TCallMeta } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import { nowIso } from '../../platform/db/schema.ts';
import type { TDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/http/errors.ts';
import { fieldError } from '../../platform/http/form.ts';
import { peopleNames } from '../accounts/index.ts';
import { appliesTo, canWriteNews, mayDo, type TNewsAction } from './cms.policy.ts';
import * as repo from './cms.repo.ts';
import {
  contentOf,
  type TArticleForm,
  type TEditorialArticle,
  type TNewsContent,
  type TNewsState,
} from './cms.schemas.ts';

export const EDITORIAL_PAGE_SIZE = 30;

/** Guangzhou's time zone (China Standard Time has no daylight saving): how editors type a schedule. */
export const SITE_UTC_OFFSET = '+08:00';

/** A `datetime-local` value in the site's time zone → an ISO instant. */
export const scheduleInstant = (local: string): string | undefined => {
  const d = new Date(`${local}:00${SITE_UTC_OFFSET}`);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
};

/** An ISO instant → the `datetime-local` value editors see, in the site's time zone. */
export const localInput = (iso: string): string =>
  new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16);

const audit = (
  db: Db,
  actor: TActor | null,
  meta: TCallMeta | null,
  action: string,
  id: number,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
) =>
  writeAudit(db, {
    actorId: actor?.personId ?? null,
    action: `news.${action}`,
    subjectType: 'news_article',
    subjectId: id,
    before,
    after,
    requestId: meta?.requestId,
    ip: meta?.ip,
  });

const requireWriter = (actor: TActor | undefined): TActor => {
  if (!actor || !canWriteNews(actor)) throw new AppError('NOT_FOUND');
  return actor;
};

/** The article for an editor, or NOT_FOUND (also for people who may not see drafts). */
export const editorialArticle = async (deps: TDeps, actor: TActor | undefined, id: number) => {
  requireWriter(actor);
  const a = await repo.findEditorial(deps.db, id);
  if (!a) throw new AppError('NOT_FOUND');
  return a;
};

/** The editors' list of articles, by state. */
export const editorialList = async (
  deps: TDeps,
  actor: TActor | undefined,
  state: TNewsState | undefined,
  page: number,
) => {
  requireWriter(actor);
  return repo.listEditorial(deps.db, state, EDITORIAL_PAGE_SIZE, (page - 1) * EDITORIAL_PAGE_SIZE);
};

/** Every revision of an article with the names of their authors. */
export const revisionHistory = async (deps: TDeps, actor: TActor | undefined, id: number) => {
  const article = await editorialArticle(deps, actor, id);
  const revisions = await repo.listRevisions(deps.db, id);
  const ids = [...new Set(revisions.map((r) => r.authorId).filter((x): x is number => x !== null))];
  return { article, revisions, names: await peopleNames(deps, ids) };
};

/** Two revisions of an article to compare: `number` against `against` (default: the one before). */
export const revisionPair = async (
  deps: TDeps,
  actor: TActor | undefined,
  id: number,
  number: number,
  against?: number,
) => {
  const article = await editorialArticle(deps, actor, id);
  const after = await repo.findRevision(deps.db, id, number);
  if (!after) throw new AppError('NOT_FOUND');
  const before = await repo.findRevision(deps.db, id, against ?? number - 1);
  if (against !== undefined && !before) throw new AppError('NOT_FOUND');
  const names = await peopleNames(
    deps,
    [after.authorId, before?.authorId].filter((x): x is number => !!x),
  );
  return { article, before, after, names };
};

const sameContent = (a: TNewsContent, b: TNewsContent) => JSON.stringify(a) === JSON.stringify(b);

/** A new article in draft, from the editor's form. Returns its id. */
export const createArticle = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor | undefined,
  form: TArticleForm,
): Promise<number> => {
  const who = requireWriter(actor);
  if (!form.slug) throw fieldError('slug', 'form.error.required');
  const slug = form.slug;
  const content = contentOf(form);
  const id = await deps.db.transaction().execute(async (trx) => {
    if (await repo.slugTaken(trx, slug)) throw fieldError('slug', 'cms.error.slugTaken');
    const at = nowIso();
    const { id } = await repo.insertArticle(trx, {
      slug,
      content,
      authorId: who.personId,
      note: form.note,
      at,
      isDemo: false,
    });
    await audit(trx, who, meta, 'create', id, null, { slug, state: 'draft', revision: 1 });
    return id;
  });
  return id;
};

/**
 * Saves the form as a new revision. When someone else saved since the editor opened the form, nothing is
 * saved and the form comes back with their text and a note (the base revision moves on, so saving again
 * is a deliberate choice). Saving an article in review or scheduled sends it back to draft; saving a
 * published one starts a draft of changes while the live copy stays up. Returns false when nothing changed.
 */
export const saveArticle = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor | undefined,
  id: number,
  form: TArticleForm,
): Promise<boolean> => {
  const who = requireWriter(actor);
  const content = contentOf(form);
  const saved = await deps.db.transaction().execute(async (trx) => {
    const a = await repo.findEditorial(trx, id, { lock: true });
    if (!a) throw new AppError('NOT_FOUND');
    if (!appliesTo('save', a)) throw fieldError('_form', 'cms.error.archivedEdit');
    if (form.base_revision !== null && form.base_revision !== a.head.number) {
      throw new AppError('INVALID', 'edited meanwhile', {
        fields: {
          _form: { key: 'cms.error.conflict', params: { number: a.head.number } },
          base_revision: { key: 'cms.error.conflictBase', params: { number: a.head.number } },
        },
      });
    }
    const slug = form.slug ?? a.slug;
    if (slug !== a.slug) {
      if (a.liveRevisionId !== null) throw fieldError('slug', 'cms.error.slugLive');
      if (await repo.slugTaken(trx, slug, id)) throw fieldError('slug', 'cms.error.slugTaken');
    }
    if (sameContent(content, a.head.content) && slug === a.slug) return false;
    const at = nowIso();
    const number = a.head.number + 1;
    const revisionId = await repo.insertRevision(trx, {
      articleId: id,
      number,
      authorId: who.personId,
      note: form.note,
      content,
      at,
    });
    const state: TNewsState = 'draft';
    await repo.updateArticle(trx, id, {
      slug,
      head_revision_id: revisionId,
      state,
      scheduled_at: null,
      submitted_by: null,
    });
    await audit(
      trx,
      who,
      meta,
      'save',
      id,
      { state: a.state, revision: a.head.number, ...(slug !== a.slug ? { slug: a.slug } : {}) },
      { state, revision: number, ...(slug !== a.slug ? { slug } : {}) },
    );
    return true;
  });
  return saved;
};

export type TTransition = Readonly<{
  action: Exclude<TNewsAction, 'save'>;
  at?: string | null;
  reason?: string | null;
}>;

/**
 * Moves an article along the workflow. Refusals say why: a 404 for people who may not act on news, a
 * field error when the action does not apply to the article's state or misses its reason.
 * Returns the state the article ends in.
 */
export const transition = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor | undefined,
  id: number,
  t: TTransition,
  now: Date = new Date(),
): Promise<TNewsState> => {
  const who = requireWriter(actor);
  if (!mayDo(who, t.action)) throw new AppError('NOT_FOUND');
  const state = await deps.db.transaction().execute(async (trx) => {
    const a = await repo.findEditorial(trx, id, { lock: true });
    if (!a) throw new AppError('NOT_FOUND');
    if (!appliesTo(t.action, a)) throw fieldError('_form', 'cms.error.notNow');
    const before = { state: a.state, revision: a.head.number };
    const at = now.toISOString();
    let after: Record<string, unknown>;
    switch (t.action) {
      case 'submit':
        await repo.updateArticle(trx, id, { state: 'review', submitted_by: who.personId });
        after = { state: 'review', revision: a.head.number };
        break;
      case 'return':
        await repo.updateArticle(trx, id, { state: 'draft', scheduled_at: null, submitted_by: null });
        after = { state: 'draft', revision: a.head.number };
        break;
      case 'publish': {
        // Four eyes: whoever submitted it asks another editor, or says why it cannot wait.
        // The latest text's author counts too, so nobody publishes their own words by having someone else submit them.
        const own = a.submittedBy === who.personId || a.head.authorId === who.personId;
        if (own && !t.reason) throw fieldError('reason', 'cms.error.selfPublish');
        let when: string | undefined;
        if (t.at) {
          when = scheduleInstant(t.at);
          if (!when) throw fieldError('at', 'cms.error.when');
        }
        if (when && when > at) {
          await repo.updateArticle(trx, id, { state: 'scheduled', scheduled_at: when });
          after = {
            state: 'scheduled',
            revision: a.head.number,
            scheduledAt: when,
            ...(own ? { reason: t.reason } : {}),
          };
        } else {
          await repo.publishRevision(trx, id, a.head, at, a.publishedAt === null);
          after = { state: 'published', revision: a.head.number, ...(own ? { reason: t.reason } : {}) };
        }
        break;
      }
      case 'archive':
        await repo.updateArticle(trx, id, { state: 'archived', archived_at: at });
        await repo.setListedTags(trx, id, []);
        after = { state: 'archived' };
        break;
      case 'restore':
        await repo.updateArticle(trx, id, {
          state: a.head.id === a.liveRevisionId ? 'published' : 'draft',
          archived_at: null,
        });
        after = { state: a.head.id === a.liveRevisionId ? 'published' : 'draft' };
        if (a.liveRevisionId !== null)
          await repo.setListedTags(trx, id, (await repo.revisionContent(trx, a.liveRevisionId))?.tags ?? []);
        break;
      case 'unpublish':
        if (!t.reason) throw fieldError('reason', 'form.error.required');
        await repo.updateArticle(trx, id, {
          state: 'draft',
          live_revision_id: null,
          scheduled_at: null,
          submitted_by: null,
          archived_at: null,
          unpublished_at: at,
          unpublished_reason: t.reason,
        });
        await repo.setListedTags(trx, id, []);
        after = { state: 'draft', live: false, reason: t.reason };
        break;
    }
    await audit(trx, who, meta, t.action, id, before, after);
    return after.state as TNewsState;
  });
  deps.pages.clear();
  return state;
};

/**
 * Publishes scheduled articles whose time has come (the server runs this every minute). Each goes live
 * with its scheduled time as its publication date. Returns how many went live.
 */
export const publishDue = async (deps: TDeps, now: Date = new Date()): Promise<number> => {
  const at = now.toISOString();
  let published = 0;
  for (const id of await repo.dueScheduled(deps.db, at)) {
    // One article failing (logged) must not hold back the others due this minute.
    let done = false;
    try {
      done = await deps.db.transaction().execute(async (trx) => {
        const a = await repo.findEditorial(trx, id, { lock: true });
        if (!a || a.state !== 'scheduled' || !a.scheduledAt || a.scheduledAt > at) return false;
        await repo.publishRevision(trx, id, a.head, a.scheduledAt, a.publishedAt === null);
        await audit(
          trx,
          null,
          null,
          'publish-scheduled',
          id,
          { state: 'scheduled' },
          {
            state: 'published',
            revision: a.head.number,
            at: a.scheduledAt,
          },
        );
        return true;
      });
    } catch (err) {
      deps.log.error('scheduled article not published', { articleId: id, reason: (err as Error).message });
    }
    if (done) published++;
  }
  if (published > 0) deps.pages.clear();
  return published;
};

/** The article's revision content for a preview, as readers would see it once published. */
export const previewOf = (a: TEditorialArticle) => a.head.content;
