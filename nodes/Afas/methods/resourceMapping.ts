import type { ILoadOptionsFunctions, ResourceMapperFields } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateConnectorLocator } from '../actions/common.descriptions';
import { createProfitClient, updateConnectorMetainfo } from '../api/profit';
import { parameters } from '../parameters';
import type { MapperOperation } from '../wire/profit/updateMapper';
import { resourceMapperFieldsOf } from '../wire/profit/updateMapper';

const OPERATIONS: MapperOperation[] = ['insert', 'update', 'delete', 'upsert'];

/**
 * The UpdateConnector's root fields for n8n's resource mapper (GET /metainfo/update/{id}): labels, types,
 * mandatory marks, code tables as options, custom fields; key fields are the matching columns. A connector
 * whose metainfo marks no key (FiEntries) offers its fields for Delete so the user can pick the identifying ones.
 */
export async function getUpdateConnectorFields(
	this: ILoadOptionsFunctions,
): Promise<ResourceMapperFields> {
	const connectorId = parameters(this, 0, [updateConnectorLocator]).locator('updateConnector', {
		required: false,
	});
	if (connectorId === '')
		throw new NodeOperationError(this.getNode(), 'Choose an UpdateConnector first', {
			description: 'The fields are read from the UpdateConnector selected above.',
		});
	const chosen = this.getNodeParameter('operation', 'insert') as string;
	const operation = OPERATIONS.includes(chosen as MapperOperation)
		? (chosen as MapperOperation)
		: 'insert';
	const metainfo = await updateConnectorMetainfo(await createProfitClient(this), connectorId);
	const meta = { ...metainfo, name: metainfo.name ?? connectorId };
	let fields = resourceMapperFieldsOf(meta, { operation });
	if (operation === 'delete' && fields.length === 0)
		fields = resourceMapperFieldsOf(meta, { operation: 'update' }).map((field) => ({
			...field,
			required: false,
		}));
	return { fields };
}

export { getSbWriteFields } from './sb';
