import type { Context } from 'hono';
import type { TCallMeta } from '../auth/actor.ts';
import type { TAppEnv } from './context.ts';
import { clientIp } from './rate-limit.ts';

/** The request facts services record with a change: request id, client IP and the reader's language. */
export const callMeta = (c: Context<TAppEnv>, trustProxy: boolean): TCallMeta => ({
  requestId: c.get('requestId') ?? '',
  ip: clientIp(c, trustProxy),
  locale: c.get('locale') ?? 'en',
});
