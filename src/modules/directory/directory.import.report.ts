import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseCsv } from '../../platform/csv.ts';
import { excerpt, type TProblem, type TSourceItem } from './directory.import.types.ts';

// The validation report of an import: a CSV file with one row per problem (record, line, field, problem,
// value excerpt), appended batch by batch.

const REPORT_HEADER = 'record,line,field,problem,value\n';
const csvCell = (v: string | number | null): string => {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/**
 * Opens the validation report for appending. A resumed run keeps the rows of records its committed batches
 * covered and drops any written for the batch that never committed, so no row appears twice.
 */
export const openReport = (path: string, previous: string | null, keepUpTo: number) => {
  mkdirSync(dirname(path), { recursive: true });
  let kept = REPORT_HEADER;
  if (previous && keepUpTo > 0 && existsSync(previous)) {
    const rows = parseCsv(readFileSync(previous, 'utf8')).slice(1);
    const keep = rows.filter((r) => Number(r[0]) <= keepUpTo);
    kept += keep.map((r) => `${r.map(csvCell).join(',')}\n`).join('');
  }
  writeFileSync(path, kept);
  const fd = openSync(path, 'a');
  let problems = 0;
  let pending = '';
  return {
    add: (item: TSourceItem, p: TProblem) => {
      problems++;
      pending += `${[item.n, item.line, p.field, p.problem, excerpt(p.value)].map((v) => csvCell(v as string)).join(',')}\n`;
    },
    /** Written before the batch commits: a crash between the two leaves rows the resume drops again. */
    flush: () => {
      if (pending) writeSync(fd, pending);
      pending = '';
    },
    close: () => closeSync(fd),
    count: () => problems,
  };
};
