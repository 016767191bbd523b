import { writeAudit } from '../../platform/audit.ts';
import type { TActor, TCallMeta } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import { nowIso } from '../../platform/db/schema.ts';
import type { TDeps } from '../../platform/deps.ts';
import { AppError, type TFieldError } from '../../platform/http/errors.ts';
import { parseEach } from '../../platform/http/validate.ts';
import { canManagePages } from './pages.policy.ts';
import * as repo from './pages.repo.ts';
import {
  AUDIENCES,
  type TAudience,
  type TAudienceLink,
  type TAudiencePage,
  type TIntroForm,
  type TLinkForm,
  ZAudienceSeed,
} from './pages.schemas.ts';
import { markdownFieldErrors } from './pages.text.ts';

// Audience landing pages (government, residents, visitors, business): an editor's intro and an ordered
// list of curated links.

/** An audience page as readers see it; a page editors never touched has no intro and no links. */
export const audiencePage = async (deps: TDeps, audience: TAudience): Promise<TAudiencePage> => {
  const [page, links] = await Promise.all([
    repo.findAudience(deps.db, audience),
    repo.listLinks(deps.db, audience),
  ]);
  return {
    audience,
    intro: page?.intro ?? { en: null, zh: null },
    updatedAt: page?.updatedAt ?? null,
    links,
  };
};

const mayManage = (actor: TActor | undefined): TActor => {
  if (!actor || !canManagePages(actor)) throw new AppError('NOT_FOUND');
  return actor;
};

/** The four pages with their last change and number of links, for the editors' overview. */
export const audiencesFor = async (deps: TDeps, actor: TActor | undefined) => {
  mayManage(actor);
  const rows = await repo.audienceSummaries(deps.db);
  return AUDIENCES.map((audience) => {
    const row = rows.find((r) => r.audience === audience);
    return { audience, updatedAt: row?.updatedAt ?? null, links: row?.links ?? 0 };
  });
};

/** One audience page for its editing screen. */
export const audienceFor = (deps: TDeps, actor: TActor | undefined, audience: TAudience) => {
  mayManage(actor);
  return audiencePage(deps, audience);
};

/** One link for its edit form. */
export const linkFor = async (
  deps: TDeps,
  actor: TActor | undefined,
  audience: TAudience,
  id: number,
): Promise<TAudienceLink> => {
  mayManage(actor);
  const link = await repo.findLink(deps.db, audience, id);
  if (!link) throw new AppError('NOT_FOUND');
  return link;
};

const refuse = (fields: Record<string, TFieldError>) => {
  if (Object.keys(fields).length > 0) throw new AppError('INVALID', 'audience page refused', { fields });
};

type TAuditOf = Readonly<{ action: string; subjectId: string | number; before?: unknown; after?: unknown }>;

/** Runs a change to an audience page in one transaction with its audit row, then clears the page cache. */
const change = async (
  deps: TDeps,
  meta: TCallMeta,
  editor: TActor,
  audience: TAudience,
  work: (trx: Db, now: string) => Promise<TAuditOf | undefined>,
) => {
  await deps.db.transaction().execute(async (trx) => {
    const now = nowIso();
    const audit = await work(trx, now);
    if (!audit) return;
    await repo.touchAudience(trx, audience, now);
    await writeAudit(trx, {
      actorId: editor.personId,
      action: audit.action,
      subjectType: audit.action.endsWith('-link') ? 'audience-link' : 'audience-page',
      subjectId: audit.subjectId,
      before: audit.before,
      after: audit.after,
      requestId: meta.requestId,
      ip: meta.ip,
    });
  });
  deps.pages.clear();
};

/** Saves the intro (Markdown in both languages; either may be empty). */
export const saveAudienceIntro = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor | undefined,
  audience: TAudience,
  input: TIntroForm,
): Promise<void> => {
  const editor = mayManage(actor);
  refuse(markdownFieldErrors({ intro_en: input.intro_en, intro_zh: input.intro_zh }));
  await change(deps, meta, editor, audience, async (trx, now) => {
    const before = (await repo.findAudience(trx, audience))?.intro ?? { en: null, zh: null };
    if (before.en === input.intro_en && before.zh === input.intro_zh) return undefined;
    await repo.touchAudience(trx, audience, now, { en: input.intro_en, zh: input.intro_zh });
    return {
      action: 'update:audience-intro',
      subjectId: audience,
      before: { intro_en: before.en, intro_zh: before.zh },
      after: { intro_en: input.intro_en, intro_zh: input.intro_zh },
    };
  });
};

const linkRow = (input: TLinkForm): repo.TLinkRow => ({
  target: input.target,
  title_en: input.title_en,
  title_zh: input.title_zh,
  description_en: input.description_en,
  description_zh: input.description_zh,
});

const linkProblems = (input: TLinkForm): Record<string, TFieldError> =>
  !input.title_en && !input.title_zh ? { title_en: { key: 'pages.error.titleOne' } } : {};

/** Adds a link at the end of the list; returns its id. */
export const addAudienceLink = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor | undefined,
  audience: TAudience,
  input: TLinkForm,
): Promise<number> => {
  const editor = mayManage(actor);
  refuse(linkProblems(input));
  let id = 0;
  await change(deps, meta, editor, audience, async (trx, now) => {
    const links = await repo.listLinks(trx, audience);
    const row = linkRow(input);
    id = await repo.insertLink(trx, audience, links.length + 1, row, now);
    return { action: 'create:audience-link', subjectId: id, after: { audience, ...row } };
  });
  return id;
};

/** Saves a link's target, titles and descriptions. */
export const updateAudienceLink = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor | undefined,
  audience: TAudience,
  id: number,
  input: TLinkForm,
): Promise<void> => {
  const editor = mayManage(actor);
  refuse(linkProblems(input));
  await change(deps, meta, editor, audience, async (trx, now) => {
    const link = await repo.findLink(trx, audience, id);
    if (!link) throw new AppError('NOT_FOUND');
    const before: repo.TLinkRow = {
      target: link.target,
      title_en: link.title.en,
      title_zh: link.title.zh,
      description_en: link.description.en,
      description_zh: link.description.zh,
    };
    const after = linkRow(input);
    const changed = (Object.keys(after) as (keyof repo.TLinkRow)[]).filter((k) => before[k] !== after[k]);
    if (changed.length === 0) return undefined;
    await repo.updateLink(trx, id, after, now);
    return {
      action: 'update:audience-link',
      subjectId: id,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, after[k]])),
    };
  });
};

/** Moves a link one place up or down (nothing at either end); positions stay 1…n. */
export const moveAudienceLink = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor | undefined,
  audience: TAudience,
  id: number,
  direction: 'up' | 'down',
): Promise<void> => {
  const editor = mayManage(actor);
  await change(deps, meta, editor, audience, async (trx) => {
    const links = [...(await repo.listLinks(trx, audience))];
    const from = links.findIndex((l) => l.id === id);
    if (from === -1) throw new AppError('NOT_FOUND');
    const to = direction === 'up' ? from - 1 : from + 1;
    if (to < 0 || to >= links.length) return undefined;
    const [moved] = links.splice(from, 1);
    links.splice(to, 0, moved as TAudienceLink);
    await renumber(trx, links);
    return {
      action: 'move:audience-link',
      subjectId: id,
      before: { position: from + 1 },
      after: { position: to + 1 },
    };
  });
};

const renumber = async (trx: Db, links: readonly TAudienceLink[]) => {
  for (const [i, l] of links.entries())
    if (l.position !== i + 1) await repo.setLinkPosition(trx, l.id, i + 1);
};

/** Removes a link; the audit row keeps what it was. */
export const removeAudienceLink = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor | undefined,
  audience: TAudience,
  id: number,
): Promise<void> => {
  const editor = mayManage(actor);
  await change(deps, meta, editor, audience, async (trx) => {
    const link = await repo.findLink(trx, audience, id);
    if (!link) throw new AppError('NOT_FOUND');
    await repo.deleteLink(trx, id);
    await renumber(
      trx,
      (await repo.listLinks(trx, audience)).filter((l) => l.id !== id),
    );
    return {
      action: 'delete:audience-link',
      subjectId: id,
      before: { audience, target: link.target, title: link.title, position: link.position },
    };
  });
};

/** Loads the demo intros and links in one transaction; validates everything first. */
export const seedAudiences = async (deps: TDeps, input: unknown[]) => {
  const items = parseEach(ZAudienceSeed, input, 'audience page');
  const pages = { inserted: 0, updated: 0, unchanged: 0 };
  const links = { inserted: 0, updated: 0, unchanged: 0 };
  await deps.db.transaction().execute(async (trx) => {
    for (const item of items) {
      const intro = { en: item.intro.en ?? null, zh: item.intro.zh ?? null };
      pages[(await repo.upsertAudienceSeed(trx, item.audience, intro)).outcome]++;
      for (const [i, l] of item.links.entries()) {
        const { outcome } = await repo.upsertLinkSeed(trx, item.audience, i + 1, {
          target: l.target,
          title_en: l.title.en ?? null,
          title_zh: l.title.zh ?? null,
          description_en: l.description.en ?? null,
          description_zh: l.description.zh ?? null,
        });
        links[outcome]++;
      }
    }
  });
  deps.pages.clear();
  return { pages, links };
};
