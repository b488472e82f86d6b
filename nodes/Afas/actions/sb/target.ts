import type { IExecuteFunctions, ILoadOptionsFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parameters } from '../../parameters';
import { sbOperation } from '../../wire/sb/catalogue';
import type { SbListInfo, SbOperation } from '../../wire/sb/catalogueTypes';
import type { SbNodeOperation } from './selectors';
import { GROUP_VALUES, listEntryOf, resourceProperty, selectorProperties } from './selectors';

/** What one SB node operation works on: the catalogue entry (method, path, Accept-Version, fields). */
export interface SbTarget {
	resource: string;
	operation: SbNodeOperation;
	entry: SbOperation;
}

function picker(name: string, show: Record<string, string>): INodeProperties | undefined {
	return selectorProperties.find(
		(property) =>
			property.name === name &&
			Object.entries(show).every(([key, value]) =>
				(property.displayOptions?.show?.[key] as string[] | undefined)?.includes(value),
			),
	);
}

/**
 * Reads Resource, SB Resource and Operation (each checked against the picker that is shown for the one before)
 * and finds the catalogue entry. `get` reads the resource's list.
 */
export function sbTarget(
	context: IExecuteFunctions | ILoadOptionsFunctions,
	itemIndex: number,
): SbTarget {
	const group = parameters(context, itemIndex, [resourceProperty]).options('resource');
	const resourcePicker = picker('sbResource', { resource: group });
	if (!resourcePicker)
		throw new NodeOperationError(context.getNode(), `Unknown AFAS SB resource group "${group}"`, {
			description: `Use one of: ${Object.values(GROUP_VALUES).join(', ')}`,
		});
	const resource = parameters(context, itemIndex, [resourcePicker]).options('sbResource');
	const operationPicker = picker('operation', { resource: group, sbResource: resource });
	const operation = parameters(context, itemIndex, [
		operationPicker as INodeProperties,
	]).options<SbNodeOperation>('operation');
	const entry = operation === 'get' ? listEntryOf(resource) : sbOperation(resource, operation);
	// The pickers only offer what the catalogue has: a miss is a bug, not input.
	if (!entry)
		throw new NodeOperationError(context.getNode(), `AFAS SB has no ${operation} for ${resource}`, {
			description: 'Please report this bug.',
		});
	return { resource, operation, entry };
}

/** The list an entry reads; only list entries reach the read operations, so a miss is a bug. */
export function listOf(
	context: IExecuteFunctions | ILoadOptionsFunctions,
	entry: SbOperation,
): SbListInfo {
	if (!entry.list)
		throw new NodeOperationError(context.getNode(), `${entry.method} ${entry.path} is not a list`, {
			description: 'Please report this bug.',
		});
	return entry.list;
}
