'use strict';
/**
 * Fault injection: tests (and CLI flags) make the next N matching requests slow, unavailable, locked,
 * reset or hanging, so retry and timeout code can be exercised against real sockets. The odd-answer faults
 * (`answer`, `truncated`, `redirect`, `echo`, `garbage`) play a proxy or a broken server in front of AFAS.
 */
const crypto = require('crypto');

const TYPES = new Set([
	'latency',
	'unavailable',
	'lock',
	'reset',
	'hang',
	'answer',
	'truncated',
	'redirect',
	'echo',
	'garbage',
]);

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

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
		validate(fault);
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

// Faults that can strike after the request was fully handled (the write stored, the Tracking-Identifier kept):
// the answer is lost on the way back, the case an idempotent retry exists for.
const AFTER_HANDLING = new Set(['unavailable', 'reset']);

function validate(fault) {
	if (fault.afterHandling && !AFTER_HANDLING.has(fault.type)) {
		throw new Error(`afterHandling works with the fault types ${[...AFTER_HANDLING].join(', ')}`);
	}
	if (fault.type === 'answer' && typeof fault.body !== 'string') {
		throw new Error("An 'answer' fault needs body: a string (use '' for an empty body)");
	}
	if (fault.type === 'redirect') {
		if (typeof fault.location !== 'string' || fault.location === '') {
			throw new Error("A 'redirect' fault needs location: the URL to send clients to");
		}
		if (fault.status !== undefined && !REDIRECT_STATUSES.has(fault.status)) {
			throw new Error(`A 'redirect' fault's status is one of ${[...REDIRECT_STATUSES].join(', ')}`);
		}
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
/**
 * Runs the real handler against a stand-in response that only records, so the true answer (status, headers,
 * bytes) is known before anything goes on the wire; streamed answers are collected the same way.
 */
async function captureAnswer(ctx, serve) {
	const captured = { status: 200, headers: {}, chunks: [] };
	const listeners = new Map();
	const fakeRes = {
		headersSent: false,
		destroyed: false,
		writableEnded: false,
		statusCode: 200,
		writeHead(status, headers = {}) {
			captured.status = status;
			captured.headers = { ...captured.headers, ...headers };
			this.statusCode = status;
			this.headersSent = true;
			return this;
		},
		setHeader(name, value) {
			captured.headers[name] = value;
		},
		write(chunk) {
			captured.chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk), 'utf8'));
			return true;
		},
		end(chunk) {
			if (chunk !== undefined) this.write(chunk);
			this.writableEnded = true;
			for (const listener of listeners.get('finish') || []) listener();
		},
		on(event, listener) {
			listeners.set(event, [...(listeners.get(event) || []), listener]);
			return this;
		},
		once(event, listener) {
			return this.on(event, listener);
		},
		destroy() {
			this.destroyed = true;
		},
	};
	// Required here, not at the top: server.js requires this module first (a cycle at load time).
	const { makeSend } = require('./server');
	await serve({ ...ctx, res: fakeRes, send: makeSend(fakeRes) });
	return {
		status: captured.status,
		headers: captured.headers,
		body: Buffer.concat(captured.chunks),
	};
}

/**
 * Half the true body under the true Content-Length, then a dead socket: a proxy or link dying mid-answer.
 * `lengthHeader: false` sends no length at all and closes the connection cleanly after the half body, so
 * only the body itself shows it is cut off (an HTTP/1.0-style close-delimited answer).
 */
async function sendTruncated(ctx, serve, fault) {
	const answer = await captureAnswer(ctx, serve);
	const headers = {};
	for (const [name, value] of Object.entries(answer.headers)) {
		if (!['content-length', 'transfer-encoding', 'connection'].includes(name.toLowerCase()))
			headers[name] = value;
	}
	const half = answer.body.subarray(0, Math.floor(answer.body.length / 2));
	if (fault.lengthHeader === false) {
		const head = [`HTTP/1.1 ${answer.status} OK`, 'Connection: close']
			.concat(Object.entries(headers).map(([name, value]) => `${name}: ${value}`))
			.join('\r\n');
		ctx.req.socket.end(Buffer.concat([Buffer.from(`${head}\r\n\r\n`, 'latin1'), half]));
		return;
	}
	headers['Content-Length'] = String(answer.body.length);
	ctx.res.writeHead(answer.status, headers);
	ctx.res.write(half, () => {
		ctx.req.socket.destroy();
	});
}

/**
 * Applies the picked faults. Returns 'handled' when the fault answered (or killed) the request,
 * 'continue' when the request should be served normally (after any latency). `serve(ctx)` runs the real
 * product handler (the `truncated` fault needs the true answer).
 */
async function applyFaults(faults, ctx, hanging, serve) {
	for (const fault of faults.filter((f) => f.type === 'latency')) {
		await new Promise((resolve) => setTimeout(resolve, latencyMs(fault)));
	}
	const terminal = faults.find((f) => f.type !== 'latency');
	if (!terminal) return 'continue';
	// The real handler runs to completion and its answer is thrown away; the client sees only the fault.
	if (terminal.afterHandling) await captureAnswer(ctx, serve);
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
		case 'answer':
			ctx.send(terminal.status ?? 200, terminal.body, {
				'Content-Type': terminal.contentType ?? 'text/html; charset=utf-8',
			});
			return 'handled';
		case 'truncated':
			await sendTruncated(ctx, serve, terminal);
			return 'handled';
		case 'redirect':
			ctx.send(terminal.status ?? 302, '', {
				Location: terminal.location,
				'Content-Type': 'text/plain; charset=utf-8',
			});
			return 'handled';
		case 'garbage':
			// Bytes that are not an HTTP response: the client's HTTP parser fails (HPE_* codes in Node).
			ctx.req.socket.end('THIS IS NOT HTTP\r\n\r\n');
			return 'handled';
		case 'echo': {
			// Raw, unredacted: this plays a server that puts what it received into its error text.
			const echoed = `Authorization: ${ctx.headers.authorization ?? ''} Body: ${ctx.body.toString('utf8')}`;
			ctx.send(terminal.status ?? 401, {
				externalMessage: echoed,
				message: echoed,
				error: 'invalid_request',
				error_description: echoed,
			});
			return 'handled';
		}
		default:
			return 'continue';
	}
}

module.exports = { FaultRegistry, applyFaults };
