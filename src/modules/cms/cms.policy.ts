import type { TActor } from '../../platform/auth/actor.ts';
import { can, type TPermission } from '../accounts/index.ts';
import type { TEditorialArticle, TNewsState } from './cms.schemas.ts';

// The editorial workflow: draft → in review → published (now, or scheduled) → archived. Editors write,
// submit, publish, schedule and archive; staff administrators can also take any article off the site with
// a reason (unpublish). Editing a published article starts a new draft while the live copy stays up.

export type TNewsAction = 'save' | 'submit' | 'return' | 'publish' | 'archive' | 'restore' | 'unpublish';

/** In which states each action may start, and the permission it needs. */
const RULES: Readonly<Record<TNewsAction, { from: readonly TNewsState[]; permission: TPermission }>> = {
  save: { from: ['draft', 'review', 'scheduled', 'published'], permission: 'write:news' },
  submit: { from: ['draft'], permission: 'write:news' },
  return: { from: ['review', 'scheduled'], permission: 'write:news' },
  publish: { from: ['review'], permission: 'publish:news' },
  archive: { from: ['published'], permission: 'publish:news' },
  restore: { from: ['archived'], permission: 'publish:news' },
  unpublish: {
    from: ['draft', 'review', 'scheduled', 'published', 'archived'],
    permission: 'unpublish:news',
  },
};

export const canWriteNews = (actor: TActor | undefined) => can(actor, 'write:news');

/** True when the actor holds the action's permission (whatever the article's state). */
export const mayDo = (actor: TActor | undefined, action: TNewsAction): boolean =>
  can(actor, RULES[action].permission);

/** True when the action applies to the article in its state (unpublish needs a live copy). */
export const appliesTo = (action: TNewsAction, a: Pick<TEditorialArticle, 'state' | 'liveRevisionId'>) =>
  RULES[action].from.includes(a.state) && (action !== 'unpublish' || a.liveRevisionId !== null);

/** The actions this actor can take on this article now, in the order the page offers them. */
export const actionsFor = (
  actor: TActor | undefined,
  a: Pick<TEditorialArticle, 'state' | 'liveRevisionId'>,
) =>
  (['submit', 'publish', 'return', 'archive', 'restore', 'unpublish'] as const).filter(
    (action) => mayDo(actor, action) && appliesTo(action, a),
  );
