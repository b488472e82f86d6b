'use strict';
/**
 * POST/PUT `/connectors/{id}[/{subObject}]` and DELETE `/connectors/{id}/{object}/{keys}/{values}[/...]`
 * (research §7). Success: POST/PUT 201 `{"results":{"<root>":{…strings…}}}`, DELETE 200 with an empty body.
 * Validation failures: 500 with the standard body. The whole body is validated before anything changes.
 */
const { ProfitError, ERROR_NUMBERS } = require('./errors');
const { readBody } = require('./updateBody');
const { APPLIERS, DELETERS, stringResults } = require('./updateApply');

const NOT_SUPPORTED = (what) =>
	new ProfitError(`${what} is not supported by this UpdateConnector.`, ERROR_NUMBERS.notSupported);

/** Verbs per connector as in AFAS's OpenAPI files (FiEntries: POST and DELETE only; KnEmployee per §7.4). */
const VERBS = {
	KnPerson: ['POST', 'PUT'],
	KnOrganisation: ['POST', 'PUT'],
	KnSubject: ['POST', 'PUT', 'DELETE'],
	FbSales: ['POST', 'PUT', 'DELETE'],
	FiEntries: ['POST', 'DELETE'],
	KnEmployee: ['POST', 'PUT'],
};

async function handleUpdate(ctx, connector, state, subObject) {
	if (!(VERBS[connector.id] || []).includes(ctx.method)) throw NOT_SUPPORTED(ctx.method);
	if (subObject !== undefined) {
		if (ctx.method !== 'POST') return ctx.send(404);
		if (!connector.objects.some((o) => o.name.toLowerCase() === subObject.toLowerCase()))
			return ctx.send(404);
	}
	// POST inserts the root; PUT updates it; a sub-object POST inserts children under an existing root.
	const rootAction = ctx.method === 'PUT' || subObject !== undefined ? 'update' : 'insert';
	const parsed = readBody(ctx, connector, rootAction, subObject !== undefined);
	if (parsed.error) return ctx.send(parsed.error.status, parsed.error.body);

	// All-or-nothing (§7.2: one transaction): apply to a copy of the data, swap in on success.
	const snapshot = structuredCloneData(state.data);
	let results;
	try {
		for (const node of parsed.nodes) {
			// A root `@Action` only matters for nested use; the verb decides the root action (§7.2).
			results = APPLIERS[connector.id](state, node, rootAction);
		}
	} catch (error) {
		state.data = snapshot;
		throw error;
	}
	// UNVERIFIED: for an Element array the results of the last element are returned.
	return ctx.send(201, {
		results: { [connector.name]: stringResults(results) },
	});
}

/** Deep copy for rollback; Buffers (file contents, never mutated) are kept by reference. */
function structuredCloneData(value) {
	if (Buffer.isBuffer(value)) return value;
	if (Array.isArray(value)) return value.map(structuredCloneData);
	if (value && typeof value === 'object') {
		const out = {};
		for (const [key, item] of Object.entries(value)) out[key] = structuredCloneData(item);
		return out;
	}
	return value;
}

function decode(text) {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

/**
 * Path after the connector id: `{object}/{key[,key]}/{value[,value]}` repeated for nested objects, still
 * percent-encoded: values are split on the literal ',' first and decoded after, so a value may contain an
 * encoded ',' (%2C) or '/' (%2F). Key names may carry `@` or not (§7.1, both forms occur in vendor material).
 */
function parseDeletePath(connector, segments) {
	if (segments.length < 3 || segments.length % 3 !== 0) return null;
	const groups = [];
	for (let i = 0; i < segments.length; i += 3) {
		const keys = segments[i + 1].split(',').map((key) => decode(key).trim().replace(/^@/, ''));
		const values = segments[i + 2].split(',').map(decode);
		if (keys.length !== values.length) return null;
		groups.push({
			object: decode(segments[i]),
			keys: Object.fromEntries(keys.map((key, k) => [key, values[k]])),
		});
	}
	if (groups[0].object.toLowerCase() !== connector.name.toLowerCase()) return null;
	return { keys: groups[0].keys, sub: groups[1] };
}

async function handleDelete(ctx, connector, state, segments) {
	if (!(VERBS[connector.id] || []).includes('DELETE')) throw NOT_SUPPORTED('DELETE');
	const target = parseDeletePath(connector, segments);
	if (!target) return ctx.send(404);
	DELETERS[connector.id](state, target.keys, target.sub);
	return ctx.send(200);
}

module.exports = { handleUpdate, handleDelete };
