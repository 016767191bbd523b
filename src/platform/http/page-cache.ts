import type { MiddlewareHandler } from 'hono';
import type { TAppEnv } from './context.ts';

/** A rendered page, kept as UTF-8 bytes split around the nonce so a hit only copies bytes. */
type TCachedPage = Readonly<{ parts: Buffer[] }>;

export type TPageCache = Readonly<{
  ttlMs: number;
  get: (key: string) => TCachedPage | undefined;
  set: (key: string, page: TCachedPage) => void;
  /** Forget every page: services call it after a write, so this instance never shows stale content. */
  clear: () => void;
  size: () => number;
}>;

/**
 * A small in-memory cache of rendered public pages. Entries live `ttlMs` (which bounds how stale another
 * instance can be after a write elsewhere) and the oldest go first past `maxEntries`. ttlMs 0 disables it.
 */
export const createPageCache = (ttlMs: number, maxEntries = 500): TPageCache => {
  const entries = new Map<string, { page: TCachedPage; expires: number }>();
  return Object.freeze({
    ttlMs,
    get: (key: string) => {
      const e = entries.get(key);
      if (!e) return undefined;
      if (e.expires <= Date.now()) {
        entries.delete(key);
        return undefined;
      }
      return e.page;
    },
    set: (key: string, page: TCachedPage) => {
      if (ttlMs <= 0) return;
      entries.delete(key);
      entries.set(key, { page, expires: Date.now() + ttlMs });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    },
    clear: () => entries.clear(),
    size: () => entries.size,
  });
};

/**
 * Serves a public, anonymous GET page from the cache, with this request's CSP nonce put back in;
 * on a miss, renders it and keeps a successful HTML answer. Routes opt in one by one.
 */
export const cachedPage =
  (cache: TPageCache): MiddlewareHandler<TAppEnv> =>
  async (c, next) => {
    if (cache.ttlMs <= 0 || c.req.method !== 'GET' || c.req.header('cookie')) return next();
    const url = c.req.url;
    const q = url.indexOf('?');
    const key = q === -1 ? c.req.path : `${c.req.path}${url.slice(q)}`;
    const nonce = c.get('nonce');
    const hit = cache.get(key);
    if (hit !== undefined) {
      const nonceBytes = Buffer.from(`nonce="${nonce}"`, 'latin1');
      const chunks: Buffer[] = [];
      hit.parts.forEach((part, i) => {
        if (i > 0) chunks.push(nonceBytes);
        chunks.push(part);
      });
      return c.body(Buffer.concat(chunks) as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': 'text/html; charset=UTF-8',
        'X-Page-Cache': 'hit',
      });
    }
    await next();
    if (c.res.status !== 200 || !c.res.headers.get('content-type')?.startsWith('text/html')) return;
    const html = await c.res.clone().text();
    cache.set(key, { parts: html.split(`nonce="${nonce}"`).map((part) => Buffer.from(part)) });
  };
