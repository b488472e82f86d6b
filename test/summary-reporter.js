'use strict';
// Ends every jest run with the plain "N passed, N failed" line that CI reads.
class SummaryReporter {
	onRunComplete(_contexts, results) {
		const skipped = results.numPendingTests + results.numTodoTests;
		const line = `${results.numPassedTests} passed, ${results.numFailedTests} failed`;
		process.stdout.write(`\n${skipped ? `${line}, ${skipped} skipped` : line}\n`);
	}
}
module.exports = SummaryReporter;
