import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ProfitClient } from '../../../api/profit';
import { parameters } from '../../../parameters';
import { updateConnectorPath } from '../../../wire/profit/updatePaths';
import { updateConnectorLocator } from '../../common.descriptions';
import {
	blankFieldsOption,
	dryRunOption,
	elementJsonProperty,
	fieldsProperty,
	includeInputFieldsOption,
	inputModeProperty,
	optionsProperty,
	retryUpdatesOption,
	subObjectsProperty,
	timeoutOption,
} from './descriptions';
import {
	bodyOf,
	deliver,
	elementsToSend,
	loadMeta,
	prepareItem,
	readConnector,
	readWriteOptions,
} from './execution';

const properties: INodeProperties[] = [
	updateConnectorLocator,
	inputModeProperty,
	fieldsProperty('update'),
	elementJsonProperty,
	subObjectsProperty(),
	optionsProperty([
		blankFieldsOption,
		dryRunOption,
		includeInputFieldsOption,
		retryUpdatesOption,
		timeoutOption,
	]),
];

export const description = updateDisplayOptions(
	{
		show: {
			product: ['profit'],
			resource: ['updateConnector'],
			operation: ['update'],
		},
	},
	properties,
);

/**
 * PUT `/connectors/{id}`: the key fields identify the record; only the fields in the body change (§7.2).
 * Sub-object rows may carry their own @Action (insert one bank account, update another, in one transaction).
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ProfitClient,
): Promise<INodeExecutionData[]> {
	const p = parameters(this, itemIndex, properties);
	const connectorId = readConnector(p);
	const options = readWriteOptions(p, true);
	const path = updateConnectorPath(connectorId);
	const meta = await loadMeta(client, connectorId, itemIndex);
	const prepared = prepareItem(this, p, meta, itemIndex, {
		operation: 'update',
	});
	const elements = elementsToSend(this, itemIndex, connectorId, meta, prepared, 'update');
	return await deliver(
		client,
		{ method: 'PUT', path, body: bodyOf(meta, elements) },
		{ connectorId, operation: 'update', meta, options },
		itemIndex,
		prepared.item,
	);
}
