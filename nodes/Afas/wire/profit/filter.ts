import { AfasInputError } from '../inputError';
import type { FilterJson, FilterJsonField } from './filterJson';
import { filterValueText } from './filterValues';
import type { ProfitFieldType } from './filterValues';

/**
 * GetConnector filter conditions: operators, the checks on each condition, and filterjson (research §5.4–§5.5).
 * How they go into a query string (simple lists or filterjson, within AFAS's URL limit) is query.ts.
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
	/** The field's metainfo `dataType`; when known, the value is checked and written by it (filterValues.ts). */
	type?: ProfitFieldType;
}

/** AND inside a group, OR between groups. */
export type ProfitFilterGroups = ProfitCondition[][];

/** A checked condition: its field trimmed, its operator's code, its value written for AFAS. */
export interface NormalisedCondition {
	field: string;
	code: number;
	/** undefined for isEmpty / isNotEmpty */
	value?: string;
}

/** Checks and writes every condition; empty groups are dropped after numbering. */
export function normaliseConditions(
	filter: ProfitFilterGroups | undefined,
): NormalisedCondition[][] {
	if (filter === undefined) return [];
	// Numbered before empty groups are dropped, so messages match what the user sees.
	return filter
		.map((group, groupIndex) =>
			(Array.isArray(group) ? group : []).map((condition, conditionIndex) =>
				normaliseCondition(
					condition,
					`Filters → Group ${groupIndex + 1} → Condition ${conditionIndex + 1}`,
				),
			),
		)
		.filter((group) => group.length > 0);
}

/**
 * Checks every condition (field, operator, and the value by the field's type) without building a query, so a
 * bad value is reported before anything is sent; throws the AfasInputError the query builders would throw.
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

/** The filterjson object for UI filter groups; conditions without a value get no `#text` (as in the XML filter). */
export function toFilterJson(groups: ProfitFilterGroups): FilterJson {
	return conditionsToFilterJson(normaliseConditions(groups));
}

export function conditionsToFilterJson(groups: NormalisedCondition[][]): FilterJson {
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
