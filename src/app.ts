import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { requestId } from 'hono/request-id';
import {
  createAccountRoutes,
  createAuthRoutes,
  createStaffRoutes,
  sessionMiddleware,
  type TAccountRoutesOptions,
} from './modules/accounts/index.ts';
import { createCmsEditorialRoutes, createCmsRoutes } from './modules/cms/index.ts';
import { createContactRoutes, createContactStaffRoutes } from './modules/contact/index.ts';
import {
  createDirectoryApi,
  createDirectoryRoutes,
  createDirectoryStaffRoutes,
  directoryHooks,
  directoryOpenApi,
} from './modules/directory/index.ts';
import {
  createIndicatorsApi,
  createIndicatorsRoutes,
  createIndicatorsStaffRoutes,
  createReportingRoutes,
  indicatorsOpenApi,
} from './modules/indicators/index.ts';
import {
  createInvitationRoutes,
  createOrganizationsRoutes,
  createOrganizationsStaffRoutes,
  myOrganizations,
  organizationHooks,
} from './modules/organizations/index.ts';
import { createAudienceStaffRoutes, createHelpStaffRoutes } from './modules/pages/index.ts';
import { createPortalRoutes, createSiteRoutes } from './modules/portal/index.ts';
import { createReportRoutes, createReportStaffRoutes } from './modules/reports/index.ts';
import { pingDatabase } from './platform/db/database.ts';
import type { TDeps } from './platform/deps.ts';
import { mountAssets, type TAssets } from './platform/http/assets.ts';
import type { TAppEnv, TShell } from './platform/http/context.ts';
import { csrfProtection, csrfTokenFor } from './platform/http/csrf.ts';
import { errorHandler, notFoundHandler } from './platform/http/error-handler.tsx';
import { AppError } from './platform/http/errors.ts';
import { accessLog, compressWhenAccepted, securityHeaders, urlGuard } from './platform/http/middleware.ts';
import { openApiDocument } from './platform/http/openapi.ts';
import { LOCALES, negotiateLocale } from './platform/i18n/locale.ts';

/** The version in package.json: one source of truth for the API document. */
export const APP_VERSION: string = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
).version;

// Forms carry text only; 2 MB lets a pasted 1 MB text get a field message rather than a bare 413.
const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** Builds the whole HTTP application: global middleware, one route group per module, one error handler. */
export const createApp = (deps: TDeps, assets: TAssets) => {
  // Modules that hold a person's data plug into "download my data" and account deletion here.
  const accountHooks: TAccountRoutesOptions = {
    ...organizationHooks,
    exportPersonData: [
      ...(organizationHooks.exportPersonData ?? []),
      ...(directoryHooks.exportPersonData ?? []),
    ],
    onDeletePerson: [...(organizationHooks.onDeletePerson ?? []), ...(directoryHooks.onDeletePerson ?? [])],
    myOrganizations,
  };
  const { config, log } = deps;
  const shell: TShell = Object.freeze({
    assets: assets.urls,
    publicUrl: config.publicUrl,
    site: config.site,
    csrf: (c) => csrfTokenFor(c, config.sessionSecret, config.trustProxy, config.publicUrl),
  });
  const app = new Hono<TAppEnv>({ strict: false });

  app.use(async (c, next) => {
    c.set('shell', shell);
    await next();
  });
  app.use(requestId({ limitLength: 64 }));
  app.use(accessLog(log));
  app.use(securityHeaders({ trustProxy: config.trustProxy }));
  app.use(urlGuard());
  app.use(compressWhenAccepted(compress()));

  mountAssets(app, assets);

  // Everything below knows who is signed in, refuses oversized bodies and checks CSRF on every write.
  app.use(sessionMiddleware(deps));
  app.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new AppError('TOO_LARGE', 'The request body is too large');
      },
    }),
  );
  app.use(csrfProtection(config.sessionSecret, config.publicUrl));

  app.get('/healthz', async (c) => {
    const database = await pingDatabase(deps.db);
    c.header('Cache-Control', 'no-store');
    return c.json(
      { status: database ? 'ok' : 'error', database: database ? 'ok' : 'unreachable', engine: deps.engine },
      database ? 200 : 503,
    );
  });

  app.get('/', (c) => {
    c.header('Vary', 'Accept-Language', { append: true });
    return c.redirect(`/${negotiateLocale(c.req.header('accept-language'))}/`, 302);
  });

  app.route('/', createSiteRoutes(deps));

  app.route('/api/v1/organizations', createDirectoryApi(deps));
  app.route('/api/v1', createIndicatorsApi(deps));
  app.get('/api/v1/openapi.json', (c) =>
    c.json(
      openApiDocument(
        config.publicUrl,
        APP_VERSION,
        { ...directoryOpenApi.paths, ...indicatorsOpenApi.paths },
        { ...directoryOpenApi.schemas, ...indicatorsOpenApi.schemas },
      ),
    ),
  );
  app.all('/api/*', () => {
    throw new AppError('NOT_FOUND', 'No such API endpoint');
  });

  // One site per language under a static prefix: static prefixes keep Hono on its fastest router.
  for (const locale of LOCALES) {
    const site = new Hono<TAppEnv>({ strict: false });
    site.use(async (c, next) => {
      c.set('locale', locale);
      await next();
    });
    site.route('/', createPortalRoutes(deps));
    site.route('/', createAuthRoutes(deps));
    site.route('/account', createAccountRoutes(deps, accountHooks));
    site.route('/contact', createContactRoutes(deps));
    site.route('/staff/contact', createContactStaffRoutes(deps));
    site.route('/staff/help', createHelpStaffRoutes(deps));
    site.route('/staff/audiences', createAudienceStaffRoutes(deps));
    site.route('/staff/news', createCmsEditorialRoutes(deps));
    site.route('/report', createReportRoutes(deps));
    site.route('/staff/reports', createReportStaffRoutes(deps));
    site.route('/staff/organizations', createOrganizationsStaffRoutes(deps));
    site.route('/staff/directory', createDirectoryStaffRoutes(deps));
    site.route('/staff/statistics', createIndicatorsStaffRoutes(deps));
    site.route('/staff', createStaffRoutes(deps));
    // An organisation's quarterly reports live beside its pages (/organizations/:slug/reports).
    site.route('/organizations', createReportingRoutes(deps));
    site.route('/organizations', createOrganizationsRoutes(deps));
    site.route('/invitations', createInvitationRoutes(deps));
    site.route('/news', createCmsRoutes(deps));
    site.route('/directory', createDirectoryRoutes(deps));
    site.route('/statistics', createIndicatorsRoutes(deps));
    app.route(`/${locale}`, site);
  }

  app.notFound(notFoundHandler);
  app.onError(errorHandler(log));
  return app;
};

export type TApp = ReturnType<typeof createApp>;
