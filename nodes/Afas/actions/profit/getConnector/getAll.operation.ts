import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ParameterReader } from '../../../parameters';
import { parameters } from '../../../parameters';
import type { ProfitClient } from '../../../api/profit';
import { getConnectorMetainfo, MAX_PARALLEL_REQUESTS, readGetConnector } from '../../../api/profit';
import { convertRowDates } from '../../../wire/profit/dates';
import type { DateHandling } from '../../../wire/profit/dates';
import type {
	ProfitCondition,
	ProfitFilterGroups,
	ProfitOperator,
} from '../../../wire/profit/filter';
import { PROFIT_OPERATORS } from '../../../wire/profit/filter';
import type { SortField } from '../../../wire/profit/query';
import { AfasInputError } from '../../../wire/inputError';
import { choosePageSize, MAX_PAGE_SIZE_OVERRIDE } from '../../../wire/profit/paging';
import {
	getConnectorLocator,
	limitProperty,
	returnAllProperty,
	sortDirectionOptions,
	timeoutOption,
} from '../../common.descriptions';
import { checkFieldsExist } from './fields';

const fieldProperty: INodeProperties = {
	displayName: 'Field Name or ID',
	name: 'field',
	type: 'options',
	typeOptions: {
		loadOptionsMethod: 'getConnectorFields',
		loadOptionsDependsOn: ['connector.value'],
	},
	default: '',
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

/** Filter groups over the connector's fields; the AFAS Trigger offers the same builder. */
export const filtersProperty: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'fixedCollection',
	placeholder: 'Add Filter Group',
	typeOptions: { multipleValues: true },
	default: {},
	description:
		'Rows must match all conditions of at least one group: AND inside a group, OR between groups',
	options: [
		{
			displayName: 'Group',
			name: 'groups',
			values: [
				{
					displayName: 'Conditions',
					name: 'conditions',
					type: 'fixedCollection',
					placeholder: 'Add Condition',
					typeOptions: { multipleValues: true },
					default: {},
					options: [
						{
							displayName: 'Condition',
							name: 'condition',
							values: [
								fieldProperty,
								{
									displayName: 'Operator',
									name: 'operator',
									type: 'options',

									options: PROFIT_OPERATORS.map((operator) => ({
										name: operator.name,
										value: operator.value,
										description: operator.description,
									})),
									default: 'equals',
								},
								{
									displayName: 'Value',
									name: 'value',
									type: 'string',
									default: '',
									hint: 'Dates: 2024-07-01, 2024-07-01T14:30:00 (Amsterdam time) or with Z / an offset',
									displayOptions: { hide: { operator: ['isEmpty', 'isNotEmpty'] } },
								},
							],
						},
					],
				},
			],
		},
	],
};

/** How Profit's dates leave the node (the AFAS Trigger offers the same choice). */
export const dateHandlingOption: INodeProperties = {
	displayName: 'Date Handling',
	name: 'dateHandling',
	type: 'options',
	options: [
		{
			name: 'ISO 8601 With Amsterdam Offset',
			value: 'amsterdam',
			description: "Profit's local time with its real offset, e.g. 2024-07-01T14:30:00+02:00",
		},
		{
			name: 'Keep as Sent by AFAS',
			value: 'keep',
			description: 'E.g. 2024-07-01T14:30:00Z, where the Z is Amsterdam time, not UTC.',
		},
		{
			name: 'UTC',
			value: 'utc',
			description: 'The real instant in UTC, e.g. 2024-07-01T12:30:00Z',
		},
	],
	default: 'amsterdam',
	description: 'How to output date-times: AFAS sends Amsterdam local time with a misleading Z',
};

const properties: INodeProperties[] = [
	getConnectorLocator,
	returnAllProperty,
	limitProperty,
	filtersProperty,
	{
		displayName: 'Sort',
		name: 'sort',
		type: 'fixedCollection',
		placeholder: 'Add Sort Field',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		hint: "Sort on a field that is unique per row, otherwise rows can repeat or go missing between pages. The node adds the connector's first field as a tie-breaker.",
		options: [
			{
				displayName: 'Field',
				name: 'fields',
				values: [
					fieldProperty,
					{
						displayName: 'Direction',
						name: 'direction',
						type: 'options',
						options: sortDirectionOptions,
						default: 'ascending',
					},
				],
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			dateHandlingOption,
			{
				displayName: 'Fetch in One Request',
				name: 'fetchInOneRequest',
				type: 'boolean',
				default: false,
				description:
					'Whether to fetch all rows in a single request (skip=-1&take=-1). AFAS strongly discourages this for large connectors.',
				displayOptions: { show: { '/returnAll': [true] } },
			},
			{
				displayName: 'Page Size',
				name: 'pageSize',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: MAX_PAGE_SIZE_OVERRIDE },
				default: 0,
				description:
					"Rows per request. 0 (or no option) chooses it from the number of fields, so that fields × rows stays under AFAS's guidance of 150 000.",
			},
			{
				displayName: 'Parallel Requests',
				name: 'parallelRequests',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_PARALLEL_REQUESTS },
				default: 1,
				description:
					'How many pages to fetch at the same time (same sort, same result). AFAS allows at most a few parallel calls per environment.',
			},
			{
				displayName: 'Raw JSON Filter',
				name: 'rawFilterJson',
				type: 'json',
				default: '',
				description:
					'An AFAS filterjson object, e.g. {"Filters":{"Filter":[{"@FilterId":"Filter 1","Field":[{"@FieldId":"AdminId","@OperatorType":"1","#text":"1"}]}]}}. Use instead of Filters.',
			},
			timeoutOption,
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { product: ['profit'], resource: ['getConnector'], operation: ['getAll'] } },
	properties,
);

/**
 * Expressions can hand over Luxon DateTimes; the wire rules take JS Dates. Anything else goes on as it is: the
 * wire checks each value by its field's type and refuses objects and lists (never "[object Object]").
 */
export function filterValue(value: unknown): ProfitCondition['value'] {
	if (
		typeof value === 'object' &&
		value !== null &&
		typeof (value as { toJSDate?: unknown }).toJSDate === 'function'
	) {
		return (value as { toJSDate(): Date }).toJSDate();
	}
	return value;
}

export function readFilters(p: ParameterReader): ProfitFilterGroups {
	return p
		.entries('filters.groups')
		.map((group) =>
			group.entries('conditions.condition').map((condition) => ({
				field: condition.string('field', { trim: true }),
				operator: condition.options<ProfitOperator>('operator'),
				value: filterValue(condition.raw('value')),
			})),
		)
		.filter((group) => group.length > 0);
}

function readSort(p: ParameterReader): SortField[] {
	return p.entries('sort.fields').map((entry) => ({
		field: entry.string('field', { trim: true }),
		descending: entry.options('direction') === 'descending',
	}));
}

/**
 * Paging is only exact when the sort is unique per row (research §5.2, §13.2): rows that tie may swap between
 * pages. The connector's first field (usually its key) goes last as a tie-breaker unless the user sorts on it.
 */
function withTieBreaker(sort: SortField[], firstField: string | undefined): SortField[] {
	if (firstField === undefined) return sort;
	const key = firstField.toLowerCase();
	if (sort.some((entry) => entry.field.toLowerCase() === key)) return sort;
	return [...sort, { field: firstField }];
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ProfitClient,
): Promise<INodeExecutionData[]> {
	const p = parameters(this, itemIndex, properties);
	const connectorId = p.locator('connector', {
		emptyHint: 'Choose a GetConnector from the list, or enter its ID (e.g. Profit_Debtors).',
	});
	const returnAll = p.boolean('returnAll');
	const limit = returnAll
		? undefined
		: p.number('limit', { integer: true, hint: 'Turn on Return All to read every row.' });
	const filter = readFilters(p);
	const requestedSort = readSort(p);
	const dateHandling = p.options<DateHandling>('options.dateHandling');
	const fetchInOneRequest = returnAll && p.boolean('options.fetchInOneRequest');
	const pageSizeOverride = p.number('options.pageSize', { integer: true });
	const parallelRequests = p.number('options.parallelRequests', { integer: true });
	const rawFilterJson = p.json('options.rawFilterJson');
	const timeoutMs = p.timeoutMs('options.timeout');

	const metainfo = await getConnectorMetainfo(client, connectorId, itemIndex);
	const fields = Array.isArray(metainfo.fields) ? metainfo.fields : [];
	const fieldIds = fields
		.map((field) => field?.id)
		.filter((id): id is string => typeof id === 'string' && id !== '');
	// With the field objects, each filter value is also checked by its field's type.
	checkFieldsExist(connectorId, fields, filter, requestedSort);
	// No field count (empty metainfo) gives the module's default page size, not one sized for a single column.
	const pageSize = choosePageSize(fieldIds.length, pageSizeOverride);
	const mayPage = !fetchInOneRequest && (limit === undefined || limit > pageSize);
	if (fieldIds.length === 0 && requestedSort.length === 0 && mayPage) {
		throw new AfasInputError(
			'Sort',
			`The metainfo of GetConnector ${connectorId} lists no fields, so the node cannot choose a sort for paging`,
			`Add a Sort field that is unique per row, set a Limit of at most ${pageSize}, or use Fetch in One Request`,
		);
	}

	const rows = await readGetConnector(client, {
		connectorId,
		filter,
		rawFilterJson,
		sort: withTieBreaker(requestedSort, fieldIds[0]),
		pageSize,
		limit,
		parallelRequests,
		fetchInOneRequest,
		itemIndex,
		timeoutMs,
	});
	return rows.map((row) => ({ json: convertRowDates(row, dateHandling) }));
}
