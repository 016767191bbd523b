// The reports module's public surface: readers' error reports and the editors' queue.
export { reportsMessages } from './reports.messages.ts';
export { createReportRoutes } from './reports.routes.tsx';
export type { TErrorReportStats } from './reports.schemas.ts';
export { errorReportStats } from './reports.service.ts';
export { createReportStaffRoutes } from './reports.staff.routes.tsx';
