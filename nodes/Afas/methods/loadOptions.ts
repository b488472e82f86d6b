import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getConnectorLocator, updateConnectorLocator } from '../actions/common.descriptions';
import { parameters } from '../parameters';
import type { ProfitClient, UpdateConnectorMetainfo } from '../api/profit';
import { createProfitClient, getConnectorMetainfo, updateConnectorMetainfo } from '../api/profit';
import { subObjectPaths, upsertMatchField } from '../wire/profit/updateMapper';

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

async function chosenUpdateConnector(context: ILoadOptionsFunctions): Promise<{
	client: ProfitClient;
	connectorId: string;
	metainfo: UpdateConnectorMetainfo;
}> {
	const connectorId = parameters(context, 0, [updateConnectorLocator]).locator('updateConnector', {
		required: false,
	});
	if (connectorId === '') {
		throw new NodeOperationError(context.getNode(), 'Choose an UpdateConnector first', {
			description: 'The list is read from the UpdateConnector selected above.',
		});
	}
	const client = await createProfitClient(context);
	return {
		client,
		connectorId,
		metainfo: await updateConnectorMetainfo(client, connectorId),
	};
}

/** Every sub-object of the chosen UpdateConnector, nested ones as dot paths (KnContact.KnPerson). */
export async function getUpdateConnectorObjects(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const { connectorId, metainfo } = await chosenUpdateConnector(this);
	const meta = { ...metainfo, name: metainfo.name ?? connectorId };
	return subObjectPaths(meta).map((path) => ({ name: path, value: path }));
}

/** The code table of AFAS's own match field (MatchPer, MatchOga): how AFAS finds an existing record. */
export async function getUpsertMatchOptions(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const { connectorId, metainfo } = await chosenUpdateConnector(this);
	const match = upsertMatchField({
		...metainfo,
		name: metainfo.name ?? connectorId,
	});
	if (!match) {
		throw new NodeOperationError(this.getNode(), `${connectorId} has no AFAS match field`, {
			description: 'Set Match Mode to "Look Up Through a GetConnector".',
		});
	}
	return match.options.map((option) => ({
		...option,
		name: `${String(option.value)}: ${option.name}`,
		description: option.value === match.alwaysNew ? 'Always inserts a new record' : undefined,
	}));
}

export { getSbListFields } from './sb';

export { getTriggerDateFields, getTriggerKeyFields } from './trigger';
