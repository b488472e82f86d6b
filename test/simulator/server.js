'use strict';
/**
 * The HTTP core: reads each body into a Buffer, logs the request (redacted), applies faults, then hands a
 * small context object to the Profit or SB product handler (see the simulator contract).
 */
const http = require('http');
const { applyFaults } = require('./faults');
const { parseBodyForLog } = require('./log');

const PROFIT_PREFIX = /^\/profitrestservices(\/|$)/i;

function productOf(path) {
	return PROFIT_PREFIX.test(path) ? 'profit' : 'sb';
}

function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

function makeSend(res) {
	return function send(status, body, headers = {}) {
		if (res.headersSent || res.destroyed) return;
		let payload;
		const outHeaders = { ...headers };
		const hasType = Object.keys(outHeaders).some((name) => name.toLowerCase() === 'content-type');
		if (body === undefined || body === null) {
			payload = Buffer.alloc(0);
		} else if (Buffer.isBuffer(body)) {
			payload = body;
			if (!hasType) outHeaders['Content-Type'] = 'application/octet-stream';
		} else if (typeof body === 'string') {
			payload = Buffer.from(body, 'utf8');
			if (!hasType) outHeaders['Content-Type'] = 'text/plain; charset=utf-8';
		} else {
			payload = Buffer.from(JSON.stringify(body), 'utf8');
			if (!hasType) outHeaders['Content-Type'] = 'application/json; charset=utf-8';
		}
		outHeaders['Content-Length'] = String(payload.length);
		res.writeHead(status, outHeaders);
		res.end(payload);
	};
}

/**
 * @param {{ host: string, port: number, log: import('./log').RequestLog, faults: import('./faults').FaultRegistry,
 *   clock: { now(): number }, profit: { handle(ctx): Promise<boolean> }, sb: { handle(ctx): Promise<boolean> } | null,
 *   admin?: { matches(path: string): boolean, handle(method, path, body, send): Promise<void> } }} deps
 */
function createServer(deps) {
	const hanging = new Set();
	const sockets = new Set();

	const server = http.createServer(async (req, res) => {
		let entry;
		try {
			const url = new URL(req.url, `http://${req.headers.host || `${deps.host}:${deps.port}`}`);
			const path = url.pathname;
			const product = productOf(path);
			const body = await readBody(req);
			// Test controls (data changes, clock, webhooks) are not AFAS traffic: no log entry, no faults.
			if (deps.admin && deps.admin.matches(path)) {
				await deps.admin.handle(req.method.toUpperCase(), path, body, makeSend(res));
				return;
			}
			entry = deps.log.add({
				method: req.method,
				path,
				query: url.searchParams,
				headers: req.headers,
				body: parseBodyForLog(body, req.headers['content-type']),
				product,
			});
			res.on('finish', () => {
				entry.status = res.statusCode;
			});
			const ctx = {
				req,
				res,
				method: req.method.toUpperCase(),
				url,
				path,
				query: url.searchParams,
				headers: req.headers,
				body,
				clock: deps.clock,
				product,
				send: makeSend(res),
				logBody: (parsed) => deps.log.setBody(entry, parsed),
			};
			const serve = async (target) => {
				const handler = product === 'profit' ? deps.profit : deps.sb;
				const handled = handler ? await handler.handle(target) : false;
				if (!handled) target.send(404);
			};
			const faults = deps.faults.take({
				method: ctx.method,
				path,
				product,
				query: url.searchParams,
			});
			if (faults.length > 0 && (await applyFaults(faults, ctx, hanging, serve)) === 'handled')
				return;
			if (res.destroyed) return;
			await serve(ctx);
		} catch (error) {
			// A bug in the simulator must be loud in test output, but still answer so clients do not hang.
			console.error('[afas-simulator] handler error:', error);
			if (!res.headersSent && !res.destroyed) {
				res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
				res.end(`Simulator error: ${error && error.message}`);
			} else if (!res.writableEnded) {
				res.destroy();
			}
		}
	});
	server.keepAliveTimeout = 5000;

	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});

	return {
		server,
		listen() {
			return new Promise((resolve, reject) => {
				server.once('error', reject);
				server.listen(deps.port, deps.host, () => {
					server.off('error', reject);
					resolve(server.address().port);
				});
			});
		},
		close() {
			for (const res of hanging) res.destroy();
			hanging.clear();
			return new Promise((resolve) => {
				server.close(() => resolve());
				for (const socket of sockets) socket.destroy();
			});
		},
	};
}

module.exports = { createServer, productOf, makeSend };
