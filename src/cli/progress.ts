import type { TImportProgress, TImportSummary } from '../modules/directory/index.ts';

// What `ecosphere import` prints: a progress bar with rate and ETA on a terminal, a plain line every few
// seconds otherwise, and the closing summary. Pure functions of the figures, so tests need no terminal.

export const num = (n: number) => Math.round(n).toLocaleString('en-US');

/** "1:02:03" or "2:03" for a number of seconds. */
export const clock = (seconds: number): string => {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
};

/**
 * One progress line: share of the file read (by bytes), records, rate and ETA. With `barWidth` it starts
 * with a bar for a terminal. The ETA assumes the rest of the file reads at the rate so far.
 */
export const progressLine = (p: TImportProgress, barWidth = 0): string => {
  const share = p.totalBytes > 0 ? Math.min(1, p.bytesRead / p.totalBytes) : 0;
  const rate = p.elapsedMs > 0 ? (p.read * 1000) / p.elapsedMs : 0;
  const eta = share > 0 ? ((p.elapsedMs / 1000) * (1 - share)) / share : Number.NaN;
  const filled = Math.round(share * barWidth);
  const bar = barWidth > 0 ? `[${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}] ` : '';
  return `${bar}${(share * 100).toFixed(0).padStart(3)}%  ${num(p.read)} records  ${num(rate)} rows/s  ETA ${Number.isFinite(eta) ? clock(eta) : '-:--'}  (failed ${num(p.failed)})`;
};

/** A progress display on stdout: redrawn in place on a terminal, a plain line every `everyMs` otherwise. */
export const createProgress = (isTty: boolean, write: (s: string) => void, everyMs = isTty ? 100 : 2000) => {
  let last = 0;
  let drawn = false;
  return {
    update: (p: TImportProgress) => {
      const now = Date.now();
      if (now - last < everyMs) return;
      last = now;
      if (isTty) {
        write(`\r${progressLine(p, 30)}\u001b[K`);
        drawn = true;
      } else write(`progress  ${progressLine(p)}\n`);
    },
    end: () => {
      if (drawn) write('\r\u001b[K');
    },
  };
};

/** The closing summary of an import, one line per figure. */
export const summaryLines = (s: TImportSummary, format: string, file: string): string[] => {
  const lines = [`import ${format}: ${file} (${s.encoding})`];
  if (s.dryRun) lines.push('dry run: validated only, nothing was written to the database');
  if (s.resumedAfter > 0)
    lines.push(
      `resumed  run ${s.runId} after ${num(s.resumedAfter)} records committed by the interrupted run`,
    );
  lines.push(
    `read      ${num(s.readNow)} records in ${s.seconds.toFixed(1)} s (${num(s.rowsPerSecond)} rows/s)`,
  );
  if (s.bulk)
    lines.push(
      `bulk      search indexes rebuilt at the end in ${s.rebuildSeconds.toFixed(1)} s (counted above)`,
    );
  if (s.dryRun) lines.push(`valid     ${num(s.readNow - s.failed - s.skipped)}`);
  else {
    lines.push(
      `inserted  ${num(s.inserted)}`,
      `updated   ${num(s.updated)}`,
      `unchanged ${num(s.unchanged)}`,
    );
  }
  lines.push(
    `skipped   ${num(s.skipped)}${s.skipped > 0 ? ' (withdrawn or inactive in the source, or outside --country)' : ''}`,
  );
  if (s.retired > 0)
    lines.push(`retired   ${num(s.retired)} (the source withdrew or closed them: now inactive)`);
  lines.push(`failed    ${num(s.failed)}${s.failed > 0 ? ' (see the report)' : ''}`);
  if (!s.dryRun)
    lines.push(
      `duplicates ${num(s.duplicates)} new suggestion(s) for staff to review (${s.duplicateSeconds.toFixed(1)} s)`,
    );
  lines.push(`report    ${s.reportPath} (${num(s.problems)} problem(s))`);
  return lines;
};
