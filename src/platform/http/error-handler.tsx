import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isLocale, negotiateLocale, type TLocale } from '../i18n/locale.ts';
import { type TShellKey, ts } from '../i18n/shell.messages.ts';
import type { TLogger } from '../log.ts';
import { renderPage } from '../views/page.tsx';
import type { TAppEnv } from './context.ts';
import { AppError, type TErrorCode } from './errors.ts';

const localeOf = (c: Context<TAppEnv>): TLocale => {
  const first = new URL(c.req.url).pathname.split('/')[1];
  if (isLocale(first)) return first;
  return negotiateLocale(c.req.header('accept-language'));
};

const isApi = (c: Context<TAppEnv>): boolean => new URL(c.req.url).pathname.startsWith('/api/');

const CODE_BY_STATUS: Record<number, TErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'TOO_LARGE',
  414: 'TOO_LARGE',
  422: 'INVALID',
  429: 'RATE_LIMITED',
  503: 'UNAVAILABLE',
};

const titleKey = (status: number): TShellKey => {
  const key = `error.title.${status}`;
  return (key in ERROR_TITLES ? key : status >= 500 ? 'error.title.500' : 'error.title.400') as TShellKey;
};
const ERROR_TITLES = Object.fromEntries(
  [400, 403, 404, 413, 414, 422, 429, 500, 503].map((s) => [`error.title.${s}`, true]),
);

/** Sends the error in the reader's form: JSON under /api, a translated page elsewhere. */
export const respondWithError = (
  c: Context<TAppEnv>,
  status: ContentfulStatusCode,
  code: TErrorCode,
  message?: string,
): Response | Promise<Response> => {
  const requestId = c.get('requestId') ?? '';
  const locale = c.get('locale') ?? localeOf(c);
  if (!c.get('locale')) c.set('locale', locale);
  const title = ts(locale, titleKey(status));
  if (isApi(c)) {
    return c.json(
      { error: { code, message: status >= 500 ? title : (message ?? title), requestId } },
      status,
    );
  }
  const body =
    status === 404
      ? ts(locale, 'error.body.404')
      : status === 429
        ? ts(locale, 'error.body.429')
        : status === 403
          ? ts(locale, 'error.body.403')
          : status >= 500
            ? ts(locale, 'error.body.500')
            : ts(locale, 'error.body.generic');
  return renderPage(c, {
    title,
    status,
    body: (
      <div class="reading">
        <h1>{title}</h1>
        <p>{body}</p>
        {status >= 500 ? <p class="meta">{ts(locale, 'error.requestId', { id: requestId })}</p> : null}
        <p>
          <a href={`/${locale}/`}>{ts(locale, 'error.home')}</a>
        </p>
      </div>
    ),
  });
};

/** The one error handler: known errors keep their status; anything else is logged and shown as a bare 500. */
export const errorHandler =
  (log: TLogger): ErrorHandler<TAppEnv> =>
  (err, c) => {
    if (err instanceof AppError) {
      if (err.retryAfterSeconds !== undefined) c.header('Retry-After', String(err.retryAfterSeconds));
      return respondWithError(c, err.status, err.code, err.message);
    }
    // A guard's prepared answer, e.g. the redirect to the sign-in page.
    // Built through the context, so cookies set earlier in the request (a cleared session) still go out.
    if (err instanceof HTTPException && err.res) {
      const res = err.getResponse();
      return c.newResponse(res.body, res.status as ContentfulStatusCode, Object.fromEntries(res.headers));
    }
    if (err instanceof HTTPException && err.status < 500) {
      const status = err.status as ContentfulStatusCode;
      return respondWithError(c, status, CODE_BY_STATUS[status] ?? 'BAD_REQUEST');
    }
    log.error('unhandled error', {
      requestId: c.get('requestId'),
      route: c.req.routePath,
      error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
      stack: err instanceof Error ? err.stack?.split('\n').slice(0, 6).join(' | ') : undefined,
    });
    return respondWithError(c, 500, 'INTERNAL');
  };

export const notFoundHandler: NotFoundHandler<TAppEnv> = (c) => respondWithError(c, 404, 'NOT_FOUND');
