import { gzipSync } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import type { TAppEnv } from './context.ts';
import { hasSessionCookie } from './session-cookie.ts';

/** A rendered page as UTF-8 bytes split around CSP nonces, and gzipped when it has none. */
type TCachedPage = Readonly<{ parts: Buffer[]; gzip?: Buffer | undefined }>;

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

const acceptsGzip = (header: string | undefined): boolean => /\bgzip\b/.test(header ?? '');

/**
 * Serves a public GET page to someone not signed in (no session cookie; other cookies such as the
 * anonymous CSRF cookie do not change these pages) from the cache; on a miss, renders it and keeps a successful HTML
 * answer. Routes opt in one by one and name the query parameters that change the page (`params`): a
 * request with any other parameter bypasses the cache, so junk query strings cannot flush it. A page
 * with no CSP nonce in it (scripts are external files) is also kept gzipped, so a hit costs a copy,
 * not a compression; a page that carries nonces gets this request's nonce put back in.
 */
export const cachedPage =
  (cache: TPageCache, opts: { params?: readonly string[] } = {}): MiddlewareHandler<TAppEnv> =>
  async (c, next) => {
    if (cache.ttlMs <= 0 || c.req.method !== 'GET' || hasSessionCookie(c.req.header('cookie'))) {
      return next();
    }
    const url = c.req.url;
    const q = url.indexOf('?');
    let key = c.req.path;
    if (q !== -1) {
      const search = new URLSearchParams(url.slice(q + 1));
      const allowed = opts.params ?? [];
      for (const name of search.keys()) if (!allowed.includes(name)) return next();
      // Encoded, so a value cannot pose as another parameter (tag=a%26year%3D1 is not tag=a&year=1).
      const kept = new URLSearchParams(
        allowed.filter((name) => search.has(name)).map((name) => [name, search.get(name) ?? '']),
      );
      if (kept.size > 0) key = `${key}?${kept.toString()}`;
    }
    const nonce = c.get('nonce');
    const hit = cache.get(key);
    if (hit !== undefined) {
      const headers: Record<string, string> = {
        'Content-Type': 'text/html; charset=UTF-8',
        'X-Page-Cache': 'hit',
      };
      if (hit.gzip && acceptsGzip(c.req.header('accept-encoding'))) {
        headers['Content-Encoding'] = 'gzip';
        return c.body(hit.gzip as Uint8Array<ArrayBuffer>, 200, headers);
      }
      if (hit.parts.length === 1) return c.body(hit.parts[0] as Uint8Array<ArrayBuffer>, 200, headers);
      const nonceBytes = Buffer.from(`nonce="${nonce}"`, 'latin1');
      const chunks: Buffer[] = [];
      hit.parts.forEach((part, i) => {
        if (i > 0) chunks.push(nonceBytes);
        chunks.push(part);
      });
      return c.body(Buffer.concat(chunks) as Uint8Array<ArrayBuffer>, 200, headers);
    }
    await next();
    if (c.res.status !== 200 || !c.res.headers.get('content-type')?.startsWith('text/html')) return;
    if (c.res.headers.get('content-encoding')) return;
    const html = await c.res.clone().text();
    const parts = html.split(`nonce="${nonce}"`).map((part) => Buffer.from(part));
    cache.set(key, { parts, gzip: parts.length === 1 ? gzipSync(parts[0] as Buffer) : undefined });
  };
