import type { IExecuteFunctions, INode, INodeExecutionData, NodeApiError } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toNodeError } from '../transport';
import type { AfasOperation, ItemOutcome } from './node.type';
import { isBatchOperation } from './node.type';

interface GroupPlan {
	size: number;
	concurrency: number;
	/** Reading the batch settings failed: that error is every item's. */
	failure?: unknown;
}

function planOf<C>(
	this: IExecuteFunctions,
	operation: AfasOperation<C>,
	itemCount: number,
): GroupPlan {
	if (!isBatchOperation(operation)) return { size: 1, concurrency: 1 };
	try {
		const size = Math.floor(operation.batchSize.call(this));
		const concurrency = operation.concurrency ? Math.floor(operation.concurrency.call(this)) : 1;
		return { size: Math.max(1, size || 1), concurrency: Math.max(1, concurrency || 1) };
	} catch (error) {
		return { size: itemCount, concurrency: 1, failure: error };
	}
}

function groupsOf(itemCount: number, size: number): number[][] {
	const groups: number[][] = [];
	for (let start = 0; start < itemCount; start += size) {
		groups.push(
			Array.from({ length: Math.min(size, itemCount - start) }, (_, offset) => start + offset),
		);
	}
	return groups;
}

function bug(node: INode, message: string, itemIndex?: number): NodeOperationError {
	return new NodeOperationError(node, message, {
		itemIndex,
		description: 'Please report this bug.',
	});
}

/** One outcome per item of the group, in group order; anything else is a bug in the operation. */
function settle(node: INode, indices: number[], outcomes: ItemOutcome[]): ItemOutcome[] {
	const byItem = new Map<number, ItemOutcome>();
	for (const outcome of outcomes) {
		if (!indices.includes(outcome.itemIndex) || byItem.has(outcome.itemIndex))
			throw bug(
				node,
				`The AFAS node answered item ${outcome.itemIndex} twice or outside its group`,
			);
		byItem.set(outcome.itemIndex, outcome);
	}
	return indices.map(
		(itemIndex) =>
			byItem.get(itemIndex) ?? {
				itemIndex,
				error: bug(node, 'The AFAS node returned no result for this item', itemIndex),
			},
	);
}

async function runGroup<C>(
	this: IExecuteFunctions,
	operation: AfasOperation<C>,
	indices: number[],
	clientOf: () => Promise<C>,
): Promise<ItemOutcome[]> {
	try {
		const client = await clientOf();
		if (!isBatchOperation(operation)) {
			const itemIndex = indices[0];
			return [{ itemIndex, items: await operation.execute.call(this, itemIndex, client) }];
		}
		return settle(
			this.getNode(),
			indices,
			await operation.executeBatch.call(this, indices, client),
		);
	} catch (error) {
		// A failure of the whole group (its one request, its client) belongs to every item in it.
		return indices.map((itemIndex) => ({ itemIndex, error }));
	}
}

/**
 * What n8n (1.x and 2.x) does with error items decides their shape. It moves an item to the error output only when
 * the item has n8n's own `error` field or its json is nothing but `error` (+ `message`); and it replaces the json
 * of every item with an `error` field by the bare message, losing AFAS's description and HTTP code (seen in real
 * n8n, `normalizeNodeErrors`). So "Continue (using error output)" gets the facts one level down,
 * `{ error: { message, description, httpCode } }` (as n8n's HTTP Request node does), and "Continue" keeps the
 * flat `{ error, description, httpCode }`; neither sets n8n's `error` field.
 */
function errorItem(
	node: INode,
	nodeError: NodeApiError | NodeOperationError,
	itemIndex: number,
): INodeExecutionData {
	const facts: Record<string, string> = { message: nodeError.message };
	if (nodeError.description) facts.description = nodeError.description;
	const httpCode = (nodeError as { httpCode?: string | null }).httpCode;
	if (httpCode) facts.httpCode = httpCode;
	if (node.onError === 'continueErrorOutput') {
		return { json: { error: facts }, pairedItem: { item: itemIndex } };
	}
	const { message, ...details } = facts;
	return { json: { error: message, ...details }, pairedItem: { item: itemIndex } };
}

/**
 * The node's only item loop. Items go to the operation one by one, or in groups for a batch operation (a few
 * groups at a time when it says so); every output item is paired with the input item it came from, output keeps
 * input order, and a failure either becomes an error item for its item (either Continue setting) or stops the
 * node with the item it belongs to. Without Continue no group starts after a failure, and the groups already
 * running settle first, so the error thrown is the first one in input order.
 */
export async function runItems<C>(
	this: IExecuteFunctions,
	operation: AfasOperation<C>,
	itemCount: number,
	clientOf: () => Promise<C>,
): Promise<INodeExecutionData[]> {
	const continueOnFail = this.continueOnFail();
	const plan = planOf.call(this, operation, itemCount);
	const groups = groupsOf(itemCount, plan.size);
	const outcomes: ItemOutcome[][] = [];
	let next = 0;
	let stopped = false;
	const worker = async (): Promise<void> => {
		while (!stopped && next < groups.length) {
			const group = next++;
			outcomes[group] =
				plan.failure === undefined
					? await runGroup.call(this, operation, groups[group], clientOf)
					: groups[group].map((itemIndex) => ({ itemIndex, error: plan.failure }));
			if (!continueOnFail && outcomes[group].some((outcome) => outcome.error !== undefined))
				stopped = true;
		}
	};
	await Promise.all(
		Array.from({ length: Math.min(plan.concurrency, groups.length) }, async () => await worker()),
	);

	const returnData: INodeExecutionData[] = [];
	for (const group of outcomes) {
		for (const { itemIndex, items, error } of group ?? []) {
			if (error !== undefined) {
				const nodeError = toNodeError(this.getNode(), error, itemIndex);
				if (!continueOnFail) throw nodeError;
				returnData.push(errorItem(this.getNode(), nodeError, itemIndex));
				continue;
			}
			for (const item of items ?? []) returnData.push({ ...item, pairedItem: { item: itemIndex } });
		}
	}
	return returnData;
}
