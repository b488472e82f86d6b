'use strict';
/**
 * Fault injection: tests (and CLI flags) make the next N matching requests slow, unavailable, locked,
 * reset or hanging, so retry and timeout code can be exercised against real sockets.
 */
const crypto = require('crypto');

const TYPES = new Set(['latency', 'unavailable', 'lock', 'reset', 'hang']);

function profitLogReference() {
	return crypto.randomBytes(16).toString('hex').toUpperCase();
}

class FaultRegistry {
	constructor() {
		this.faults = [];
		this.nextId = 1;
	}

	add(fault) {
		if (!fault || !TYPES.has(fault.type)) {
			throw new Error(
				`Unknown fault type '${fault && fault.type}'; use one of ${[...TYPES].join(', ')}`,
			);
		}
		const id = this.nextId++;
		this.faults.push({
			...fault,
			id,
			remaining: fault.times === undefined ? Infinity : fault.times,
		});
		return id;
	}

	remove(id) {
		this.faults = this.faults.filter((fault) => fault.id !== id);
	}

	clear() {
		this.faults = [];
	}

	/** Consumes one use of every matching fault; latency faults stack with the first terminal fault. */
	take(request) {
		const picked = [];
		for (const fault of this.faults) {
			if (fault.remaining <= 0 || !matches(fault.match, request)) continue;
			fault.remaining -= 1;
			picked.push(fault);
		}
		this.faults = this.faults.filter((fault) => fault.remaining > 0);
		return picked;
	}
}

function matches(match, request) {
	if (!match) return true;
	if (match.method && match.method.toUpperCase() !== request.method.toUpperCase()) return false;
	if (match.product && match.product !== request.product) return false;
	if (match.path !== undefined) {
		if (match.path instanceof RegExp) {
			const flags = match.path.flags.includes('i') ? match.path.flags : `${match.path.flags}i`;
			if (!new RegExp(match.path.source, flags).test(request.path)) return false;
		} else if (String(match.path).toLowerCase() !== request.path.toLowerCase()) {
			return false;
		}
	}
	// `query: { skip: ['2000', '3000'] }`: each listed parameter must have one of the given values.
	for (const [name, wanted] of Object.entries(match.query || {})) {
		const values = (Array.isArray(wanted) ? wanted : [wanted]).map(String);
		if (!request.query || !values.includes(request.query.get(name) ?? '')) return false;
	}
	return true;
}

function latencyMs(fault) {
	if (typeof fault.ms === 'number') return fault.ms;
	const min = fault.minMs ?? 0;
	const max = fault.maxMs ?? min;
	return min + Math.floor(Math.random() * (max - min + 1));
}

/**
 * Applies the picked faults. Returns 'handled' when the fault answered (or killed) the request,
 * 'continue' when the request should be served normally (after any latency).
 */
async function applyFaults(faults, ctx, hanging) {
	for (const fault of faults.filter((f) => f.type === 'latency')) {
		await new Promise((resolve) => setTimeout(resolve, latencyMs(fault)));
	}
	const terminal = faults.find((f) => f.type !== 'latency');
	if (!terminal) return 'continue';
	switch (terminal.type) {
		case 'unavailable': {
			const retryAfter = terminal.retryAfter ?? 1;
			// Vendor 503 shape (research §9.2); `retry_after` is in seconds.
			ctx.send(
				503,
				{
					error: {
						code: '503',
						message:
							'Service temporarily unavailable due to scheduled maintenance. Please check afasstatus.nl for details.',
					},
					retry_after: retryAfter,
				},
				{ 'Retry-After': String(retryAfter) },
			);
			return 'handled';
		}
		case 'lock':
			// UNVERIFIED message text: the research only says a locked record/booking layout gives a retryable 500.
			ctx.send(500, {
				externalMessage: 'The record is locked by another user. Try again later.',
				errorNumber: -2147180999,
				profitLogReference: profitLogReference(),
			});
			return 'handled';
		case 'reset':
			ctx.req.socket.destroy();
			return 'handled';
		case 'hang':
			hanging.add(ctx.res);
			ctx.res.on('close', () => hanging.delete(ctx.res));
			return 'handled';
		default:
			return 'continue';
	}
}

module.exports = { FaultRegistry, applyFaults };
