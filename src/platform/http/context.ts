import type { Context } from 'hono';
import type { TActor } from '../auth/actor.ts';
import type { TLocale } from '../i18n/locale.ts';

export type TAssetUrls = Readonly<{ css: string; js: string; icon: string; charts?: string }>;

/** What the layout needs from the app, set once per request by the shell middleware. */
export type TShell = Readonly<{
  assets: TAssetUrls;
  publicUrl: string;
  site: Readonly<{ ownerEn: string; ownerZh: string; icpRecord?: string; psbRecord?: string }>;
  /** The CSRF token for forms on this page (sets the anonymous CSRF cookie when needed). */
  csrf: (c: Context<TAppEnv>) => string;
}>;

export type TAppVariables = {
  requestId: string;
  nonce: string;
  locale: TLocale;
  shell: TShell;
  /** The signed-in person, when the session cookie names a live session. */
  actor: TActor | undefined;
};

export type TAppEnv = { Variables: TAppVariables };
