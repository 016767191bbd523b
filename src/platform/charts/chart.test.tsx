import { beforeEach, describe, expect, it } from 'vitest';
import { formatNumber } from '../i18n/format.ts';
import {
  Chart,
  chartCacheKey,
  chartCacheStats,
  clearChartCache,
  renderSvg,
  setChartCacheLimit,
} from './chart.tsx';
import { describeRanking, describeTrend } from './describe.ts';
import { echarts } from './echarts.ts';
import { barChartOption, formatAxisValue, formatValue, lineChartOption, withFormatters } from './option.ts';
import { sanitizeSvg, UnsafeSvgError } from './svg.ts';

const years = ['2010', '2011', '2012', '2013'];
const input = (over: Partial<Parameters<typeof Chart>[0]> = {}) => ({
  id: 'rd-spending',
  option: lineChartOption({ categories: years, series: [{ name: 'R&D', values: [1234, 2000, null, 5678] }] }),
  format: { style: 'number' as const },
  title: 'R&D spending',
  description: 'Rose from 1,234 in 2010 to 5,678 in 2013.',
  table: { head: ['Year', 'Value'], rows: years.map((y) => [y, '1']) },
  locale: 'en' as const,
  version: 'v1',
  ...over,
});
const html = (el: unknown) => String(el);

beforeEach(() => clearChartCache());

describe('Chart', () => {
  it('renders an SVG labelled by the caption and described in words, with the table beside it', () => {
    const out = html(<Chart {...input()} script="/assets/charts.abc.js" />);
    expect(out).toMatch(/<figure class="chart" id="rd-spending" data-chart="true">/);
    expect(out).toContain('<figcaption id="rd-spending-title">R&amp;D spending</figcaption>');
    expect(out).toMatch(
      /<div class="chart-canvas" role="img" aria-labelledby="rd-spending-title" aria-describedby="rd-spending-desc" data-chart-canvas="true"><svg /,
    );
    expect(out).toContain('<p class="chart-description" id="rd-spending-desc">Rose from 1,234 in 2010');
    expect(out).toMatch(/<table><caption[^>]*>R&amp;D spending: the data<\/caption>/);
    expect(out).toContain('<th scope="row">2012</th>');
    expect(out).toContain('<script type="application/json" data-chart-option="true">{"option":');
    expect(out).toContain('<script type="module" src="/assets/charts.abc.js"></script>');
  });

  it('emits nothing the CSP would refuse: no inline style attributes, no <style>, no scripts in the SVG', () => {
    const out = html(<Chart {...input()} />);
    const svg = /<svg[\s\S]*<\/svg>/.exec(out)?.[0] ?? '';
    expect(svg.length).toBeGreaterThan(500);
    expect(svg).not.toMatch(/style=|<style|<script|ecmeta_|\bzr\d+-/);
    // Fonts became presentation attributes; ids are the chart's own.
    expect(svg).toMatch(/<text[^>]* font-size="13px" font-family="'PingFang SC'/);
    expect(svg).toMatch(/clip-path="url\(#c-rd-spending-c0\)"/);
  });

  it('escapes labels from data everywhere they appear', () => {
    const evil = '<script>alert(1)</script>';
    const attr = '"onload="alert(2)';
    const out = html(
      <Chart
        {...input({
          option: lineChartOption({ categories: [evil, attr], series: [{ name: attr, values: [1, 2] }] }),
          title: evil,
          description: attr,
          table: { head: [evil, attr], rows: [[evil, attr]] },
        })}
      />,
    );
    expect(out).not.toContain('<script>alert');
    expect(out).not.toMatch(/\sonload=/i);
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // The JSON for the browser cannot close its script element.
    const json =
      /<script type="application\/json" data-chart-option="true">([\s\S]*?)<\/script>/.exec(out)?.[1] ?? '';
    expect(json).not.toContain('<');
    expect(JSON.parse(json).option.xAxis.data[0]).toBe(evil);
  });

  it('caches by chart, language and data version', () => {
    html(<Chart {...input()} />);
    html(<Chart {...input()} />);
    expect(chartCacheStats()).toMatchObject({ hits: 1, misses: 1, size: 1 });
    html(<Chart {...input({ locale: 'zh' })} />);
    html(<Chart {...input({ version: 'v2' })} />);
    expect(chartCacheStats()).toMatchObject({ hits: 1, misses: 3, size: 3 });
    expect(chartCacheKey(input())).not.toBe(chartCacheKey(input({ version: 'v2' })));
  });

  it('keeps at most the configured number of charts, least recently used out first', () => {
    setChartCacheLimit(2);
    try {
      html(<Chart {...input({ version: 'a' })} />);
      html(<Chart {...input({ version: 'b' })} />);
      html(<Chart {...input({ version: 'a' })} />); // a is now the most recent
      html(<Chart {...input({ version: 'c' })} />); // b goes
      expect(chartCacheStats()).toMatchObject({ size: 2, hits: 1 });
      html(<Chart {...input({ version: 'a' })} />);
      expect(chartCacheStats().hits).toBe(2);
      setChartCacheLimit(0);
      html(<Chart {...input({ version: 'a' })} />);
      expect(chartCacheStats()).toMatchObject({ size: 0, hits: 2 });
    } finally {
      setChartCacheLimit(300);
    }
  });

  it('shows the table and a note when the chart cannot be drawn', () => {
    const errors: unknown[] = [];
    const bad = { ...input().option, xAxis: { type: 'nope' } } as never;
    const out = html(<Chart {...input({ option: bad })} onError={(e) => errors.push(e)} />);
    expect(errors).toHaveLength(1);
    expect(out).toContain('The chart could not be drawn');
    expect(out).toContain('<th scope="row">2010</th>');
    expect(out).not.toContain('data-chart-option');
  });
});

describe('renderSvg', () => {
  it('disposes of every ECharts instance, also when drawing fails', () => {
    const made: ReturnType<typeof echarts.init>[] = [];
    const init = ((...args: Parameters<typeof echarts.init>) => {
      const chart = echarts.init(...args);
      made.push(chart);
      return chart;
    }) as typeof echarts.init;
    expect(renderSvg(input().option, { width: 300, height: 200 }, init)).toMatch(/^<svg/);
    expect(() =>
      renderSvg({ xAxis: { type: 'nope' } } as never, { width: 300, height: 200 }, init),
    ).toThrow();
    expect(made).toHaveLength(2);
    expect(made.every((c) => c.isDisposed())).toBe(true);
  });
});

describe('sanitizeSvg', () => {
  it('refuses scripts, handlers and external references', () => {
    const wrap = (inner: string) => `<svg viewBox="0 0 1 1">${inner}</svg>`;
    expect(() => sanitizeSvg(wrap('<script>x</script>'), 'c')).toThrow(UnsafeSvgError);
    expect(() => sanitizeSvg(wrap('<path onload="x" d="M0 0"></path>'), 'c')).toThrow(UnsafeSvgError);
    expect(() => sanitizeSvg(wrap('<path fill="url(http://x/y)"></path>'), 'c')).toThrow(UnsafeSvgError);
    expect(() => sanitizeSvg(wrap('<foreignObject></foreignObject>'), 'c')).toThrow(UnsafeSvgError);
    expect(() => sanitizeSvg(wrap('<text>a > b</text>'), 'c')).toThrow(UnsafeSvgError);
    expect(sanitizeSvg(wrap('<text style="font: bold 12px serif">a &amp; b</text>'), 'c')).toBe(
      '<svg viewBox="0 0 1 1"><text font-weight="bold" font-size="12px" font-family="serif">a &amp; b</text></svg>',
    );
  });
});

describe('descriptions', () => {
  const fmt = (v: number) => formatNumber('en', v);
  it('states the trend in words, in both languages', () => {
    const pts = [
      { label: '2010', value: 1234 },
      { label: '2023', value: 5678 },
    ];
    expect(describeTrend('en', pts, fmt)).toBe('Rose from 1,234 in 2010 to 5,678 in 2023.');
    expect(
      describeTrend(
        'zh',
        [
          { label: '2010年', value: 3 },
          { label: '2023年', value: 1 },
        ],
        String,
      ),
    ).toBe('由2010年的3降至2023年的1。');
    expect(
      describeTrend(
        'en',
        [
          { label: 'a', value: 1 },
          { label: 'b', value: 9 },
          { label: 'c', value: 2 },
        ],
        fmt,
      ),
    ).toBe('Rose from 1 in a to 2 in c. Highest: 9 in b.');
    expect(describeTrend('en', [{ label: 'a', value: null }], fmt)).toBe('No data to show.');
  });

  it('says where one item ranks', () => {
    const items = [
      { label: 'Beijing', value: 30 },
      { label: 'Guangdong', value: 40 },
      { label: 'Tibet', value: 1 },
    ];
    expect(describeRanking('en', items, fmt, 'Guangdong')).toBe(
      'Guangdong: 40, number 1 of 3. Highest: Guangdong (40); lowest: Tibet (1).',
    );
  });
});

describe('number formats', () => {
  it('reads naturally in each language, on the axis and in full', () => {
    const yuan = { style: 'yuan' as const, scale: 1e8 };
    expect(formatValue('zh', yuan, 4361)).toBe('4361亿元');
    expect(formatValue('en', yuan, 4361)).toBe('CNY 436.1 billion');
    expect(formatAxisValue('zh', yuan, 4361)).toBe('4361亿');
    expect(formatAxisValue('en', { style: 'number' }, 1_200_000)).toBe('1.2m');
    expect(formatAxisValue('zh', { style: 'number' }, 1_200_000)).toBe('120万');
    expect(formatValue('en', { style: 'percent' }, 46.4)).toBe('46.4%');
  });

  it('attaches formatters without touching the JSON option, and escapes the tooltip', () => {
    const option = barChartOption({ name: '<b>', categories: ['<i>x</i>'], values: [4361], highlight: 0 });
    const json = JSON.stringify(option);
    const withF = withFormatters(option, { style: 'yuan', scale: 1e8 }, 'zh');
    expect(JSON.stringify(option)).toBe(json);
    const tooltip = (withF.tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(tooltip([{ seriesName: '<b>', name: '<i>x</i>', value: { value: 4361 } }])).toBe(
      '<strong>&lt;i&gt;x&lt;/i&gt;</strong><br>&lt;b&gt;: 4361亿元',
    );
  });
});
