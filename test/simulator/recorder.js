'use strict';
/**
 * A second local server that records every request it receives, raw (headers and body unredacted), and answers
 * 200 `{"rows":[]}` to everything. Redirect tests point the simulator's `redirect` fault here: a client that
 * follows a redirect to another origin shows up in `requests` (with whatever credential it carried), and since
 * the answer looks like an empty success, a followed redirect cannot hide behind an error either.
 */
const http = require('http');

async function startRecorder(options = {}) {
	const host = options.host || '127.0.0.1';
	const requests = [];
	const sockets = new Set();
	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => {
			const url = new URL(req.url, `http://${host}`);
			requests.push({
				method: req.method,
				path: url.pathname,
				url: req.url,
				headers: { ...req.headers },
				body: Buffer.concat(chunks).toString('utf8'),
			});
			const payload = Buffer.from(JSON.stringify({ rows: [] }), 'utf8');
			res.writeHead(200, {
				'Content-Type': 'application/json; charset=utf-8',
				'Content-Length': String(payload.length),
			});
			res.end(payload);
		});
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port || 0, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const url = `http://${host}:${server.address().port}`;
	return {
		url,
		requests,
		clear: () => {
			requests.length = 0;
		},
		close: () =>
			new Promise((resolve) => {
				server.close(() => resolve());
				for (const socket of sockets) socket.destroy();
			}),
	};
}

module.exports = { startRecorder };
