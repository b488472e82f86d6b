'use strict';
// Write-body validation producing the documented DS3100 messages (research §4.7, spec components.responses.400).
// Property names and enum values are matched case-insensitively: AFAS's own examples send `Firstname`,
// `Emailaddress`, `phoneNumber` and `"VatType":"High"` against PascalCase/lower-case schemas (research §4.6, inference).
const { UUID_RE } = require('./ids');

class ValidationError extends Error {}

/** Line/position just after the value of the first `"key"` in the raw body, the way Json.NET reports it
 *  (spec example: `"RelationId": ""` -> "line 3, position 18"). */
function locate(raw, key) {
	const idx = key ? raw.toLowerCase().indexOf(`"${key.toLowerCase()}"`) : -1;
	if (idx < 0) return 'line 1, position 1';
	let end = idx + key.length + 2;
	while (end < raw.length && /[\s:]/.test(raw[end])) end++;
	if (raw[end] === '"') {
		end++;
		while (end < raw.length && raw[end] !== '"') end += raw[end] === '\\' ? 2 : 1;
		end++;
	} else if (raw[end] === '{' || raw[end] === '[') {
		end++;
	} else {
		while (end < raw.length && !/[\s,}\]]/.test(raw[end])) end++;
	}
	const before = raw.slice(0, end);
	return `line ${before.split('\n').length}, position ${end - before.lastIndexOf('\n') - 1}`;
}

function typeOk(value, type) {
	switch (type) {
		case 'string': return typeof value === 'string';
		case 'integer': return Number.isInteger(value);
		case 'number': return typeof value === 'number' && Number.isFinite(value);
		case 'boolean': return typeof value === 'boolean';
		case 'array': return Array.isArray(value);
		case 'object': return value !== null && typeof value === 'object' && !Array.isArray(value);
		default: return true;
	}
}

/** Returns a copy of `value` with canonical property names and enum casing, or throws ValidationError(message). */
function validateObject(value, schema, raw, path) {
	if (!typeOk(value, 'object')) {
		throw new ValidationError(`Invalid type. Expected Object but got ${jsonType(value)}. Path '${path}', ${locate(raw, lastKey(path))}.`);
	}
	const byLower = new Map(Object.keys(value).map((k) => [k.toLowerCase(), k]));
	const out = {};
	const missing = Object.entries(schema)
		.filter(([name, spec]) => spec.required && (!byLower.has(name.toLowerCase()) || value[byLower.get(name.toLowerCase())] === undefined))
		.map(([name]) => name);
	if (missing.length) {
		throw new ValidationError(`Required properties are missing from object: ${missing.join(', ')}. Path '${path}', ${path ? locate(raw, lastKey(path)) : 'line 1, position 1'}.`);
	}
	for (const [name, spec] of Object.entries(schema)) {
		const key = byLower.get(name.toLowerCase());
		if (key === undefined) continue;
		const v = value[key];
		const here = path ? `${path}.${name}` : name;
		if (v === null && !spec.required) { out[name] = null; continue; }
		out[name] = validateValue(v, spec, raw, here, name);
	}
	return out;
}

function validateValue(v, spec, raw, path, name) {
	if (!typeOk(v, spec.type)) {
		throw new ValidationError(`Invalid type. Expected ${capital(spec.type)} but got ${jsonType(v)}. Path '${path}', ${locate(raw, name)}.`);
	}
	if (spec.type === 'array') {
		return v.map((item, i) => (spec.items.type === 'object' ? validateObject(item, spec.items.props, raw, `${path}[${i}]`) : validateValue(item, spec.items, raw, `${path}[${i}]`, name)));
	}
	if (spec.type === 'object') return validateObject(v, spec.props, raw, path);
	if (spec.type === 'string') {
		if (spec.format === 'uuid' && !UUID_RE.test(v)) throw formatError(v, 'uuid', raw, path, name);
		if (spec.format === 'date' && !isDate(v)) throw formatError(v, 'date', raw, path, name);
		if (spec.format === 'email' && v !== '' && !/^[^@\s]+@[^@\s]+$/.test(v)) throw formatError(v, 'email', raw, path, name);
		if (spec.enum) {
			const hit = spec.enum.find((e) => e.toLowerCase() === v.toLowerCase());
			if (hit === undefined) {
				throw new ValidationError(`Value "${v}" is not defined in enum. Path '${path}', ${locate(raw, name)}.`);
			}
			return hit;
		}
	}
	return v;
}

function formatError(v, format, raw, path, name) {
	return new ValidationError(`String '${v}' does not validate against format '${format}'. Path '${path}', ${locate(raw, name)}.`);
}

function isDate(v) {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
	const d = new Date(`${v}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

const lastKey = (path) => path.replace(/\[\d+\]$/, '').split('.').pop();
const capital = (s) => s[0].toUpperCase() + s.slice(1);
function jsonType(v) {
	if (v === null) return 'Null';
	if (Array.isArray(v)) return 'Array';
	if (Number.isInteger(v)) return 'Integer';
	return capital(typeof v === 'number' ? 'float' : typeof v);
}

/** Parses and validates a raw JSON body against a top-level schema. */
function validateBody(buffer, schema) {
	const raw = buffer.toString('utf8');
	let parsed;
	try {
		parsed = JSON.parse(raw);
	} catch (e) {
		// Json.NET's wording for unparsable input; no position is computed here.
		return { error: `Unexpected character encountered while parsing value. Path '', line 1, position 1.`, raw };
	}
	try {
		return { value: validateObject(parsed, schema, raw, '') };
	} catch (e) {
		if (e instanceof ValidationError) return { error: e.message, parsed };
		throw e;
	}
}

module.exports = { validateBody, ValidationError };
