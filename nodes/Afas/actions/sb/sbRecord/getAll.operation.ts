import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { readSbList } from '../../../transport';
import {
	limitProperty,
	returnAllProperty,
	sortDirectionOptions,
	timeoutMsOf,
	timeoutOption,
} from '../../common.descriptions';
import { SB_RESOURCES, sbResource } from './resources';

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
				default: 500,
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
): Promise<INodeExecutionData[]> {
	const resourceName = this.getNodeParameter('sbResource', itemIndex) as string;
	const resource = sbResource(resourceName);
	if (!resource) {
		throw new NodeOperationError(this.getNode(), `Unknown AFAS SB resource "${resourceName}"`, {
			itemIndex,
			description: `Use one of: ${SB_RESOURCES.map((entry) => entry.value).join(', ')}`,
		});
	}
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const filter = (this.getNodeParameter('filter', itemIndex, '') as string).trim();
	const sortField = (this.getNodeParameter('sortField', itemIndex, '') as string).trim();
	const sortDirection = this.getNodeParameter('sortDirection', itemIndex, 'ascending') as string;
	const options = this.getNodeParameter('options', itemIndex, {}) as {
		pageSize?: number;
		timeout?: number;
	};
	const rows = await readSbList.call(this, {
		resource: resource.value,
		acceptVersion: resource.acceptVersion,
		filter: filter === '' ? undefined : filter,
		sortField: `${sortField === '' ? resource.defaultSort : sortField} ${sortDirection === 'descending' ? 'descending' : 'ascending'}`,
		pageSize: options.pageSize ?? 500,
		limit,
		itemIndex,
		timeoutMs: timeoutMsOf(options),
	});
	return rows.map((row) => ({ json: row }));
}
