'use strict';
// SB read query rules: filter (OData subset), sort, skip/take. Research afas-sb-api.md §4.3, §4.4.
const { UUID_RE } = require('./ids');

class QueryError extends Error {}

const INVALID_FILTER = 'Ongeldig gebruikersfilter.'; // the documented 400 message (spec example "Ongeldig gebruikersfilter")

function tokenize(text) {
	const tokens = [];
	let i = 0;
	while (i < text.length) {
		const c = text[i];
		if (/\s/.test(c)) { i++; continue; }
		if (c === '(' || c === ')') { tokens.push({ t: c }); i++; continue; }
		if (c === "'") {
			let value = '';
			i++;
			for (;;) {
				if (i >= text.length) throw new QueryError(INVALID_FILTER);
				if (text[i] === "'") {
					if (text[i + 1] === "'") { value += "'"; i += 2; continue; } // OData escapes a quote by doubling it
					i++;
					break;
				}
				value += text[i++];
			}
			tokens.push({ t: 'value', v: value, kind: 'string' });
			continue;
		}
		const m = /^[^\s()']+/.exec(text.slice(i));
		tokens.push({ t: 'word', v: m[0] });
		i += m[0].length;
	}
	return tokens;
}

// Unquoted OData date and datetime literals: 2024-01-31, 2024-01-31T00:00:00, 2024-01-31T00:00:00Z (or +01:00).
const DATE_RE = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:\d{2})?)?$/i;

/** Milliseconds of a date(time) text, without a zone read as UTC (SB's examples print `...T00:00:00Z`); else NaN. */
function dateValue(text) {
	const m = DATE_RE.exec(String(text).trim());
	if (!m) return NaN;
	const time = m[2] ? (m[2].length === 5 ? `${m[2]}:00` : m[2]) : '00:00:00';
	return Date.parse(`${m[1]}T${time}${m[3] ? m[3].toUpperCase() : 'Z'}`);
}

function literal(word) {
	if (UUID_RE.test(word)) return { kind: 'guid', v: word }; // GUIDs are written unquoted
	if (/^-?\d+(\.\d+)?$/.test(word)) return { kind: 'number', v: Number(word), raw: word };
	if (!Number.isNaN(dateValue(word))) return { kind: 'date', v: dateValue(word), raw: word };
	const lower = word.toLowerCase();
	if (lower === 'true' || lower === 'false') return { kind: 'boolean', v: lower === 'true' };
	if (lower === 'null') return { kind: 'null', v: null };
	throw new QueryError(INVALID_FILTER);
}

const OPERATORS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const NUMERIC_TEXT = /^-?\d+(\.\d+)?$/;

/**
 * What a field holds, from its catalogue type/format, else from the values in the table (many SB fields are
 * declared `string` but carry numbers, booleans or dates, e.g. linestobeinvoiced Quantity).
 */
function fieldKind(field, rows) {
	const format = String(field.format || '').toLowerCase();
	if (format.includes('date')) return 'date';
	if (field.type === 'number' || field.type === 'integer' || /^(decimal|number|int|double|float)/.test(format)) return 'number';
	if (field.type === 'boolean' || format.startsWith('bool')) return 'boolean';
	const values = rows.map((r) => r[field.name]).filter((v) => v !== null && v !== undefined);
	if (values.length === 0) return 'any';
	if (values.every((v) => typeof v === 'number' || (typeof v === 'string' && NUMERIC_TEXT.test(v)))) return 'number';
	if (values.every((v) => typeof v === 'boolean')) return 'boolean';
	if (values.every((v) => typeof v === 'string' && !Number.isNaN(dateValue(v)))) return 'date';
	return 'string';
}

/**
 * Parses `filter` into a predicate. SB says "ODATA Version 4.0.1 as a basis" but documents only eq, and, or
 * (research §4.4). UNVERIFIED choice: the simulator also takes the OData comparison operators ne, gt, ge, lt, le,
 * because they belong to that basis; `and` binds tighter than `or`, parentheses group. Literals: 'quoted strings'
 * ('' escapes a quote), unquoted GUIDs, numbers, true/false, null and unquoted dates/datetimes. A number literal on
 * a text field or a date literal on a non-date field is a type mismatch, as in OData. Field names are
 * case-insensitive (the docs use `id eq` and `Id eq`). Anything else is the documented 400 "Ongeldig gebruikersfilter.".
 */
function parseFilter(text, fields, rows = []) {
	const tokens = tokenize(text);
	let pos = 0;
	const peekWord = (w) => tokens[pos] && tokens[pos].t === 'word' && tokens[pos].v.toLowerCase() === w;
	const fieldByLower = new Map(fields.map((f) => [(typeof f === 'string' ? f : f.name).toLowerCase(), typeof f === 'string' ? { name: f, type: 'unknown' } : f]));
	const kinds = new Map();
	const kindOf = (field) => {
		if (!kinds.has(field.name)) kinds.set(field.name, fieldKind(field, rows));
		return kinds.get(field.name);
	};

	function primary() {
		const tok = tokens[pos];
		if (!tok) throw new QueryError(INVALID_FILTER);
		if (tok.t === '(') {
			pos++;
			const inner = orExpr();
			if (!tokens[pos] || tokens[pos].t !== ')') throw new QueryError(INVALID_FILTER);
			pos++;
			return inner;
		}
		if (tok.t !== 'word') throw new QueryError(INVALID_FILTER);
		const field = fieldByLower.get(tok.v.toLowerCase());
		if (!field) throw new QueryError(INVALID_FILTER);
		pos++;
		const opTok = tokens[pos];
		const op = opTok && opTok.t === 'word' ? opTok.v.toLowerCase() : '';
		if (!OPERATORS.has(op)) throw new QueryError(INVALID_FILTER);
		pos++;
		const valueTok = tokens[pos++];
		if (!valueTok) throw new QueryError(INVALID_FILTER);
		const value = valueTok.t === 'value' ? { kind: 'string', v: valueTok.v } : valueTok.t === 'word' ? literal(valueTok.v) : null;
		if (!value) throw new QueryError(INVALID_FILTER);
		const kind = kindOf(field);
		if (value.kind === 'number' && kind !== 'number' && kind !== 'any') throw new QueryError(INVALID_FILTER);
		if (value.kind === 'date' && kind !== 'date' && kind !== 'any') throw new QueryError(INVALID_FILTER);
		// A quoted date on a date field compares as a date, like the unquoted literal.
		if (value.kind === 'string' && kind === 'date' && !Number.isNaN(dateValue(value.v))) {
			value.kind = 'date';
			value.v = dateValue(value.v);
		}
		return (row) => holds(op, row[field.name], value);
	}
	function andExpr() {
		let left = primary();
		while (peekWord('and')) {
			pos++;
			const l = left;
			const r = primary();
			left = (row) => l(row) && r(row);
		}
		return left;
	}
	function orExpr() {
		let left = andExpr();
		while (peekWord('or')) {
			pos++;
			const l = left;
			const r = andExpr();
			left = (row) => l(row) || r(row);
		}
		return left;
	}
	const predicate = orExpr();
	if (pos !== tokens.length) throw new QueryError(INVALID_FILTER);
	return predicate;
}

/** OData semantics for null: only eq/ne can be true. */
function holds(op, actual, value) {
	const missing = actual === null || actual === undefined;
	if (value.kind === 'null' || missing) {
		const same = missing && value.kind === 'null';
		if (op === 'eq') return same;
		if (op === 'ne') return !same;
		return false;
	}
	const c = compareLiteral(actual, value);
	if (c === null) return op === 'ne';
	switch (op) {
		case 'eq': return c === 0;
		case 'ne': return c !== 0;
		case 'gt': return c > 0;
		case 'ge': return c >= 0;
		case 'lt': return c < 0;
		default: return c <= 0;
	}
}

/** actual <=> literal as a number, or null when they cannot be compared. */
function compareLiteral(actual, value) {
	if (typeof actual === 'object') return null; // nested values (Blob) never match
	switch (value.kind) {
		case 'number': {
			const n = typeof actual === 'number' ? actual : String(actual).trim() === '' ? NaN : Number(actual);
			return Number.isNaN(n) ? null : Math.sign(n - value.v);
		}
		case 'date': {
			const t = dateValue(actual);
			return Number.isNaN(t) ? null : Math.sign(t - value.v);
		}
		case 'boolean': {
			const b = actual === true || String(actual).toLowerCase() === 'true';
			return Number(b) - Number(value.v);
		}
		default: {
			// Text and GUIDs ignore case, as SQL Server's default collation behind AFAS would (UNVERIFIED).
			const a = String(actual);
			if (a.toLowerCase() === value.v.toLowerCase()) return 0;
			return Math.sign(a.localeCompare(value.v, 'nl', { sensitivity: 'base' })) || (a.toLowerCase() < value.v.toLowerCase() ? -1 : 1);
		}
	}
}

/**
 * Sort: accepts `sortField` (spec: 'Field [ascending|descending]'), `sort` and `Sort` (docs: 'Field+Ascending');
 * several keys may be comma separated; direction is case-insensitive, default ascending. Research §9 #5 (CONFLICT).
 */
function parseSort(text, fieldNames) {
	const fieldByLower = new Map(fieldNames.map((f) => [f.toLowerCase(), f]));
	return text.split(',').map((part) => part.trim()).filter(Boolean).map((part) => {
		const [name, dir, extra] = part.split(/[\s+]+/);
		const field = fieldByLower.get(name.toLowerCase());
		if (!field || extra !== undefined) throw new QueryError(`Ongeldig sorteerveld: ${name}.`);
		const d = (dir || 'ascending').toLowerCase();
		if (!['ascending', 'descending', 'asc', 'desc'].includes(d)) throw new QueryError(`Ongeldige sorteervolgorde: ${dir}.`);
		return { field, descending: d.startsWith('desc') };
	});
}

function compareValues(a, b) {
	if (a === b) return 0;
	if (a === null || a === undefined) return -1; // nulls first, as SQL Server sorts them
	if (b === null || b === undefined) return 1;
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	if (typeof a === 'boolean' && typeof b === 'boolean') return a ? 1 : -1;
	return String(a).localeCompare(String(b), 'nl', { sensitivity: 'base' });
}

/** A 32-bit mix of (request seed, row position): a tie order that changes from one request to the next. */
function tieKey(seed, index) {
	let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
	h ^= h >>> 16;
	h = Math.imul(h, 0x7feb352d);
	h ^= h >>> 15;
	return h >>> 0;
}

/**
 * Sorts on the keys. Rows equal on every key are a tie: SB documents nothing about their order, and a SQL
 * ORDER BY on a repeating column gives no stable order between requests. With `tieOrder: 'drift'` (default) ties
 * are ordered by a per-request seed, so paging on a repeating field can lose or repeat rows between pages, as on a
 * real database; 'stable' keeps table order. A sort on a unique field has no ties and is exact either way.
 */
function sortRows(rows, keys, tieOrder = 'drift', seed = 0) {
	if (!keys.length) return rows;
	return rows
		.map((row, index) => ({ row, index, tie: tieOrder === 'drift' ? tieKey(seed, index) : index }))
		.sort((x, y) => {
			for (const k of keys) {
				const c = compareValues(x.row[k.field], y.row[k.field]);
				if (c !== 0) return k.descending ? -c : c;
			}
			return x.tie - y.tie || x.index - y.index;
		})
		.map((x) => x.row);
}

function intParam(query, name) {
	const raw = query.get(name);
	if (raw === null || raw === '') return undefined;
	if (!/^\d+$/.test(raw)) throw new QueryError(`Ongeldige waarde voor '${name}': ${raw}.`);
	return Number(raw);
}

/**
 * Applies filter, sort, skip and take to rows (`fields`: the list's catalogue rowFields). SB documents no default or maximum `take` (research §4.3, §9 #10):
 * this simulator returns 100 rows when `take` is absent (options.sbDefaultTake), and clamps `take` only when
 * options.sbMaxTake is set — a silent clamp would hide the end of data from clients that stop on a short page.
 */
function applyQuery(rows, query, fields, options = {}, requestSeed = 0) {
	let out = rows;
	const filter = query.get('filter');
	if (filter !== null && filter.trim() !== '') out = out.filter(parseFilter(filter, fields, rows));
	const sortText = query.get('sortField') ?? query.get('sort') ?? query.get('Sort');
	const names = fields.map((f) => (typeof f === 'string' ? f : f.name));
	if (sortText) out = sortRows(out, parseSort(sortText, names), options.sbTieOrder || 'drift', requestSeed);
	const skip = intParam(query, 'skip') ?? 0;
	let take = intParam(query, 'take') ?? options.sbDefaultTake ?? 100;
	if (options.sbMaxTake && take > options.sbMaxTake) take = options.sbMaxTake;
	return out.slice(skip, skip + take);
}

module.exports = { applyQuery, parseFilter, parseSort, sortRows, dateValue, QueryError, INVALID_FILTER };
