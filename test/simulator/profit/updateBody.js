'use strict';
/**
 * Reads and validates an UpdateConnector body (research §7.2) against the connector's metainfo:
 * `Element` as object or array; `Objects` as a map or an array of single-key objects; keys as `@Key` on the
 * Element or inside `Fields`; `@Action`/`@action` in `Fields` or on the Element; lenient scalar types.
 * Produces a normalised tree: { def, action, values: {fieldId: coerced}, objects: {name: [node]} }.
 */
const { ProfitError, ERROR_NUMBERS } = require('./errors');
const { normaliseLocalDate } = require('./dates');

const ACTIONS = new Set(['insert', 'update', 'delete']);

function asArray(value) {
	if (value === undefined || value === null) return [];
	return Array.isArray(value) ? value : [value];
}

function invalid(message) {
	return new ProfitError(message, ERROR_NUMBERS.unexpected);
}

function findField(def, fieldId) {
	return (
		def.fields.find((f) => f.fieldId === fieldId) ||
		def.fields.find((f) => f.fieldId.toLowerCase() === fieldId.toLowerCase())
	);
}

/** Coerces one value by data type; '' and null clear the field (§7.2). Throws the vendor-style messages. */
function coerce(field, raw) {
	if (raw === null || raw === '') return null;
	const text = typeof raw === 'string' ? raw.trim() : raw;
	switch (field.dataType) {
		case 'int': {
			const number =
				typeof text === 'number' ? text : /^-?\d+$/.test(String(text)) ? Number(text) : NaN;
			if (!Number.isInteger(number))
				throw invalid(`The value '${raw}' for '${field.label}' is not a valid number.`);
			return number;
		}
		case 'decimal': {
			const number =
				typeof text === 'number' ? text : /^-?\d+(\.\d+)?$/.test(String(text)) ? Number(text) : NaN;
			if (Number.isNaN(number))
				throw invalid(`The value '${raw}' for '${field.label}' is not a valid number.`);
			return number;
		}
		case 'boolean': {
			const value = String(text).toLowerCase();
			if (value === 'true' || value === '1' || value === '-1') return true;
			if (value === 'false' || value === '0') return false;
			throw invalid(`The value '${raw}' for '${field.label}' is not a valid boolean.`);
		}
		case 'date': {
			const local = normaliseLocalDate(text);
			if (!local) throw invalid(`The value '${raw}' for '${field.label}' is not a valid date.`);
			return local;
		}
		default: {
			if (typeof raw === 'object') throw invalid(`The value for '${field.label}' must be a text.`);
			const value = String(raw);
			if (field.values) {
				const match = field.values.find((entry) => entry.id.toLowerCase() === value.toLowerCase());
				if (!match)
					throw new ProfitError(
						`The entered value for '${field.label}' does not exist.`,
						ERROR_NUMBERS.valueDoesNotExist,
					);
				return match.id;
			}
			// UNVERIFIED: Profit's behaviour for over-long text; the simulator refuses it so clients see the limit.
			if (field.dataType === 'string' && field.length > 0 && value.length > field.length) {
				throw invalid(`The value for '${field.label}' is longer than ${field.length} characters.`);
			}
			return value;
		}
	}
}

function readAction(value) {
	const action = String(value).toLowerCase();
	if (!ACTIONS.has(action))
		throw invalid(`'${value}' is not a valid action; use insert, update or delete.`);
	return action;
}

/** Normalises one Element (recursively) and validates field ids, types and code tables. */
function readElement(def, element, path) {
	if (!element || typeof element !== 'object' || Array.isArray(element))
		throw invalid(`Element of '${path}' must be an object.`);
	const values = {};
	let action;
	const setValue = (fieldId, raw) => {
		const field = findField(def, fieldId);
		// UNVERIFIED message text: Profit refuses fields that do not exist in the object.
		if (!field) throw invalid(`Field '${fieldId}' does not exist in object '${def.name}'.`);
		values[field.fieldId] = coerce(field, raw);
	};
	for (const [key, raw] of Object.entries(element)) {
		if (key.toLowerCase() === '@action') action = readAction(raw);
		else if (key.startsWith('@')) setValue(key.slice(1), raw);
	}
	// One vendor example (FiEntries "Journal") sends Fields as an array of one object; accepted and merged.
	const fields = Array.isArray(element.Fields)
		? Object.assign({}, ...element.Fields)
		: element.Fields || {};
	if (typeof fields !== 'object') throw invalid(`Fields of '${path}' must be an object.`);
	for (const [key, raw] of Object.entries(fields)) {
		if (key.toLowerCase() === '@action') action = readAction(raw);
		else setValue(key, raw);
	}
	const objects = {};
	for (const [name, wrapper] of objectEntries(element.Objects, path)) {
		const childDef =
			def.objects.find((o) => o.name === name) ||
			def.objects.find((o) => o.name.toLowerCase() === name.toLowerCase());
		if (!childDef) throw invalid(`Object '${name}' does not exist in '${def.name}'.`);
		const children = asArray(wrapper && wrapper.Element).map((child) =>
			readElement(childDef, child, `${path}/${childDef.name}`),
		);
		objects[childDef.name] = [...(objects[childDef.name] || []), ...children];
	}
	return { def, action, values, objects };
}

/** `Objects` is either `{ Name: {...}, ... }` or `[{ Name: {...} }, ...]` (both used by the vendor, §7.2). */
function objectEntries(objects, path) {
	if (objects === undefined || objects === null) return [];
	if (Array.isArray(objects)) {
		return objects.flatMap((item) => {
			if (!item || typeof item !== 'object')
				throw invalid(`Objects of '${path}' must hold objects.`);
			return Object.entries(item);
		});
	}
	if (typeof objects !== 'object')
		throw invalid(`Objects of '${path}' must be an object or an array.`);
	return Object.entries(objects);
}

/**
 * Mandatory fields apply to inserts only (a PUT needs just the keys, §7.2). Below a POST, nested elements
 * without `@Action` are inserts. Below a PUT they may insert or update (matched on server-side data, e.g. a
 * line GUID), so only an explicit `@Action: insert` is checked there.
 */
function checkMandatory(node, action) {
	const effective = node.action || action;
	if (effective === 'insert') {
		for (const field of node.def.fields) {
			if (
				field.mandatory &&
				(node.values[field.fieldId] === undefined || node.values[field.fieldId] === null)
			) {
				// UNVERIFIED message text.
				throw invalid(
					`Field '${field.label}' (${field.fieldId}) is mandatory in '${node.def.name}'.`,
				);
			}
		}
	}
	for (const children of Object.values(node.objects)) {
		for (const child of children)
			checkMandatory(child, effective === 'insert' ? 'insert' : undefined);
	}
}

/**
 * Parses the whole request. `rootAction` comes from the verb (POST insert, PUT update, §7.2); for a
 * sub-object POST the root only identifies (and may update) the parent.
 */
function readBody(ctx, connector, rootAction, subObjectInsert = false) {
	let parsed;
	try {
		parsed = JSON.parse(ctx.body.toString('utf8'));
	} catch {
		// The second error shape seen by one client (§9.2); status UNVERIFIED.
		return { error: { status: 400, body: { message: 'Invalid json' } } };
	}
	ctx.logBody(parsed);
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
		throw invalid(`The body must be an object with root '${connector.name}'.`);
	const rootKey = Object.keys(parsed).find((key) => key === connector.name);
	if (!rootKey || Object.keys(parsed).length !== 1) {
		// UNVERIFIED text; e.g. a FiEntries body must have root FiEntryPar (§7.2).
		throw invalid(
			`The root element must be '${connector.name}' for UpdateConnector '${connector.id}'.`,
		);
	}
	const elements = asArray(parsed[rootKey] && parsed[rootKey].Element);
	if (elements.length === 0) throw invalid(`'${connector.name}' has no Element.`);
	const nodes = elements.map((element) => readElement(connector, element, connector.name));
	// A sub-object POST inserts its children; below a PUT only explicit inserts are checked.
	const childAction = rootAction === 'insert' || subObjectInsert ? 'insert' : undefined;
	for (const node of nodes) {
		if (rootAction === 'insert') checkMandatory(node, 'insert');
		else {
			for (const children of Object.values(node.objects)) {
				for (const child of children) checkMandatory(child, childAction);
			}
		}
	}
	return { nodes };
}

module.exports = { readBody, coerce };
