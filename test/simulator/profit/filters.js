'use strict';
/**
 * GetConnector filters (research §5.4–§5.5): the three parallel lists `filterfieldids`, `filtervalues`,
 * `operatortypes` (`;` separates OR-groups, `,` separates AND-conditions inside a group) or `filterjson`
 * (Filters.Filter = OR, Field = AND). Both parse into groups: Array<Array<{ field, op, value }>>.
 */
const { ProfitError, UNEXPECTED } = require('./errors');
const { dateKey } = require('./dates');

function splitGroups(text) {
	return text.split(';').map((group) => group.split(','));
}

function sameShape(a, b) {
	return a.length === b.length && a.every((group, index) => group.length === b[index].length);
}

/** Returns OR-groups of AND-conditions, or null when the request has no filter. */
function parseFilter(query) {
	const json = query.get('filterjson');
	// UNVERIFIED: the combination of filterjson and the simple lists; filterjson wins here.
	if (json !== null && json !== '') return parseFilterJson(json);
	const ids = query.get('filterfieldids');
	if (ids === null || ids === '') return null;
	const values = query.get('filtervalues');
	const operators = query.get('operatortypes');
	const idGroups = splitGroups(ids);
	// The server decodes first and splits after, so a value containing ',' or ';' breaks the alignment (§5.4).
	if (values === null) throw new ProfitError(UNEXPECTED);
	const valueGroups = splitGroups(values);
	// UNVERIFIED: a missing `operatortypes` defaults to 1 (equals) for every condition.
	const operatorGroups =
		operators === null ? idGroups.map((group) => group.map(() => '1')) : splitGroups(operators);
	if (!sameShape(idGroups, valueGroups) || !sameShape(idGroups, operatorGroups))
		throw new ProfitError(UNEXPECTED);
	return idGroups.map((group, g) =>
		group.map((field, c) => ({
			field: field.trim(),
			op: parseOperator(operatorGroups[g][c]),
			value: valueGroups[g][c],
		})),
	);
}

function asArray(value) {
	if (value === undefined || value === null) return [];
	return Array.isArray(value) ? value : [value];
}

function parseFilterJson(text) {
	let parsed;
	try {
		parsed = JSON.parse(text);
	} catch {
		throw new ProfitError(UNEXPECTED);
	}
	// Arrays per the vendor example; a single object is tolerated (UNVERIFIED on the real server).
	const filters = asArray(parsed && parsed.Filters && parsed.Filters.Filter);
	if (filters.length === 0) throw new ProfitError(UNEXPECTED);
	return filters.map((filter) =>
		asArray(filter.Field).map((field) => ({
			field: String(field['@FieldId'] ?? '').trim(),
			op: parseOperator(field['@OperatorType']),
			value: field['#text'] === undefined || field['#text'] === null ? '' : String(field['#text']),
		})),
	);
}

function parseOperator(raw) {
	const op = Number(String(raw ?? '').trim());
	if (!Number.isInteger(op) || op < 1 || op > 15) throw new ProfitError(UNEXPECTED);
	return op;
}

/** `%` wildcards from the old XML-filter convention are stripped for the text operators (§5.4 CONFLICT). */
function stripWildcards(op, value) {
	if (![6, 7, 10, 11, 12, 13, 14].includes(op)) return { value, wildcard: false };
	const wildcard = value.startsWith('%') || value.endsWith('%');
	return { value: value.replace(/^%+/, '').replace(/%+$/, ''), wildcard };
}

function toText(cell, field) {
	if (cell === null || cell === undefined) return '';
	// Text operators on a date see the printed whole second, not the stored fraction.
	if (field.dataType === 'date') return String(cell).slice(0, 19).toLowerCase();
	return String(cell).toLowerCase();
}

function parseBoolean(value) {
	const text = String(value).trim().toLowerCase();
	if (['true', '1', '-1', 'ja', 'yes'].includes(text)) return true;
	if (['false', '0', 'nee', 'no', ''].includes(text)) return false;
	throw new ProfitError(UNEXPECTED);
}

/** Typed comparison key for a filter value, by the field's data type. */
function filterKey(field, raw) {
	if (field.dataType === 'int' || field.dataType === 'decimal') {
		const number = Number(String(raw).trim().replace(',', '.'));
		if (String(raw).trim() === '' || Number.isNaN(number)) throw new ProfitError(UNEXPECTED);
		return number;
	}
	if (field.dataType === 'boolean') return parseBoolean(raw);
	if (field.dataType === 'date') {
		const key = dateKey(raw);
		if (!key) throw new ProfitError(UNEXPECTED);
		return key;
	}
	return String(raw).toLowerCase();
}

function compare(a, b) {
	if (a < b) return -1;
	if (a > b) return 1;
	return 0;
}

/**
 * Builds a predicate for one condition. Text comparisons are case-insensitive (SQL Server's default collation);
 * a null cell counts as empty text and never matches an ordering comparison.
 */
function conditionPredicate(field, column, op, rawValue) {
	if (op === 8) return (view, i) => isEmpty(view.value(i, column));
	if (op === 9) return (view, i) => !isEmpty(view.value(i, column));

	const { value, wildcard } = stripWildcards(op, rawValue);
	if ([6, 10, 11, 12, 13, 14, 15].includes(op) || (op === 7 && wildcard)) {
		const needle = value.toLowerCase();
		const text = (view, i) => toText(view.value(i, column), field);
		switch (op) {
			case 6:
			case 15: // UNVERIFIED: quick filter semantics; treated as "contains".
				return (view, i) => text(view, i).includes(needle);
			case 7:
			case 11:
				return (view, i) => !text(view, i).includes(needle);
			case 10:
				return (view, i) => text(view, i).startsWith(needle);
			case 12:
				return (view, i) => !text(view, i).startsWith(needle);
			case 13:
				return (view, i) => text(view, i).endsWith(needle);
			case 14:
				return (view, i) => !text(view, i).endsWith(needle);
			default:
				break;
		}
	}

	const key = filterKey(field, value);
	// Dates compare on the precise stored instant: `>= 10:20:30` includes 10:20:30.700, `= 10:20:30` does not.
	const cellKey = (cell) =>
		field.dataType === 'string'
			? toText(cell, field)
			: field.dataType === 'date'
				? dateKey(cell)
				: cell;
	switch (op) {
		case 1:
			return (view, i) => {
				const cell = view.value(i, column);
				return cell === null ? key === '' : cellKey(cell) === key;
			};
		case 7:
			return (view, i) => {
				const cell = view.value(i, column);
				return cell === null ? key !== '' : cellKey(cell) !== key;
			};
		case 2:
		case 3:
		case 4:
		case 5:
			return (view, i) => {
				const cell = view.value(i, column);
				if (cell === null) return false;
				const order = compare(cellKey(cell), key);
				return op === 2 ? order >= 0 : op === 3 ? order <= 0 : op === 4 ? order > 0 : order < 0;
			};
		default:
			throw new ProfitError(UNEXPECTED);
	}
}

function isEmpty(cell) {
	return cell === null || cell === undefined || cell === '';
}

/** Compiles parsed groups against a connector's fields; unknown field -> "Connector field 'X' not found" (§5.8). */
function compileFilter(groups, fields) {
	const compiled = groups.map((group) =>
		group.map(({ field: id, op, value }) => {
			const column = fields.findIndex((field) => field.id.toLowerCase() === id.toLowerCase());
			if (column < 0) throw new ProfitError(`Connector field '${id}' not found`);
			return conditionPredicate(fields[column], column, op, value);
		}),
	);
	return (view, i) => compiled.some((group) => group.every((predicate) => predicate(view, i)));
}

module.exports = { parseFilter, compileFilter };
