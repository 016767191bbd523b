import type { Reporter, TestModule } from 'vitest/node';

// Prints the plain closing line CI reads: "N passed, N failed" (skipped tests are listed too, never hidden).
const summaryReporter: Reporter = {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors) {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const mod of testModules) {
      let failedHere = 0;
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failedHere++;
        else skipped++;
      }
      // A file that failed as a whole (an import or a beforeAll threw) leaves its tests "skipped": count it.
      if (mod.state() === 'failed' && failedHere === 0) failedHere = 1;
      failed += failedHere;
    }
    failed += unhandledErrors.length;
    process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  },
};

export default summaryReporter;
