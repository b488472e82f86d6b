import { AfasInputError } from '../inputError';
import type { SbField } from './catalogueTypes';
import { parseSbDate, sbValueKind, shownValue } from './filter';
import { isGuid } from './trackingIdentifier';

/**
 * The JSON body of an SB write (research §4.6), built from the user's values and checked against the catalogue's
 * request schema before anything is sent, so a mistake is named by its field instead of SB's 400 DS3100.
 *
 * Input comes from n8n's resource mapper (mostly text) or from an item's JSON (typed values, nested lists).
 * - `undefined`, `null` and `''` mean "not given" and are left out. The text `null` is kept where an enum lists
 *   it (SB's enums include `""` and `"null"`, §4.6); elsewhere it is an ordinary, usually invalid, value.
 * - Keys match ignoring case and are written in the spec's casing (SB's how-tos use other casings, §4.6).
 * - A key the schema does not have is an error, so a typo is never silently dropped; an unknown key whose value
 *   is not given is ignored (it would not be sent anyway; stale mapper columns look like that).
 * - Nested lists and objects may be JSON text; one object where a list is expected becomes a list of one.
 * - `multipleOf` (0.01 on amounts) is checked, and float noise (0.1 + 0.2) rounded to the step: SB validates bodies
 *   against this schema (DS3100 "does not validate against format 'uuid'"), so UNVERIFIED but consistent with that,
 *   a third decimal would be refused there too.
 * - `uri` fields are sent as typed: UNVERIFIED what SB's validator accepts (relative `www.afas.nl`?).
 * - An empty list is sent as `[]` unless the list is required, which is refused (a journal entry without lines).
 * Paths in messages count list elements from 0, like n8n expressions: `InvoiceLine[1].LedgerAccountId`.
 */
export interface SbBodyOptions {
	/** What is written, for messages, e.g. "Create Sales Journal Entry". */
	operationLabel: string;
}

type Json = Record<string, unknown>;

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
// A basic shape check: one @, no spaces, a dot in the domain. SB's own validator decides the rest.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const SECRET_NAME = /pass(word)?|secret|token|apikey|readkey/i;

function notGiven(value: unknown): boolean {
	return value === undefined || value === null || value === '';
}

function isPlainObject(value: unknown): value is Json {
	return (
		value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)
	);
}

function join(prefix: string, name: string): string {
	return prefix === '' ? name : `${prefix}.${name}`;
}

/**
 * Where JSON text stops being valid (0-based), for text JSON.parse refused; the length when it ends too early.
 * A small recursive-descent reader of RFC 8259 that only tracks positions.
 */
export function jsonErrorPosition(text: string): number {
	let at = 0;
	const fail = (offset = 0): never => {
		throw at + offset;
	};
	const space = () => {
		while (at < text.length && ' \t\n\r'.includes(text[at])) at++;
	};
	const literal = (word: string) => {
		for (const char of word) {
			if (text[at] !== char) fail();
			at++;
		}
	};
	const string = () => {
		at++;
		while (at < text.length && text[at] !== '"') {
			const code = text.charCodeAt(at);
			if (code < 0x20) fail();
			if (text[at] === '\\') {
				at++;
				if (text[at] === 'u') {
					for (let i = 1; i <= 4; i++) if (!/[0-9a-fA-F]/.test(text[at + i] ?? '')) fail(i);
					at += 4;
				} else if (!'"\\/bfnrt'.includes(text[at] ?? 'x') || at >= text.length) fail();
			}
			at++;
		}
		if (at >= text.length) fail();
		at++;
	};
	const number = () => {
		const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at));
		if (!match || match[0] === '' || match[0] === '-') fail();
		at += match![0].length;
	};
	const value = (): void => {
		space();
		const char = text[at];
		if (char === '{') {
			at++;
			space();
			if (text[at] === '}') return void at++;
			for (;;) {
				space();
				if (text[at] !== '"') fail();
				string();
				space();
				if (text[at] !== ':') fail();
				at++;
				value();
				space();
				if (text[at] === ',') at++;
				else if (text[at] === '}') return void at++;
				else fail();
			}
		}
		if (char === '[') {
			at++;
			space();
			if (text[at] === ']') return void at++;
			for (;;) {
				value();
				space();
				if (text[at] === ',') at++;
				else if (text[at] === ']') return void at++;
				else fail();
			}
		}
		if (char === '"') return string();
		if (char === 't') return literal('true');
		if (char === 'f') return literal('false');
		if (char === 'n') return literal('null');
		if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return number();
		fail();
	};
	try {
		value();
		space();
		if (at < text.length) fail();
	} catch (position) {
		return Math.min(typeof position === 'number' ? position : at, text.length);
	}
	return text.length;
}

class BodyBuilder {
	constructor(private readonly label: string) {}

	fail(path: string, message: string, hint: string): never {
		throw new AfasInputError(path, message, hint);
	}

	/** "needs X, got "v"": the value shown when short and not from a field named like a secret. */
	wrong(field: SbField, path: string, what: string, raw: unknown, hint: string): never {
		const got = SECRET_NAME.test(field.name) ? '' : `, got "${shownValue(raw)}"`;
		return this.fail(path, `${path} needs ${what}${got}`, hint);
	}

	object(fields: readonly SbField[], values: Json, prefix: string): Json {
		const byName = new Map(fields.map((field) => [field.name.toLowerCase(), field]));
		const given = new Map<SbField, { key: string; value: unknown }>();
		for (const [key, value] of Object.entries(values)) {
			const field = byName.get(key.trim().toLowerCase());
			if (!field) {
				if (notGiven(value)) continue;
				this.fail(
					join(prefix, key),
					`"${shownValue(key)}" is not a field of ${prefix === '' ? this.label : prefix}`,
					`Use one of: ${fields.map((f) => f.name).join(', ')}`,
				);
			}
			if (notGiven(value)) continue;
			const earlier = given.get(field);
			if (earlier)
				this.fail(
					join(prefix, field.name),
					`${join(prefix, field.name)} is given twice ("${shownValue(earlier.key)}" and "${shownValue(key)}")`,
					'Keep one of them; names are matched ignoring upper and lower case',
				);
			given.set(field, { key, value });
		}
		const out: Json = {};
		for (const field of fields) {
			const path = join(prefix, field.name);
			const entry = given.get(field);
			if (!entry) {
				if (field.required)
					this.fail(
						path,
						`${path} is required for ${this.label}`,
						prefix === ''
							? `Map a value to ${field.name}, or include "${field.name}" in the item's JSON`
							: `Include "${field.name}" in ${prefix} (in the JSON of ${prefix.replace(/\[\d+\]$/, '')})`,
					);
				continue;
			}
			const value = this.value(field, entry.value, path);
			if (value !== undefined) out[field.name] = value;
		}
		return out;
	}

	value(field: SbField, raw: unknown, path: string): unknown {
		switch (field.type) {
			case 'array':
				return this.list(field, raw, path);
			case 'object':
				return this.nested(field, raw, path);
			case 'unknown':
				return raw;
			default:
				return this.scalar(field, raw, path);
		}
	}

	/** JSON text parsed; a parse error is reported with its position and a few characters around it. */
	parsed(field: SbField, raw: unknown, path: string, what: string): unknown {
		if (typeof raw !== 'string') return raw;
		const text = raw.trim();
		let result: unknown;
		let failed = false;
		try {
			result = JSON.parse(text);
		} catch {
			failed = true;
		}
		if (!failed) return result;
		// Node's own message quotes the whole input and names no position for most errors.
		const position = jsonErrorPosition(text);
		const near = text.slice(Math.max(0, position - 10), position + 10);
		return this.fail(
			path,
			`${path} is not valid JSON: ${position >= text.length ? 'it ends too early' : `error at position ${position} (near "${near}")`}`,
			`Give ${field.name} as ${what} in JSON, e.g. ${field.type === 'array' ? '[{"Name": "value"}]' : '{"Name": "value"}'}, or map it from the item's data`,
		);
	}

	list(field: SbField, raw: unknown, path: string): unknown[] {
		let value = this.parsed(field, raw, path, 'a list');
		if (isPlainObject(value)) value = [value];
		if (!Array.isArray(value))
			this.wrong(
				field,
				path,
				'a list',
				raw,
				`Give ${field.name} as a JSON list, e.g. [{...}, {...}]`,
			);
		if (value.length === 0 && field.required)
			this.fail(
				path,
				`${path} is required for ${this.label} and has no elements`,
				`Give ${field.name} at least one element`,
			);
		return value.map((element, index) => {
			const at = `${path}[${index}]`;
			if (field.fields) {
				// An element is parsed only when it looks like a JSON object; other text is simply not an object.
				const item =
					typeof element === 'string' && element.trim().startsWith('{')
						? this.parsed(field, element, at, 'an object')
						: element;
				if (!isPlainObject(item))
					return this.wrong(
						field,
						at,
						'an object',
						element,
						`Make every element of ${field.name} a JSON object`,
					);
				return this.object(field.fields, item, at);
			}
			if (field.itemType && field.itemType !== 'unknown') {
				if (notGiven(element))
					this.fail(at, `${at} is empty`, `Remove the empty element from ${field.name}`);
				return this.value({ name: field.name, type: field.itemType }, element, at);
			}
			return element;
		});
	}

	nested(field: SbField, raw: unknown, path: string): Json {
		const value = this.parsed(field, raw, path, 'an object');
		if (!isPlainObject(value))
			return this.wrong(
				field,
				path,
				'an object',
				raw,
				`Give ${field.name} as a JSON object, e.g. {"Name": "value"}`,
			);
		return field.fields ? this.object(field.fields, value, path) : value;
	}

	scalar(field: SbField, raw: unknown, path: string): unknown {
		const value = this.typed(field, raw, path);
		// A number or boolean the schema declares as text (`decimal?` on a string) is checked as such, sent as text.
		return field.type === 'string' && typeof value !== 'string' ? String(value) : value;
	}

	typed(field: SbField, raw: unknown, path: string): unknown {
		if (
			typeof raw === 'object' &&
			raw !== null &&
			!(raw instanceof Date) &&
			sbValueKind(field) !== 'date'
		)
			this.wrong(
				field,
				path,
				'a single value',
				raw,
				`Give one value for ${field.name}, not a list or object`,
			);
		switch (sbValueKind(field)) {
			case 'guid': {
				const text = typeof raw === 'string' ? raw.trim() : '';
				if (!isGuid(text))
					this.wrong(
						field,
						path,
						'a GUID',
						raw,
						'Use an id as SB returns it, e.g. 2fe9d143-52aa-4d9f-9eba-a97656f2741c',
					);
				return text;
			}
			case 'integer': {
				if (typeof raw === 'number' && Number.isSafeInteger(raw)) return raw;
				const text = typeof raw === 'string' ? raw.trim() : '';
				const value = INTEGER.test(text) ? Number(text) : Number.NaN;
				if (!Number.isSafeInteger(value))
					this.wrong(field, path, 'a whole number', raw, 'Enter digits only, e.g. 42');
				return value;
			}
			case 'number':
				return this.number(field, raw, path);
			case 'boolean': {
				if (typeof raw === 'boolean') return raw;
				const text = String(raw).trim().toLowerCase();
				if (text === 'true' || text === '1') return true;
				if (text === 'false' || text === '0') return false;
				return this.wrong(field, path, 'true or false', raw, 'Enter true or false');
			}
			case 'date': {
				const parsed = parseSbDate(raw);
				if (!parsed)
					this.wrong(
						field,
						path,
						'a date',
						raw,
						'Enter an existing date such as 2024-01-31 (a date-time is cut to its date)',
					);
				const dateOnly = (field.format ?? '').toLowerCase() === 'date' || parsed.time === undefined;
				return dateOnly ? parsed.date : `${parsed.date}T${parsed.time}`;
			}
			default:
				return this.text(field, raw, path);
		}
	}

	number(field: SbField, raw: unknown, path: string): number {
		let value = Number.NaN;
		if (typeof raw === 'number') value = raw;
		else if (typeof raw === 'string' && DECIMAL.test(raw.trim())) value = Number(raw.trim());
		if (!Number.isFinite(value)) {
			const comma = typeof raw === 'string' && /^[+-]?\d*,\d+$/.test(raw.trim());
			this.wrong(
				field,
				path,
				comma ? 'a number with a dot as decimal separator' : 'a number',
				raw,
				'Enter a number such as 1250.50',
			);
		}
		const step = field.multipleOf;
		if (step === undefined || step <= 0) return value;
		const steps = value / step;
		const rounded = Math.round(steps);
		if (Math.abs(steps - rounded) > 1e-6)
			this.wrong(
				field,
				path,
				`a multiple of ${step}`,
				raw,
				`Round ${field.name} to steps of ${step}`,
			);
		const decimals = (String(step).split('.')[1] ?? '').length;
		return Number((rounded * step).toFixed(decimals));
	}

	text(field: SbField, raw: unknown, path: string): string {
		let text: string;
		if (typeof raw === 'string') text = raw;
		else if (typeof raw === 'number' || typeof raw === 'boolean') text = String(raw);
		else return this.wrong(field, path, 'text', raw, `Enter text for ${field.name}`);
		if (field.enum) {
			const wanted = text.trim().toLowerCase();
			const match = field.enum.find((option) => option.toLowerCase() === wanted);
			if (match === undefined)
				this.wrong(
					field,
					path,
					`one of ${field.enum.map((option) => (option === '' ? '(empty)' : option)).join(', ')}`,
					raw,
					`Pick one of the values SB lists for ${field.name}`,
				);
			return match;
		}
		if ((field.format ?? '').toLowerCase() === 'email') {
			text = text.trim();
			if (!EMAIL.test(text))
				this.wrong(
					field,
					path,
					'an email address',
					raw,
					'Enter an address such as info@example.nl',
				);
		}
		if (field.maxLength !== undefined && text.length > field.maxLength)
			this.fail(
				path,
				`${path} is ${text.length} characters long; SB allows at most ${field.maxLength}`,
				`Shorten ${field.name}`,
			);
		if (field.pattern !== undefined && !new RegExp(field.pattern).test(text))
			this.wrong(
				field,
				path,
				`text matching ${field.pattern}`,
				raw,
				field.pattern === '^[A-Z0-9]+$'
					? 'Use capital letters and digits only, without spaces or dots'
					: field.pattern === '^[0-9]+$'
						? 'Use digits only, without spaces or dots'
						: `Make ${field.name} match the pattern ${field.pattern}`,
			);
		return text;
	}
}

/** The request body of one SB write, or an AfasInputError naming the first field that cannot be sent. */
export function buildSbBody(
	fields: readonly SbField[],
	values: Record<string, unknown>,
	options: SbBodyOptions,
): Record<string, unknown> {
	const builder = new BodyBuilder(options.operationLabel);
	if (!isPlainObject(values))
		throw new AfasInputError(
			'Fields',
			`The fields for ${options.operationLabel} are not an object`,
			'Map the fields, or give the item a JSON object with the field names as keys',
		);
	return builder.object(fields, values, '');
}
