import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getConnectorMetainfo, MAX_PARALLEL_REQUESTS, readGetConnector } from '../../../transport';
import { convertRowDates } from '../../../wire/profitDates';
import type { DateHandling } from '../../../wire/profitDates';
import type {
	ProfitCondition,
	ProfitFilterGroups,
	ProfitOperator,
	SortField,
} from '../../../wire/profitFilter';
import { PROFIT_OPERATORS } from '../../../wire/profitFilter';
import { AfasInputError } from '../../../wire/inputError';
import { choosePageSize } from '../../../wire/profitPaging';
import {
	getConnectorLocator,
	limitProperty,
	returnAllProperty,
	sortDirectionOptions,
	timeoutMsOf,
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

const properties: INodeProperties[] = [
	getConnectorLocator,
	returnAllProperty,
	limitProperty,
	{
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
	},
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
			{
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
				description:
					'How to output date-times: AFAS sends Amsterdam local time with a misleading Z',
			},
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
				typeOptions: { minValue: 0 },
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

interface ConditionParameter {
	field?: string;
	operator?: ProfitOperator;
	value?: unknown;
}

interface GetAllOptions {
	dateHandling?: DateHandling;
	fetchInOneRequest?: boolean;
	pageSize?: number;
	parallelRequests?: number;
	rawFilterJson?: string | IDataObject;
	timeout?: number;
}

/** Expressions can hand over Luxon DateTimes; the wire rules take JS Dates and strings. */
function filterValue(value: unknown): ProfitCondition['value'] {
	if (value instanceof Date || value === null || value === undefined)
		return value as Date | null | undefined;
	if (
		typeof value === 'object' &&
		typeof (value as { toJSDate?: unknown }).toJSDate === 'function'
	) {
		return (value as { toJSDate(): Date }).toJSDate();
	}
	if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
		return value;
	return String(value);
}

function readFilters(this: IExecuteFunctions, itemIndex: number): ProfitFilterGroups {
	const groups = this.getNodeParameter('filters.groups', itemIndex, []) as Array<{
		conditions?: { condition?: ConditionParameter[] };
	}>;
	return groups
		.map((group) =>
			(group.conditions?.condition ?? []).map((condition) => ({
				field: condition.field ?? '',
				operator: condition.operator ?? 'equals',
				value: filterValue(condition.value),
			})),
		)
		.filter((group) => group.length > 0);
}

function readSort(this: IExecuteFunctions, itemIndex: number): SortField[] {
	const fields = this.getNodeParameter('sort.fields', itemIndex, []) as Array<{
		field?: string;
		direction?: string;
	}>;
	return fields.map((entry) => ({
		field: entry.field ?? '',
		descending: entry.direction === 'descending',
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
): Promise<INodeExecutionData[]> {
	const connectorId = this.getNodeParameter('connector', itemIndex, '', {
		extractValue: true,
	}) as string;
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const options = this.getNodeParameter('options', itemIndex, {}) as GetAllOptions;
	const filter = readFilters.call(this, itemIndex);
	const requestedSort = readSort.call(this, itemIndex);

	const metainfo = await getConnectorMetainfo.call(this, connectorId, itemIndex);
	const fieldIds = (metainfo.fields ?? []).map((field) => field.id);
	checkFieldsExist(connectorId, fieldIds, filter, requestedSort);
	const fetchInOneRequest = returnAll && options.fetchInOneRequest === true;
	// No field count (empty metainfo) gives the module's default page size, not one sized for a single column.
	const pageSize = choosePageSize(fieldIds.length, options.pageSize);
	const mayPage = !fetchInOneRequest && (limit === undefined || limit > pageSize);
	if (fieldIds.length === 0 && requestedSort.length === 0 && mayPage) {
		throw new AfasInputError(
			'Sort',
			`The metainfo of GetConnector ${connectorId} lists no fields, so the node cannot choose a sort for paging`,
			`Add a Sort field that is unique per row, set a Limit of at most ${pageSize}, or use Fetch in One Request`,
		);
	}

	const rows = await readGetConnector.call(this, {
		connectorId,
		filter,
		rawFilterJson: options.rawFilterJson === '' ? undefined : options.rawFilterJson,
		sort: withTieBreaker(requestedSort, fieldIds[0]),
		pageSize,
		limit,
		parallelRequests: options.parallelRequests ?? 1,
		fetchInOneRequest,
		itemIndex,
		timeoutMs: timeoutMsOf(options),
	});
	const dateHandling = options.dateHandling ?? 'amsterdam';
	return rows.map((row) => ({ json: convertRowDates(row, dateHandling) }));
}
