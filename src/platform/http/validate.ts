import type { Context } from 'hono';
import type { z } from 'zod';
import type { TAppEnv } from './context.ts';
import { AppError } from './errors.ts';

/** Parses the query string with a Zod schema; bad input is a 400, never a 500. */
export const parseQuery = <S extends z.ZodType>(c: Context<TAppEnv>, schema: S): z.infer<S> => {
  const result = schema.safeParse(c.req.query());
  if (!result.success)
    throw new AppError('BAD_REQUEST', result.error.issues.map((i) => i.message).join('; '));
  return result.data;
};

/** Validates every item before anything is written; the error names the item and field. */
export const parseEach = <S extends z.ZodType>(schema: S, input: unknown[], label: string): z.infer<S>[] =>
  input.map((raw, i) => {
    const r = schema.safeParse(raw);
    if (!r.success) {
      const detail = r.error.issues.map((x) => `${x.path.join('.') || '(item)'}: ${x.message}`).join('; ');
      throw new AppError('INVALID', `${label} ${i + 1}: ${detail}`);
    }
    return r.data;
  });
