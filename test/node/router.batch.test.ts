/**
 * The router's item loop with a group-handling (batch) operation: a test-only operation run through the real
 * loop (actions/items.ts) in a real n8n-core execution context. Proves grouping, per-item attribution of results
 * and errors inside a group, input order, pairedItem, both Continue settings and groups in flight together.
 */
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import { runItems } from '../../nodes/Afas/actions/items';
import type {
	BatchOperation,
	ItemOperation,
	ItemOutcome,
} from '../../nodes/Afas/actions/node.type';
import { parameters } from '../../nodes/Afas/parameters';
import { runNode } from '../helpers/afas';
import { thrownBy } from './setup';

const batchSizeProperty: INodeProperties = {
	displayName: 'Batch Size',
	name: 'batchSize',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 1,
};

/** What the operation saw: the groups it was handed, and the client each group got. */
interface Log {
	groups: number[][];
	clients: number[];
}

type Behaviour = (this: IExecuteFunctions, indices: number[], log: Log) => Promise<ItemOutcome[]>;

function batchOperation(behaviour: Behaviour, log: Log, concurrency = 1): BatchOperation<number> {
	return {
		description: [batchSizeProperty],
		batchSize(this: IExecuteFunctions) {
			return parameters(this, 0, [batchSizeProperty]).number('batchSize', { integer: true });
		},
		concurrency: () => concurrency,
		async executeBatch(this: IExecuteFunctions, indices: number[], client: number) {
			log.groups.push(indices);
			log.clients.push(client);
			return await behaviour.call(this, indices, log);
		},
	};
}

/** A node whose execute is the router's item loop over one operation; the client is a counter. */
function nodeRunning(operation: BatchOperation<number> | ItemOperation<number>): {
	node: INodeType;
	clientsMade: () => number;
} {
	let made = 0;
	const node: INodeType = {
		description: {
			displayName: 'Batch test',
			name: 'batchTest',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: { name: 'Batch test' },
			inputs: ['main'],
			outputs: ['main'],
			properties: [batchSizeProperty],
		},
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			let client: Promise<number> | undefined;
			const clientOf = async () => await (client ??= Promise.resolve(++made));
			return [await runItems.call(this, operation, this.getInputData().length, clientOf)];
		},
	};
	return { node, clientsMade: () => made };
}

function items(count: number): INodeExecutionData[] {
	return Array.from({ length: count }, (_, n) => ({ json: { n } }));
}

async function run(
	operation: BatchOperation<number> | ItemOperation<number>,
	options: { batchSize?: unknown; count: number; continueOnFail?: boolean },
) {
	const { node, clientsMade } = nodeRunning(operation);
	const { output } = await runNode(node, {
		parameters: options.batchSize === undefined ? {} : { batchSize: options.batchSize as number },
		items: items(options.count),
		continueOnFail: options.continueOnFail,
	});
	return { output: output[0], clientsMade: clientsMade() };
}

/** Each item becomes one output item naming it; the outcomes come back in reverse order on purpose. */
const echo: Behaviour = async function (indices) {
	return indices
		.map((itemIndex) => ({ itemIndex, items: [{ json: { echoed: itemIndex } }] }))
		.reverse();
};

describe('Router: items handed to an operation in groups', () => {
	it('groups by the batch size, keeps input order and pairs every output item with its input item', async () => {
		const log: Log = { groups: [], clients: [] };
		const { output, clientsMade } = await run(batchOperation(echo, log), {
			batchSize: 2,
			count: 5,
		});
		expect(log.groups).toEqual([[0, 1], [2, 3], [4]]);
		expect(output.map((item) => [item.json.echoed, item.pairedItem])).toEqual([
			[0, { item: 0 }],
			[1, { item: 1 }],
			[2, { item: 2 }],
			[3, { item: 3 }],
			[4, { item: 4 }],
		]);
		// One client for the whole execution, handed to every group.
		expect(clientsMade).toBe(1);
		expect(log.clients).toEqual([1, 1, 1]);
	});

	it('lets an item of a group yield several output items, or none', async () => {
		const log: Log = { groups: [], clients: [] };
		const { output } = await run(
			batchOperation(
				async (indices) =>
					indices.map((itemIndex) => ({
						itemIndex,
						items: Array.from({ length: itemIndex }, (_, n) => ({ json: { itemIndex, n } })),
					})),
				log,
			),
			{ batchSize: 3, count: 3 },
		);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 1 }, { item: 2 }, { item: 2 }]);
	});

	describe('an error that belongs to one item of a group', () => {
		const failSecond: Behaviour = async (indices) =>
			indices.map((itemIndex) =>
				itemIndex === 1
					? { itemIndex, error: new Error('AFAS refused this row') }
					: { itemIndex, items: [{ json: { ok: itemIndex } }] },
			);

		it('becomes that item’s error item under Continue, paired with it', async () => {
			const log: Log = { groups: [], clients: [] };
			const { output } = await run(batchOperation(failSecond, log), {
				batchSize: 3,
				count: 4,
				continueOnFail: true,
			});
			expect(output.map((item) => [item.json.ok ?? item.json.error, item.pairedItem])).toEqual([
				[0, { item: 0 }],
				['AFAS refused this row', { item: 1 }],
				[2, { item: 2 }],
				[3, { item: 3 }],
			]);
			expect(output.filter((item) => item.json.error !== undefined)).toHaveLength(1);
		});

		it('stops the node with that item’s index, and no later group starts', async () => {
			const log: Log = { groups: [], clients: [] };
			const error = await thrownBy(() =>
				run(batchOperation(failSecond, log), { batchSize: 2, count: 5 }),
			);
			expect(error.name).toBe('NodeOperationError');
			expect(error.message).toBe('AFAS refused this row');
			expect((error.context as { itemIndex?: number }).itemIndex).toBe(1);
			expect(log.groups).toEqual([[0, 1]]);
		});

		it('keeps an API error an API error, attributed to its item', async () => {
			const log: Log = { groups: [], clients: [] };
			const apiFailure: Behaviour = async function (indices) {
				return indices.map((itemIndex) =>
					itemIndex === 2
						? {
								itemIndex,
								error: new NodeApiError(
									this.getNode(),
									{ message: 'Duplicate key' },
									{
										message: 'Duplicate key',
										httpCode: '500',
									},
								),
							}
						: { itemIndex, items: [] },
				);
			};
			const { output } = await run(batchOperation(apiFailure, log), {
				batchSize: 2,
				count: 3,
				continueOnFail: true,
			});
			expect(output).toHaveLength(1);
			expect(output[0].pairedItem).toEqual({ item: 2 });
			expect(output[0].json).toEqual({ error: 'Duplicate key', httpCode: '500' });
		});
	});

	describe('a failure of a whole group (one request for all its items)', () => {
		const failGroup: Behaviour = async (indices) => {
			if (indices.includes(2)) throw new Error('The batch was rejected');
			return await echo.call({} as IExecuteFunctions, indices, { groups: [], clients: [] });
		};

		it('is reported on every item of that group under Continue, and only there', async () => {
			const log: Log = { groups: [], clients: [] };
			const { output } = await run(batchOperation(failGroup, log), {
				batchSize: 2,
				count: 5,
				continueOnFail: true,
			});
			expect(output.map((item) => [item.json.echoed ?? item.json.error, item.pairedItem])).toEqual([
				[0, { item: 0 }],
				[1, { item: 1 }],
				['The batch was rejected', { item: 2 }],
				['The batch was rejected', { item: 3 }],
				[4, { item: 4 }],
			]);
			expect(output.filter((item) => item.json.error !== undefined)).toHaveLength(2);
		});

		it('stops the node at the first item of that group', async () => {
			const log: Log = { groups: [], clients: [] };
			const error = await thrownBy(() =>
				run(batchOperation(failGroup, log), { batchSize: 2, count: 5 }),
			);
			expect(error.message).toBe('The batch was rejected');
			expect((error.context as { itemIndex?: number }).itemIndex).toBe(2);
			expect(log.groups).toEqual([
				[0, 1],
				[2, 3],
			]);
		});
	});

	it('runs several groups at a time when the operation asks, and still outputs in input order', async () => {
		const log: Log = { groups: [], clients: [] };
		let inFlight = 0;
		let most = 0;
		// Earlier groups take longer, so later groups finish first.
		const slowFirst: Behaviour = async (indices) => {
			inFlight++;
			most = Math.max(most, inFlight);
			await sleep(10 * (4 - indices[0]));
			inFlight--;
			return indices.map((itemIndex) => ({ itemIndex, items: [{ json: { echoed: itemIndex } }] }));
		};
		const { output, clientsMade } = await run(batchOperation(slowFirst, log, 2), {
			batchSize: 1,
			count: 4,
		});
		expect(most).toBe(2);
		expect(output.map((item) => [item.json.echoed, item.pairedItem])).toEqual([
			[0, { item: 0 }],
			[1, { item: 1 }],
			[2, { item: 2 }],
			[3, { item: 3 }],
		]);
		expect(clientsMade).toBe(1);
	});

	it('with groups in flight, stops with the first failing item in input order after running groups settle', async () => {
		const log: Log = { groups: [], clients: [] };
		const settled: number[] = [];
		// Group [1] fails at once; group [0] fails later: the error thrown is item 0's.
		const behaviour: Behaviour = async ([itemIndex]) => {
			await sleep(itemIndex === 0 ? 30 : 1);
			settled.push(itemIndex);
			return [{ itemIndex, error: new Error(`failed ${itemIndex}`) }];
		};
		const error = await thrownBy(() =>
			run(batchOperation(behaviour, log, 2), { batchSize: 1, count: 4 }),
		);
		expect(error.message).toBe('failed 0');
		expect((error.context as { itemIndex?: number }).itemIndex).toBe(0);
		expect(settled.sort()).toEqual([0, 1]);
		expect(log.groups).toEqual([[0], [1]]);
	});

	it('reports an item the operation gave no outcome for, instead of dropping it', async () => {
		const log: Log = { groups: [], clients: [] };
		const { output } = await run(
			batchOperation(async (indices) => [{ itemIndex: indices[0], items: [{ json: {} }] }], log),
			{ batchSize: 2, count: 2, continueOnFail: true },
		);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(output[1].json.error).toBe('The AFAS node returned no result for this item');
	});

	it('reads the batch size through the parameter reader: an invalid one fails every item before any group', async () => {
		const log: Log = { groups: [], clients: [] };
		const { output, clientsMade } = await run(batchOperation(echo, log), {
			batchSize: 0,
			count: 2,
			continueOnFail: true,
		});
		expect(log.groups).toEqual([]);
		expect(clientsMade).toBe(0);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(String(output[0].json.error)).toContain('Batch Size');
		const error = await thrownBy(() => run(batchOperation(echo, log), { batchSize: 0, count: 2 }));
		expect((error.context as { itemIndex?: number }).itemIndex).toBe(0);
	});

	it('still hands a per-item operation one item at a time with the same client', async () => {
		const seen: Array<[number, number]> = [];
		const perItem: ItemOperation<number> = {
			description: [],
			async execute(this: IExecuteFunctions, itemIndex: number, client: number) {
				seen.push([itemIndex, client]);
				return [{ json: { itemIndex } }, { json: { itemIndex } }];
			},
		};
		const { output, clientsMade } = await run(perItem, { count: 3 });
		expect(seen).toEqual([
			[0, 1],
			[1, 1],
			[2, 1],
		]);
		expect(clientsMade).toBe(1);
		expect(output.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 0 },
			{ item: 1 },
			{ item: 1 },
			{ item: 2 },
			{ item: 2 },
		]);
	});
});
