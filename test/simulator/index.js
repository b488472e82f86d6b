'use strict';
/**
 * Local AFAS simulator (Profit REST API + AFAS SB API) for tests and manual runs.
 * Public entry: `startSimulator(options)`; see index.d.ts and docs/readme/simulator.md.
 */
const fs = require('fs');
const path = require('path');
const { createServer } = require('./server');
const { FaultRegistry } = require('./faults');
const { RequestLog } = require('./log');
const { createProfit } = require('./profit');
const { startRecorder } = require('./recorder');
const { createAdmin } = require('./profit/admin');

/** The SB half is developed separately; the core must still run (Profit only) when it is absent. */
function loadSb() {
	// Checked by file, not by catching MODULE_NOT_FOUND, so a broken require inside sb/ still fails loudly.
	if (!fs.existsSync(path.join(__dirname, 'sb', 'index.js'))) return null;
	return require('./sb').createSb;
}

/**
 * Virtual clock: real time plus an offset that tests move with `advanceTime`, so token expiry needs no waiting.
 * It can also be set to an instant, or frozen there, so several changes land in the same (milli)second.
 */
function createClock() {
	let offset = 0;
	let frozen = null;
	const now = () => (frozen !== null ? frozen : Date.now() + offset);
	return {
		now,
		advance: (ms) => {
			if (frozen !== null) frozen += ms;
			else offset += ms;
		},
		set: (ms) => {
			if (frozen !== null) frozen = ms;
			else offset = ms - Date.now();
		},
		freeze: (ms) => {
			frozen = ms === undefined ? now() : ms;
		},
		// Runs on from the frozen instant, so time never jumps when a test lets go of it.
		unfreeze: () => {
			if (frozen === null) return;
			offset = frozen - Date.now();
			frozen = null;
		},
		isFrozen: () => frozen !== null,
	};
}

/** Epoch ms from a number, a Date or a date string with its zone (`2026-11-30T09:20:30.700Z` is real UTC here). */
function toEpochMs(value) {
	const ms =
		value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
	if (!Number.isFinite(ms)) throw new Error(`Not a time: ${String(value)}`);
	return ms;
}

async function startSimulator(options = {}) {
	const host = options.host || '127.0.0.1';
	const clock = createClock();
	const log = new RequestLog();
	const faults = new FaultRegistry();
	const profit = createProfit({ clock, options });
	const createSb = loadSb();
	const sb = createSb ? createSb({ clock, options }) : null;

	let sim;
	const admin = createAdmin(() => sim);
	const core = createServer({
		host,
		port: options.port || 0,
		log,
		faults,
		clock,
		profit,
		sb,
		admin,
	});
	const port = await core.listen();
	const url = `http://${host}:${port}`;

	sim = {
		url,
		profitUrl: `${url}/ProfitRestServices`,
		sbUrl: url,
		port,
		credentials: { profit: profit.credentials, sb: sb ? sb.credentials : undefined },
		requests: log.entries,
		clearRequests: () => log.clear(),
		addFault: (fault) => faults.add(fault),
		removeFault: (id) => faults.remove(id),
		clearFaults: () => faults.clear(),
		advanceTime: (ms) => clock.advance(ms),
		setTime: (time) => clock.set(toEpochMs(time)),
		freezeTime: (time) => clock.freeze(time === undefined ? undefined : toEpochMs(time)),
		unfreezeTime: () => clock.unfreeze(),
		isTimeFrozen: () => clock.isFrozen(),
		now: () => clock.now(),
		profit: profit.state,
		sb: sb ? sb.state : undefined,
		close: () => core.close(),
	};
	return sim;
}

module.exports = { startSimulator, startRecorder };
