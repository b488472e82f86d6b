'use strict';
/**
 * Admin routes under `/__simulator/` for a simulator running in another process (the CLI, a manual sandbox):
 * the same data changes, clock control and webhook sending that tests call in-process. Not an AFAS API; no
 * authentication, not in the request log, no faults.
 */

const ADMIN_PREFIX = '/__simulator/';

function parseJson(body) {
	if (body.length === 0) return {};
	const parsed = JSON.parse(body.toString('utf8'));
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
		throw new Error('The body must be a JSON object');
	return parsed;
}

/** @param {() => object} getSim the public simulator object (clock methods, sim.profit), once started */
function createAdmin(getSim) {
	function clockState(sim) {
		return { now: sim.now(), iso: new Date(sim.now()).toISOString(), frozen: sim.isTimeFrozen() };
	}

	async function route(method, path, input) {
		const sim = getSim();
		const where = `${method} ${path.slice(ADMIN_PREFIX.length - 1).toLowerCase()}`;
		switch (where) {
			case 'GET /clock':
				return clockState(sim);
			case 'POST /clock':
				if (input.unfreeze) sim.unfreezeTime();
				if (input.set !== undefined) sim.setTime(input.set);
				if (input.freeze !== undefined && input.freeze !== false)
					sim.freezeTime(input.freeze === true ? undefined : input.freeze);
				if (input.advance !== undefined) sim.advanceTime(Number(input.advance));
				return clockState(sim);
			case 'POST /profit/insert':
				return { row: sim.profit.insert(input.connector, input.fields) };
			case 'POST /profit/modify':
				return { row: sim.profit.modify(input.connector, input.match, input.fields) };
			case 'POST /webhook':
			case 'POST /profit/webhook': {
				const { requestBody, ...result } = await sim.profit.sendWebhook(input);
				return { ...result, sent: requestBody };
			}
			default:
				return undefined;
		}
	}

	return {
		matches: (path) => path.toLowerCase().startsWith(ADMIN_PREFIX),
		async handle(method, path, body, send) {
			let result;
			try {
				result = await route(method, path, parseJson(body));
			} catch (error) {
				send(400, { error: error.message });
				return;
			}
			if (result === undefined) send(404, { error: `No admin route ${method} ${path}` });
			else send(200, result);
		},
	};
}

module.exports = { createAdmin, ADMIN_PREFIX };
