import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { ProfitClient } from '../../../api/profit';
import { readGetConnector } from '../../../api/profit';
import { parameters } from '../../../parameters';
import type { MapperValueLike } from '../../../wire/profit/updateMapperInput';
import { upsertMatchField } from '../../../wire/profit/updateMapper';
import { updateConnectorPath } from '../../../wire/profit/updatePaths';
import { findMetaField } from '../../../wire/profit/updateTypes';
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
	setRootField,
} from './execution';
import { lookupProperties, readLookup } from './lookup';

const properties: INodeProperties[] = [
	updateConnectorLocator,
	{
		displayName: 'Match Mode',
		name: 'matchMode',
		type: 'options',
		options: [
			{
				name: "AFAS's Own Matching",
				value: 'afasMatch',
				description:
					'AFAS finds the record by its match field (MatchPer, MatchOga): KnPerson, KnOrganisation',
			},
			{
				name: 'Look Up Through a GetConnector',
				value: 'lookup',
				description:
					'The node looks the record up by a value, then updates it or inserts a new one',
			},
		],
		default: 'afasMatch',
	},
	{
		displayName: 'Match On Name or ID',
		name: 'afasMatchValue',
		type: 'options',
		typeOptions: {
			loadOptionsMethod: 'getUpsertMatchOptions',
			loadOptionsDependsOn: ['updateConnector.value'],
		},
		default: '0',
		description:
			'How AFAS finds an existing record, e.g. 0 = by number (BcCo). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: { matchMode: ['afasMatch'] } },
	},
	...lookupProperties,
	inputModeProperty,
	fieldsProperty('upsert'),
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
			operation: ['upsert'],
		},
	},
	properties,
);

/**
 * Insert or update. With AFAS's own match field (research §7.4) one POST does it: AFAS updates the record it
 * finds by the chosen rule, or inserts one. Otherwise the node reads the record's key through a GetConnector
 * (one request), then sends a PUT with that key, or a POST when nothing matched. Two matches are an error:
 * the node never guesses which record to change.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ProfitClient,
): Promise<INodeExecutionData[]> {
	const p = parameters(this, itemIndex, properties);
	const connectorId = readConnector(p);
	const matchMode = p.options<'afasMatch' | 'lookup'>('matchMode');
	const options = readWriteOptions(p, true);
	const path = updateConnectorPath(connectorId);
	const meta = await loadMeta(client, connectorId, itemIndex);
	const prepared = prepareItem(this, p, meta, itemIndex, {
		operation: 'upsert',
	});
	const delivery = { connectorId, operation: 'upsert', meta, options };
	const send = async (method: 'POST' | 'PUT', action: 'insert' | 'update') => {
		const elements = elementsToSend(this, itemIndex, connectorId, meta, prepared, action);
		const request = { method, path, body: bodyOf(meta, elements) };
		return await deliver(client, request, delivery, itemIndex, prepared.item);
	};

	if (matchMode === 'afasMatch') {
		const match = upsertMatchField(meta);
		if (!match)
			throw new NodeOperationError(this.getNode(), `${connectorId} has no AFAS match field`, {
				itemIndex,
				description:
					'Only connectors with a Match… field (KnPerson: MatchPer, KnOrganisation: MatchOga) match by themselves. Set Match Mode to "Look Up Through a GetConnector".',
			});
		const value = p.string('afasMatchValue', { trim: true, required: true });
		setRootField(prepared, meta, match.fieldId, value);
		return await send('POST', 'insert');
	}

	const lookup = readLookup(p);
	const keyField = keyFieldOf(
		this,
		itemIndex,
		connectorId,
		meta,
		p.raw('fields') as MapperValueLike | undefined,
	);
	// Types, code tables and unknown fields are checked before the lookup is sent; the key comes from it.
	elementsToSend(
		this,
		itemIndex,
		connectorId,
		meta,
		prepared,
		'update',
		(problem) => problem.kind === 'key',
	);
	const rows = await readGetConnector(client, {
		connectorId: lookup.connectorId,
		filter: [[{ field: lookup.filterField, operator: 'equals', value: lookup.value }]],
		sort: [{ field: lookup.keyField }],
		pageSize: 2,
		limit: 2,
		parallelRequests: 1,
		itemIndex,
		timeoutMs: options.timeoutMs,
	});
	if (rows.length > 1)
		throw new NodeOperationError(
			this.getNode(),
			`More than one record of ${lookup.connectorId} has ${lookup.filterField} = ${String(lookup.value)}`,
			{
				itemIndex,
				description:
					'Look up by a field that is unique per record, so the node knows which one to update.',
			},
		);
	if (rows.length === 0) return await send('POST', 'insert');
	const key = rows[0][lookup.keyField];
	if (key === undefined || key === null || key === '')
		throw new NodeOperationError(
			this.getNode(),
			`The record found in ${lookup.connectorId} has no value in ${lookup.keyField}`,
			{
				itemIndex,
				description: `Set Key Field to the GetConnector field that holds ${keyField} of ${connectorId}.`,
			},
		);
	setRootField(prepared, meta, keyField, key);
	return await send('PUT', 'update');
}

/** Where the found key goes: the connector's one key field, else the one field the user matched on. */
function keyFieldOf(
	context: IExecuteFunctions,
	itemIndex: number,
	connectorId: string,
	meta: Parameters<typeof upsertMatchField>[0],
	mapperValue: MapperValueLike | undefined,
): string {
	const keys = (meta.fields ?? []).filter((field) => field.primaryKey === true);
	if (keys.length === 1) return keys[0].fieldId;
	const matched = (mapperValue?.matchingColumns ?? [])
		.map((id) => findMetaField(meta, id)?.fieldId)
		.filter((id): id is string => id !== undefined);
	if (keys.length === 0 && matched.length === 1) return matched[0];
	throw new NodeOperationError(
		context.getNode(),
		keys.length > 1
			? `${connectorId} has ${keys.length} key fields (${keys.map((field) => field.fieldId).join(', ')}); a lookup can fill only one`
			: `${connectorId} has no key field for the found record`,
		{
			itemIndex,
			description:
				keys.length > 1
					? 'Use Update with every key field mapped instead.'
					: 'In Fields, match on exactly one column: the UpdateConnector field that the Key Field of the lookup holds (e.g. BcCo).',
		},
	);
}
