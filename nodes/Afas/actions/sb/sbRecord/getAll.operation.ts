import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { parameters } from '../../../parameters';
import type { SbClient } from '../../../api/sb';
import { readSbList } from '../../../api/sb';
import {
	limitProperty,
	returnAllProperty,
	sortDirectionOptions,
	timeoutOption,
} from '../../common.descriptions';
import { SB_RESOURCES, sbResource } from './resources';

const DEFAULT_SB_PAGE_SIZE = 500;

const properties: INodeProperties[] = [
	{
		displayName: 'SB Resource',
		name: 'sbResource',
		type: 'options',
		options: SB_RESOURCES.map((resource) => ({
			name: resource.name,
			value: resource.value,
			description: `GET api/${resource.value} (Accept-Version ${resource.acceptVersion})`,
		})),
		default: 'organisations',
		description: 'Which AFAS SB list to read',
	},
	returnAllProperty,
	limitProperty,
	{
		displayName: 'Filter',
		name: 'filter',
		type: 'string',
		default: '',
		placeholder: "e.g. Name eq 'AFAS Software'",
		description:
			'AFAS SB filter (OData style: eq, and, or). Quote text with single quotes; GUIDs and numbers without quotes.',
	},
	{
		displayName: 'Sort Field',
		name: 'sortField',
		type: 'string',
		default: '',
		placeholder: 'e.g. Name',
		hint: 'Empty: sorted by Id (or the first field), because paging needs a stable order',
	},
	{
		displayName: 'Sort Direction',
		name: 'sortDirection',
		type: 'options',
		options: sortDirectionOptions,
		default: 'ascending',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Page Size',
				name: 'pageSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 10000 },
				default: DEFAULT_SB_PAGE_SIZE,
				description: 'Rows per request',
			},
			timeoutOption,
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { product: ['sb'], resource: ['sbRecord'], operation: ['getAll'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: SbClient,
): Promise<INodeExecutionData[]> {
	const p = parameters(this, itemIndex, properties);
	const resourceName = p.options('sbResource');
	const resource = sbResource(resourceName);
	if (!resource) {
		throw new NodeOperationError(this.getNode(), `Unknown AFAS SB resource "${resourceName}"`, {
			itemIndex,
			description: `Use one of: ${SB_RESOURCES.map((entry) => entry.value).join(', ')}`,
		});
	}
	const returnAll = p.boolean('returnAll');
	const limit = returnAll
		? undefined
		: p.number('limit', { integer: true, hint: 'Turn on Return All to read every record.' });
	const filter = p.string('filter', { trim: true });
	const sortField = p.string('sortField', { trim: true });
	const sortDirection = p.options('sortDirection');
	const pageSize = p.number('options.pageSize', { integer: true });
	const timeoutMs = p.timeoutMs('options.timeout');
	const rows = await readSbList(client, {
		resource: resource.value,
		acceptVersion: resource.acceptVersion,
		filter: filter === '' ? undefined : filter,
		sortField: `${sortField === '' ? resource.defaultSort : sortField} ${sortDirection === 'descending' ? 'descending' : 'ascending'}`,
		pageSize,
		limit,
		itemIndex,
		timeoutMs,
	});
	return rows.map((row) => ({ json: row }));
}
