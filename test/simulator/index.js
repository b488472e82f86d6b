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

/** The SB half is developed separately; the core must still run (Profit only) when it is absent. */
function loadSb() {
	// Checked by file, not by catching MODULE_NOT_FOUND, so a broken require inside sb/ still fails loudly.
	if (!fs.existsSync(path.join(__dirname, 'sb', 'index.js'))) return null;
	return require('./sb').createSb;
}

/** Virtual clock: real time plus an offset that tests move with `advanceTime`, so token expiry needs no waiting. */
function createClock() {
	let offset = 0;
	return {
		now: () => Date.now() + offset,
		advance: (ms) => {
			offset += ms;
		},
	};
}

async function startSimulator(options = {}) {
	const host = options.host || '127.0.0.1';
	const clock = createClock();
	const log = new RequestLog();
	const faults = new FaultRegistry();
	const profit = createProfit({ clock, options });
	const createSb = loadSb();
	const sb = createSb ? createSb({ clock, options }) : null;

	const core = createServer({ host, port: options.port || 0, log, faults, clock, profit, sb });
	const port = await core.listen();
	const url = `http://${host}:${port}`;

	return {
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
		now: () => clock.now(),
		profit: profit.state,
		sb: sb ? sb.state : undefined,
		close: () => core.close(),
	};
}

module.exports = { startSimulator, startRecorder };
