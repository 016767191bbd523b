import { describe, expect, it } from 'vitest';
import { createLogger } from './log.ts';

describe('createLogger', () => {
  it('writes one JSON object per line and redacts secret-looking fields', () => {
    const lines: string[] = [];
    const log = createLogger('info', (l) => lines.push(l));
    log.info('request', { route: '/x', password: 'hunter2', sessionId: 'abc', email: 'a@b.c', status: 200 });
    log.debug('hidden');
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] ?? '{}');
    expect(entry).toMatchObject({ level: 'info', msg: 'request', route: '/x', status: 200 });
    expect(lines[0]).not.toContain('hunter2');
    expect(lines[0]).not.toContain('a@b.c');
    expect(entry.password).toBe('[redacted]');
  });

  it('writes nothing when silent', () => {
    const lines: string[] = [];
    createLogger('silent', (l) => lines.push(l)).error('boom');
    expect(lines).toEqual([]);
  });
});
