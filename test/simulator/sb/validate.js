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

/**
 * Returns a copy of `value` with canonical property names and enum casing, or throws ValidationError(message).
 * `fields` are the catalogue's SbField list (write.bodyFields): name, type, format, required, enum, pattern,
 * maxLength, itemType, and `fields` for nested objects and arrays of objects.
 */
function validateObject(value, fields, raw, path) {
	if (!typeOk(value, 'object')) {
		throw new ValidationError(`Invalid type. Expected Object but got ${jsonType(value)}. Path '${path}', ${locate(raw, lastKey(path))}.`);
	}
	const byLower = new Map(Object.keys(value).map((k) => [k.toLowerCase(), k]));
	const out = {};
	const missing = fields
		.filter((f) => f.required && (!byLower.has(f.name.toLowerCase()) || value[byLower.get(f.name.toLowerCase())] === undefined))
		.map((f) => f.name);
	if (missing.length) {
		throw new ValidationError(`Required properties are missing from object: ${missing.join(', ')}. Path '${path}', ${path ? locate(raw, lastKey(path)) : 'line 1, position 1'}.`);
	}
	for (const field of fields) {
		const key = byLower.get(field.name.toLowerCase());
		if (key === undefined) continue;
		const v = value[key];
		const here = path ? `${path}.${field.name}` : field.name;
		if (v === null && !field.required) { out[field.name] = null; continue; }
		out[field.name] = validateValue(v, field, raw, here, field.name);
	}
	return out;
}

function validateValue(v, field, raw, path, name) {
	if (!typeOk(v, field.type)) {
		throw new ValidationError(`Invalid type. Expected ${capital(field.type)} but got ${jsonType(v)}. Path '${path}', ${locate(raw, name)}.`);
	}
	if (field.type === 'array') {
		return v.map((item, i) => (field.fields
			? validateObject(item, field.fields, raw, `${path}[${i}]`)
			: validateValue(item, { name, type: field.itemType || 'unknown' }, raw, `${path}[${i}]`, name)));
	}
	if (field.type === 'object') return field.fields ? validateObject(v, field.fields, raw, path) : v;
	if (field.type === 'string') {
		if (field.format === 'uuid' && !UUID_RE.test(v)) throw formatError(v, 'uuid', raw, path, name);
		if (field.format === 'date' && !isDate(v)) throw formatError(v, 'date', raw, path, name);
		if (field.format === 'email' && v !== '' && !/^[^@\s]+@[^@\s]+$/.test(v)) throw formatError(v, 'email', raw, path, name);
		// format 'uri' (organisation Website) is not checked: Json.NET's rule for it is not documented (UNVERIFIED).
		if (field.maxLength !== undefined && v.length > field.maxLength) {
			throw new ValidationError(`String '${v}' exceeds maximum length of ${field.maxLength}. Path '${path}', ${locate(raw, name)}.`);
		}
		if (field.pattern && v !== '' && !new RegExp(field.pattern).test(v)) {
			throw new ValidationError(`String '${v}' does not match regex pattern '${field.pattern}'. Path '${path}', ${locate(raw, name)}.`);
		}
		if (field.enum) {
			const hit = field.enum.find((e) => e.toLowerCase() === v.toLowerCase());
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

/** Parses and validates a raw JSON body against the catalogue entry's write.bodyFields. */
function validateBody(buffer, fields) {
	const raw = buffer.toString('utf8');
	let parsed;
	try {
		parsed = JSON.parse(raw);
	} catch (e) {
		// Json.NET's wording for unparsable input; no position is computed here.
		return { error: `Unexpected character encountered while parsing value. Path '', line 1, position 1.`, raw };
	}
	try {
		return { value: validateObject(parsed, fields, raw, '') };
	} catch (e) {
		if (e instanceof ValidationError) return { error: e.message, parsed };
		throw e;
	}
}

module.exports = { validateBody, ValidationError };
