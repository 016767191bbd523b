import type { TLocale } from '../i18n/locale.ts';
import { ts } from '../i18n/shell.messages.ts';

/** "Previous page / Next page" links for a list of `total` items shown `size` at a time; nothing for one page. */
export const Pager = (p: {
  locale: TLocale;
  page: number;
  total: number;
  size: number;
  href: (page: number) => string;
}) => {
  const last = Math.max(1, Math.ceil(p.total / p.size));
  if (last === 1) return null;
  return (
    <nav class="pager" aria-label={ts(p.locale, 'shell.pager.label')}>
      <ul>
        {p.page > 1 ? (
          <li>
            <a href={p.href(p.page - 1)} rel="prev">
              {ts(p.locale, 'shell.pager.previous')}
            </a>
          </li>
        ) : null}
        {p.page < last ? (
          <li>
            <a href={p.href(p.page + 1)} rel="next">
              {ts(p.locale, 'shell.pager.next')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
};
