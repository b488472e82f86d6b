'use strict';
// Request-body decoding for the OAuth token endpoint and blob uploads. The token endpoint is documented both as
// form-urlencoded [OAS-auth] and multipart/form-data [OAS-spec] (research §9 #3, CONFLICT): both are accepted.

function contentType(headers) {
	return String(headers['content-type'] || '').toLowerCase();
}

/** Parses multipart/form-data into [{ name, filename, contentType, data: Buffer }]. Returns null if malformed. */
function parseMultipart(body, header) {
	const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(header);
	if (!m) return null;
	const boundary = Buffer.from(`--${m[1] || m[2].trim()}`);
	const parts = [];
	let start = body.indexOf(boundary);
	if (start < 0) return null;
	for (;;) {
		start += boundary.length;
		if (body.subarray(start, start + 2).toString() === '--') break;
		const headerEnd = body.indexOf('\r\n\r\n', start);
		if (headerEnd < 0) return null;
		const next = body.indexOf(boundary, headerEnd);
		if (next < 0) return null;
		const headerText = body.subarray(start, headerEnd).toString('utf8');
		const data = body.subarray(headerEnd + 4, next - 2); // strip the CRLF before the boundary
		const disposition = /content-disposition:[^\r\n]*/i.exec(headerText);
		const name = disposition && /\bname="([^"]*)"/i.exec(disposition[0]);
		const filename = disposition && /\bfilename="([^"]*)"/i.exec(disposition[0]);
		const type = /content-type:\s*([^\r\n]+)/i.exec(headerText);
		parts.push({ name: name ? name[1] : '', filename: filename ? filename[1] : undefined, contentType: type ? type[1].trim() : undefined, data });
		start = next;
	}
	return parts;
}

/** Decodes a token-endpoint body into a flat object of strings. */
function parseForm(body, headers) {
	const type = contentType(headers);
	if (type.startsWith('multipart/form-data')) {
		const parts = parseMultipart(body, headers['content-type']) || [];
		return Object.fromEntries(parts.map((p) => [p.name, p.data.toString('utf8')]));
	}
	if (type.includes('json')) {
		try {
			const parsed = JSON.parse(body.toString('utf8'));
			return parsed && typeof parsed === 'object' ? Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)])) : {};
		} catch {
			return {};
		}
	}
	return Object.fromEntries(new URLSearchParams(body.toString('utf8')));
}

module.exports = { parseForm, parseMultipart, contentType };
