/**
 * Pure checks for node parameters as n8n hands them over once expressions are resolved. The editor only
 * enforces a field's type and range for typed-in values; an expression can return anything (a numeric text,
 * "false", undefined, NaN, an object), so every value is checked here before a request is built.
 *
 * Each check returns the value in its proper type, or a message naming the parameter (by the label the user
 * sees) and a fix. Values are echoed only in short form: parameters here are ids and settings, never secrets.
 */

export type ParameterCheck<T> =
	| { ok: true; value: T }
	| { ok: false; message: string; fix: string };

export interface NumberRule {
	min?: number;
	max?: number;
	/** Counts, sizes and limits: 2.5 rows means nothing. */
	integer?: boolean;
	/** Appended to the fix, e.g. "Turn on Return All to read every row." */
	hint?: string;
}

export interface TextRule {
	required?: boolean;
	/** Ids are trimmed; file names are not (Profit matches them exactly). */
	trim?: boolean;
	/** The fix when a required value is empty. */
	emptyHint?: string;
}

/** The separator between a collection and its entry in a label, e.g. "Options → Timeout (Seconds)". */
export const LABEL_SEPARATOR = ' → ';

const MAX_ECHO = 40;

/** Decimal notation only: Number() would also take "0x1F", "Infinity" and "" (as 0). */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

function isLuxonLike(value: object): boolean {
	return typeof (value as { toISO?: unknown }).toISO === 'function';
}

/** A short, safe description of what an expression returned, for messages. */
export function describeValue(value: unknown): string {
	if (value === undefined) return 'empty (the value is undefined)';
	if (value === null) return 'empty (the value is null)';
	if (typeof value === 'string') {
		if (value.trim() === '') return 'empty text';
		const text = value.length > MAX_ECHO ? `${value.slice(0, MAX_ECHO)}…` : value;
		return `the text ${JSON.stringify(text)}`;
	}
	if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
	if (typeof value === 'boolean') return String(value);
	if (typeof value === 'bigint') return `${String(value)}n`;
	if (Array.isArray(value)) return 'a list';
	if (value instanceof Date) return 'a date';
	if (typeof value === 'object') return isLuxonLike(value) ? 'a date' : 'an object';
	return `a ${typeof value}`;
}

export function isEmptyValue(value: unknown): boolean {
	return (
		value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
	);
}

function fail<T>(message: string, fix: string): ParameterCheck<T> {
	return { ok: false, message, fix };
}

function numberFrom(value: unknown): number | undefined {
	if (typeof value === 'number') return value;
	if (typeof value === 'string' && DECIMAL.test(value.trim())) return Number(value.trim());
	return undefined;
}

/** "a whole number from 1 to 5", "a number of at least 1", … */
export function expectedNumber(rule: NumberRule): string {
	const kind = rule.integer ? 'a whole number' : 'a number';
	if (rule.min !== undefined && rule.max !== undefined)
		return `${kind} from ${rule.min} to ${rule.max}`;
	if (rule.min !== undefined) return `${kind} of at least ${rule.min}`;
	if (rule.max !== undefined) return `${kind} of at most ${rule.max}`;
	return kind;
}

export function checkNumber(
	label: string,
	value: unknown,
	rule: NumberRule = {},
): ParameterCheck<number> {
	const number = numberFrom(value);
	const valid =
		number !== undefined &&
		Number.isFinite(number) &&
		(!rule.integer || Number.isSafeInteger(number)) &&
		(rule.min === undefined || number >= rule.min) &&
		(rule.max === undefined || number <= rule.max);
	if (valid) return { ok: true, value: number };
	const expected = expectedNumber(rule);
	const fix = isEmptyValue(value)
		? `Enter ${expected}, or make the expression return one for every item.`
		: `Enter ${expected}; an expression may also return it as text, e.g. "${rule.min ?? 1}".`;
	return fail(
		`${label} must be ${expected}, not ${describeValue(value)}`,
		rule.hint ? `${fix} ${rule.hint}` : fix,
	);
}

/** true/false, or the texts "true"/"false" an expression produces; anything else is refused, not guessed. */
export function checkBoolean(label: string, value: unknown): ParameterCheck<boolean> {
	if (typeof value === 'boolean') return { ok: true, value };
	if (typeof value === 'string') {
		const text = value.trim().toLowerCase();
		if (text === 'true') return { ok: true, value: true };
		if (text === 'false') return { ok: true, value: false };
	}
	return fail(
		`${label} must be true or false, not ${describeValue(value)}`,
		'Switch it on or off, or make the expression return true or false.',
	);
}

/** One of the field's option values; case and surrounding spaces are forgiven, unknown values are not. */
export function checkOption<T extends string>(
	label: string,
	value: unknown,
	allowed: readonly T[],
): ParameterCheck<T> {
	if (typeof value === 'string') {
		const text = value.trim();
		const exact = allowed.find((option) => option === text);
		if (exact !== undefined) return { ok: true, value: exact };
		const folded = allowed.filter((option) => option.toLowerCase() === text.toLowerCase());
		if (folded.length === 1) return { ok: true, value: folded[0] };
	}
	return fail(
		`${label} must be one of its options, not ${describeValue(value)}`,
		`Use one of: ${allowed.join(', ')}.`,
	);
}

/**
 * Text such as an id or a name. A finite number is taken in its text form (expressions often return ids as
 * numbers, e.g. 12345); objects, lists, booleans and NaN are refused instead of becoming "[object Object]".
 */
export function checkText(
	label: string,
	value: unknown,
	rule: TextRule = {},
): ParameterCheck<string> {
	let text: string;
	if (value === undefined || value === null) text = '';
	else if (typeof value === 'string') text = value;
	else if (typeof value === 'number' && Number.isFinite(value)) text = String(value);
	else if (typeof value === 'bigint') text = String(value);
	else
		return fail(
			`${label} must be text, not ${describeValue(value)}`,
			'Enter the value as text, or make the expression return a text or a number (e.g. {{ $json.id }}, not a whole object).',
		);
	if (rule.trim) text = text.trim();
	if (rule.required && text.trim() === '')
		return fail(
			`${label} is empty`,
			rule.emptyHint ??
				`Enter a value for ${label}, or check that the expression returns one for every item.`,
		);
	return { ok: true, value: text };
}

/** A JSON parameter: a JSON text or an object (what an expression returns); empty means not set. */
export function checkJson(
	label: string,
	value: unknown,
): ParameterCheck<string | Record<string, unknown> | undefined> {
	if (isEmptyValue(value)) return { ok: true, value: undefined };
	if (typeof value === 'string') return { ok: true, value };
	if (typeof value === 'object' && value !== null && !Array.isArray(value))
		return { ok: true, value: value as Record<string, unknown> };
	return fail(
		`${label} must be a JSON object or its text, not ${describeValue(value)}`,
		'Enter a JSON object, or make the expression return one.',
	);
}
