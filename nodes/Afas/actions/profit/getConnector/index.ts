import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { product: ['profit'], resource: ['getConnector'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Read rows from a GetConnector, filtered and sorted',
				action: 'Get many rows from a get connector',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
