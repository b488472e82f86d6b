'use strict';
// PUT/GET /{env}/api/blob/{uuid}: two-step upload (reserve with Blob-* headers, then multipart `file`), and read.
// Research §4.8. Chunked uploads (files larger than ChunkSize) are not simulated: the whole file is accepted at once.
const { UUID_RE, base64url } = require('./ids');
const { parseMultipart, contentType } = require('./forms');
const errors = require('./errors');

const CHUNK_SIZE = 5242880;

function createBlobs(store) {
	function put(ctx, uuid) {
		const id = uuid.toLowerCase();
		const h = ctx.headers;
		const json = (status, body) => ctx.send(status, body, errors.sbHeaders(1));
		if (ctx.body.length === 0) {
			// Step 1: reserve. All three Blob-Content-* headers are required by the spec.
			const length = Number(h['blob-content-length']);
			if (!h['blob-content-filename'] || !h['blob-content-type'] || !Number.isInteger(length) || length < 0) {
				return json(400, errors.userError('Blob-Content-Length, Blob-Content-Type en Blob-Content-FileName zijn verplicht.'));
			}
			store.blobs.set(id, {
				Id: id, FileName: h['blob-content-filename'], ContentType: h['blob-content-type'], ContentLength: length, complete: false, data: null,
				ReadKey: `eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.${base64url(JSON.stringify({ B: id, S: 'sim' }))}.c2ltdWxhdG9y`,
			});
			return json(200, { BlobAccepted: true, ChunkSize: CHUNK_SIZE });
		}
		// Step 2: upload. The spec says "without the Blob-* headers", the how-to sends them: both are accepted (§9 #8).
		const blob = store.blobs.get(id);
		if (!blob) return json(400, errors.userError(`Blob ${uuid} is niet gereserveerd.`));
		if (!contentType(h).startsWith('multipart/form-data')) return json(400, errors.userError('Verwacht multipart/form-data met het veld file.'));
		const parts = parseMultipart(ctx.body, h['content-type']) || [];
		const file = parts.find((p) => p.name === 'file');
		if (!file) return json(400, errors.userError('Het veld file ontbreekt.'));
		ctx.logBody({ file: `<${file.data.length} bytes>` });
		if (file.data.length !== blob.ContentLength) {
			return json(400, errors.userError(`De lengte van het bestand (${file.data.length}) komt niet overeen met Blob-Content-Length (${blob.ContentLength}).`));
		}
		blob.data = Buffer.from(file.data);
		blob.complete = true;
		ctx.send(200, undefined, { Server: 'nginx' });
	}

	function get(ctx, uuid) {
		const blob = store.blobs.get(uuid.toLowerCase());
		if (!blob || !blob.complete) {
			return ctx.send(404, { StatusCode: 404, Message: 'Het bestand is niet gevonden.', TraceId: errors.traceId() }, errors.sbHeaders(1)); // undocumented
		}
		const readKey = ctx.query.get('readkey');
		if (readKey !== null && readKey !== blob.ReadKey) return ctx.send(403, errors.notAuthorized(), errors.sbHeaders(1));
		ctx.send(200, blob.data, {
			'Content-Type': blob.ContentType,
			'Content-Length': String(blob.data.length),
			'Content-Disposition': `attachment; filename="${blob.FileName.replace(/"/g, '')}"`,
		});
	}

	return { put, get, isUuid: (s) => UUID_RE.test(s) };
}

module.exports = { createBlobs, CHUNK_SIZE };
