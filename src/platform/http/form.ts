import type { Context } from 'hono';
import type { z } from 'zod';
import type { TAppEnv } from './context.ts';
import { CSRF_FIELD } from './csrf.ts';
import { AppError, type TFieldError, type TFieldErrors } from './errors.ts';

export type TFormValues = Readonly<Record<string, string>>;

const issueToError = (issue: z.core.$ZodIssue): TFieldError => {
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) <= 1
        ? { key: 'form.error.required' }
        : { key: 'form.error.tooShort', params: { min: Number(issue.minimum) } };
    case 'too_big':
      return { key: 'form.error.tooLong', params: { max: Number(issue.maximum) } };
    case 'invalid_type':
      return issue.input === undefined ? { key: 'form.error.required' } : { key: 'form.error.invalid' };
    case 'invalid_value':
      return { key: 'form.error.choose' };
    case 'invalid_format':
      if (issue.format === 'email') return { key: 'form.error.email' };
      // A pattern that names its own catalog key (e.g. 'cms.error.when') explains itself.
      if (/^[a-z]+\.error\.[\w.-]+$/.test(issue.message)) return { key: issue.message };
      if (issue.message === 'contains control characters') return { key: 'form.error.characters' };
      return { key: 'form.error.invalid' };
    case 'custom':
      // Refinements name their own catalog key as the message.
      return { key: issue.message };
    default:
      return { key: 'form.error.invalid' };
  }
};

/** Turns a Zod failure into one problem per field (the first), keyed by the field's name. */
export const fieldErrorsOf = (error: z.ZodError): TFieldErrors => {
  const out: Record<string, TFieldError> = {};
  for (const issue of error.issues) {
    const name = String(issue.path[0] ?? '_form');
    out[name] ??= issueToError(issue);
  }
  return out;
};

const FORM_TYPE = /^(application\/x-www-form-urlencoded|multipart\/form-data)/i;

export type TParsedForm<T> =
  | Readonly<{ ok: true; data: T; values: TFormValues }>
  | Readonly<{ ok: false; errors: TFieldErrors; values: TFormValues }>;

/**
 * Reads a submitted form (urlencoded or multipart) and validates it. Only text fields count: a file
 * where text is expected makes that field invalid. Returns the values as typed either way, so the form
 * can be shown again with them.
 */
export const parseForm = async <S extends z.ZodType>(
  c: Context<TAppEnv>,
  schema: S,
): Promise<TParsedForm<z.infer<S>>> => {
  if (!FORM_TYPE.test(c.req.header('content-type') ?? '')) {
    throw new AppError('BAD_REQUEST', 'Expected a form submission');
  }
  const body = await c.req.parseBody();
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) {
    if (name === CSRF_FIELD) continue;
    values[name] = typeof value === 'string' ? value : '\u0000';
  }
  const result = schema.safeParse(values);
  return result.success
    ? { ok: true, data: result.data, values }
    : { ok: false, errors: fieldErrorsOf(result.error), values };
};

/**
 * The whole life of a form post: parse and validate, then run `onValid`; invalid input, or a service
 * refusing it with INVALID and field errors, goes to `onInvalid` to show the form again (with 422).
 */
export const handleForm = async <S extends z.ZodType>(
  c: Context<TAppEnv>,
  schema: S,
  onValid: (data: z.infer<S>, values: TFormValues) => Promise<Response>,
  onInvalid: (errors: TFieldErrors, values: TFormValues) => Response | Promise<Response>,
): Promise<Response> => {
  const parsed = await parseForm(c, schema);
  if (!parsed.ok) return onInvalid(parsed.errors, parsed.values);
  try {
    return await onValid(parsed.data, parsed.values);
  } catch (err) {
    if (err instanceof AppError && err.code === 'INVALID' && err.fields)
      return onInvalid(err.fields, parsed.values);
    throw err;
  }
};

/** A service's way to refuse one field with a catalog key (the route shows the form again). */
export const fieldError = (field: string, key: string, params?: Record<string, string | number>): AppError =>
  new AppError('INVALID', `${field}: ${key}`, { fields: { [field]: params ? { key, params } : { key } } });
