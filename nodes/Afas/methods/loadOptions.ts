import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getConnectorLocator } from '../actions/common.descriptions';
import { parameters } from '../parameters';
import { createProfitClient, getConnectorMetainfo } from '../api/profit';

/** The chosen GetConnector's fields (GET /metainfo/get/{id}): `id` is what filters and sorting use. */
export async function getConnectorFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	// Load-options contexts have no items; the reader ignores the index there.
	const connectorId = parameters(this, 0, [getConnectorLocator]).locator('connector', {
		required: false,
	});
	if (connectorId === '') {
		throw new NodeOperationError(this.getNode(), 'Choose a GetConnector first', {
			description: 'The fields are read from the GetConnector selected above.',
		});
	}
	const metainfo = await getConnectorMetainfo(await createProfitClient(this), connectorId);
	return (metainfo.fields ?? []).map((field) => ({
		name: field.label && field.label !== field.id ? `${field.label} (${field.id})` : field.id,
		value: field.id,
		description: [field.dataType, field.length ? `length ${field.length}` : '']
			.filter(Boolean)
			.join(', '),
	}));
}
