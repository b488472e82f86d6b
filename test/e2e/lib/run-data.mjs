// Reading n8n's run JSON (IRun) as printed by `n8n execute --rawOutput`.

/** The items the named node put on its first output (last run of that node). Throws with n8n's error text. */
export function nodeOutput(run, nodeName) {
	const runData = run?.data?.resultData?.runData ?? {};
	const taskRuns = runData[nodeName];
	if (!taskRuns || taskRuns.length === 0) {
		const error = run?.data?.resultData?.error;
		const known = Object.keys(runData).join(', ') || 'none';
		throw new Error(
			`node "${nodeName}" did not run (nodes that ran: ${known})${error ? `; workflow error: ${describeError(error)}` : ''}`,
		);
	}
	const last = taskRuns[taskRuns.length - 1];
	if (last.error) throw new Error(`node "${nodeName}" failed: ${describeError(last.error)}`);
	return last.data?.main?.[0] ?? [];
}

export function describeError(error) {
	const parts = [error.message, error.description].filter(Boolean);
	if (error.httpCode) parts.push(`HTTP ${error.httpCode}`);
	return parts.join(' — ') || JSON.stringify(error).slice(0, 500);
}
