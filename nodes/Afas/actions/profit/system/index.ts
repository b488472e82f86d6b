import type { INodeProperties } from 'n8n-workflow';

import * as getProfitVersion from './getProfitVersion.operation';

export { getProfitVersion };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { product: ['profit'], resource: ['system'] } },
		options: [
			{
				name: 'Get Profit Version',
				value: 'getProfitVersion',
				description: 'Get the version of the Profit environment',
				action: 'Get the profit version',
			},
		],
		default: 'getProfitVersion',
	},
	...getProfitVersion.description,
];
