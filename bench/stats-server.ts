// The portal as `ecosphere serve` runs it, for bench:stats, with the chart cache on (CHART_CACHE=warm,
// the default) or off (CHART_CACHE=cold: every chart drawn again on every request).
import { loadConfig } from '../src/config.ts';
import { startServer } from '../src/main.ts';
import { setChartCacheLimit } from '../src/platform/charts/chart.tsx';

if (process.env.CHART_CACHE === 'cold') setChartCacheLimit(0);
const server = await startServer(loadConfig(process.env));
process.on('SIGTERM', () => void server.stop().then(() => process.exit(0)));
