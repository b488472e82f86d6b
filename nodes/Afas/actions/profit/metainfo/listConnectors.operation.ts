import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { parameters } from '../../../parameters';
import type { ProfitClient } from '../../../api/profit';
import { profitMetainfo } from '../../../api/profit';

const properties: INodeProperties[] = [
	{
		displayName: 'Connector Type',
		name: 'connectorType',
		type: 'options',
		options: [
			{ name: 'All', value: 'all' },
			{ name: 'GetConnectors', value: 'get' },
			{ name: 'UpdateConnectors', value: 'update' },
		],
		default: 'all',
		description: 'Which connectors to list',
	},
];

export const description = updateDisplayOptions(
	{ show: { product: ['profit'], resource: ['metainfo'], operation: ['listConnectors'] } },
	properties,
);

/** One item per connector linked to the app connector, plus the environment it came from. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ProfitClient,
): Promise<INodeExecutionData[]> {
	const connectorType = parameters(this, itemIndex, properties).options('connectorType');
	const metainfo = await profitMetainfo(client, itemIndex);
	const environment = typeof metainfo.info?.envid === 'string' ? metainfo.info.envid : undefined;
	const items: INodeExecutionData[] = [];
	const add = (type: 'getConnector' | 'updateConnector', list: typeof metainfo.getConnectors) => {
		for (const connector of list ?? []) {
			items.push({
				json: {
					type,
					id: connector.id,
					description: connector.description ?? '',
					...(environment ? { environment } : {}),
				},
			});
		}
	};
	if (connectorType !== 'update') add('getConnector', metainfo.getConnectors);
	if (connectorType !== 'get') add('updateConnector', metainfo.updateConnectors);
	return items;
}
