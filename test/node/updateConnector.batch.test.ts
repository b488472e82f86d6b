/**
 * Insert with Batch Size: several items in one POST (Element as a list, one transaction), every output paired
 * with its item, a refused batch reported on every item, and On Batch Failure = Retry Each Item finding the item
 * AFAS refuses. A POST is never resent after a dropped connection.
 */
import type {
	IDataObject,
	INodeExecutionData,
	INodeParameters,
	ResourceMapperValue,
} from 'n8n-workflow';

import { useSimulator } from '../helpers/simulator';
import { byId, runProfit, thrownBy } from './setup';
import type { Simulator } from './setup';

const sim = useSimulator();

function posts(s: Simulator) {
	return s.requests.filter((request) => request.method === 'POST');
}

function batchInsert(options: INodeParameters): INodeParameters {
	return {
		resource: 'updateConnector',
		operation: 'insert',
		updateConnector: byId('KnSubject'),
		fields: {
			mappingMode: 'autoMapInputData',
			value: null,
			matchingColumns: [],
			schema: [],
			attemptToConvertTypes: false,
			convertFieldsToString: false,
		} satisfies ResourceMapperValue,
		options,
	};
}

function subjects(...names: string[]): INodeExecutionData[] {
	return names.map((Ds) => ({ json: { StId: '1', Ds } }));
}

describe('UpdateConnector: Insert in batches', () => {
	it('sends 5 items as 2 POSTs (3 + 2 elements) and pairs every output item with its input item', async () => {
		const before = sim.profit.data.subjects.length;
		const output = await runProfit(sim, {
			parameters: batchInsert({ batchSize: 3 }),
			items: subjects('b1', 'b2', 'b3', 'b4', 'b5'),
		});
		expect(
			posts(sim).map((request) => ((request.body as IDataObject).KnSubject as IDataObject).Element),
		).toEqual([
			[
				{ Fields: { StId: 1, Ds: 'b1' } },
				{ Fields: { StId: 1, Ds: 'b2' } },
				{ Fields: { StId: 1, Ds: 'b3' } },
			],
			[{ Fields: { StId: 1, Ds: 'b4' } }, { Fields: { StId: 1, Ds: 'b5' } }],
		]);
		expect(sim.profit.data.subjects).toHaveLength(before + 5);
		expect(output.map((item) => item.pairedItem)).toEqual(
			[0, 1, 2, 3, 4].map((item) => ({ item })),
		);
		expect(output[0].json).toEqual({
			success: true,
			batchSize: 3,
			batchResults: { SbId: expect.any(String) },
			connector: 'KnSubject',
			operation: 'insert',
		});
	});

	it('reports a refused batch on every item of it; nothing of it is saved', async () => {
		const before = sim.profit.data.subjects.length;
		const items = subjects('ok 1', 'ok 2', 'ok 3');
		// Valid for our checks, refused by AFAS (the simulator's unknown-debtor style error) for item 1 only.
		sim.addFault({
			type: 'answer',
			status: 500,
			contentType: 'application/json',
			times: 1,
			match: { method: 'POST' },
			body: JSON.stringify({
				externalMessage: 'Deze bestemming is niet geldig voor dit type dossieritem',
				errorNumber: -2147180996,
				profitLogReference: 'B8213AF1C3C54E579686406A8DE71C6C',
			}),
		});
		const output = await runProfit(sim, {
			parameters: batchInsert({ batchSize: 3 }),
			items,
			continueOnFail: true,
		});
		expect(output.map((item) => [item.json.error, item.json.httpCode, item.pairedItem])).toEqual([
			['Deze bestemming is niet geldig voor dit type dossieritem', '500', { item: 0 }],
			['Deze bestemming is niet geldig voor dit type dossieritem', '500', { item: 1 }],
			['Deze bestemming is niet geldig voor dit type dossieritem', '500', { item: 2 }],
		]);
		expect(String(output[1].json.description)).toContain('Items 0, 1, 2 were sent in one batch');
		expect(posts(sim)).toHaveLength(1);
		expect(sim.profit.data.subjects).toHaveLength(before);
	});

	it('with Retry Each Item, resends the refused batch item by item and finds the bad one', async () => {
		const before = sim.profit.data.salesOrders.length;
		// Item 1's debtor does not exist: valid for our checks, refused by AFAS ("does not exist").
		const output = await runProfit(sim, {
			parameters: {
				...batchInsert({ batchSize: 3, onBatchFailure: 'retryEachItem' }),
				updateConnector: byId('FbSales'),
			},
			items: [
				{ json: { DbId: '10001' } },
				{ json: { DbId: '99999' } },
				{ json: { DbId: '10003' } },
			],
			continueOnFail: true,
		});
		expect(posts(sim).map((request) => request.status)).toEqual([500, 201, 500, 201]);
		expect(output[0].json).toMatchObject({
			OrNu: expect.any(String),
			connector: 'FbSales',
		});
		expect(output[1].json).toMatchObject({
			error: "The entered value for 'Debtor' does not exist.",
			httpCode: '500',
		});
		expect(output[2].json).toMatchObject({ OrNu: expect.any(String) });
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(sim.profit.data.salesOrders).toHaveLength(before + 2);
	});

	it('fails an invalid item alone and sends the rest of its batch', async () => {
		const output = await runProfit(sim, {
			parameters: batchInsert({ batchSize: 3 }),
			items: [
				{ json: { StId: '1', Ds: 'v1' } },
				{ json: { StId: '1' } },
				{ json: { StId: '1', Ds: 'v3' } },
			],
			continueOnFail: true,
		});
		expect(output[1].json.error).toBe("KnSubject: 'Subject' (Ds) is mandatory in KnSubject");
		const [post] = posts(sim);
		expect(((post.body as IDataObject).KnSubject as IDataObject).Element).toEqual([
			{ Fields: { StId: 1, Ds: 'v1' } },
			{ Fields: { StId: 1, Ds: 'v3' } },
		]);
	});

	it('Dry Run shows each item the batch body and sends nothing', async () => {
		const output = await runProfit(sim, {
			parameters: batchInsert({ batchSize: 2, dryRun: true }),
			items: subjects('d1', 'd2'),
		});
		expect(output.map((item) => item.json.body)).toEqual([
			{
				KnSubject: {
					Element: [{ Fields: { StId: 1, Ds: 'd1' } }, { Fields: { StId: 1, Ds: 'd2' } }],
				},
			},
			{
				KnSubject: {
					Element: [{ Fields: { StId: 1, Ds: 'd1' } }, { Fields: { StId: 1, Ds: 'd2' } }],
				},
			},
		]);
		expect(posts(sim)).toHaveLength(0);
	});

	it('never sends a POST twice after a dropped connection', async () => {
		sim.addFault({ type: 'reset', times: 1, match: { method: 'POST' } });
		const error = await thrownBy(() =>
			runProfit(sim, {
				parameters: batchInsert({
					batchSize: 2,
					onBatchFailure: 'retryEachItem',
				}),
				items: subjects('x1', 'x2'),
			}),
		);
		expect(error.message).toEqual(expect.any(String));
		expect(posts(sim)).toHaveLength(1);
	});
});
