import { AfasInputError } from '../inputError';

/**
 * Profit's JSON filter (`filterjson`, research §5.5): a JSON transliteration of the XML filter.
 * `Filter` entries are OR-ed, the `Field` entries inside one `Filter` are AND-ed.
 */
export interface FilterJsonField {
	'@FieldId': string;
	/** '1'..'15' — a string as in AFAS's own example (the server accepts numbers too). */
	'@OperatorType': string;
	/** Absent for "is empty" / "is not empty" (the XML filter gives those no value). */
	'#text'?: string;
}

export interface FilterJsonFilter {
	'@FilterId': string;
	Field: FilterJsonField[];
}

export interface FilterJson {
	Filters: { Filter: FilterJsonFilter[] };
}

const RAW_FIELD = 'Raw JSON Filter';

const rawExample =
	'Example: {"Filters":{"Filter":[{"@FilterId":"Filter 1","Field":[{"@FieldId":"AdminId","@OperatorType":"1","#text":"1"}]}]}}';

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A single object where AFAS's example has an array is accepted and wrapped (we always send arrays: §5.5). */
function asArray(value: unknown): unknown[] {
	return Array.isArray(value) ? value : [value];
}

function fail(message: string, hint = rawExample): never {
	throw new AfasInputError(RAW_FIELD, message, hint);
}

/**
 * Parses and validates the "Raw JSON Filter" option and returns it normalised: arrays everywhere, operator types
 * as strings, values as strings, a `@FilterId` on every filter. An empty string means "no raw filter" (undefined).
 * Throws AfasInputError naming 'Raw JSON Filter' with the JSON path of the problem.
 */
export function parseRawFilterJson(
	raw: string | object | undefined | null,
): FilterJson | undefined {
	if (raw === undefined || raw === null) return undefined;
	let parsed: unknown = raw;
	if (typeof raw === 'string') {
		if (raw.trim() === '') return undefined;
		let parseError: string | undefined;
		try {
			parsed = JSON.parse(raw);
		} catch (error) {
			parseError = error instanceof Error ? error.message : String(error);
		}
		if (parseError !== undefined) fail(`The raw JSON filter is not valid JSON: ${parseError}`);
	}
	if (!isPlainObject(parsed) || !isPlainObject(parsed.Filters))
		fail('The raw JSON filter must be an object with a "Filters" object at the top');
	const filters = parsed.Filters as Record<string, unknown>;
	if (filters.Filter === undefined)
		fail('"Filters" must contain "Filter" (a list of filter groups)');
	const groups = asArray(filters.Filter);
	if (groups.length === 0)
		fail('"Filters.Filter" is empty; remove the raw JSON filter or add a group');
	return {
		Filters: {
			Filter: groups.map((group, index) => normaliseGroup(group, index)),
		},
	};
}

function normaliseGroup(group: unknown, index: number): FilterJsonFilter {
	const at = `Filters.Filter[${index}]`;
	if (!isPlainObject(group)) fail(`${at} must be an object with "@FilterId" and "Field"`);
	if (group.Field === undefined) fail(`${at} has no "Field" list`);
	const fields = asArray(group.Field);
	if (fields.length === 0)
		fail(`${at}.Field is empty; every filter group needs at least one condition`);
	const filterId = group['@FilterId'];
	return {
		'@FilterId':
			typeof filterId === 'string' && filterId.trim() !== '' ? filterId : `Filter ${index + 1}`,
		Field: fields.map((field, fieldIndex) => normaliseField(field, `${at}.Field[${fieldIndex}]`)),
	};
}

function normaliseField(field: unknown, at: string): FilterJsonField {
	if (!isPlainObject(field))
		fail(`${at} must be an object with "@FieldId", "@OperatorType" and "#text"`);
	const fieldId = field['@FieldId'];
	if (typeof fieldId !== 'string' || fieldId.trim() === '')
		fail(`${at} needs "@FieldId": the field's id from the connector (for example "AdminId")`);
	const operator = operatorCode(field['@OperatorType'], at);
	const text = field['#text'];
	const result: FilterJsonField = {
		'@FieldId': fieldId.trim(),
		'@OperatorType': String(operator),
	};
	if (text === undefined || text === null) {
		if (operator !== 8 && operator !== 9)
			fail(`${at} needs a value in "#text" for operator ${operator}`);
		return result;
	}
	if (typeof text === 'object') fail(`${at}: "#text" must be a string, number or boolean`);
	result['#text'] = String(text);
	return result;
}

/** AFAS's operator codes (§5.4), for the message when a raw filter uses something else. */
const OPERATOR_TABLE =
	'1 equals, 2 greater than or equal, 3 less than or equal, 4 greater than, 5 less than, 6 contains, ' +
	'7 not equal, 8 is empty, 9 is not empty, 10 starts with, 11 does not contain, 12 does not start with, ' +
	'13 ends with, 14 does not end with, 15 quick filter';

const OPERATOR_TEXT = /^(?:[1-9]|1[0-5])$/;

/**
 * Exactly one of AFAS's codes, as the number or the string AFAS's own example uses ("1"). Anything that merely
 * converts to one ("01", " 1", "1.0", "0x1", true, ["1"]) is refused: what AFAS makes of it is unknown.
 */
function operatorCode(raw: unknown, at: string): number {
	if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 1 && raw <= 15) return raw;
	if (typeof raw === 'string' && OPERATOR_TEXT.test(raw)) return Number(raw);
	const got = raw === undefined ? 'no "@OperatorType"' : `"@OperatorType" ${describe(raw)}`;
	return fail(
		`${at} has ${got}; it must be one of the AFAS operator codes 1 to 15`,
		`Use the code as a number or a string, e.g. "@OperatorType": "1". Codes: ${OPERATOR_TABLE}`,
	);
}

function describe(value: unknown): string {
	const text = JSON.stringify(value) ?? String(value);
	return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
