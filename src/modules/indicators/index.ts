// The indicators module's public surface: other modules, the CLI and seeds import only this file.
export { indicatorsMessages } from './indicators.messages.ts';
export { createIndicatorsRoutes } from './indicators.routes.tsx';
export type { TFigure } from './indicators.schemas.ts';
export {
  figuresByCode,
  formatFigure,
  headlineFigures,
  periodLabel,
  searchFigures,
  seedIndicators,
} from './indicators.service.ts';
export { FiguresCited, HeadlineFigures } from './indicators.views.tsx';
