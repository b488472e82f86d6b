'use strict';
/**
 * Request log with redaction. Tests read `sim.requests` to assert what a client sent, so the log must keep
 * the shape of every request while never holding a secret (the same log is printed by the CLI).
 */

const SECRET_BODY_KEYS = new Set(
	[
		'client_secret',
		'token',
		'refresh_token',
		'code',
		'code_verifier',
		'apiToken',
		'apiKey',
		'otp',
		'apptoken',
		'access_token',
		'client_assertion',
		'password',
	].map((key) => key.toLowerCase()),
);

const SECRET_HEADERS = new Set(['cookie', 'proxy-authorization', 'x-api-key', 'dpop']);

const MASK = '***';

/** `AfasToken abc` -> `AfasToken ***`, `Bearer x` -> `Bearer ***`; a bare value becomes `***`. */
function redactAuthorization(value) {
	const text = String(value);
	const space = text.indexOf(' ');
	return space > 0 ? `${text.slice(0, space)} ${MASK}` : MASK;
}

function redactHeaders(headers) {
	const out = {};
	for (const [name, value] of Object.entries(headers)) {
		const key = name.toLowerCase();
		if (key === 'authorization') out[key] = redactAuthorization(value);
		else if (SECRET_HEADERS.has(key)) out[key] = MASK;
		else out[key] = value;
	}
	return out;
}

/** Deep copy with secret keys masked (case-insensitive key match, any depth). */
function redactBody(body) {
	if (Array.isArray(body)) return body.map(redactBody);
	if (body && typeof body === 'object' && !Buffer.isBuffer(body)) {
		const out = {};
		for (const [key, value] of Object.entries(body)) {
			out[key] =
				SECRET_BODY_KEYS.has(key.toLowerCase()) && value !== null && value !== ''
					? MASK
					: redactBody(value);
		}
		return out;
	}
	return body;
}

/** Query as an object of strings; a repeated key becomes an array (the contract). */
function queryToObject(searchParams) {
	const out = {};
	for (const [key, value] of searchParams) {
		if (key in out) out[key] = Array.isArray(out[key]) ? [...out[key], value] : [out[key], value];
		else out[key] = value;
	}
	return out;
}

/** Best-effort parse of a request body for the log: JSON, form, else UTF-8 text (undefined when empty). */
function parseBodyForLog(buffer, contentType) {
	if (!buffer || buffer.length === 0) return undefined;
	const text = buffer.toString('utf8');
	const type = String(contentType || '').toLowerCase();
	if (type.includes('application/x-www-form-urlencoded'))
		return queryToObject(new URLSearchParams(text));
	if (type.includes('json') || /^\s*[[{]/.test(text)) {
		try {
			return JSON.parse(text);
		} catch {
			return text;
		}
	}
	return text;
}

class RequestLog {
	constructor() {
		this.entries = [];
	}

	add({ method, path, query, headers, body, product }) {
		const entry = {
			method,
			path,
			query: queryToObject(query),
			headers: redactHeaders(headers),
			body: redactBody(body),
			status: undefined,
			product,
		};
		this.entries.push(entry);
		return entry;
	}

	setBody(entry, parsed) {
		entry.body = redactBody(parsed);
	}

	clear() {
		this.entries.length = 0;
	}
}

module.exports = { RequestLog, redactBody, redactHeaders, queryToObject, parseBodyForLog };
