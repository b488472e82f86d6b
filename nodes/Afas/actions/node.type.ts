import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/** An operation that turns one input item into output items; the router adds pairedItem. */
export interface ItemOperation<C> {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number, client: C): Promise<INodeExecutionData[]>;
}

/** What became of one item of a group: its output items, or the error that belongs to it. */
export interface ItemOutcome {
	itemIndex: number;
	items?: INodeExecutionData[];
	error?: unknown;
}

/**
 * An operation that handles input items in groups (one request for several items, or lookups a few at a
 * time) and says per item what came of it. The router still owns the item loop, pairedItem and errors.
 */
export interface BatchOperation<C> {
	description: INodeProperties[];
	/** Items per group, at least 1; read once per execution (item 0) through the parameter reader. */
	batchSize(this: IExecuteFunctions): number;
	/** Groups in flight at the same time; 1 when absent. Writes leave it out: one transaction at a time. */
	concurrency?(this: IExecuteFunctions): number;
	/**
	 * One outcome per index in `itemIndices` (in any order). A throw is the failure of the whole group and is
	 * reported on every item in it.
	 */
	executeBatch(this: IExecuteFunctions, itemIndices: number[], client: C): Promise<ItemOutcome[]>;
}

export type AfasOperation<C> = ItemOperation<C> | BatchOperation<C>;

export function isBatchOperation<C>(operation: AfasOperation<C>): operation is BatchOperation<C> {
	return 'executeBatch' in operation;
}

/** resource -> operation -> implementation; a missing entry is a compile error (Airtable's AllEntities idea). */
export type OperationTable<T, C> = { [R in keyof T]: Record<T[R] & string, AfasOperation<C>> };

/** One product behind the node, as its index (actions/<product>/index.ts) exports it. */
export interface AfasProductActions<C> {
	/** How messages name the product, e.g. "AFAS Profit". */
	label: string;
	operations: Record<string, Record<string, AfasOperation<C>>>;
	/**
	 * Checks the resource/operation pickers before the operation is looked up, when the product can say more
	 * than "not supported" (SB's pickers depend on one another).
	 */
	checkSelection?(context: IExecuteFunctions): void;
	/** The product's client for this execution, from the node's parameters (credential choice). */
	createClient(context: IExecuteFunctions): Promise<C>;
}
