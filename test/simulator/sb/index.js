'use strict';
// AFAS SB half of the simulator: createSb({ clock, options }) -> { handle(ctx), credentials, state }.
// See /work/briefs/simulator-contract.md for ctx; research afas-sb-api.md §10 for the behaviour.
const { createAuth } = require('./auth');
const { createStore } = require('./store');
const { createBlobs } = require('./blob');
const { RESOURCES, normalizeVersion } = require('./resources');
const { applyQuery, QueryError } = require('./query');
const { validateBody } = require('./validate');
const { renderError } = require('./consentPage');
const errors = require('./errors');

const WRITE_METHODS = new Set(['POST', 'PUT', 'DELETE']);

function createSb({ clock, options = {} } = {}) {
	const environment = options.sbEnvironment || 'scope';
	const auth = createAuth({ clock, options, environment });
	const store = createStore(options);
	const blobs = createBlobs(store);
	const trackingIdentifiers = new Map(); // Tracking-Identifier -> first 200 answer

	const json = (ctx, status, body, version) => ctx.send(status, body, errors.sbHeaders(version));

	function trackingToken() {
		const d = new Date(clock.now());
		const ymd = `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
		return `${ymd}${store.currentSeq()}`; // documented format yyyyMMdd<id> (research §4.5)
	}

	function handleRead(ctx, endpoint) {
		let rows = store.rows(endpoint.table);
		const token = endpoint.tracked ? ctx.query.get('TrackingToken') ?? ctx.query.get('trackingtoken') : null;
		if (token) {
			const m = /^\d{8}(\d+)$/.exec(token);
			if (!m) throw new QueryError('Ongeldig TrackingToken.'); // undocumented
			const since = Number(m[1]);
			rows = rows.filter((r) => r._seq > since);
		}
		const result = applyQuery(rows, ctx.query, endpoint.fields, options);
		json(ctx, 200, endpoint.tracked ? { TrackingToken: trackingToken(), Result: result } : result, endpoint.version.split('.')[0]);
	}

	function handleWrite(ctx, endpoint, resource) {
		const trackingId = ctx.headers['tracking-identifier'];
		const replay = trackingId && trackingIdentifiers.get(trackingId);
		if (replay) return json(ctx, 200, replay, endpoint.version.split('.')[0]); // same answer, nothing written twice
		const { value, error, parsed } = validateBody(ctx.body, endpoint.schema);
		if (parsed !== undefined) ctx.logBody(parsed);
		if (error) return json(ctx, 400, errors.deserialization(error, resource), 1);
		ctx.logBody(value);
		const answer = endpoint.handler(store, value);
		// Only 200 answers are remembered: a client may fix a 400 body and resend with the same identifier.
		if (trackingId) trackingIdentifiers.set(trackingId, answer);
		json(ctx, 200, answer, endpoint.version.split('.')[0]);
	}

	/** Accept-Version is required (spec). Missing/unknown behaviour is undocumented (research §9 #7): 400 AntaUserException. */
	function versionError(ctx, method, resource, expected) {
		const sent = ctx.headers['accept-version'];
		if (sent === undefined || sent === '') {
			return `De header Accept-Version ontbreekt. Gebruik Accept-Version: ${expected} voor ${method} api/${resource}.`;
		}
		if (normalizeVersion(sent) !== normalizeVersion(expected)) {
			return `Accept-Version ${sent} wordt niet ondersteund voor ${method} api/${resource}. Gebruik Accept-Version: ${expected}.`;
		}
		return null;
	}

	async function handle(ctx) {
		let segments;
		try {
			segments = ctx.path.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
		} catch {
			return false; // malformed percent-encoding: no SB route
		}
		if (segments.length < 3) return false;
		const [env, area, ...rest] = segments;
		const a = area.toLowerCase();
		const r = rest.map((s) => s.toLowerCase());
		const knownEnv = env.toLowerCase() === environment.toLowerCase();
		const method = ctx.method;

		let route = null;
		if (a === 'authentication' && r.length === 1 && r[0] === 'getaccesstoken' && method === 'POST') route = 'getaccesstoken';
		else if (a === 'app' && r.length === 1 && r[0] === 'auth' && (method === 'GET' || method === 'POST')) route = 'auth';
		else if (a === 'app' && r.length === 1 && r[0] === 'token' && method === 'POST') route = 'token';
		else if (a === 'api' && r.length === 2 && r[0] === 'blob' && (method === 'GET' || method === 'PUT')) route = 'blob';
		else if (a === 'api' && r.length === 1 && RESOURCES[r[0]] && RESOURCES[r[0]][method]) route = 'api';
		if (!route) return false;

		if (!knownEnv) {
			// An unknown customer environment has no users: the documented 401 body (research §10: a token for
			// another environment is a 401 NotAuthenticatedException). The browser page gets a readable 404.
			if (route === 'auth') ctx.send(404, renderError(`Klantomgeving '${env}' bestaat niet.`), { 'Content-Type': 'text/html; charset=utf-8' });
			else json(ctx, 401, errors.notAuthenticated());
			return true;
		}
		if (route === 'getaccesstoken') return auth.getAccessToken(ctx, environment), true;
		if (route === 'auth') return (method === 'GET' ? auth.authorize(ctx, environment) : auth.consent(ctx, environment)), true;
		if (route === 'token') return auth.token(ctx, environment), true;

		const resource = route === 'blob' ? 'blob' : r[0];
		const denied = auth.check(ctx, environment, resource);
		if (denied) return json(ctx, denied.status, denied.body), true;
		const expected = route === 'blob' ? '1' : RESOURCES[resource][method].version;
		const vErr = versionError(ctx, method, resource, expected);
		if (vErr) return json(ctx, 400, errors.userError(vErr)), true;

		if (route === 'blob') {
			if (!blobs.isUuid(rest[1])) return json(ctx, 400, errors.userError(`'${rest[1]}' is geen geldige UUID.`)), true;
			if (method === 'PUT') blobs.put(ctx, rest[1]);
			else blobs.get(ctx, rest[1]);
			return true;
		}
		const endpoint = RESOURCES[resource][method];
		try {
			if (endpoint.kind === 'read') handleRead(ctx, endpoint);
			else if (WRITE_METHODS.has(method)) handleWrite(ctx, endpoint, resource);
		} catch (e) {
			if (!(e instanceof QueryError)) throw e;
			json(ctx, 400, errors.userError(e.message));
		}
		return true;
	}

	return {
		handle,
		credentials: auth.credentials,
		state: {
			environment,
			store,
			auth: auth.state,
			trackingIdentifiers,
			rows: (table) => store.rows(table),
		},
	};
}

module.exports = { createSb };
