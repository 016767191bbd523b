// Makes the server's chart SVGs interactive (tooltips). Loaded only by pages that have a chart (each chart
// figure names this bundle); without it the SVG, its description and the data table stay as they are.
// The option comes from the figure's own JSON, and the same modules as on the server draw it.
import { echarts, type TChartOption } from '../platform/charts/echarts.ts';
import { type TValueFormat, withFormatters } from '../platform/charts/option.ts';
import type { TLocale } from '../platform/i18n/locale.ts';

type TPayload = Readonly<{
  option: TChartOption;
  format: TValueFormat;
  locale: TLocale;
  width: number;
  height: number;
}>;

const hydrate = (figure: HTMLElement): void => {
  const canvas = figure.querySelector<HTMLElement>('[data-chart-canvas]');
  const data = figure.querySelector('script[data-chart-option]')?.textContent;
  if (!canvas || !data || figure.dataset.chartReady) return;
  const payload = JSON.parse(data) as TPayload;
  // Keep the server's proportions at whatever width the page gives the chart.
  const size = () => {
    const width = canvas.clientWidth || payload.width;
    return { width, height: Math.round((width * payload.height) / payload.width) };
  };
  const first = size();
  const staticSvg = canvas.querySelector('svg');
  staticSvg?.remove();
  try {
    const chart = echarts.init(canvas, null, { renderer: 'svg', ...first });
    chart.setOption(withFormatters(payload.option, payload.format, payload.locale));
    figure.dataset.chartReady = 'true';
    let pending = 0;
    new ResizeObserver(() => {
      cancelAnimationFrame(pending);
      pending = requestAnimationFrame(() => {
        const next = size();
        if (next.width !== chart.getWidth()) chart.resize(next);
      });
    }).observe(canvas);
  } catch (e) {
    // Put the static chart back: a reader keeps what the server drew.
    if (staticSvg) canvas.replaceChildren(staticSvg);
    throw e;
  }
};

for (const figure of document.querySelectorAll<HTMLElement>('figure[data-chart]')) hydrate(figure);
