// The indicators module's public surface: other modules, the CLI and seeds import only this file.

export { createIndicatorsApi } from './indicators.api.ts';
export { CHINA_STI_CODEBOOK, type TCodebook, ZCodebook } from './indicators.codebook.ts';
export {
  BASES,
  FREQUENCIES,
  LICENSES,
  ORIGINS,
  PANELS,
  parsePeriod,
  STATUSES,
  type TBasis,
  type TFrequency,
  type TLicense,
  type TOrigin,
  type TPanel,
  type TPeriodKind,
  type TStatus,
  type TUnit,
  UNITS,
} from './indicators.codes.ts';
export {
  recomputeIfDue,
  recomputeIndicators,
  type TRecomputeResult,
  type TRecomputeTrigger,
} from './indicators.computed.service.ts';
export { COMPUTED } from './indicators.computed.ts';
export { indicatorsDataMessages } from './indicators.data.messages.ts';
export {
  breakdownLabel,
  dimensionLabel,
  formatChange,
  formatValue,
  frequencyLabel,
  geographyName,
  indicatorLinks,
  originLabel,
  panelLabel,
  statusLabel,
  unitLabel,
} from './indicators.format.ts';
export {
  CITY,
  districtGeography,
  GEOGRAPHIES,
  geographyOf,
  normalizeGeography,
  type TGeography,
  type TGeographyLevel,
} from './indicators.geography.ts';
export { importStatistics, type TImportProblem, type TImportReport } from './indicators.import.ts';
export { compareGeographies, latestWithChange, panelOverview } from './indicators.latest.service.ts';
export { indicatorsMessages } from './indicators.messages.ts';
export { indicatorsOpenApi } from './indicators.openapi.ts';
export { indicatorsReportingMessages } from './indicators.reporting.messages.ts';
export { sendReportReminders } from './indicators.reporting.reminders.ts';
export { createReportingRoutes } from './indicators.reporting.routes.tsx';
export { createIndicatorsRoutes } from './indicators.routes.tsx';
export type {
  TBreakdown,
  TBreakdownFilter,
  TChange,
  TComparison,
  TFigure,
  TIndicator,
  TIndicatorDetail,
  TIndicatorEntry,
  TLatest,
  TObservation,
  TPanelOverview,
  TRevision,
  TSeries,
  TSeriesQuery,
} from './indicators.schemas.ts';
export {
  catalog,
  getIndicator,
  listIndicators,
  observationHistory,
  observationSeries,
} from './indicators.series.service.ts';
export {
  correctObservation,
  figuresByCode,
  formatFigure,
  headlineFigures,
  periodLabel,
  searchFigures,
  seedIndicators,
  type TCorrection,
} from './indicators.service.ts';
export { createIndicatorsStaffRoutes } from './indicators.staff.routes.tsx';
export { FiguresCited, HeadlineFigures } from './indicators.views.tsx';
