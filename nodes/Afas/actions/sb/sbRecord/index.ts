import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { product: ['sb'], resource: ['sbRecord'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Read records of an AFAS SB resource',
				action: 'Get many SB records',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
