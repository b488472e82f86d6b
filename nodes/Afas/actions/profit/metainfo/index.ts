import type { INodeProperties } from 'n8n-workflow';

import * as describeGetConnector from './describeGetConnector.operation';
import * as describeUpdateConnector from './describeUpdateConnector.operation';
import * as listConnectors from './listConnectors.operation';

export { describeGetConnector, describeUpdateConnector, listConnectors };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { product: ['profit'], resource: ['metainfo'] } },
		options: [
			{
				name: 'Describe GetConnector',
				value: 'describeGetConnector',
				description: 'List the fields of a GetConnector with their types',
				action: 'Describe a get connector',
			},
			{
				name: 'Describe UpdateConnector',
				value: 'describeUpdateConnector',
				description:
					'List the fields, keys, mandatory flags and nested objects of an UpdateConnector',
				action: 'Describe an update connector',
			},
			{
				name: 'List Connectors',
				value: 'listConnectors',
				description: 'List the GetConnectors and UpdateConnectors your app connector may use',
				action: 'List connectors',
			},
		],
		default: 'listConnectors',
	},
	...listConnectors.description,
	...describeGetConnector.description,
	...describeUpdateConnector.description,
];
