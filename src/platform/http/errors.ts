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

/** A field's problem as a catalog key (`form.error.required`, `accounts.password.common`) and its values. */
export type TFieldError = Readonly<{ key: string; params?: Record<string, string | number> }>;
export type TFieldErrors = Readonly<Record<string, TFieldError>>;

/** The one error type: a stable code, mapped to HTTP in one place; `status` refines it (414 vs 413). */
export class AppError extends Error {
  readonly status: ContentfulStatusCode;
  /** For RATE_LIMITED: sent as the Retry-After header. */
  readonly retryAfterSeconds: number | undefined;
  /** For INVALID from a form: the problem with each field, so the form can be shown again with them. */
  readonly fields: TFieldErrors | undefined;
  constructor(
    readonly code: TErrorCode,
    message?: string,
    options?: {
      status?: ContentfulStatusCode;
      cause?: unknown;
      retryAfterSeconds?: number;
      fields?: TFieldErrors;
    },
  ) {
    super(message ?? code, { cause: options?.cause });
    this.name = 'AppError';
    this.status = options?.status ?? STATUS[code];
    this.retryAfterSeconds = options?.retryAfterSeconds;
    this.fields = options?.fields;
  }
}

export const statusOf = (code: TErrorCode): ContentfulStatusCode => STATUS[code];
