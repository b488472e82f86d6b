import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { SbClient } from '../../api/sb';
import { readSbList } from '../../api/sb';
import { parameters } from '../../parameters';
import type { SbFilterOperator, SbFilterRow } from '../../wire/sb/filter';
import { renderSbFilter } from '../../wire/sb/filter';
import { sbReadPlan } from '../../wire/sb/readPlan';
import { limitProperty, returnAllProperty, sortDirectionOptions } from '../common.descriptions';
import { sbApiPath } from '../../wire/sb/catalogue';
import { acceptVersionOf, sbOptions } from './descriptions';
import { TRACKED_RESOURCES } from './selectors';
import { listOf, sbTarget } from './target';

const DEFAULT_PAGE_SIZE = 500;

const fieldsDependOn = ['resource', 'sbResource', 'operation'];

const properties: INodeProperties[] = [
	returnAllProperty,
	limitProperty,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'fixedCollection',
		placeholder: 'Add Condition',
		typeOptions: { multipleValues: true },
		default: {},
		options: [
			{
				displayName: 'Conditions',
				name: 'conditions',
				values: [
					{
						displayName: 'Field Name or ID',
						name: 'field',
						type: 'options',
						typeOptions: {
							loadOptionsMethod: 'getSbListFields',
							loadOptionsDependsOn: fieldsDependOn,
						},
						default: '',
						description:
							'A field of the records. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
					{
						displayName: 'Operator',
						name: 'operator',
						type: 'options',
						// SB documents only eq; the others are OData 4.0.1 operators (UNVERIFIED on real SB).
						options: [
							{ name: 'Equals', value: 'eq' },
							{ name: 'Greater Than', value: 'gt' },
							{ name: 'Greater Than or Equal', value: 'ge' },
							{ name: 'Less Than', value: 'lt' },
							{ name: 'Less Than or Equal', value: 'le' },
							{ name: 'Not Equals', value: 'ne' },
						],
						default: 'eq',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description:
							"Written in SB's syntax for the field's type: text quoted, GUIDs, numbers and dates as they are",
					},
				],
			},
		],
	},
	{
		displayName: 'Match',
		name: 'matchType',
		type: 'options',
		options: [
			{ name: 'All Conditions', value: 'and' },
			{ name: 'Any Condition', value: 'or' },
		],
		default: 'and',
	},
	{
		displayName: 'Only Changes Since Tracking Token',
		name: 'trackingToken',
		// A change cursor the workflow stores and passes back, not a secret: it stays readable.
		// eslint-disable-next-line n8n-nodes-base/node-param-type-options-password-missing
		type: 'string',
		default: '',
		placeholder: 'e.g. 2024020508565910',
		description:
			'The TrackingToken of an earlier read: only records changed since then are returned. Empty: all records. Every output record carries the new TrackingToken to store for the next run.',
		displayOptions: { show: { sbResource: TRACKED_RESOURCES, operation: ['getMany'] } },
	},
	sbOptions(
		{
			displayName: 'Filter (SB Syntax)',
			name: 'rawFilter',
			type: 'string',
			default: '',
			placeholder: "e.g. Name eq 'AFAS Software' or CityName eq 'Leusden'",
			description:
				'A filter written as AFAS SB takes it (eq, and, or; text in single quotes, GUIDs and numbers without). Combined with the conditions above by "and".',
		},
		{
			displayName: 'Page Size',
			name: 'pageSize',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 10000 },
			default: DEFAULT_PAGE_SIZE,
			description: 'Records per request',
		},
		{
			displayName: 'Sort Direction',
			name: 'sortDirection',
			type: 'options',
			options: sortDirectionOptions,
			default: 'ascending',
		},
		{
			displayName: 'Sort Field Name or ID',
			name: 'sortField',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getSbListFields', loadOptionsDependsOn: fieldsDependOn },
			default: '',
			description:
				'Empty: the field that is unique per record, so paging never drops or repeats one. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
	),
];

export const description = updateDisplayOptions(
	{ show: { product: ['sb'], operation: ['getMany', 'getManyLegacy'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: SbClient,
): Promise<INodeExecutionData[]> {
	const { entry } = sbTarget(this, itemIndex);
	const list = listOf(this, entry);
	const p = parameters(this, itemIndex, properties);
	const returnAll = p.boolean('returnAll');
	const limit = returnAll
		? undefined
		: p.number('limit', { integer: true, hint: 'Turn on Return All to read every record.' });
	const conditions: SbFilterRow[] = p.entries('filters.conditions').map((condition) => ({
		field: condition.string('field', { required: true, trim: true }),
		operator: condition.options<SbFilterOperator>('operator'),
		value: condition.raw('value'),
	}));
	const filter = renderSbFilter(
		conditions,
		p.options<'and' | 'or'>('matchType'),
		list.rowFields,
		p.string('options.rawFilter', { trim: true }),
	);
	const tracked = list.tracked;
	const trackingToken = tracked ? p.string('trackingToken', { trim: true }) : '';
	const pageSize = p.number('options.pageSize', { integer: true });
	const plan = sbReadPlan(list, {
		sortField: p.string('options.sortField', { trim: true }) || undefined,
		direction: p.options<'ascending' | 'descending'>('options.sortDirection'),
		limit,
		pageSize,
	});
	const result = await readSbList(client, {
		path: sbApiPath(entry),
		acceptVersion: acceptVersionOf(this, p, entry, itemIndex),
		filter,
		plan,
		pageSize,
		limit,
		trackingToken: trackingToken === '' ? undefined : trackingToken,
		itemIndex,
		timeoutMs: p.timeoutMs('options.timeout'),
	});
	const token = result.trackingToken;
	return result.rows.map((row) => ({
		json: tracked && token !== undefined ? { ...row, TrackingToken: token } : row,
	}));
}
