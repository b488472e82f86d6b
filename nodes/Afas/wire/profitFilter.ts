import { AfasInputError } from './inputError';
import { parseRawFilterJson } from './profitFilterJson';
import type { FilterJson, FilterJsonField } from './profitFilterJson';
import { filterValueText } from './profitFilterValues';
import type { ProfitFieldType } from './profitFilterValues';
import { encodeQueryValue, joinQuery } from './queryEncoding';

/**
 * GetConnector query strings: filters, sorting, paging (research §5.2–§5.6).
 *
 * Simple filters are three parallel lists (`filterfieldids`, `filtervalues`, `operatortypes`) glued the same way:
 * `,` = AND inside a group, `;` = OR between groups, so `A,B;C` = (A AND B) OR C. There is no documented escape for
 * `,` or `;` inside a value, so such a value is sent with `filterjson`, where it sits in `#text` (§5.4, §12.16).
 */
export type ProfitOperator =
	| 'equals'
	| 'greaterOrEqual'
	| 'lessOrEqual'
	| 'greaterThan'
	| 'lessThan'
	| 'contains'
	| 'notEquals'
	| 'isEmpty'
	| 'isNotEmpty'
	| 'startsWith'
	| 'notContains'
	| 'notStartsWith'
	| 'endsWith'
	| 'notEndsWith'
	| 'quickFilter';

export interface ProfitOperatorInfo {
	value: ProfitOperator;
	/** UI label */
	name: string;
	/** AFAS `operatortypes` code, 1..15 */
	code: number;
	needsValue: boolean;
	description: string;
}

// Codes from AFAS's operator table (§5.4). Operators 6 and 10–14 match on the text as typed: we add no `%`
// wildcards (the old XML-filter convention, §12.13 CONFLICT; current REST docs have dedicated operators instead).
export const PROFIT_OPERATORS: ReadonlyArray<ProfitOperatorInfo> = [
	{
		value: 'equals',
		name: 'Equals',
		code: 1,
		needsValue: true,
		description: 'Field is equal to the value',
	},
	{
		value: 'greaterOrEqual',
		name: 'Greater Than or Equal',
		code: 2,
		needsValue: true,
		description: 'Field is greater than or equal to the value',
	},
	{
		value: 'lessOrEqual',
		name: 'Less Than or Equal',
		code: 3,
		needsValue: true,
		description: 'Field is less than or equal to the value',
	},
	{
		value: 'greaterThan',
		name: 'Greater Than',
		code: 4,
		needsValue: true,
		description: 'Field is greater than the value',
	},
	{
		value: 'lessThan',
		name: 'Less Than',
		code: 5,
		needsValue: true,
		description: 'Field is less than the value',
	},
	{
		value: 'contains',
		name: 'Contains',
		code: 6,
		needsValue: true,
		description: 'Field contains the value',
	},
	{
		value: 'notEquals',
		name: 'Not Equals',
		code: 7,
		needsValue: true,
		description: 'Field is not equal to the value',
	},
	{
		value: 'isEmpty',
		name: 'Is Empty',
		code: 8,
		needsValue: false,
		description: 'Field has no value',
	},
	{
		value: 'isNotEmpty',
		name: 'Is Not Empty',
		code: 9,
		needsValue: false,
		description: 'Field has a value',
	},
	{
		value: 'startsWith',
		name: 'Starts With',
		code: 10,
		needsValue: true,
		description: 'Field starts with the value',
	},
	{
		value: 'notContains',
		name: 'Does Not Contain',
		code: 11,
		needsValue: true,
		description: 'Field does not contain the value',
	},
	{
		value: 'notStartsWith',
		name: 'Does Not Start With',
		code: 12,
		needsValue: true,
		description: 'Field does not start with the value',
	},
	{
		value: 'endsWith',
		name: 'Ends With',
		code: 13,
		needsValue: true,
		description: 'Field ends with the value',
	},
	{
		value: 'notEndsWith',
		name: 'Does Not End With',
		code: 14,
		needsValue: true,
		description: 'Field does not end with the value',
	},
	{
		value: 'quickFilter',
		name: 'Quick Filter',
		code: 15,
		needsValue: true,
		description: "Profit's quick filter ('Sf'): a broader, slower text search",
	},
];

const OPERATOR_BY_VALUE = new Map(PROFIT_OPERATORS.map((operator) => [operator.value, operator]));

export interface ProfitCondition {
	/** The field's `id` from the connector's metainfo (the JSON key in the rows), not its `fieldId`. */
	field: string;
	operator: ProfitOperator;
	/**
	 * Ignored for isEmpty / isNotEmpty. Whatever an expression gave (objects and lists are refused); a Date, or an
	 * ISO date on a date field, is sent as Amsterdam local time.
	 */
	value?: unknown;
	/** The field's metainfo `dataType`; when known, the value is checked and written by it (profitFilterValues). */
	type?: ProfitFieldType;
}

/** AND inside a group, OR between groups. */
export type ProfitFilterGroups = ProfitCondition[][];

export interface SortField {
	field: string;
	descending?: boolean;
}

/**
 * Longest request URL we send, counted over the whole URL (base, path, `?` and query). AFAS answers 404 when
 * "the string with parameters" exceeds 2049 characters, and the same page also says "around 2,000" (§5.6,
 * CONFLICT §12.14). Whether that counts the query only or the whole URL is not stated, so we take the strictest
 * reading that all three sources allow: the whole URL at most 2048.
 */
export const MAX_URL_LENGTH = 2048;

export interface GetConnectorQueryInput {
	filter?: ProfitFilterGroups;
	rawFilterJson?: string | object;
	sort?: SortField[];
	skip: number;
	take: number;
	/** Length of `${base}/connectors/${id}` (everything before the `?`). */
	urlPrefixLength: number;
	/**
	 * "Fetch in one request": send `skip=-1&take=-1`, which AFAS returns in full but "strongly discourages"
	 * (§5.2); skip and take are then ignored. Never used unless asked for (skip -1 with take -1 also asks).
	 */
	fetchAll?: boolean;
}

export interface ProfitQuery {
	/** Encoded query string without the leading '?' ('' when there is nothing to send). */
	query: string;
	usesFilterJson: boolean;
}

/**
 * Builds the encoded query string (without '?') for one GetConnector page; switches to filterjson when a value holds
 * ',' or ';' or when the URL would exceed AFAS's limit; throws AfasInputError (field 'Filters') when even filterjson
 * cannot fit.
 */
export function buildGetConnectorQuery(input: GetConnectorQueryInput): ProfitQuery {
	// Both -1 is the same explicit request as fetchAll; a lone -1 is the combination AFAS answers with HTTP 500.
	const fetchAll = input.fetchAll === true || (input.skip === -1 && input.take === -1);
	const pairs: Array<[string, string]> = fetchAll
		? [
				['skip', '-1'],
				['take', '-1'],
			]
		: [
				['skip', String(checkSkip(input.skip))],
				['take', String(checkTake(input.take))],
			];
	const orderBy = encodeSort(input.sort);
	if (orderBy !== undefined) pairs.push(['orderbyfieldids', orderBy]);
	return fitFilter(pairs, input);
}

/**
 * Only the filter part (for connectors that take filters but no paging, such as the ReportConnector).
 * Same switching and length rules as buildGetConnectorQuery; `urlPrefixLength` is everything before the `?`.
 */
export function buildFilterQuery(input: {
	filter?: ProfitFilterGroups;
	rawFilterJson?: string | object;
	urlPrefixLength: number;
}): ProfitQuery {
	return fitFilter([], input);
}

/** `orderbyfieldids` value: comma-separated ids, `-` in front for descending (§5.3), e.g. `A,-B`. */
export function encodeSort(sort: SortField[] | undefined): string | undefined {
	if (sort === undefined || sort.length === 0) return undefined;
	const seen = new Set<string>();
	const parts = sort.map((entry, index) => {
		const field = typeof entry.field === 'string' ? entry.field.trim() : '';
		const at = `Sort field ${index + 1}`;
		if (field === '')
			throw new AfasInputError(
				'Sort',
				`${at} has no field`,
				'Pick a field or remove the sort entry',
			);
		if (/[,;]/.test(field))
			throw new AfasInputError(
				'Sort',
				`${at} ("${field}") contains "," or ";"`,
				'Add one sort entry per field',
			);
		if (field.startsWith('-'))
			throw new AfasInputError(
				'Sort',
				`${at} ("${field}") starts with "-"`,
				'Enter the field id without "-" and turn on Descending instead',
			);
		if (seen.has(field))
			throw new AfasInputError(
				'Sort',
				`${at}: "${field}" is sorted on twice`,
				'Remove the duplicate sort entry',
			);
		seen.add(field);
		return `${entry.descending ? '-' : ''}${encodeQueryValue(field)}`;
	});
	return parts.join(',');
}

function checkSkip(skip: number): number {
	if (!Number.isInteger(skip) || skip < 0)
		throw new AfasInputError(
			'Skip',
			`Skip must be a whole number of 0 or more (got ${skip})`,
			'Use Fetch in One Request to get everything at once',
		);
	return skip;
}

function checkTake(take: number): number {
	// take=0 returns one row and take=-1 needs skip=-1 (HTTP 500 otherwise), see §5.2.
	if (!Number.isInteger(take) || take < 1)
		throw new AfasInputError(
			'Page Size',
			`The page size must be a whole number of 1 or more (got ${take})`,
			'Use Fetch in One Request to get everything at once',
		);
	return take;
}

interface NormalisedCondition {
	field: string;
	code: number;
	/** undefined for isEmpty / isNotEmpty */
	value?: string;
}

function normaliseConditions(filter: ProfitFilterGroups | undefined): NormalisedCondition[][] {
	if (filter === undefined) return [];
	// Numbered before empty groups are dropped, so messages match what the user sees.
	return filter
		.map((group, groupIndex) =>
			(Array.isArray(group) ? group : []).map((condition, conditionIndex) =>
				normaliseCondition(condition, `Filters → Group ${groupIndex + 1} → Condition ${conditionIndex + 1}`),
			),
		)
		.filter((group) => group.length > 0);
}

/**
 * Checks every condition (field, operator, and the value by the field's type) without building a query, so a
 * bad value is reported before anything is sent; throws the AfasInputError buildGetConnectorQuery would throw.
 */
export function checkFilter(filter: ProfitFilterGroups | undefined): void {
	normaliseConditions(filter);
}

function normaliseCondition(condition: ProfitCondition, place: string): NormalisedCondition {
	const field = typeof condition.field === 'string' ? condition.field.trim() : '';
	if (field === '')
		throw new AfasInputError(
			'Filters',
			`${place} has no field`,
			'Pick a field or remove the condition',
		);
	const at = `${place} (field "${field}")`;
	if (/[,;]/.test(field))
		throw new AfasInputError(
			'Filters',
			`${at} contains "," or ";"`,
			'Enter one field id per condition, as listed by the connector',
		);
	const operator = OPERATOR_BY_VALUE.get(condition.operator);
	if (operator === undefined)
		throw new AfasInputError(
			'Filters',
			`${at}: unknown operator "${String(condition.operator)}"`,
			`Use one of: ${PROFIT_OPERATORS.map((o) => o.name).join(', ')}`,
		);
	if (!operator.needsValue) return { field, code: operator.code };
	return {
		field,
		code: operator.code,
		value: filterValueText(condition.value, {
			at,
			operatorName: operator.name,
			operatorCode: operator.code,
			type: condition.type,
		}),
	};
}

function simpleFilterPairs(groups: NormalisedCondition[][]): Array<[string, string]> {
	const glue = (pick: (condition: NormalisedCondition) => string) =>
		groups.map((group) => group.map(pick).join(',')).join(';');
	return [
		['filterfieldids', glue((condition) => encodeQueryValue(condition.field))],
		// Is empty / is not empty: AFAS wants an entry in every list, "which can be an empty value" (§5.4;
		// clients send '', 'null' or '[is leeg]', all ignored). Empty is the shortest and keeps the lists aligned.
		['filtervalues', glue((condition) => encodeQueryValue(condition.value ?? ''))],
		['operatortypes', glue((condition) => String(condition.code))],
	];
}

/** The filterjson object for UI filter groups; conditions without a value get no `#text` (as in the XML filter). */
export function toFilterJson(groups: ProfitFilterGroups): FilterJson {
	return conditionsToFilterJson(normaliseConditions(groups));
}

function conditionsToFilterJson(groups: NormalisedCondition[][]): FilterJson {
	return {
		Filters: {
			Filter: groups.map((group, index) => ({
				'@FilterId': `Filter ${index + 1}`,
				Field: group.map((condition) => {
					const field: FilterJsonField = {
						'@FieldId': condition.field,
						'@OperatorType': String(condition.code),
					};
					if (condition.value !== undefined) field['#text'] = condition.value;
					return field;
				}),
			})),
		},
	};
}

function filterJsonPair(filterJson: FilterJson): [string, string] {
	return ['filterjson', encodeQueryValue(JSON.stringify(filterJson))];
}

function urlLength(urlPrefixLength: number, query: string): number {
	return Math.max(0, urlPrefixLength) + (query === '' ? 0 : 1 + query.length);
}

function fitFilter(
	basePairs: Array<[string, string]>,
	input: {
		filter?: ProfitFilterGroups;
		rawFilterJson?: string | object;
		urlPrefixLength: number;
	},
): ProfitQuery {
	const raw = parseRawFilterJson(input.rawFilterJson);
	const groups = normaliseConditions(input.filter);
	if (raw !== undefined && groups.length > 0)
		throw new AfasInputError(
			'Raw JSON Filter',
			'Both Filters and a Raw JSON Filter are set',
			'Use one of them: put all conditions in the raw JSON filter, or remove it',
		);

	const fits = (query: string) => urlLength(input.urlPrefixLength, query) <= MAX_URL_LENGTH;

	if (raw !== undefined) {
		const query = joinQuery([filterJsonPair(raw), ...basePairs]);
		if (fits(query)) return { query, usesFilterJson: true };
		throw tooLong('Raw JSON Filter', urlLength(input.urlPrefixLength, query));
	}
	if (groups.length === 0) return { query: joinQuery(basePairs), usesFilterJson: false };

	const simpleCanCarry = groups.every((group) =>
		group.every((c) => c.value === undefined || !/[,;]/.test(c.value)),
	);
	if (simpleCanCarry) {
		const query = joinQuery([...basePairs, ...simpleFilterPairs(groups)]);
		if (fits(query)) return { query, usesFilterJson: false };
	}
	const query = joinQuery([filterJsonPair(conditionsToFilterJson(groups)), ...basePairs]);
	if (fits(query)) return { query, usesFilterJson: true };
	throw tooLong('Filters', urlLength(input.urlPrefixLength, query));
}

function tooLong(field: string, length: number): AfasInputError {
	return new AfasInputError(
		field,
		`The filters make the request URL ${length} characters long; AFAS accepts at most ${MAX_URL_LENGTH}`,
		'Use fewer or shorter conditions (a range such as "Greater Than or Equal" + "Less Than" instead of many "Equals"), ' +
			'split the work over several runs (one per filter group or per value range), ' +
			'or ask your AFAS administrator to add a fixed filter to the GetConnector itself',
	);
}
