// Executions of a running n8n, read over its REST API (the CLI cannot list them in every version), and the
// simulator's request log with arrival times, to tell one trigger poll from the next.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { n8nDir } from '../install.mjs';
import { sleep } from './n8n.mjs';

/** n8n stores run data in `flatted` form; parse it with the copy that version of n8n ships. */
function flattedOf(version) {
	const require = createRequire(join(n8nDir(version), 'node_modules', 'n8n', 'package.json'));
	return require('flatted');
}

export class Executions {
	/** @param {import('./n8n.mjs').N8nInstance} n8n a started instance with `login()` done */
	constructor(n8n) {
		this.n8n = n8n;
		this.flatted = flattedOf(n8n.version);
	}

	/** Summaries ({ id, status, mode, startedAt, … }) of one workflow's executions, oldest first. */
	async list(workflowId) {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		let response = await this.n8n.rest('GET', `/executions?filter=${filter}&limit=100`);
		if (response.status === 401) {
			await this.n8n.login();
			response = await this.n8n.rest('GET', `/executions?filter=${filter}&limit=100`);
		}
		if (response.status !== 200)
			throw new Error(
				`GET /rest/executions answered ${response.status}: ${response.text.slice(0, 300)}`,
			);
		const results = response.json?.data?.results ?? response.json?.results ?? [];
		return results
			.filter((e) => String(e.workflowId) === workflowId)
			.sort((a, b) => Number(a.id) - Number(b.id));
	}

	/** One execution with its run data parsed: { execution, runData }. */
	async get(id) {
		const response = await this.n8n.rest('GET', `/executions/${id}`);
		if (response.status !== 200)
			throw new Error(
				`GET /rest/executions/${id} answered ${response.status}: ${response.text.slice(0, 300)}`,
			);
		const execution = response.json?.data ?? response.json;
		const data =
			typeof execution.data === 'string' ? this.flatted.parse(execution.data) : execution.data;
		return { execution, runData: data?.resultData?.runData ?? {}, error: data?.resultData?.error };
	}

	/** The JSON of the items `nodeName` emitted in execution `id` (first output, last run). */
	async items(id, nodeName) {
		const { runData, error } = await this.get(id);
		const runs = runData[nodeName];
		if (!runs?.length)
			throw new Error(
				`execution ${id}: node "${nodeName}" did not run (ran: ${Object.keys(runData).join(', ') || 'none'})${error ? `; error: ${error.message}` : ''}`,
			);
		const last = runs[runs.length - 1];
		if (last.error) throw new Error(`execution ${id}: "${nodeName}" failed: ${last.error.message}`);
		return (last.data?.main?.[0] ?? []).map((item) => item.json);
	}

	/**
	 * Executions of the workflow that are not in `known` (ids), once they are finished. Waits up to `timeoutMs`
	 * for at least `atLeast` of them, then `settleMs` more so a late extra one is seen too.
	 */
	async waitForNew(workflowId, known, { atLeast = 1, timeoutMs = 30_000, settleMs = 3_000 } = {}) {
		const deadline = Date.now() + timeoutMs;
		const fresh = async () => (await this.list(workflowId)).filter((e) => !known.has(String(e.id)));
		let found = await fresh();
		while (Date.now() < deadline && (found.length < atLeast || found.some(running))) {
			await sleep(1_000);
			found = await fresh();
		}
		if (settleMs > 0) {
			await sleep(settleMs);
			found = await fresh();
		}
		return found;
	}
}

function running(execution) {
	return ['new', 'running', 'waiting'].includes(execution.status);
}

/**
 * Gives every simulator request the time the harness first saw it (the simulator's log has none), and groups the
 * requests a filter picks into polls: bursts separated by more than `gapMs` of silence. A poll's requests to the
 * simulator take well under a second; two ticks are a minute apart, only the activation poll and the first tick
 * can be closer (then they count as one poll).
 */
export class RequestTimes {
	constructor(sim, { intervalMs = 100 } = {}) {
		this.sim = sim;
		this.seen = new WeakMap();
		this.timer = setInterval(() => this.stamp(), intervalMs);
		this.timer.unref();
	}

	stamp() {
		const now = Date.now();
		for (const entry of this.sim.requests) if (!this.seen.has(entry)) this.seen.set(entry, now);
	}

	stop() {
		clearInterval(this.timer);
	}

	/** [{ start, end, requests, done }] for the requests `filter` picks, in order. */
	polls(filter, { gapMs = 5_000, quietMs = 3_000 } = {}) {
		this.stamp();
		const polls = [];
		for (const entry of this.sim.requests) {
			if (!filter(entry)) continue;
			const at = this.seen.get(entry);
			const last = polls[polls.length - 1];
			if (last && at - last.end <= gapMs) {
				last.end = at;
				last.requests.push(entry);
			} else polls.push({ start: at, end: at, requests: [entry] });
		}
		const now = Date.now();
		for (const poll of polls)
			poll.done = now - poll.end >= quietMs && poll.requests.every((r) => r.status !== undefined);
		return polls;
	}

	/** Waits until poll number `n` (1-based) of `filter` has finished; returns it. */
	async waitForPoll(filter, n, { timeoutMs = 150_000 } = {}) {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const polls = this.polls(filter);
			if (polls.length >= n && polls[n - 1].done) return polls[n - 1];
			if (Date.now() > deadline) {
				const times = polls.map((p) => new Date(p.start).toISOString().slice(11, 19)).join(', ');
				throw new Error(
					`poll ${n} did not happen within ${timeoutMs / 1000} s (polls so far: ${polls.length}${times ? ` at ${times}` : ''})`,
				);
			}
			await sleep(500);
		}
	}
}
