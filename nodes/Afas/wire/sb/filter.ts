import { AfasInputError } from '../inputError';
import type { SbField } from './catalogueTypes';
import { isGuid } from './trackingIdentifier';

/**
 * SB list filters (the `filter` query parameter, research §4.4) from UI rows: field / operator / value, all rows
 * joined by one combinator, optionally with the user's own filter text.
 *
 * SB documents only `eq`, `and` and `or`, "ODATA Version 4.0.1 as a basis". UNVERIFIED: `ne gt ge lt le` are taken
 * from OData 4.0.1 because SB names it as its basis; SB may refuse them with 400 "Ongeldig gebruikersfilter.".
 * Literals follow SB's examples: strings single-quoted (a quote doubled, as in OData), GUIDs and numbers unquoted.
 * UNVERIFIED: dates unquoted as OData v4 literals (`2024-01-31`, `2024-01-31T14:30:00`), booleans `true`/`false`,
 * and `null`; SB's documentation has no example of any of them.
 */
export type SbFilterOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

export interface SbFilterRow {
	field: string;
	operator: SbFilterOperator;
	value: unknown;
}

export const SB_FILTER_OPERATORS: readonly SbFilterOperator[] = [
	'eq',
	'ne',
	'gt',
	'ge',
	'lt',
	'le',
];

/** How a value of a field is checked and written; the catalogue declares numbers and dates in several ways. */
export type SbValueKind =
	| 'guid'
	| 'integer'
	| 'number'
	| 'boolean'
	| 'date'
	| 'string'
	| 'structured';

/**
 * The kind of a catalogue field. Formats are the spec's own (`uuid`, `Guid?`, `decimal?`, `DateTime?`, `bool`,
 * `int64`, `date`, ...): SB declares many numbers, dates and booleans as strings with such a format (§4.2).
 */
export function sbValueKind(field: SbField): SbValueKind {
	if (field.type === 'object' || field.type === 'array') return 'structured';
	const format = (field.format ?? '').toLowerCase().replace(/\?$/, '');
	if (format === 'uuid' || format === 'guid') return 'guid';
	if (format === 'datetime' || format === 'date' || format === 'date-time') return 'date';
	if (format === 'bool' || format === 'boolean' || field.type === 'boolean') return 'boolean';
	if (format.startsWith('int') || field.type === 'integer') return 'integer';
	if (['decimal', 'number', 'double', 'float'].includes(format) || field.type === 'number')
		return 'number';
	return 'string';
}

export interface SbDate {
	/** `YYYY-MM-DD` */
	date: string;
	/** `HH:MM:SS`, plus a fraction when the value had a non-zero one; undefined for a date alone. */
	time?: string;
}

const ISO =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * A date or date-time as the user or n8n gives it: an ISO text, a JS Date, or a Luxon DateTime (n8n's `$now`).
 *
 * Decision: a zone (`Z`, `+01:00`) is DROPPED, the wall clock kept as written, not converted. SB's own answers write
 * calendar dates as `2024-12-13T00:00:00Z` (spec examples), so converting that `Z` to Amsterdam time would turn a
 * date read from SB into the wrong day; n8n's Luxon values carry the workflow's own wall clock. A JS Date has no
 * wall clock of its own and is read in UTC (its `toISOString()`).
 */
export function parseSbDate(value: unknown): SbDate | undefined {
	let text: string | undefined;
	if (value instanceof Date) text = Number.isNaN(value.getTime()) ? undefined : value.toISOString();
	else if (typeof value === 'string') text = value.trim();
	else if (
		value !== null &&
		typeof value === 'object' &&
		typeof (value as { toISO?: unknown }).toISO === 'function'
	) {
		const iso: unknown = (value as { toISO: () => unknown }).toISO();
		text = typeof iso === 'string' ? iso : undefined;
	}
	if (text === undefined) return undefined;
	const match = ISO.exec(text);
	if (!match) return undefined;
	const [, y, mo, d, h, mi, s, fraction] = match;
	const year = Number(y);
	const month = Number(mo);
	const day = Number(d);
	if (month < 1 || month > 12 || day < 1) return undefined;
	if (day > DAYS_IN_MONTH[month - 1] + (month === 2 && isLeapYear(year) ? 1 : 0)) return undefined;
	const date = `${y}-${mo}-${d}`;
	if (h === undefined) return { date };
	const seconds = s ?? '00';
	if (Number(h) > 23 || Number(mi) > 59 || Number(seconds) > 59) return undefined;
	const digits = (fraction ?? '').replace(/0+$/, '');
	return { date, time: `${h}:${mi}:${seconds}${digits ? `.${digits}` : ''}` };
}

/** Up to 40 characters of a value, for a message. */
export function shownValue(value: unknown): string {
	let text: string;
	if (typeof value === 'string') text = value;
	else if (value instanceof Date)
		text = Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
	else {
		try {
			text = JSON.stringify(value) ?? String(value);
		} catch {
			text = String(value);
		}
	}
	return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

const PLAIN_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function quoted(text: string): string {
	return `'${text.replace(/'/g, "''")}'`;
}

function numberText(text: string): string {
	return text.startsWith('+') ? text.slice(1) : text;
}

function isEmpty(value: unknown): boolean {
	return value === undefined || value === '';
}

interface RowContext {
	at: string;
	fail: (message: string, hint: string) => never;
}

/** A value for a field that is not in the catalogue: GUIDs and JS numbers/booleans unquoted, all else quoted. */
function undeclaredLiteral(value: unknown, context: RowContext): string {
	if (value === null) return 'null';
	if (isEmpty(value)) return "''";
	if (typeof value === 'string') return isGuid(value.trim()) ? value.trim() : quoted(value);
	// Our choice: a value typed as a number or boolean (by an expression) says what it is, so it is not quoted.
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value === 'boolean') return String(value);
	return context.fail(
		`is ${describeKind(value)}`,
		'Compare with a single value (text, number, GUID, date or true/false)',
	);
}

function describeKind(value: unknown): string {
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'number') return 'not a finite number';
	if (value !== null && typeof value === 'object') return 'an object';
	return `"${shownValue(value)}"`;
}

function declaredLiteral(field: SbField, value: unknown, context: RowContext): string {
	const kind = sbValueKind(field);
	if (value === null) return 'null';
	// The text `null` is SB's empty value only where a text could not be meant.
	if (kind !== 'string' && typeof value === 'string' && value.trim().toLowerCase() === 'null')
		return 'null';
	if (value !== null && typeof value === 'object' && !(value instanceof Date) && kind !== 'date')
		return context.fail(
			`the value is ${describeKind(value)}`,
			'Compare with a single value; SB filters cannot match a list or an object',
		);
	const got = isEmpty(value) ? 'nothing' : `"${shownValue(value)}"`;
	switch (kind) {
		case 'guid': {
			const text = typeof value === 'string' ? value.trim() : '';
			if (isGuid(text)) return text;
			return context.fail(
				`needs a GUID, got ${got}`,
				'Enter an id such as 2fe9d143-52aa-4d9f-9eba-a97656f2741c (as returned by SB), or null',
			);
		}
		case 'integer':
		case 'number': {
			const whole = kind === 'integer';
			if (
				typeof value === 'number' &&
				Number.isFinite(value) &&
				(!whole || Number.isInteger(value))
			)
				return String(value);
			const text = typeof value === 'string' ? value.trim() : '';
			if ((whole ? INTEGER : DECIMAL).test(text)) return numberText(text);
			return context.fail(
				`needs ${whole ? 'a whole number' : 'a number'}, got ${got}`,
				whole
					? 'Enter digits only, e.g. 42'
					: 'Enter a number with a dot as decimal separator, e.g. 12.50',
			);
		}
		case 'boolean': {
			if (typeof value === 'boolean') return String(value);
			const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
			if (text === 'true' || text === 'false') return text;
			return context.fail(`needs true or false, got ${got}`, 'Enter true or false');
		}
		case 'date': {
			const parsed = parseSbDate(value);
			if (parsed) return parsed.time ? `${parsed.date}T${parsed.time}` : parsed.date;
			return context.fail(
				`needs a date, got ${got}`,
				'Enter an existing date such as 2024-01-31 or 2024-01-31T14:30:00',
			);
		}
		default:
			if (isEmpty(value)) return "''";
			// The spec declares some GUID columns as plain text (HeaderId, a cash register's InstanceId, an
			// administration's Id); SB writes GUIDs unquoted (§4.4). Only *Id fields: a GUID-like Name stays text.
			if (typeof value === 'string' && /Id$/.test(field.name) && isGuid(value.trim()))
				return value.trim();
			if (typeof value === 'string') return quoted(value);
			if (typeof value === 'number' || typeof value === 'boolean') return quoted(String(value));
			return context.fail(`the value is ${describeKind(value)}`, 'Compare with a text value');
	}
}

function renderRow(row: SbFilterRow, index: number, fields: readonly SbField[]): string {
	const place = `Filters → Row ${index + 1}`;
	const name = typeof row?.field === 'string' ? row.field.trim() : '';
	if (name === '')
		throw new AfasInputError('Filters', `${place} has no field`, 'Pick a field or remove the row');
	const field = fields.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
	const fieldName = field?.name ?? name;
	const at = `${place} (field "${fieldName}")`;
	const context: RowContext = {
		at,
		fail: (message, hint) => {
			throw new AfasInputError('Filters', `${at}: ${message}`, hint);
		},
	};
	// AFAS answers rows with fields its schema does not declare (§4.2), so a plain name outside the catalogue is
	// sent as typed; anything else could change the filter's meaning.
	if (!field && !PLAIN_IDENTIFIER.test(name))
		throw new AfasInputError(
			'Filters',
			`${place}: "${shownValue(name)}" is not a field of this list`,
			`Use a field name without spaces or symbols, e.g. one of: ${fields.map((f) => f.name).join(', ')}`,
		);
	if (field && sbValueKind(field) === 'structured')
		context.fail(
			`is ${field.type === 'array' ? 'a list' : 'an object'} of values`,
			'Filter on a field that holds a single value',
		);
	const operator = row.operator;
	if (!SB_FILTER_OPERATORS.includes(operator))
		context.fail(
			`unknown operator "${shownValue(operator)}"`,
			`Use one of: ${SB_FILTER_OPERATORS.join(', ')}`,
		);
	const ordering = operator !== 'eq' && operator !== 'ne';
	if (ordering && field && sbValueKind(field) === 'boolean')
		context.fail(
			`a true/false field cannot be compared with "${operator}"`,
			'Use eq (equals) or ne (not equals)',
		);
	const literal = field
		? declaredLiteral(field, row.value, context)
		: undeclaredLiteral(row.value, context);
	if (ordering && literal === 'null')
		context.fail(`null cannot be compared with "${operator}"`, 'Use eq or ne to test for null');
	return `${fieldName} ${operator} ${literal}`;
}

/**
 * The `filter` text, or undefined when there is nothing to filter. `raw` is the user's own SB filter, sent as
 * typed (trimmed) and combined with the rows by `and`, each side in parentheses so neither's `or` leaks out.
 */
export function renderSbFilter(
	rows: readonly SbFilterRow[],
	combinator: 'and' | 'or',
	fields: readonly SbField[],
	raw?: string,
): string | undefined {
	if (combinator !== 'and' && combinator !== 'or')
		throw new AfasInputError(
			'Filters',
			`Unknown way to combine filters: "${shownValue(combinator)}"`,
			'Choose and or or',
		);
	const conditions = (rows ?? []).map((row, index) => renderRow(row, index, fields));
	const joined = conditions.length > 0 ? conditions.join(` ${combinator} `) : undefined;
	const own = typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : undefined;
	if (own !== undefined && joined !== undefined) return `(${own}) and (${joined})`;
	return own ?? joined;
}
