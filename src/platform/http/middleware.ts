import { randomBytes } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { TLogger } from '../log.ts';
import type { TAppEnv } from './context.ts';
import { AppError } from './errors.ts';

const MAX_URL_LENGTH = 8 * 1024;

/**
 * Rejects absurdly long URLs (the Node server already caps headers at 16 KB) and URLs carrying a NUL
 * byte, which no page needs and which PostgreSQL refuses in text: bad input stops here as a 4xx.
 */
export const urlGuard = (): MiddlewareHandler<TAppEnv> => async (c, next) => {
  const url = c.req.url;
  if (url.length > MAX_URL_LENGTH) throw new AppError('TOO_LARGE', 'URI too long', { status: 414 });
  if (/%00/i.test(url)) throw new AppError('BAD_REQUEST', 'NUL byte in the address');
  await next();
};

/** True when the client reached us over https (directly, or through a trusted proxy). */
export const isHttps = (url: string, forwardedProto: string | undefined, trustProxy: boolean): boolean =>
  url.startsWith('https:') || (trustProxy && forwardedProto?.split(',')[0]?.trim() === 'https');

/**
 * One structured line per request: id, method, matched route pattern (never the raw URL, which may
 * carry personal data or tokens), status and duration.
 */
export const accessLog =
  (log: TLogger): MiddlewareHandler<TAppEnv> =>
  async (c, next) => {
    const start = performance.now();
    try {
      await next();
    } finally {
      const status = c.res.status;
      const fields = {
        requestId: c.get('requestId'),
        method: c.req.method,
        route: c.req.routePath,
        status,
        ms: Math.round((performance.now() - start) * 10) / 10,
      };
      if (status >= 500) log.error('request', fields);
      else log.info('request', fields);
    }
  };

// Nonces come from a pool of CSPRNG bytes refilled 4 KB at a time: each 16-byte slice is used once.
const POOL_SIZE = 4096;
let pool = randomBytes(POOL_SIZE);
let offset = 0;
const newNonce = (): string => {
  if (offset + 16 > POOL_SIZE) {
    pool = randomBytes(POOL_SIZE);
    offset = 0;
  }
  const nonce = pool.toString('base64', offset, offset + 16);
  offset += 16;
  return nonce;
};

// Headers that never change, set once per response in one go.
const STATIC_HEADERS: readonly [string, string][] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'],
];
// Scripts: same-origin files (our fingerprinted bundle) and inline code carrying this request's nonce.
const CSP_BEFORE_NONCE = "default-src 'self'; script-src 'self' 'nonce-";
const CSP_AFTER_NONCE = [
  "'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Security headers on every response. Scripts run only from our own origin or with this request's nonce
 * (never 'unsafe-inline'), the site cannot be framed, and HSTS is sent only over https. Everything is known before the handler
 * runs, so the headers are prepared up front and every response (pages, errors, assets) carries them.
 */
export const securityHeaders =
  (opts: { trustProxy: boolean }): MiddlewareHandler<TAppEnv> =>
  async (c, next) => {
    const nonce = newNonce();
    c.set('nonce', nonce);
    const https = isHttps(c.req.url, c.req.header('x-forwarded-proto'), opts.trustProxy);
    c.header(
      'Content-Security-Policy',
      `${CSP_BEFORE_NONCE}${nonce}${CSP_AFTER_NONCE}${https ? '; upgrade-insecure-requests' : ''}`,
    );
    for (const [k, v] of STATIC_HEADERS) c.header(k, v);
    if (https) c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    await next();
  };

/**
 * For embeddable pages only (a chart other sites may show in an iframe): any https or http page may frame
 * this response. Replaces the CSP's `frame-ancestors 'none'` and drops `X-Frame-Options: DENY` (it has no
 * "anyone" value); everything else in the policy stays. Mount it after `securityHeaders`, before any cache.
 */
export const allowFraming =
  (opts: { trustProxy: boolean }): MiddlewareHandler<TAppEnv> =>
  async (c, next) => {
    const https = isHttps(c.req.url, c.req.header('x-forwarded-proto'), opts.trustProxy);
    const csp = `${CSP_BEFORE_NONCE}${c.get('nonce')}${CSP_AFTER_NONCE}${https ? '; upgrade-insecure-requests' : ''}`;
    c.header('Content-Security-Policy', csp.replace("frame-ancestors 'none'", 'frame-ancestors *'));
    c.header('X-Frame-Options', undefined);
    await next();
  };

/**
 * Compression for clients that ask for it; the others skip the work entirely. Every response says it
 * varies by Accept-Encoding, so a shared cache never hands gzip to a client that did not ask for it.
 */
export const compressWhenAccepted =
  (inner: MiddlewareHandler): MiddlewareHandler<TAppEnv> =>
  (c, next) => {
    c.header('Vary', 'Accept-Encoding', { append: true });
    return /\b(gzip|deflate)\b/.test(c.req.header('accept-encoding') ?? '') ? inner(c, next) : next();
  };
