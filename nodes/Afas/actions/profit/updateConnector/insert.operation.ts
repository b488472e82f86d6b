import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { ProfitClient, UpdateRequest } from '../../../api/profit';
import { sendUpdate } from '../../../api/profit';
import { parameters } from '../../../parameters';
import { updateConnectorPath } from '../../../wire/profit/updatePaths';
import type { ItemOutcome } from '../../node.type';
import { updateConnectorLocator } from '../../common.descriptions';
import {
	blankFieldsOption,
	dryRunOption,
	elementJsonProperty,
	fieldsProperty,
	includeInputFieldsOption,
	inputModeProperty,
	optionsProperty,
	subObjectsProperty,
	timeoutOption,
} from './descriptions';
import type { Delivery } from './execution';
import {
	batchError,
	batchResultItem,
	bodyOf,
	dryRunItem,
	elementsToSend,
	loadMeta,
	prepareItem,
	readConnector,
	readWriteOptions,
	resultItem,
} from './execution';

export const MAX_BATCH_SIZE = 500;

const properties: INodeProperties[] = [
	updateConnectorLocator,
	inputModeProperty,
	fieldsProperty('add'),
	elementJsonProperty,
	subObjectsProperty(),
	optionsProperty([
		{
			displayName: 'Batch Size',
			name: 'batchSize',
			type: 'number',
			typeOptions: {
				minValue: 1,
				maxValue: MAX_BATCH_SIZE,
				numberPrecision: 0,
			},
			default: 1,
			description:
				'How many input items to send in one call (Element as a list). AFAS saves a batch as one transaction: all of it or nothing.',
		},
		{
			displayName: 'On Batch Failure',
			name: 'onBatchFailure',
			type: 'options',
			options: [
				{
					name: 'Fail Every Item of the Batch',
					value: 'failBatch',
					description: "Report AFAS's error on every item of the batch (nothing of it was saved)",
				},
				{
					name: 'Retry Each Item',
					value: 'retryEachItem',
					description:
						'When AFAS refused the batch, send its items one by one to find the one it refuses; the others are saved',
				},
			],
			default: 'failBatch',
		},
		blankFieldsOption,
		dryRunOption,
		includeInputFieldsOption,
		{
			displayName: 'Sub-Object Endpoint',
			name: 'subObjectEndpoint',
			type: 'string',
			default: '',
			placeholder: 'e.g. FbSalesLines',
			description:
				'Add rows to an existing record: POST to /connectors/{ID}/{sub-object}. The fields identify the record (e.g. the order number); the sub-object rows are inserted.',
		},
		timeoutOption,
	]),
];

export const description = updateDisplayOptions(
	{
		show: {
			product: ['profit'],
			resource: ['updateConnector'],
			operation: ['insert'],
		},
	},
	properties,
);

export function batchSize(this: IExecuteFunctions): number {
	return parameters(this, 0, properties).number('options.batchSize', {
		integer: true,
	});
}

/**
 * AFAS answered and refused the batch (a validation error, a payload too large, maintenance before processing):
 * nothing of it was saved, so sending the items one by one cannot save anything twice. A timeout, a dropped
 * connection or a gateway error (502/504) leaves it unknown whether AFAS saved the batch: never resent.
 */
function refusedByAfas(error: unknown): boolean {
	if (!(error instanceof NodeApiError)) return false;
	const code = Number(error.httpCode);
	return (code >= 400 && code < 500) || code === 500 || code === 503;
}

interface Ready {
	itemIndex: number;
	elements: ReturnType<typeof elementsToSend>;
	item: IDataObject;
}

/**
 * Items are checked one by one (an item with problems fails alone, nothing is sent for it); the valid ones go
 * to AFAS together as one POST with `Element` as a list. Batch-wide settings (connector, options) are read from
 * the group's first item.
 */
export async function executeBatch(
	this: IExecuteFunctions,
	itemIndices: number[],
	client: ProfitClient,
): Promise<ItemOutcome[]> {
	const first = parameters(this, itemIndices[0], properties);
	const connectorId = readConnector(first);
	const options = readWriteOptions(first, false);
	const onBatchFailure = first.options<'failBatch' | 'retryEachItem'>('options.onBatchFailure');
	const subObject = first.string('options.subObjectEndpoint', { trim: true });
	const path = updateConnectorPath(connectorId, subObject === '' ? undefined : subObject);
	const meta = await loadMeta(client, connectorId, itemIndices[0]);
	const delivery: Delivery = {
		connectorId,
		operation: 'insert',
		meta,
		options,
	};

	const outcomes: ItemOutcome[] = [];
	const ready: Ready[] = [];
	for (const itemIndex of itemIndices) {
		try {
			const p = parameters(this, itemIndex, properties);
			const own = readConnector(p);
			if (own !== connectorId)
				throw new NodeOperationError(
					this.getNode(),
					`All items of a batch must use the same UpdateConnector (${connectorId}); this item uses ${own}`,
					{
						itemIndex,
						description:
							'Set Options → Batch Size to 1, or use one UpdateConnector for every item.',
					},
				);
			// Below an existing record the root only identifies it; the rows without an action are inserts.
			const prepared = prepareItem(this, p, meta, itemIndex, {
				operation: 'insert',
				rowAction: subObject === '' ? undefined : 'insert',
			});
			const action = subObject === '' ? 'insert' : 'update';
			const elements = elementsToSend(this, itemIndex, connectorId, meta, prepared, action);
			ready.push({ itemIndex, elements, item: prepared.item });
		} catch (error) {
			outcomes.push({ itemIndex, error });
		}
	}
	if (ready.length === 0) return outcomes;

	const requestFor = (group: Ready[]): UpdateRequest => ({
		method: 'POST',
		path,
		body: bodyOf(
			meta,
			group.flatMap((entry) => entry.elements),
		),
	});
	const send = async (group: Ready[]) =>
		await sendUpdate(client, requestFor(group), {
			itemIndex: group[0].itemIndex,
			timeoutMs: options.timeoutMs,
		});

	if (options.dryRun) {
		const item = dryRunItem(client, requestFor(ready));
		return [...outcomes, ...ready.map(({ itemIndex }) => ({ itemIndex, items: [item] }))];
	}
	try {
		const response = await send(ready);
		return [
			...outcomes,
			...ready.map(({ itemIndex, item }) => ({
				itemIndex,
				items: [
					ready.length === 1
						? resultItem(delivery, response, item)
						: batchResultItem(delivery, response, item, ready.length),
				],
			})),
		];
	} catch (error) {
		const batch = ready.map((entry) => entry.itemIndex);
		if (ready.length === 1 || onBatchFailure !== 'retryEachItem' || !refusedByAfas(error))
			return [
				...outcomes,
				...ready.map(({ itemIndex }) => ({
					itemIndex,
					error: ready.length === 1 ? error : batchError(this, error, itemIndex, batch),
				})),
			];
	}
	// One by one, in input order: each item is its own transaction now.
	for (const entry of ready) {
		try {
			const response = await send([entry]);
			outcomes.push({
				itemIndex: entry.itemIndex,
				items: [resultItem(delivery, response, entry.item)],
			});
		} catch (error) {
			outcomes.push({ itemIndex: entry.itemIndex, error });
		}
	}
	return outcomes;
}
