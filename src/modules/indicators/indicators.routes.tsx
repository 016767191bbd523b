import type { TDeps } from '../../platform/deps.ts';
import { createStatisticsPageRoutes } from './indicators.pages.routes.tsx';

/**
 * Statistics pages, mounted under /{locale}/statistics: the home with its panels, an indicator page per
 * code, and the embeddable chart (indicators.pages.routes.tsx).
 */
export const createIndicatorsRoutes = (deps: TDeps) => createStatisticsPageRoutes(deps);
