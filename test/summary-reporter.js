'use strict';
// Ends every jest run with the plain "N passed, N failed" line that CI reads. Written at process exit so it
// lands after jest's own summary, whatever order jest runs its reporters in.
const { writeSync } = require('fs');

class SummaryReporter {
	onRunComplete(_contexts, results) {
		const skipped = results.numPendingTests + results.numTodoTests;
		const line = `${results.numPassedTests} passed, ${results.numFailedTests} failed`;
		process.once('exit', () => writeSync(2, `\n${skipped ? `${line}, ${skipped} skipped` : line}\n`));
	}
}
module.exports = SummaryReporter;
