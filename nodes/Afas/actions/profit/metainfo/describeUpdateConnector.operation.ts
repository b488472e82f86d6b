import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { parameters } from '../../../parameters';
import type { ProfitClient } from '../../../api/profit';
import { updateConnectorMetainfo } from '../../../api/profit';
import { updateConnectorLocator } from '../../common.descriptions';
import { describeUpdateObject } from './describe';

export const description = updateDisplayOptions(
	{ show: { product: ['profit'], resource: ['metainfo'], operation: ['describeUpdateConnector'] } },
	[updateConnectorLocator],
);

/**
 * One item: the connector id (used in the URL), its body root name (`name`, which can differ from the id, e.g.
 * FiEntries -> FiEntryPar), and the field tree with keys, mandatory flags, types and allowed values.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ProfitClient,
): Promise<INodeExecutionData[]> {
	const connectorId = parameters(this, itemIndex, [updateConnectorLocator]).locator(
		'updateConnector',
		{
			emptyHint: 'Choose an UpdateConnector from the list, or enter its ID (e.g. KnOrganisation).',
		},
	);
	const metainfo = await updateConnectorMetainfo(client, connectorId, itemIndex);
	return [
		{
			json: {
				id: metainfo.id ?? connectorId,
				description: metainfo.description ?? '',
				...describeUpdateObject({ ...metainfo, name: metainfo.name ?? connectorId }),
			},
		},
	];
}
