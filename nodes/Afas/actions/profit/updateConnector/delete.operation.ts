import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { ProfitClient } from '../../../api/profit';
import { parameters } from '../../../parameters';
import type { MapperValueLike } from '../../../wire/profit/updateMapperInput';
import { elementInputFromMapper } from '../../../wire/profit/updateMapperInput';
import type { DeleteTarget } from '../../../wire/profit/updatePaths';
import { updateDeletePath } from '../../../wire/profit/updatePaths';
import type { UpdateMetaObject } from '../../../wire/profit/updateTypes';
import { findMetaField, findMetaObject } from '../../../wire/profit/updateTypes';
import { updateConnectorLocator } from '../../common.descriptions';
import {
	dryRunOption,
	fieldsProperty,
	includeInputFieldsOption,
	optionsProperty,
	retryUpdatesOption,
	subObjectsProperty,
	timeoutOption,
} from './descriptions';
import {
	deliver,
	elementsToSend,
	itemJson,
	loadMeta,
	readConnector,
	readWriteOptions,
} from './execution';
import { readDeleteSubKey } from './subObjects';

const properties: INodeProperties[] = [
	updateConnectorLocator,
	fieldsProperty('update', false),
	subObjectsProperty(true),
	optionsProperty([dryRunOption, includeInputFieldsOption, retryUpdatesOption, timeoutOption]),
];

export const description = updateDisplayOptions(
	{
		show: {
			product: ['profit'],
			resource: ['updateConnector'],
			operation: ['delete'],
		},
	},
	properties,
);

/**
 * The key fields of one object, in metainfo order: its `primaryKey` fields, or, where the metainfo marks none
 * (FiEntryPar: UnId, JoCo), the fields the user matched on (or, failing that, every field given).
 */
function keysOf(
	object: UpdateMetaObject,
	fields: Record<string, unknown>,
	matching: string[] = [],
): Array<[string, unknown]> {
	const known = (object.fields ?? []).filter((field) => fields[field.fieldId] !== undefined);
	const anyKey = (object.fields ?? []).some((field) => field.primaryKey === true);
	const chosen = anyKey
		? known.filter((field) => field.primaryKey === true)
		: matching.length > 0
			? known.filter((field) => matching.some((id) => findMetaField(object, id) === field))
			: known;
	return chosen.map((field) => [field.fieldId, fields[field.fieldId]]);
}

/**
 * DELETE `/connectors/{id}/{root}/@K1,@K2/{v1},{v2}[/{sub}/@K/{v}]`: the root element name, not the connector
 * id, starts the path (FiEntries -> FiEntryPar); every value is percent-encoded on its own. A DELETE is final.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ProfitClient,
): Promise<INodeExecutionData[]> {
	const p = parameters(this, itemIndex, properties);
	const connectorId = readConnector(p);
	const options = readWriteOptions(p, true);
	const mapperValue = p.raw('fields') as MapperValueLike | undefined;
	const meta = await loadMeta(client, connectorId, itemIndex);
	const item = itemJson(this, itemIndex);
	const anyKey = (meta.fields ?? []).some((field) => field.primaryKey === true);
	// Without key fields in the metainfo the matched columns are the keys, so read them as an update would.
	const mapped = elementInputFromMapper(meta, mapperValue, {
		operation: anyKey ? 'delete' : 'update',
		item,
	});
	const rootKeys = keysOf(meta, mapped.input.fields ?? {}, mapperValue?.matchingColumns);
	const targets: DeleteTarget[] = [{ object: meta.name, keys: rootKeys }];
	const input = {
		fields: Object.fromEntries(rootKeys),
		objects: {} as Record<string, { fields: Record<string, unknown> }>,
	};

	const sub = readDeleteSubKey(p, meta, item);
	const problems = [...mapped.problems];
	if (sub) {
		const child = findMetaObject(meta, sub.object) ?? { name: sub.object };
		const childInput = elementInputFromMapper(
			child,
			{ mappingMode: 'autoMapInputData' },
			{
				operation: 'update',
				item: sub.row,
			},
		);
		problems.push(...childInput.problems);
		const childKeys = keysOf(child, childInput.input.fields ?? {});
		targets.push({ object: child.name, keys: childKeys });
		input.objects[child.name] = { fields: Object.fromEntries(childKeys) };
	}
	// Types and missing keys are checked like any write; `elementsToSend` throws with every problem listed.
	elementsToSend(
		this,
		itemIndex,
		connectorId,
		meta,
		{
			mode: 'mapper',
			inputs: [input],
			raw: [],
			problems,
			item,
		},
		'delete',
	);
	if (rootKeys.length === 0)
		throw new NodeOperationError(
			this.getNode(),
			`No key values to delete a record of ${connectorId}`,
			{
				itemIndex,
				description: anyKey
					? 'Map the key fields in Fields.'
					: `The metainfo of ${connectorId} marks no key fields: map the fields that identify the record in Fields and match on them (e.g. UnId and JoCo for FiEntries).`,
			},
		);
	const path = updateDeletePath(connectorId, targets);
	return await deliver(
		client,
		{ method: 'DELETE', path },
		{ connectorId, operation: 'delete', meta, options },
		itemIndex,
		item,
	);
}
