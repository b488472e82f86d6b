import { parseFilterDate } from './dates';
import type { UpdateMetaField } from './updateTypes';

/**
 * One field value as it goes into an UpdateConnector body (research §7.2), or why it cannot.
 * Profit is lenient (the vendor sends `"1"`, `1`, `true` and `"true"` alike); we send typed JSON scalars so the
 * body is unambiguous: numbers for int/decimal, booleans for boolean, `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS`
 * (Amsterdam clock, no `Z`) for dates, text for the rest.
 */
export type CoercedValue =
	| { kind: 'omit' }
	| { kind: 'value'; value: string | number | boolean }
	| { kind: 'problem'; message: string };

/** Metainfo `dataType`s plus `datetime`, which our OpenAPI-derived tables carry for date-time fields. */
export function dataTypeOf(field: UpdateMetaField): string {
	const type = (field.dataType ?? 'string').toLowerCase();
	return type === 'datetime' ? 'date' : type;
}

function shown(raw: unknown): string {
	const text = typeof raw === 'string' ? raw : (JSON.stringify(raw) ?? String(raw));
	return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function toInt(raw: unknown): number | undefined {
	if (typeof raw === 'number') return Number.isSafeInteger(raw) ? raw : undefined;
	if (typeof raw !== 'string' || !INTEGER.test(raw.trim())) return undefined;
	const value = Number(raw.trim());
	return Number.isSafeInteger(value) ? value : undefined;
}

function toDecimal(raw: unknown): number | undefined {
	if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
	if (typeof raw !== 'string' || !DECIMAL.test(raw.trim())) return undefined;
	return Number(raw.trim());
}

function toBoolean(raw: unknown): boolean | undefined {
	if (typeof raw === 'boolean') return raw;
	// "1"/"0" and 1/0 appear in AFAS's own examples (KnOrganisation "PadAdr": "1", KnSubjectLink "DoCRM": "1").
	const text = String(raw).trim().toLowerCase();
	if (text === 'true' || text === '1') return true;
	if (text === 'false' || text === '0') return false;
	return undefined;
}

/**
 * Dates: a date alone stays a date (`2024-07-01`); anything with a time becomes the Amsterdam wall clock
 * `YYYY-MM-DDTHH:MM:SS` (Profit's clock, §4.3). A `Z` or offset is read as a real instant and converted, the
 * same rule as filter dates (so a Profit output value ending in its not-UTC `Z` is shifted: use a date alone or
 * a value without zone to pass Profit's own clock through). controlType 4 (date, §6.4) keeps the date only.
 */
function toDate(raw: unknown, field: UpdateMetaField): string | undefined {
	if (!(raw instanceof Date) && typeof raw !== 'string') return undefined;
	const local = parseFilterDate(raw);
	if (local === undefined) return undefined;
	if (typeof raw === 'string' && DATE_ONLY.test(raw.trim())) return raw.trim();
	return field.controlType === 4 ? local.slice(0, 10) : local;
}

function typed(field: UpdateMetaField, raw: unknown): CoercedValue {
	const label = field.label ?? field.fieldId;
	const problem = (what: string): CoercedValue => ({
		kind: 'problem',
		message: `'${label}' (${field.fieldId}) needs ${what}, got "${shown(raw)}"`,
	});
	switch (dataTypeOf(field)) {
		case 'int': {
			const value = toInt(raw);
			return value === undefined ? problem('a whole number') : { kind: 'value', value };
		}
		case 'decimal': {
			const value = toDecimal(raw);
			if (value !== undefined) return { kind: 'value', value };
			return typeof raw === 'string' && /^[+-]?\d*,\d+$/.test(raw.trim())
				? problem('a number with a dot as decimal separator')
				: problem('a number');
		}
		case 'boolean': {
			const value = toBoolean(raw);
			return value === undefined ? problem('true or false') : { kind: 'value', value };
		}
		case 'date': {
			const value = toDate(raw, field);
			return value === undefined
				? problem('a date such as 2024-07-01 or 2024-07-01T14:30:00')
				: { kind: 'value', value };
		}
		case 'blob':
			return typeof raw === 'string'
				? { kind: 'value', value: raw }
				: problem('text (Base64 for files)');
		default:
			if (typeof raw === 'string') return { kind: 'value', value: raw };
			if (typeof raw === 'number' || typeof raw === 'boolean')
				return { kind: 'value', value: String(raw) };
			return problem('text');
	}
}

/**
 * Coerces one user value for a metainfo field.
 * - `undefined` and `null` are left out of the body: the effect of `null` in Profit is UNVERIFIED (§7.2);
 * - `''` is sent as is: that is how AFAS clears a field (§7.2);
 * - a code-table field takes one of its ids (matched ignoring case, sent in the table's spelling).
 */
export function coerceUpdateValue(field: UpdateMetaField, raw: unknown): CoercedValue {
	if (raw === undefined || raw === null) return { kind: 'omit' };
	if (raw === '') return { kind: 'value', value: '' };
	const table = field.values ?? null;
	if (table && table.length > 0) {
		const text = typeof raw === 'string' ? raw.trim() : String(raw);
		const entry =
			table.find((option) => option.id === text) ??
			table.find((option) => option.id.toLowerCase() === text.toLowerCase());
		if (!entry) {
			const allowed = table.slice(0, 10).map((option) => option.id);
			const more = table.length > 10 ? `, … (${table.length} in all)` : '';
			return {
				kind: 'problem',
				message: `'${field.label ?? field.fieldId}' (${field.fieldId}) does not allow "${shown(raw)}"; use one of ${allowed.join(', ')}${more}`,
			};
		}
		return typed(field, entry.id);
	}
	return typed(field, raw);
}
