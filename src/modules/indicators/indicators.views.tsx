import { formatDate, isoDay } from '../../platform/i18n/format.ts';
import type { TLocale } from '../../platform/i18n/locale.ts';
import { fill } from '../../platform/views/page.tsx';
import { t } from './indicators.messages.ts';
import type { TFigure } from './indicators.schemas.ts';
import { formatFigure, periodLabel } from './indicators.service.ts';

/** The distinct sources of a set of figures, each named once. */
const SourceNotes = (p: { locale: TLocale; figures: TFigure[] }) => {
  const seen = new Map<string, TFigure['source']>();
  for (const f of p.figures) seen.set(`${f.source.en}|${f.source.url ?? ''}`, f.source);
  return (
    <>
      {[...seen.values()].map((s) => {
        const name = p.locale === 'zh' ? s.zh : s.en;
        return (
          <p class="source">
            {fill(t(p.locale, 'indicators.source'), { source: s.url ? <a href={s.url}>{name}</a> : name })}
          </p>
        );
      })}
    </>
  );
};

/** Each figure's name, value, period and as-of date; `linked` names link to the figure's indicator page. */
const FigureList = (p: { locale: TLocale; figures: TFigure[]; linked?: boolean }) => (
  <dl class="figures">
    {p.figures.map((f) => (
      <div class="figure">
        <dt>
          {p.linked ? <a href={`/${p.locale}/statistics/${f.code}`}>{f.name[p.locale]}</a> : f.name[p.locale]}
        </dt>
        <dd>
          <span class="value">{formatFigure(p.locale, f)}</span>
          <span class="asof">
            {periodLabel(p.locale, f.period)} ·{' '}
            <time datetime={isoDay(f.asOf)}>
              {t(p.locale, 'indicators.asOf', { date: formatDate(p.locale, f.asOf) })}
            </time>
          </span>
        </dd>
      </div>
    ))}
  </dl>
);

/** The home page's block of headline figures, each with its as-of date, and the source below. */
export const HeadlineFigures = (p: { locale: TLocale; figures: TFigure[] }) => (
  <section aria-labelledby="headline-figures">
    <h2 id="headline-figures">{t(p.locale, 'indicators.home.title')}</h2>
    <FigureList locale={p.locale} figures={p.figures} />
    <SourceNotes locale={p.locale} figures={p.figures} />
    <p>
      <a href={`/${p.locale}/statistics`}>{t(p.locale, 'indicators.home.more')}</a>
    </p>
  </section>
);

/** The "figures cited" block a news article carries: each figure with its period, as-of date and source. */
export const FiguresCited = (p: { locale: TLocale; figures: TFigure[] }) =>
  p.figures.length === 0 ? null : (
    <aside class="figures-cited" aria-labelledby="figures-cited">
      <h2 id="figures-cited">{t(p.locale, 'indicators.cited.title')}</h2>
      <FigureList locale={p.locale} figures={p.figures} linked />
      <SourceNotes locale={p.locale} figures={p.figures} />
    </aside>
  );
