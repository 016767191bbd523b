import type { Child } from 'hono/jsx';

// The parts every staff queue (reports, contact messages, news, quarterly reports) shows alike: tabs that
// filter it with their counts, and its table, or one sentence when nothing is in it.

/** Tabs filtering a queue by a value (status, state…): "all" first, then each value, with their counts. */
export const QueueTabs = <V extends string>(p: {
  /** The name of the tabs' navigation. */
  label: string;
  all: string;
  allCount: number;
  values: readonly V[];
  current: V | undefined;
  labelOf: (value: V) => string;
  counts: Readonly<Record<string, number>>;
  href: (value: V | undefined) => string;
}) => (
  <nav aria-label={p.label}>
    <ul class="tabs">
      <li>
        <a href={p.href(undefined)} aria-current={p.current === undefined ? 'page' : undefined}>
          {p.all} ({p.allCount})
        </a>
      </li>
      {p.values.map((v) => (
        <li>
          <a href={p.href(v)} aria-current={p.current === v ? 'page' : undefined}>
            {p.labelOf(v)} ({p.counts[v] ?? 0})
          </a>
        </li>
      ))}
    </ul>
  </nav>
);

export type TQueueColumn = string | Readonly<{ label: string; isNumeric: boolean }>;

/**
 * A queue's table: `empty` as a paragraph when it has no rows, else the column heads, a caption for screen
 * readers when given, and the rows (the children, one `<tr>` each).
 */
export const QueueTable = (p: {
  isEmpty: boolean;
  empty: string;
  caption?: string | undefined;
  columns: readonly TQueueColumn[];
  children?: Child;
}) =>
  p.isEmpty ? (
    <p>{p.empty}</p>
  ) : (
    <div class="table-wrap">
      <table>
        {p.caption === undefined ? null : <caption class="visually-hidden">{p.caption}</caption>}
        <thead>
          <tr>
            {p.columns.map((col) =>
              typeof col === 'string' ? (
                <th scope="col">{col}</th>
              ) : (
                <th scope="col" class={col.isNumeric ? 'num' : undefined}>
                  {col.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{p.children}</tbody>
      </table>
    </div>
  );
