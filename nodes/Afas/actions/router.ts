import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parameters } from '../parameters';
import { productProperty } from './common.descriptions';
import { runItems } from './items';
import type { AfasOperation, AfasProductActions } from './node.type';
import * as profit from './profit';
import * as sb from './sb';

function own<T>(table: Record<string, T>, key: string): T | undefined {
	return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/** Resolves resource/operation to an implementation; anything else, including n8n's injected
 * "Custom API Call" (__CUSTOM_API_CALL__), is a configuration error, not an item error. */
function operationFor<C>(
	this: IExecuteFunctions,
	product: AfasProductActions<C>,
): AfasOperation<C> {
	// Fallbacks: n8n cannot read a parameter that no property shows for this product/resource.
	const resource = this.getNodeParameter('resource', 0, '') as string;
	const operation = this.getNodeParameter('operation', 0, '') as string;
	const implementation = own(own(product.operations, resource) ?? {}, operation);
	if (implementation) return implementation;
	const known = Object.entries(product.operations)
		.map(([name, operations]) => `${name}: ${Object.keys(operations).join(', ')}`)
		.join('; ');
	throw new NodeOperationError(
		this.getNode(),
		operation === '__CUSTOM_API_CALL__'
			? 'Custom API calls are not supported by the AFAS node'
			: `The operation "${operation}" of resource "${resource}" is not supported for ${product.label}`,
		{
			description: `Pick one of the listed operations (${known}). For other endpoints, use the HTTP Request node with the AFAS credential.`,
		},
	);
}

async function runProduct<C>(
	this: IExecuteFunctions,
	product: AfasProductActions<C>,
	itemCount: number,
): Promise<INodeExecutionData[]> {
	product.checkSelection?.(this);
	const operation = operationFor.call(this, product);
	// Made when the first item needs it and kept for the execution; a failure belongs to the item that asked,
	// and the next item asks again (as a per-item credential read did).
	let client: Promise<C> | undefined;
	const clientOf = async (): Promise<C> => {
		if (!client) {
			const creating = product.createClient(this);
			client = creating;
			creating.catch(() => {
				if (client === creating) client = undefined;
			});
		}
		return await client;
	};
	return await runItems.call(this, operation, itemCount, clientOf);
}

/** The node's entry: which product, then that product's operation over every input item (see items.ts). */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const itemCount = this.getInputData().length;
	if (itemCount === 0) return [[]];
	const product = parameters(this, 0, [productProperty]).options<'profit' | 'sb'>('product');
	const output =
		product === 'sb'
			? await runProduct.call(this, sb, itemCount)
			: await runProduct.call(this, profit, itemCount);
	return [output];
}
