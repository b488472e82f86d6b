import { AfasInputError } from '../inputError';
import { looksLikeDateTime, parseFilterDate } from './dates';

/**
 * Filter values checked and written by the field's `dataType` from GetConnector metainfo (research §6.2, §6.4).
 * AFAS itself answers a word on a number, date or yes/no field with "An unexpected error has occurred.", and
 * compares an impossible date such as 2026-02-30 as text, so both are refused here, before any request.
 */
export type ProfitFieldType = 'string' | 'int' | 'decimal' | 'boolean' | 'date' | 'blob';

const FIELD_TYPES: ReadonlySet<string> = new Set([
	'string',
	'int',
	'decimal',
	'boolean',
	'date',
	'blob',
]);

/** The metainfo `dataType` as a known type; anything else (missing, new in a later Profit) is undefined. */
export function profitFieldType(dataType: unknown): ProfitFieldType | undefined {
	if (typeof dataType !== 'string') return undefined;
	const type = dataType.trim().toLowerCase();
	return FIELD_TYPES.has(type) ? (type as ProfitFieldType) : undefined;
}

/**
 * Operator codes that AFAS matches on the field's text (contains, starts/ends with and their negations, quick
 * filter). Their value is sent as typed whatever the field's type: "starts with 2024" on a date or "contains 12"
 * on a number is a sensible question, and how Profit matches text on typed fields is UNVERIFIED (§5.4), so we do
 * not guess. Typed rules apply to = ≠ < ≤ > ≥ (codes 1–5 and 7).
 */
const TEXT_MATCH_CODES: ReadonlySet<number> = new Set([6, 10, 11, 12, 13, 14, 15]);

export interface FilterValueTarget {
	/** Where the value sits, as the user sees it: `Filters → Group 1 → Condition 2 (field "X")`. */
	at: string;
	operatorName: string;
	operatorCode: number;
	type?: ProfitFieldType;
}

const DATE_FORM = 'use 2026-01-31 or 2026-01-31T14:30:00';
const DATE_HINT =
	'A date alone means midnight, Amsterdam time; a time without a zone is Amsterdam time; add Z or an offset such as +01:00 for another zone.';

/** The value's text for AFAS, or an AfasInputError naming where it sits and the form the field expects. */
export function filterValueText(value: unknown, target: FilterValueTarget): string {
	const { at } = target;
	rejectStructured(value, at);
	if (isMissing(value, target.type))
		throw new AfasInputError(
			'Filters',
			`${at}: "${target.operatorName}" needs a value`,
			'Enter a value, or use "Is Empty" / "Is Not Empty" to test for a missing value',
		);
	if (typeof value === 'number' && !Number.isFinite(value))
		throw new AfasInputError('Filters', `${at}: ${value} is not a finite number`, 'Enter a number');
	const type = TEXT_MATCH_CODES.has(target.operatorCode) ? undefined : target.type;
	switch (type) {
		case 'date':
			return dateText(value, at);
		case 'int':
			return intText(value, at);
		case 'decimal':
			return decimalText(value, at);
		case 'boolean':
			return booleanText(value, at);
		case 'string':
		case 'blob':
			// The field holds text: a value that looks like a date is still just text here.
			return value instanceof Date ? dateText(value, at) : String(value);
		default:
			return untypedText(value, at);
	}
}

function rejectStructured(value: unknown, at: string): void {
	if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
		const what = Array.isArray(value) ? 'a list' : 'an object';
		throw new AfasInputError(
			'Filters',
			`${at}: the value is ${what}, not a single value`,
			Array.isArray(value)
				? 'Enter one value; for several values add one filter group per value (groups are OR-ed)'
				: 'Enter one value; in an expression pick one property, e.g. {{ $json.customer.id }}',
		);
	}
	if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint')
		throw new AfasInputError(
			'Filters',
			`${at}: the value is not text, a number or a date`,
			'Enter one value',
		);
}

function isMissing(value: unknown, type: ProfitFieldType | undefined): boolean {
	if (value === undefined || value === null || value === '') return true;
	// Blanks mean nothing to a typed field; on a text field they may be what the user means.
	return (
		typeof value === 'string' &&
		value.trim() === '' &&
		type !== undefined &&
		type !== 'string' &&
		type !== 'blob'
	);
}

/** The value as quoted in a message: trimmed, and short enough to read. */
function shown(value: unknown): string {
	if (value instanceof Date)
		return Number.isNaN(value.getTime()) ? 'an invalid date' : `the date ${value.toISOString()}`;
	const text = typeof value === 'string' ? value.trim() : String(value);
	const short = text.length > 40 ? `${text.slice(0, 40)}…` : text;
	return typeof value === 'string' ? `"${short}"` : short;
}

function dateText(value: unknown, at: string): string {
	const date =
		typeof value === 'string' || value instanceof Date ? parseFilterDate(value) : undefined;
	if (date !== undefined) return date;
	throw new AfasInputError(
		'Filters',
		`${at}: ${shown(value)} is not a date; ${DATE_FORM}`,
		DATE_HINT,
	);
}

const WHOLE = /^[+-]?\d+$/;

function intText(value: unknown, at: string): string {
	const text = typeof value === 'string' ? value.trim() : value;
	const number =
		typeof text === 'number'
			? text
			: typeof text === 'string' && WHOLE.test(text)
				? Number(text)
				: NaN;
	if (Number.isSafeInteger(number)) return String(number);
	throw new AfasInputError(
		'Filters',
		`${at}: ${shown(value)} is not a whole number; use e.g. 42`,
		'This field holds whole numbers (metainfo type "int")',
	);
}

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const DECIMAL_COMMA = /^[+-]?\d*,\d+$/;

function decimalText(value: unknown, at: string): string {
	// Invariant form with a point (whether Profit reads a comma per Accept-Language is UNVERIFIED).
	if (typeof value === 'number')
		return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
	const text = typeof value === 'string' ? value.trim() : '';
	if (DECIMAL.test(text)) {
		// As typed, so no digit is lost to floating point; only the sign and bare points are tidied.
		const unsigned = text.replace(/^\+/, '').replace(/\.$/, '');
		return unsigned.replace(/^(-?)\./, '$10.');
	}
	const form = DECIMAL_COMMA.test(text)
		? `use a point for decimals: ${text.replace(',', '.')}`
		: 'use e.g. 1234.56';
	throw new AfasInputError(
		'Filters',
		`${at}: ${shown(value)} is not a number; ${form}`,
		'This field holds numbers (metainfo type "decimal"); write decimals with a point and no thousands separator',
	);
}

const TRUE_WORDS = new Set(['true', '1']);
const FALSE_WORDS = new Set(['false', '0']);

function booleanText(value: unknown, at: string): string {
	// UNVERIFIED wire form for yes/no fields; 'true'/'false' is also what SQL Server casts to bit.
	const word =
		typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
			? String(value).trim().toLowerCase()
			: '';
	if (TRUE_WORDS.has(word)) return 'true';
	if (FALSE_WORDS.has(word)) return 'false';
	throw new AfasInputError(
		'Filters',
		`${at}: ${shown(value)} is not true or false; use true or false`,
		'This field is a yes/no field (metainfo type "boolean")',
	);
}

/** No type known (no metainfo): today's reading, where a value shaped like a date-time is taken as one. */
function untypedText(value: unknown, at: string): string {
	if (value instanceof Date) return dateText(value, at);
	const text = String(value);
	// Dates go to AFAS as Amsterdam local time without a 'Z' (§5.4).
	return typeof value === 'string' && looksLikeDateTime(text) ? dateText(text, at) : text;
}
