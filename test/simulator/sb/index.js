'use strict';
// AFAS SB half of the simulator: createSb({ clock, options }) -> { handle(ctx), credentials, state }.
// See /work/briefs/simulator-contract.md for ctx; research afas-sb-api.md §10 for the behaviour.
const { createAuth } = require('./auth');
const { createStore } = require('./store');
const { createBlobs } = require('./blob');
const { ROUTES, tableOf, legacyRow, normalizeVersion, contentVersion } = require('./resources');
const { applyQuery, QueryError } = require('./query');
const { validateBody } = require('./validate');
const writes = require('./writes');
const generic = require('./generic');
const supplier = require('./supplier');
const { renderError } = require('./consentPage');
const errors = require('./errors');

// Hand-written business rules (duplicates, references, feature toggles, PartiallySucceeded); every other write
// of the catalogue goes to the generic create/update/delete.
const BUSINESS = {
	'POST organisation': writes.organisation.create,
	'PUT organisation': writes.organisation.update,
	'POST person': writes.person.create,
	'PUT person': writes.person.update,
	'POST salesjournalentry': writes.salesJournalEntry.create,
	'DELETE salesjournalentry': writes.salesJournalEntry.remove,
	'POST linestobeinvoiced': writes.linesToBeInvoiced.create,
	'PUT linestobeinvoiced': writes.linesToBeInvoiced.update,
	'DELETE linestobeinvoiced': writes.linesToBeInvoiced.remove,
	'POST supplier': supplier.create,
};
const GENERIC = { create: generic.create, update: generic.update, delete: generic.remove };

function runWrite(store, endpoint, body) {
	// Any write naming an administration that does not exist fails as a business error (HTTP 200), as SB's
	// reference checks do (message modelled on the spec's "invalid reference" examples; invented).
	if (typeof body.AdministrationId === 'string' && !writes.adminExists(store, body.AdministrationId)) {
		return errors.failed([writes.invalidReference('Administratie', body.AdministrationId)]);
	}
	const handler = BUSINESS[`${endpoint.op.method} ${endpoint.name}`] || GENERIC[endpoint.op.kind];
	return handler(store, body, endpoint);
}

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

	let readSeq = 0; // per-request seed of the tie order (sbTieOrder 'drift')

	function handleRead(ctx, endpoint) {
		let rows = store.rows(endpoint.table);
		if (endpoint.op.legacyOf) rows = rows.map((row) => legacyRow(row, endpoint.fields));
		const token = endpoint.tracked ? ctx.query.get('TrackingToken') ?? ctx.query.get('trackingtoken') : null;
		if (token) {
			const m = /^\d{8}(\d+)$/.exec(token);
			if (!m) throw new QueryError('Ongeldig TrackingToken.'); // undocumented
			const since = Number(m[1]);
			rows = rows.filter((r) => r._seq > since);
		}
		const result = applyQuery(rows, ctx.query, endpoint.fields, options, ++readSeq);
		json(ctx, 200, endpoint.tracked ? { TrackingToken: trackingToken(), Result: result } : result, contentVersion(endpoint.version));
	}

	function handleWrite(ctx, endpoint) {
		const version = contentVersion(endpoint.version);
		const trackingId = ctx.headers['tracking-identifier'];
		const replay = trackingId && trackingIdentifiers.get(trackingId);
		if (replay) return json(ctx, replay.status, replay.body, version); // same answer, nothing written twice
		const { value, error, parsed } = validateBody(ctx.body, endpoint.op.write.bodyFields);
		if (parsed !== undefined) ctx.logBody(parsed);
		if (error) return json(ctx, 400, errors.deserialization(error, endpoint.name), 1);
		ctx.logBody(value);
		const answer = runWrite(store, endpoint, value);
		// PartiallySucceeded: the spec files it under 400, the troubleshooting page shows no status (research §9 #9,
		// CONFLICT): 400 by default, `sbPartialStatus: 200` for the other reading.
		const status = answer.result === 'PartiallySucceeded' ? Number(options.sbPartialStatus ?? 400) : 200;
		// Every processed write is remembered (also Failed and PartiallySucceeded: records may exist). A DS3100 400 is
		// not: nothing was processed, so a client may fix the body and resend with the same identifier.
		if (trackingId) trackingIdentifiers.set(trackingId, { status, body: answer });
		json(ctx, status, answer, version);
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
		else if (a === 'api' && r.length === 1 && ROUTES.get(`/api/${r[0]}`)?.[method]) route = 'api';
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
		const endpoint = route === 'blob' ? null : ROUTES.get(`/api/${resource}`)[method];
		const expected = route === 'blob' ? '1' : endpoint.version;
		const vErr = versionError(ctx, method, resource, expected);
		if (vErr) return json(ctx, 400, errors.userError(vErr)), true;

		if (route === 'blob') {
			if (!blobs.isUuid(rest[1])) return json(ctx, 400, errors.userError(`'${rest[1]}' is geen geldige UUID.`)), true;
			if (method === 'PUT') blobs.put(ctx, rest[1]);
			else blobs.get(ctx, rest[1]);
			return true;
		}
		try {
			if (endpoint.kind === 'read') handleRead(ctx, endpoint);
			else handleWrite(ctx, endpoint);
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
			/** The stored first answers by Tracking-Identifier: { status, body }. */
			trackingIdentifiers,
			/** The rows of a table (seeded and written); throws for an unknown table name. */
			rows: (table) => store.rows(table),
			/** Table of a catalogue path: `/api/address` -> addresses, `/api/salesjournalentry` -> salesjournalentry. */
			tableOf: (path, method) => tableOf(path, method),
			tables: () => store.tableNames(),
		},
	};
}

module.exports = { createSb };
