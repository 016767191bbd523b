// The indicators module's public surface: other modules, the CLI and seeds import only this file.
export { indicatorsMessages } from './indicators.messages.ts';
export { createIndicatorsRoutes } from './indicators.routes.tsx';
export type { TFigure } from './indicators.schemas.ts';
export {
  formatFigure,
  headlineFigures,
  periodLabel,
  searchFigures,
  seedIndicators,
} from './indicators.service.ts';
export { HeadlineFigures } from './indicators.views.tsx';
