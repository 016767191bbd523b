import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { TActor } from '../../platform/auth/actor.ts';
import type { TAppEnv } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { can, owesSecondFactor, type TPermission } from './accounts.policy.ts';

/**
 * A local path to come back to after signing in: printable ASCII under /en or /zh only, so other hosts
 * (`//x`, `\\x`) and characters a Location header cannot carry are dropped.
 */
export const safeNext = (next: string | undefined, fallback: string): string =>
  next && /^\/(en|zh)(\/[\x21-\x5b\x5d-\x7e]*)?$/.test(next) ? next : fallback;

/** Ends the request with a 303 to `location` (the error handler sends it, with any cookies set so far). */
const redirect = (location: string): never => {
  throw new HTTPException(303, {
    res: new Response(null, { status: 303, headers: { Location: location, 'Cache-Control': 'no-store' } }),
  });
};

/**
 * The signed-in person, or: a 401 under /api, a redirect to the sign-in page (coming back here after)
 * for pages.
 */
export const requireActor = (c: Context<TAppEnv>): TActor => {
  const actor = c.get('actor');
  if (actor) return actor;
  const url = new URL(c.req.url);
  if (url.pathname.startsWith('/api/')) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  const locale = c.get('locale') ?? 'en';
  const back = c.req.method === 'GET' ? `${url.pathname}${url.search}` : `/${locale}/account`;
  return redirect(`/${locale}/login?next=${encodeURIComponent(back)}`);
};

/**
 * A signed-in person holding `permission`. Without it the page does not exist for them (404, so nobody
 * can probe); a staff member who still owes the second factor is sent to set it up.
 */
export const requirePermission = (c: Context<TAppEnv>, permission: TPermission): TActor => {
  const actor = requireActor(c);
  if (can(actor, permission)) return actor;
  if (owesSecondFactor(actor)) {
    const locale = c.get('locale') ?? 'en';
    redirect(`/${locale}/account/two-factor?required=1`);
  }
  throw new AppError('NOT_FOUND');
};

/**
 * A signed-in person with a staff role (reviewer, editor, administrator) whose session has the second
 * factor; members get 404, staff who still owe it are sent to set it up.
 */
export const requireStaff = (c: Context<TAppEnv>): TActor => {
  const actor = requireActor(c);
  if (actor.role === 'member') throw new AppError('NOT_FOUND');
  if (owesSecondFactor(actor)) redirect(`/${c.get('locale') ?? 'en'}/account/two-factor?required=1`);
  return actor;
};
