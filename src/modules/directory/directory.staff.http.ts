import type { Context } from 'hono';
import type { TAppEnv } from '../../platform/http/context.ts';
import type { TLocale } from '../../platform/i18n/locale.ts';
import { ts } from '../../platform/i18n/shell.messages.ts';
import type { TAnyTranslate } from '../../platform/views/form.tsx';
import type { TCrumb } from '../../platform/views/layout.tsx';
import { t as tp } from './directory.profile.messages.ts';
import { t } from './directory.staff.messages.ts';

// Small pieces the directory's staff route files share.

type C = Context<TAppEnv>;

/** Field messages: the staff catalog's, else the profile catalog's (e.g. a credit code another record holds). */
export const tt: TAnyTranslate = (locale, key, params) =>
  key.startsWith('directory.staff.')
    ? (t as TAnyTranslate)(locale, key, params)
    : (tp as TAnyTranslate)(locale, key, params);

export const DONE = [
  'changeApproved',
  'changeRejected',
  'claimApproved',
  'claimRejected',
  'merged',
  'dismissed',
  'verified',
] as const;
export type TDone = (typeof DONE)[number];
export const flashOf = (c: C): string | undefined => {
  const done = c.req.query('done');
  return done && (DONE as readonly string[]).includes(done)
    ? t(c.get('locale'), `directory.staff.done.${done as TDone}`)
    : undefined;
};
export const seeOther = (c: C, path: string, done: TDone) =>
  c.redirect(`/${c.get('locale')}/staff/directory${path}?done=${done}`, 303);

export const crumbs = (locale: TLocale, here?: string): TCrumb[] => [
  { label: ts(locale, 'shell.account.staff'), href: `/${locale}/staff` },
  here
    ? { label: t(locale, 'directory.staff.title'), href: `/${locale}/staff/directory` }
    : { label: t(locale, 'directory.staff.title') },
  ...(here ? [{ label: here }] : []),
];
