import { formatDate, isoDay } from '../../platform/i18n/format.ts';
import type { TLocale } from '../../platform/i18n/locale.ts';
import { fill, NotBuilt } from '../../platform/views/page.tsx';
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

/** Each figure's name, value, period and as-of date; `linked` names link to the statistics table. */
const FigureList = (p: { locale: TLocale; figures: TFigure[]; linked?: boolean }) => (
  <dl class="figures">
    {p.figures.map((f) => (
      <div class="figure">
        <dt>
          {p.linked ? <a href={`/${p.locale}/statistics#${f.code}`}>{f.name[p.locale]}</a> : f.name[p.locale]}
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

export const StatisticsBody = (p: { locale: TLocale; figures: TFigure[] }) => (
  <>
    <h1>{t(p.locale, 'indicators.stats.title')}</h1>
    <p class="lead">{t(p.locale, 'indicators.stats.lead')}</p>
    <NotBuilt locale={p.locale}>
      <p>{t(p.locale, 'indicators.notBuilt')}</p>
    </NotBuilt>
    {p.figures.length === 0 ? (
      <p>{t(p.locale, 'indicators.stats.empty')}</p>
    ) : (
      <section class="table-wrap" tabindex={0} aria-labelledby="figures-caption">
        <table>
          <caption id="figures-caption">{t(p.locale, 'indicators.stats.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t(p.locale, 'indicators.col.indicator')}</th>
              <th scope="col" class="num">
                {t(p.locale, 'indicators.col.value')}
              </th>
              <th scope="col">{t(p.locale, 'indicators.col.period')}</th>
              <th scope="col">{t(p.locale, 'indicators.col.asOf')}</th>
              <th scope="col">{t(p.locale, 'indicators.col.note')}</th>
            </tr>
          </thead>
          <tbody>
            {p.figures.map((f) => (
              <tr id={f.code}>
                <th scope="row">{f.name[p.locale]}</th>
                <td class="num">{formatFigure(p.locale, f)}</td>
                <td>{periodLabel(p.locale, f.period)}</td>
                <td>
                  <time datetime={isoDay(f.asOf)}>{formatDate(p.locale, f.asOf)}</time>
                </td>
                <td>{f.note[p.locale] ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    )}
    <SourceNotes locale={p.locale} figures={p.figures} />
  </>
);
