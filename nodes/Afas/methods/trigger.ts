import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { getConnectorLocator } from '../actions/common.descriptions';
import { createProfitClient, getConnectorMetainfo } from '../api/profit';
import { parameters } from '../parameters';
import { connectorFieldsOf, suggestDateField, suggestKeyField } from '../wire/profit/changeFields';
import type { ConnectorFieldInfo } from '../wire/profit/changeFields';

async function connectorFields(context: ILoadOptionsFunctions): Promise<ConnectorFieldInfo[]> {
	const connectorId = parameters(context, 0, [getConnectorLocator]).locator('connector', {
		required: false,
	});
	if (connectorId === '') return [];
	const metainfo = await getConnectorMetainfo(await createProfitClient(context), connectorId);
	return connectorFieldsOf(metainfo.fields);
}

function option(field: ConnectorFieldInfo): INodePropertyOptions {
	return {
		name: field.label && field.label !== field.id ? `${field.label} (${field.id})` : field.id,
		value: field.id,
		description: field.dataType,
	};
}

/** "Automatic" first (naming the field it picks), then the connector's date fields. */
export async function getTriggerDateFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const fields = await connectorFields(this);
	const suggested = suggestDateField(fields);
	return [
		{
			name: suggested ? `Automatic (${suggested})` : 'Automatic (choose a field: none is obvious)',
			value: '',
		},
		...fields.filter((field) => /date/i.test(field.dataType ?? '')).map(option),
	];
}

/** "Automatic" (the connector's first field) first, then every field. */
export async function getTriggerKeyFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const fields = await connectorFields(this);
	const suggested = suggestKeyField(fields, suggestDateField(fields));
	return [
		{ name: suggested ? `Automatic (${suggested})` : 'Automatic', value: '' },
		...fields.map(option),
	];
}
