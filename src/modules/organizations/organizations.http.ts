import type { Context, MiddlewareHandler } from 'hono';
import type { TDeps } from '../../platform/deps.ts';
import type { TAppEnv } from '../../platform/http/context.ts';
import { clientIp, rateLimit } from '../../platform/http/rate-limit.ts';
import { t } from './organizations.messages.ts';

// Small pieces the organisation route files share.

const DONE = new Set([
  'created',
  'saved',
  'review',
  'unchanged',
  'invited',
  'revoked',
  'requested',
  'approved',
  'declined',
  'role',
  'removed',
  'left',
  'joined',
  'verified',
  'unverified',
  'changeApproved',
  'changeDeclined',
] as const);
type TDone = typeof DONE extends Set<infer U> ? U : never;

/** The notice named by `?done=<key>` after a redirect; unknown keys show nothing. */
export const flashOf = (c: Context<TAppEnv>): string | undefined => {
  const key = c.req.query('done');
  return key && DONE.has(key as TDone) ? t(c.get('locale'), `organizations.done.${key as TDone}`) : undefined;
};

/** A 303 to a page of this locale, with the notice to show there. */
export const seeOther = (c: Context<TAppEnv>, path: string, done?: TDone): Response =>
  c.redirect(`/${c.get('locale')}${path}${done ? `?done=${done}` : ''}`, 303);

/** A rate limit for form posts: per signed-in person, else per client address. */
export const postLimit = (deps: TDeps, name: string, limit = 30): MiddlewareHandler<TAppEnv> =>
  rateLimit(deps, { name, limit, windowMs: 10 * 60_000 }, (c) => {
    const actor = c.get('actor');
    return actor ? `person:${actor.personId}` : `ip:${clientIp(c, deps.config.trustProxy)}`;
  });
