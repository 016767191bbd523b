import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { hashToken, hmac, isTokenShaped, newToken, safeEqual } from '../auth/tokens.ts';
import type { TAppEnv } from './context.ts';
import { AppError } from './errors.ts';
import { SESSION_COOKIE } from './session-cookie.ts';

/** The hidden form field and the header (for scripts and the API) that carry the token. */
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';
/** Binds forms shown to someone not signed in; set only by pages with a form, so cached pages stay cookie-free. */
export const CSRF_COOKIE = 'eco_csrf';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const tokenFor = (secret: string, binding: string): string => hmac(secret, `csrf:${binding}`);

/** The token forms carry for a signed-in session (tests and scripts use it to post as that session). */
export const csrfTokenForSession = (secret: string, sessionId: string): string =>
  tokenFor(secret, `s:${sessionId}`);

/** True when the request came over https (directly, or through a trusted proxy that says so). */
export const isSecureRequest = (c: Context<TAppEnv>, trustProxy: boolean): boolean =>
  new URL(c.req.url).protocol === 'https:' ||
  (trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https');

/**
 * The token to put in a form on this page: bound to the session when someone is signed in, otherwise
 * to a random `eco_csrf` cookie, which this call sets if the browser has none yet.
 */
export const csrfTokenFor = (
  c: Context<TAppEnv>,
  secret: string,
  trustProxy: boolean,
  publicUrl = '',
): string => {
  const actor = c.get('actor');
  if (actor) return tokenFor(secret, `s:${actor.sessionId}`);
  let anon = getCookie(c, CSRF_COOKIE);
  if (!isTokenShaped(anon)) {
    anon = newToken();
    setCookie(c, CSRF_COOKIE, anon, {
      path: '/',
      httpOnly: true,
      sameSite: 'Lax',
      secure: isSecureRequest(c, trustProxy) || publicUrl.startsWith('https:'),
    });
  }
  return tokenFor(secret, `a:${anon}`);
};

const submittedToken = async (c: Context<TAppEnv>): Promise<string | undefined> => {
  const header = c.req.header(CSRF_HEADER);
  if (header) return header;
  const type = c.req.header('content-type') ?? '';
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) return undefined;
  // Hono keeps the parsed body, so the handler reads it again for free.
  const body = await c.req.parseBody();
  const value = body[CSRF_FIELD];
  return typeof value === 'string' ? value : undefined;
};

/**
 * Refuses every state-changing request that does not carry a token made for this browser (a hidden
 * field in forms, the X-CSRF-Token header from scripts), and any that a browser says came from another
 * site. API calls that carry no cookie at all have no ambient authority to abuse and pass through.
 */
export const csrfProtection =
  (secret: string, publicUrl: string): MiddlewareHandler<TAppEnv> =>
  async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const isApi = c.req.path.startsWith('/api/');
    if (isApi && !c.req.header('cookie')) return next();
    const refuse = () => {
      throw new AppError('FORBIDDEN', 'The form could not be accepted (missing or invalid CSRF token)');
    };
    const origin = c.req.header('origin');
    if (origin && origin !== new URL(c.req.url).origin && origin !== new URL(publicUrl).origin) refuse();
    if (c.req.header('sec-fetch-site') === 'cross-site') refuse();
    const token = await submittedToken(c);
    if (!token) refuse();
    const candidates: string[] = [];
    const actor = c.get('actor');
    if (actor) candidates.push(tokenFor(secret, `s:${actor.sessionId}`));
    // A session still owing its second factor has no actor yet, but its cookie binds forms just as well.
    const session = getCookie(c, SESSION_COOKIE);
    if (!actor && isTokenShaped(session)) candidates.push(tokenFor(secret, `s:${hashToken(session)}`));
    const anon = getCookie(c, CSRF_COOKIE);
    if (isTokenShaped(anon)) candidates.push(tokenFor(secret, `a:${anon}`));
    // Compare against every candidate so timing does not tell which binding matched.
    let ok = false;
    for (const expected of candidates) ok = safeEqual(token as string, expected) || ok;
    if (!ok) refuse();
    return next();
  };

export { SESSION_COOKIE };
