import { writeAudit } from '../../platform/audit.ts';
import type { TActor, TCallMeta } from '../../platform/auth/actor.ts';
import { nowIso } from '../../platform/db/schema.ts';
import type { TDeps } from '../../platform/deps.ts';
import { AppError, type TFieldError } from '../../platform/http/errors.ts';
import { parseEach } from '../../platform/http/validate.ts';
import { canManagePages } from './pages.policy.ts';
import * as repo from './pages.repo.ts';
import {
  HELP_TOPICS,
  type THelpEntry,
  type THelpEntryForm,
  type THelpTopic,
  ZHelpSeed,
} from './pages.schemas.ts';
import { helpSearchText, markdownFieldErrors } from './pages.text.ts';

// The Help Center: published entries for everyone, and the editors' list and forms.

export const HELP_SEARCH_LIMIT = 50;
/** More words than this in a search are ignored: each is one more "contains" test. */
const MAX_TERMS = 8;

export type THelpTopicGroup = Readonly<{ topic: THelpTopic; entries: readonly THelpEntry[] }>;

/** Entries grouped by topic, in the topics' order; topics without entries are left out. */
export const groupByTopic = (entries: readonly THelpEntry[]): THelpTopicGroup[] =>
  HELP_TOPICS.map((topic) => ({ topic, entries: entries.filter((e) => e.topic === topic) })).filter(
    (g) => g.entries.length > 0,
  );

/** Every published entry, grouped by topic. */
export const helpCentre = async (deps: TDeps): Promise<THelpTopicGroup[]> =>
  groupByTopic(await repo.listHelpEntries(deps.db, { publishedOnly: true }));

/** The published entries of one topic; an unknown topic is not found. */
export const helpTopic = async (deps: TDeps, topic: string): Promise<readonly THelpEntry[]> => {
  if (!HELP_TOPICS.includes(topic as THelpTopic)) throw new AppError('NOT_FOUND');
  return repo.listHelpEntries(deps.db, { publishedOnly: true, topic: topic as THelpTopic });
};

/**
 * A published entry and the other entries of its topic. Editors may also open a draft (to check it before
 * publishing); for anyone else a draft does not exist.
 */
export const helpEntry = async (deps: TDeps, actor: TActor | undefined, slug: string) => {
  const entry = await repo.findHelpBySlug(deps.db, slug);
  if (!entry || (!entry.isPublished && !canManagePages(actor))) throw new AppError('NOT_FOUND');
  const related = (await repo.listHelpEntries(deps.db, { publishedOnly: true, topic: entry.topic })).filter(
    (e) => e.id !== entry.id,
  );
  return { entry, related };
};

/**
 * Published entries containing every word of `text` in a question or an answer, in either language,
 * case-insensitively (wildcards match literally). The caller limits the length of `text`.
 */
export const searchHelp = async (
  deps: TDeps,
  text: string,
  limit = HELP_SEARCH_LIMIT,
): Promise<THelpEntry[]> => {
  const terms = [...new Set(text.trim().split(/\s+/).filter(Boolean))].slice(0, MAX_TERMS);
  if (terms.length === 0) return [];
  return repo.searchHelpEntries(deps.db, terms, limit);
};

/** Slug and last change of every published entry, for the sitemap. */
export const helpSitemapEntries = async (
  deps: TDeps,
): Promise<{ slug: string; topic: THelpTopic; updatedAt: string }[]> =>
  (await repo.listHelpEntries(deps.db, { publishedOnly: true })).map((e) => ({
    slug: e.slug,
    topic: e.topic,
    updatedAt: e.updatedAt,
  }));

// ---- Editors ----

const mayManage = (actor: TActor | undefined): TActor => {
  if (!actor || !canManagePages(actor)) throw new AppError('NOT_FOUND');
  return actor;
};

/** Every entry, drafts too, grouped by topic: the editors' list. */
export const helpEntriesFor = async (deps: TDeps, actor: TActor | undefined): Promise<THelpTopicGroup[]> => {
  mayManage(actor);
  return groupByTopic(await repo.listHelpEntries(deps.db, { publishedOnly: false }));
};

/** One entry for its edit form. */
export const helpEntryFor = async (
  deps: TDeps,
  actor: TActor | undefined,
  id: number,
): Promise<THelpEntry> => {
  mayManage(actor);
  const entry = await repo.findHelpById(deps.db, id);
  if (!entry) throw new AppError('NOT_FOUND');
  return entry;
};

/** Problems a form's values have beyond their fields' own shapes: a language for each part, safe Markdown. */
const entryProblems = (input: THelpEntryForm): Record<string, TFieldError> => {
  const out: Record<string, TFieldError> = markdownFieldErrors({
    answer_en: input.answer_en,
    answer_zh: input.answer_zh,
  });
  if (!input.question_en && !input.question_zh) out.question_en = { key: 'pages.error.questionOne' };
  if (!input.answer_en && !input.answer_zh) out.answer_en ??= { key: 'pages.error.answerOne' };
  return out;
};

const rowOf = (input: THelpEntryForm, position: number): repo.THelpRow => ({
  slug: input.slug,
  topic: input.topic,
  question_en: input.question_en,
  question_zh: input.question_zh,
  answer_en: input.answer_en,
  answer_zh: input.answer_zh,
  position,
  is_published: input.status === 'published' ? 1 : 0,
  search_text: helpSearchText(
    { en: input.question_en, zh: input.question_zh },
    { en: input.answer_en, zh: input.answer_zh },
  ),
});

const rowOfEntry = (e: THelpEntry): Omit<repo.THelpRow, 'search_text'> => ({
  slug: e.slug,
  topic: e.topic,
  question_en: e.question.en,
  question_zh: e.question.zh,
  answer_en: e.answer.en,
  answer_zh: e.answer.zh,
  position: e.position,
  is_published: e.isPublished ? 1 : 0,
});

const refuse = (fields: Record<string, TFieldError>) => {
  if (Object.keys(fields).length > 0) throw new AppError('INVALID', 'help entry refused', { fields });
};

const assertSlugFree = async (db: TDeps['db'], slug: string, id?: number) => {
  const other = await repo.findHelpBySlug(db, slug);
  if (other && other.id !== id) refuse({ slug: { key: 'pages.error.slugTaken' } });
};

/** Adds an entry; returns its id. */
export const createHelpEntry = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor | undefined,
  input: THelpEntryForm,
): Promise<number> => {
  const editor = mayManage(actor);
  refuse(entryProblems(input));
  const id = await deps.db.transaction().execute(async (trx) => {
    await assertSlugFree(trx, input.slug);
    const row = rowOf(input, input.position ?? (await repo.nextHelpPosition(trx, input.topic)));
    const now = nowIso();
    const newId = await repo.insertHelpEntry(trx, row, now);
    const { search_text: _, ...after } = row;
    await writeAudit(trx, {
      actorId: editor.personId,
      action: 'create:help-entry',
      subjectType: 'help-entry',
      subjectId: newId,
      after,
      requestId: meta.requestId,
      ip: meta.ip,
    });
    return newId;
  });
  deps.pages.clear();
  return id;
};

/** Saves every field of an entry; the audit row keeps what changed, before and after. */
export const updateHelpEntry = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor | undefined,
  id: number,
  input: THelpEntryForm,
): Promise<void> => {
  const editor = mayManage(actor);
  refuse(entryProblems(input));
  await deps.db.transaction().execute(async (trx) => {
    const entry = await repo.findHelpById(trx, id);
    if (!entry) throw new AppError('NOT_FOUND');
    await assertSlugFree(trx, input.slug, id);
    const position =
      input.position ??
      (input.topic === entry.topic ? entry.position : await repo.nextHelpPosition(trx, input.topic));
    const row = rowOf(input, position);
    const before = rowOfEntry(entry);
    const changed = (Object.keys(before) as (keyof typeof before)[]).filter((k) => before[k] !== row[k]);
    if (changed.length === 0) return;
    await repo.updateHelpEntry(trx, id, row, nowIso());
    await writeAudit(trx, {
      actorId: editor.personId,
      action: 'update:help-entry',
      subjectType: 'help-entry',
      subjectId: id,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, row[k]])),
      requestId: meta.requestId,
      ip: meta.ip,
    });
  });
  deps.pages.clear();
};

/** Publishes or withdraws an entry (a no-op when it already is). */
export const setHelpPublished = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor | undefined,
  id: number,
  published: boolean,
): Promise<void> => {
  const editor = mayManage(actor);
  await deps.db.transaction().execute(async (trx) => {
    const entry = await repo.findHelpById(trx, id);
    if (!entry) throw new AppError('NOT_FOUND');
    if (entry.isPublished === published) return;
    await repo.updateHelpEntry(trx, id, { is_published: published ? 1 : 0 }, nowIso());
    await writeAudit(trx, {
      actorId: editor.personId,
      action: published ? 'publish:help-entry' : 'unpublish:help-entry',
      subjectType: 'help-entry',
      subjectId: id,
      before: { slug: entry.slug, published: entry.isPublished },
      after: { slug: entry.slug, published },
      requestId: meta.requestId,
      ip: meta.ip,
    });
  });
  deps.pages.clear();
};

/** Deletes an entry; the audit row keeps its last content. */
export const deleteHelpEntry = async (
  deps: TDeps,
  meta: TCallMeta,
  actor: TActor | undefined,
  id: number,
): Promise<void> => {
  const editor = mayManage(actor);
  await deps.db.transaction().execute(async (trx) => {
    const entry = await repo.findHelpById(trx, id);
    if (!entry) throw new AppError('NOT_FOUND');
    await repo.deleteHelpEntry(trx, id);
    await writeAudit(trx, {
      actorId: editor.personId,
      action: 'delete:help-entry',
      subjectType: 'help-entry',
      subjectId: id,
      before: rowOfEntry(entry),
      requestId: meta.requestId,
      ip: meta.ip,
    });
  });
  deps.pages.clear();
};

/** Loads demo entries (published) in one transaction; validates every item first so bad data loads nothing. */
export const seedHelp = async (deps: TDeps, input: unknown[]) => {
  const items = parseEach(ZHelpSeed, input, 'help entry');
  const counts = { inserted: 0, updated: 0, unchanged: 0 };
  await deps.db.transaction().execute(async (trx) => {
    for (const item of items) {
      const question = { en: item.question.en ?? null, zh: item.question.zh ?? null };
      const answer = { en: item.answer.en ?? null, zh: item.answer.zh ?? null };
      const { outcome } = await repo.upsertHelpSeed(trx, {
        slug: item.slug,
        topic: item.topic,
        question_en: question.en,
        question_zh: question.zh,
        answer_en: answer.en,
        answer_zh: answer.zh,
        position: item.position,
        is_published: 1,
        search_text: helpSearchText(question, answer),
      });
      counts[outcome]++;
    }
  });
  deps.pages.clear();
  return counts;
};
