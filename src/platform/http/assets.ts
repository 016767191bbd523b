import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Hono } from 'hono';
import type { TAppEnv, TAssetUrls } from './context.ts';

type TAsset = Readonly<{ body: Uint8Array; type: string }>;
export type TAssets = Readonly<{ urls: TAssetUrls; files: ReadonlyMap<string, TAsset> }>;

const CLIENT_DIR = fileURLToPath(new URL('../../client/', import.meta.url));
const IMMUTABLE = 'public, max-age=31536000, immutable';

const fingerprint = (name: string, ext: string, body: Uint8Array): string =>
  `${name}.${createHash('sha256').update(body).digest('hex').slice(0, 12)}.${ext}`;

let memo: Promise<TAssets> | undefined;

/**
 * Bundles the browser code and the stylesheet with esbuild (in memory, at start-up: a few ms) and
 * names each file by its content hash, so they can be cached for a year.
 */
export const buildAssets = (): Promise<TAssets> => {
  memo ??= (async () => {
    // Charts: ECharts (only the parts src/platform/charts/echarts.ts registers), loaded by chart pages only;
    // the bigger build (about a second here), so it runs beside the other.
    const chartsBuild = build({
      entryPoints: [`${CLIENT_DIR}charts.ts`],
      bundle: true,
      minify: true,
      format: 'esm',
      target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
      define: { 'process.env.NODE_ENV': '"production"' },
      write: false,
      outdir: '/assets',
      logLevel: 'silent',
    });
    chartsBuild.catch(() => {}); // its failure is reported where it is awaited, not as an unhandled one
    const result = await build({
      entryPoints: [`${CLIENT_DIR}enhance.ts`, `${CLIENT_DIR}styles.css`],
      bundle: true,
      minify: true,
      format: 'esm',
      target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
      write: false,
      outdir: '/assets',
      logLevel: 'silent',
    });
    const charts = await chartsBuild;
    const files = new Map<string, TAsset>();
    const urls: Record<string, string> = {};
    for (const out of charts.outputFiles) {
      const name = fingerprint('charts', 'js', out.contents);
      files.set(name, { body: out.contents, type: 'text/javascript; charset=utf-8' });
      urls.charts = `/assets/${name}`;
    }
    for (const out of result.outputFiles) {
      const isCss = out.path.endsWith('.css');
      const name = fingerprint(isCss ? 'styles' : 'enhance', isCss ? 'css' : 'js', out.contents);
      files.set(name, {
        body: out.contents,
        type: isCss ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8',
      });
      urls[isCss ? 'css' : 'js'] = `/assets/${name}`;
    }
    const icon = new Uint8Array(readFileSync(`${CLIENT_DIR}icon.svg`));
    const iconName = fingerprint('icon', 'svg', icon);
    files.set(iconName, { body: icon, type: 'image/svg+xml' });
    urls.icon = `/assets/${iconName}`;
    return Object.freeze({ urls: urls as TAssetUrls, files });
  })();
  return memo;
};

/** Serves the fingerprinted files with a one-year immutable cache; anything else falls through to 404. */
export const mountAssets = (app: Hono<TAppEnv>, assets: TAssets): void => {
  app.get('/assets/:file', (c, next) => {
    const asset = assets.files.get(c.req.param('file'));
    if (!asset) return next();
    return c.body(asset.body as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': asset.type,
      'Cache-Control': IMMUTABLE,
    });
  });
};
