/**
 * Jest's own summary, then one plain closing line, `Tests: N passed, N failed, N skipped`, that CI
 * tooling reads. Used instead of jest's "default" (which would print its summary after ours).
 */
const { SummaryReporter } = require("@jest/reporters");

class SummaryWithClosingLine extends SummaryReporter {
  onRunComplete(contexts, results) {
    super.onRunComplete(contexts, results);
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stdout.write(
      `\nTests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`,
    );
  }
}
module.exports = SummaryWithClosingLine;
