import type { ContentfulStatusCode } from 'hono/utils/http-status';

export type TErrorCode =
  | 'BAD_REQUEST'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'INVALID'
  | 'CONFLICT'
  | 'TOO_LARGE'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE'
  | 'INTERNAL';

const STATUS: Record<TErrorCode, ContentfulStatusCode> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_LARGE: 413,
  INVALID: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};

/** The one error type: a stable code, mapped to HTTP in one place; `status` refines it (414 vs 413). */
export class AppError extends Error {
  readonly status: ContentfulStatusCode;
  /** For RATE_LIMITED: sent as the Retry-After header. */
  readonly retryAfterSeconds: number | undefined;
  constructor(
    readonly code: TErrorCode,
    message?: string,
    options?: { status?: ContentfulStatusCode; cause?: unknown; retryAfterSeconds?: number },
  ) {
    super(message ?? code, { cause: options?.cause });
    this.name = 'AppError';
    this.status = options?.status ?? STATUS[code];
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
}

export const statusOf = (code: TErrorCode): ContentfulStatusCode => STATUS[code];
