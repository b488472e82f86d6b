import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getConnectorMetainfo } from '../transport';

/** The chosen GetConnector's fields (GET /metainfo/get/{id}): `id` is what filters and sorting use. */
export async function getConnectorFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const connectorId = this.getNodeParameter('connector', '', { extractValue: true }) as string;
	if (typeof connectorId !== 'string' || connectorId.trim() === '') {
		throw new NodeOperationError(this.getNode(), 'Choose a GetConnector first', {
			description: 'The fields are read from the GetConnector selected above.',
		});
	}
	const metainfo = await getConnectorMetainfo.call(this, connectorId.trim());
	return (metainfo.fields ?? []).map((field) => ({
		name: field.label && field.label !== field.id ? `${field.label} (${field.id})` : field.id,
		value: field.id,
		description: [field.dataType, field.length ? `length ${field.length}` : '']
			.filter(Boolean)
			.join(', '),
	}));
}
