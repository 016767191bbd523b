// A chart as a page shows it: a server-rendered SVG (so it is there without JavaScript), its title, a text
// description and the data table beside it, and the option as JSON for the browser to make it interactive
// (src/client/charts.ts). PRODUCT.md: "tables for data with a chart beside them, never a chart alone".
import { raw } from 'hono/html';
import type { TLocale } from '../i18n/locale.ts';
import { tc } from './charts.messages.ts';
import { echarts, type TChartOption } from './echarts.ts';
import { type TValueFormat, withFormatters } from './option.ts';
import { sanitizeSvg } from './svg.ts';

export type TChartTable = Readonly<{
  /** Column headings; the first heads the row labels. */
  head: readonly string[];
  /** Each row: its label (a row header), then the cells, already formatted for the reader. */
  rows: readonly (readonly string[])[];
}>;

export type TChartInput = Readonly<{
  /** Stable and unique on the page: lower-case letters, digits and hyphens. */
  id: string;
  /** JSON-safe: no functions (number formatting comes from `format`). */
  option: TChartOption;
  format: TValueFormat;
  title: string;
  /** The trend in words (see describe.ts): the chart's text alternative. */
  description: string;
  table: TChartTable;
  locale: TLocale;
  /** Changes whenever the data behind the chart does: part of the cache key. */
  version: string;
  width?: number;
  height?: number;
  /** The browser bundle that makes the chart interactive; without it the SVG stays as it is. */
  script?: string | undefined;
  /** Told when the chart cannot be drawn (the figure then shows its table and a note). */
  onError?: ((e: unknown) => void) | undefined;
}>;

type TInit = typeof echarts.init;

/**
 * Draws an option to an SVG string with ECharts' server-side renderer, always disposing of the instance
 * (an undisposed one keeps the process alive). `init` is replaceable so tests can watch the instances.
 */
export const renderSvg = (
  option: TChartOption,
  size: { width: number; height: number },
  init: TInit = echarts.init,
): string => {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
};

type TRendered = Readonly<{ svg: string | null; json: string }>;

let maxEntries = 300;
const cache = new Map<string, TRendered>();
const stats = { hits: 0, misses: 0 };

/** How many rendered charts to keep (300 by default); 0 turns the cache off (the benchmark's cold runs). */
export const setChartCacheLimit = (entries: number): void => {
  maxEntries = Math.max(0, Math.floor(entries));
  while (cache.size > maxEntries) cache.delete(cache.keys().next().value as string);
};

/** The chart cache's counters, for tests and the benchmark. */
export const chartCacheStats = () => ({ ...stats, size: cache.size });
/** Forgets every rendered chart (the benchmark's cold runs; tests). */
export const clearChartCache = (): void => {
  cache.clear();
  stats.hits = 0;
  stats.misses = 0;
};

/** The cache key: the chart, the reader's language, the data version and the size. */
export const chartCacheKey = (i: Pick<TChartInput, 'id' | 'locale' | 'version' | 'width' | 'height'>) =>
  `${i.id}|${i.locale}|${i.version}|${i.width ?? DEFAULT_WIDTH}x${i.height ?? DEFAULT_HEIGHT}`;

const DEFAULT_WIDTH = 720;
const DEFAULT_HEIGHT = 360;

// JSON inside <script type="application/json">: '<' escaped so no "</script>" or "<!--" can end it.
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

const rendered = (input: TChartInput, onError: (e: unknown) => void): TRendered => {
  const key = chartCacheKey(input);
  const hit = cache.get(key);
  if (hit) {
    stats.hits++;
    // Least recently used goes first: a hit moves to the back.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  stats.misses++;
  const width = input.width ?? DEFAULT_WIDTH;
  const height = input.height ?? DEFAULT_HEIGHT;
  let svg: string | null = null;
  try {
    svg = sanitizeSvg(
      renderSvg(withFormatters(input.option, input.format, input.locale), { width, height }),
      `c-${input.id}`,
    );
  } catch (e) {
    // The table carries the same data: a chart that cannot be drawn must not take the page down.
    onError(e);
  }
  const json = scriptJson({
    option: input.option,
    format: input.format,
    locale: input.locale,
    width,
    height,
  });
  const entry = { svg, json };
  if (maxEntries > 0) {
    cache.set(key, entry);
    if (cache.size > maxEntries) cache.delete(cache.keys().next().value as string);
  }
  return entry;
};

/** The data table of a chart: row labels as row headers, values right-aligned, scrollable when wide. */
export const ChartTable = (p: { id: string; locale: TLocale; title: string; table: TChartTable }) => {
  const [rowHead, ...valueHeads] = p.table.head;
  return (
    <section
      class="table-wrap chart-table"
      id={`${p.id}-table`}
      tabindex={0}
      aria-labelledby={`${p.id}-caption`}
    >
      <table>
        <caption id={`${p.id}-caption`}>{tc(p.locale, 'charts.table.caption', { title: p.title })}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHead ?? ''}</th>
            {valueHeads.map((h) => (
              <th scope="col" class="num">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {p.table.rows.map(([label, ...cells]) => (
            <tr>
              <th scope="row">{label ?? ''}</th>
              {cells.map((cell) => (
                <td class="num">{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
};

/**
 * A chart figure: caption, SVG with `role="img"` labelled by the caption and described by the text, the
 * data table beside it, and the option for the browser. Rendered SVG is cached per chart, language and
 * data version (least recently used out past 300 entries). `tableOnly` (e.g. a single value, which makes
 * no trend) keeps the caption, description and table and draws nothing.
 */
export const Chart = (p: TChartInput & { tableOnly?: boolean }) => {
  if (!/^[a-z][a-z0-9-]*$/.test(p.id)) throw new Error(`chart id must be lower-case words: ${p.id}`);
  const { svg, json } = p.tableOnly ? { svg: null, json: '' } : rendered(p, p.onError ?? (() => {}));
  const titleId = `${p.id}-title`;
  const descId = `${p.id}-desc`;
  return (
    <figure class="chart" id={p.id} data-chart={svg ? true : undefined}>
      <figcaption id={titleId}>{p.title}</figcaption>
      {/* Chart and table side by side on wide screens; a table of many columns goes below instead. */}
      <div class={p.tableOnly || p.table.head.length > 3 ? 'chart-body chart-body-stacked' : 'chart-body'}>
        <div class="chart-graphic">
          {svg ? (
            <div
              class="chart-canvas"
              role="img"
              aria-labelledby={titleId}
              aria-describedby={descId}
              data-chart-canvas
            >
              {raw(svg)}
            </div>
          ) : p.tableOnly ? null : (
            <p class="chart-unavailable">{tc(p.locale, 'charts.unavailable')}</p>
          )}
          <p class="chart-description" id={descId}>
            {p.description}
          </p>
        </div>
        <ChartTable id={p.id} locale={p.locale} title={p.title} table={p.table} />
      </div>
      {svg ? (
        <script type="application/json" data-chart-option>
          {raw(json)}
        </script>
      ) : null}
      {svg && p.script ? <script type="module" src={p.script} /> : null}
    </figure>
  );
};

/** Same as `<Chart …/>`, as a function call. */
export const renderChart = (input: TChartInput & { tableOnly?: boolean }) => Chart(input);
