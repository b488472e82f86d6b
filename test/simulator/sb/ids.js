'use strict';
// Deterministic ids so that every simulator start serves the same data (tests and the CLI can print ids).
const crypto = require('crypto');

/** A v5-looking GUID derived from a name, like the ids in AFAS's SB examples (e36e77f0-9a1c-50d0-…). */
function guid(name) {
	const h = crypto.createHash('sha1').update(`afas-sb-sim:${name}`).digest();
	h[6] = (h[6] & 0x0f) | 0x50;
	h[8] = (h[8] & 0x3f) | 0x80;
	const x = h.subarray(0, 16).toString('hex');
	return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

/** Small seeded PRNG (mulberry32): realistic variety without randomness between runs. */
function prng(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const base64url = (buf) => Buffer.from(buf).toString('base64url');

/** Opaque token that looks like the JWE in AFAS's docs ("eyJhbGciOiJSU0EtT0…"). */
function jweLikeToken() {
	const header = base64url(JSON.stringify({ alg: 'RSA-OAEP', enc: 'A256GCM', kid: 'afas-sb-simulator' }));
	return [header, base64url(crypto.randomBytes(48)), base64url(crypto.randomBytes(12)), base64url(crypto.randomBytes(96)), base64url(crypto.randomBytes(16))].join('.');
}

/** 64-character URL-safe string, the documented shape of refresh tokens and app tokens. */
function urlSafe64() {
	return crypto.randomBytes(48).toString('base64url');
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

module.exports = { guid, prng, jweLikeToken, urlSafe64, base64url, UUID_RE };
