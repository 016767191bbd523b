// The baseline: a bare Hono route on the same Node adapter, nothing else.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.get('/', (c) => c.text('ok'));
const server = serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 3001) });
process.on('SIGTERM', () => server.close(() => process.exit(0)));
