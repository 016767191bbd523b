import type { TLocale } from '../i18n/locale.ts';

export type TAssetUrls = Readonly<{ css: string; js: string; icon: string }>;

/** What the layout needs from the app, set once per request by the shell middleware. */
export type TShell = Readonly<{
  assets: TAssetUrls;
  publicUrl: string;
  site: Readonly<{ ownerEn: string; ownerZh: string; icpRecord?: string; psbRecord?: string }>;
}>;

export type TAppVariables = {
  requestId: string;
  nonce: string;
  locale: TLocale;
  shell: TShell;
};

export type TAppEnv = { Variables: TAppVariables };
