import { describe, expect, it } from 'vitest';
import { clock, createProgress, progressLine } from './progress.ts';

const p = (over: Partial<Parameters<typeof progressLine>[0]> = {}) => ({
  read: 25_000,
  inserted: 0,
  updated: 0,
  unchanged: 0,
  skipped: 0,
  failed: 3,
  bytesRead: 250,
  totalBytes: 1000,
  elapsedMs: 10_000,
  resumedAfter: 0,
  ...over,
});

describe('import progress', () => {
  it('shows the share read, the rate and the time left at that rate', () => {
    expect(progressLine(p())).toBe(' 25%  25,000 records  2,500 rows/s  ETA 0:30  (failed 3)');
    expect(progressLine(p(), 10)).toBe(
      '[###.......]  25%  25,000 records  2,500 rows/s  ETA 0:30  (failed 3)',
    );
    expect(progressLine(p({ bytesRead: 0 }))).toContain('ETA -:--');
    expect(clock(3725)).toBe('1:02:05');
  });

  it('redraws one line on a terminal and prints plain lines otherwise', () => {
    const tty: string[] = [];
    const bar = createProgress(true, (s) => tty.push(s), 0);
    bar.update(p());
    bar.end();
    expect(tty[0]).toMatch(/^\r\[#{8}\.{22}\] {2}25%/);
    expect(tty.at(-1)).toBe('\r\u001b[K');
    const plain: string[] = [];
    const lines = createProgress(false, (s) => plain.push(s), 0);
    lines.update(p());
    lines.end();
    expect(plain).toEqual(['progress   25%  25,000 records  2,500 rows/s  ETA 0:30  (failed 3)\n']);
  });
});
