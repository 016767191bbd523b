import { describe, expect, it } from 'vitest';
import { BULK_MIN_RECORDS, bulkDecision } from './directory.import.ts';

// When an import decides on its own to load in bulk (ADR 0012).

const MB = 1 << 20;
const base = { totalBytes: 100 * MB, writtenShare: 1, registryRows: 0 };

describe('bulkDecision', () => {
  it('starts a bulk load when the file will write more records than the minimum and the registry', () => {
    // 2,000 records in the first 4 MB of 100: about 50,000 records.
    expect(bulkDecision({ ...base, bytesRead: 4 * MB, read: 2_000 })).toBe('start');
    expect(bulkDecision({ ...base, bytesRead: 4 * MB, read: 2_000, registryRows: 49_000 })).toBe('start');
  });

  it('stays row by row into a registry larger than what the file will write', () => {
    expect(bulkDecision({ ...base, bytesRead: 4 * MB, read: 2_000, registryRows: 60_000 })).toBe('wait');
    expect(bulkDecision({ ...base, bytesRead: 50 * MB, read: 25_000, registryRows: 60_000 })).toBe('off');
  });

  it('stays row by row for a re-import that changes little, however large the file', () => {
    // 50,000 records, of which one in twenty is new or changed: 2,500 written.
    expect(bulkDecision({ ...base, bytesRead: 4 * MB, read: 2_000, writtenShare: 0.05 })).toBe('wait');
    expect(bulkDecision({ ...base, bytesRead: 50 * MB, read: 25_000, writtenShare: 0.05 })).toBe('off');
  });

  it('waits while the reader has run ahead of the records: the estimate is a lower bound', () => {
    // The reader has taken 1 MB of a 3 MB file but handed out 1,000 records of 60,000: 3,000 estimated.
    expect(bulkDecision({ ...base, totalBytes: 3 * MB, bytesRead: MB, read: 1_000 })).toBe('wait');
    // Ten batches later the same megabyte has given 10,000: 30,000 estimated.
    expect(bulkDecision({ ...base, totalBytes: 3 * MB, bytesRead: MB, read: 10_000 })).toBe('start');
  });

  it('never starts for a file below the minimum', () => {
    const read = BULK_MIN_RECORDS / 2 - 1;
    expect(bulkDecision({ ...base, bytesRead: 50 * MB, read })).toBe('off');
  });
});
