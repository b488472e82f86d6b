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

function literal(word) {
	if (UUID_RE.test(word)) return { kind: 'string', v: word }; // GUIDs are written unquoted
	if (/^-?\d+(\.\d+)?$/.test(word)) return { kind: 'number', v: Number(word), raw: word };
	const lower = word.toLowerCase();
	if (lower === 'true' || lower === 'false') return { kind: 'boolean', v: lower === 'true' };
	if (lower === 'null') return { kind: 'null', v: null };
	throw new QueryError(INVALID_FILTER);
}

/**
 * Parses `filter` into a predicate. Only the documented operators (eq, and, or) and parentheses are accepted;
 * `and` binds tighter than `or` (OData precedence). Anything else (ne, gt, contains(), unknown fields) is the
 * documented 400 "Ongeldig gebruikersfilter." (UNVERIFIED for undocumented operators; chosen so clients stay
 * within the documented subset.)
 */
function parseFilter(text, fieldNames) {
	const tokens = tokenize(text);
	let pos = 0;
	const peekWord = (w) => tokens[pos] && tokens[pos].t === 'word' && tokens[pos].v.toLowerCase() === w;
	const fieldByLower = new Map(fieldNames.map((f) => [f.toLowerCase(), f]));

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
		const field = fieldByLower.get(tok.v.toLowerCase()); // field names are case-insensitive (docs use `id eq` and `Id eq`)
		if (!field) throw new QueryError(INVALID_FILTER);
		pos++;
		if (!peekWord('eq')) throw new QueryError(INVALID_FILTER);
		pos++;
		const valueTok = tokens[pos++];
		if (!valueTok) throw new QueryError(INVALID_FILTER);
		const value = valueTok.t === 'value' ? { kind: 'string', v: valueTok.v } : valueTok.t === 'word' ? literal(valueTok.v) : null;
		if (!value) throw new QueryError(INVALID_FILTER);
		return (row) => matches(row[field], value);
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

function matches(actual, value) {
	if (value.kind === 'null') return actual === null || actual === undefined;
	if (actual === null || actual === undefined) return false;
	if (value.kind === 'boolean') return actual === value.v || String(actual).toLowerCase() === String(value.v);
	if (value.kind === 'number') {
		if (typeof actual === 'number') return actual === value.v;
		return String(actual) === value.raw || (String(actual).trim() !== '' && Number(actual) === value.v);
	}
	// String comparison is case-insensitive, as SQL Server's default collation behind AFAS would be (UNVERIFIED).
	if (typeof actual === 'object') return false;
	return String(actual).toLowerCase() === value.v.toLowerCase();
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

function sortRows(rows, keys) {
	if (!keys.length) return rows;
	return rows
		.map((row, index) => ({ row, index }))
		.sort((x, y) => {
			for (const k of keys) {
				const c = compareValues(x.row[k.field], y.row[k.field]);
				if (c !== 0) return k.descending ? -c : c;
			}
			return x.index - y.index;
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
 * Applies filter, sort, skip and take to rows. SB documents no default or maximum `take` (research §4.3, §9 #10):
 * this simulator returns 100 rows when `take` is absent (options.sbDefaultTake), and clamps `take` only when
 * options.sbMaxTake is set — a silent clamp would hide the end of data from clients that stop on a short page.
 */
function applyQuery(rows, query, fieldNames, options = {}) {
	let out = rows;
	const filter = query.get('filter');
	if (filter !== null && filter.trim() !== '') out = out.filter(parseFilter(filter, fieldNames));
	const sortText = query.get('sortField') ?? query.get('sort') ?? query.get('Sort');
	if (sortText) out = sortRows(out, parseSort(sortText, fieldNames));
	const skip = intParam(query, 'skip') ?? 0;
	let take = intParam(query, 'take') ?? options.sbDefaultTake ?? 100;
	if (options.sbMaxTake && take > options.sbMaxTake) take = options.sbMaxTake;
	return out.slice(skip, skip + take);
}

module.exports = { applyQuery, parseFilter, parseSort, QueryError, INVALID_FILTER };
