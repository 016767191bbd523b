import { randomBytes } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { TLogger } from '../log.ts';
import type { TAppEnv } from './context.ts';
import { AppError } from './errors.ts';

const MAX_URL_LENGTH = 8 * 1024;

/** Rejects absurdly long URLs early (the Node server already caps headers at 16 KB). */
export const urlLengthGuard = (): MiddlewareHandler<TAppEnv> => async (c, next) => {
  if (c.req.url.length > MAX_URL_LENGTH) throw new AppError('TOO_LARGE', 'URI too long', { status: 414 });
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

/**
 * Security headers on every response. Scripts run only with this request's nonce (no 'unsafe-inline'),
 * the site cannot be framed, and HSTS is sent only over https.
 */
export const securityHeaders =
  (opts: { trustProxy: boolean }): MiddlewareHandler<TAppEnv> =>
  async (c, next) => {
    const nonce = randomBytes(16).toString('base64');
    c.set('nonce', nonce);
    await next();
    const https = isHttps(c.req.url, c.req.header('x-forwarded-proto'), opts.trustProxy);
    const csp = [
      "default-src 'self'",
      `script-src 'nonce-${nonce}' 'strict-dynamic'`,
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      ...(https ? ['upgrade-insecure-requests'] : []),
    ].join('; ');
    const h = c.res.headers;
    h.set('Content-Security-Policy', csp);
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('X-Frame-Options', 'DENY');
    h.set('Referrer-Policy', 'strict-origin-when-cross-origin');
    h.set('Cross-Origin-Opener-Policy', 'same-origin');
    h.set('Cross-Origin-Resource-Policy', 'same-origin');
    h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
    if (https) h.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  };
