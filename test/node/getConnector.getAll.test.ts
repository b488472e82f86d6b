import { byId, connectorReads, jsonOf, runProfit } from './setup';
import { useSimulator } from '../helpers/simulator';

const sim = useSimulator();

describe('GetConnector → Get Many', () => {
	it('returns one item per row, sorted by the first field when no sort is set, with pairedItem', async () => {
		const items = await runProfit(sim, {
			parameters: {
				resource: 'getConnector',
				operation: 'getAll',
				connector: byId('Profit_Administrations'),
				returnAll: true,
			},
		});
		expect(jsonOf(items).map((row) => row.AdminId)).toEqual([1, 2, 3, 4, 5]);
		expect(items.every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(true);
		const [read] = connectorReads(sim, 'Profit_Administrations');
		expect(read.query).toMatchObject({ skip: '0', orderbyfieldids: 'AdminId' });
		expect(sim.requests[0].path.toLowerCase()).toBe(
			'/profitrestservices/metainfo/get/profit_administrations',
		);
	});

	it('sends Limit as take and stops after the limit', async () => {
		const items = await runProfit(sim, {
			parameters: {
				resource: 'getConnector',
				operation: 'getAll',
				connector: byId('Profit_Demo'),
				returnAll: false,
				limit: 7,
			},
		});
		expect(items).toHaveLength(7);
		const reads = connectorReads(sim, 'Profit_Demo');
		expect(reads).toHaveLength(1);
		expect(reads[0].query).toMatchObject({ skip: '0', take: '7', orderbyfieldids: 'Id' });
	});

	it('sorts on several fields, ascending and descending', async () => {
		const items = await runProfit(sim, {
			parameters: {
				resource: 'getConnector',
				operation: 'getAll',
				connector: byId('Profit_Demo'),
				limit: 20,
				sort: {
					fields: [
						{ field: 'Category', direction: 'descending' },
						{ field: 'Id', direction: 'ascending' },
					],
				},
			},
		});
		// Id is the connector's first field and already in the sort: no tie-breaker is added.
		expect(connectorReads(sim, 'Profit_Demo')[0].query.orderbyfieldids).toBe('-Category,Id');
		const rows = jsonOf(items);
		expect(rows.every((row) => row.Category === 'D')).toBe(true);
		const ids = rows.map((row) => row.Id as number);
		expect(ids).toEqual([...ids].sort((a, b) => a - b));
	});

	it('reads parameters per item: two input items, two connectors', async () => {
		const items = await runProfit(sim, {
			items: [{ json: { id: 'Profit_Administrations' } }, { json: { id: 'Profit_Demo' } }],
			parameters: {
				resource: 'getConnector',
				operation: 'getAll',
				connector: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				limit: 3,
			},
		});
		expect(items).toHaveLength(6);
		expect(items.slice(0, 3).map((item) => item.json.AdminId)).toEqual([1, 2, 3]);
		expect(items.slice(3).map((item) => item.json.Code)).toEqual(['D00001', 'D00002', 'D00003']);
		expect(items.map((item) => (item.pairedItem as { item: number }).item)).toEqual([
			0, 0, 0, 1, 1, 1,
		]);
	});

	it('rejects a filter field that the connector does not have before reading rows', async () => {
		const { thrownBy } = await import('./setup');
		const error = await thrownBy(() =>
			runProfit(sim, {
				parameters: {
					resource: 'getConnector',
					operation: 'getAll',
					connector: byId('Profit_Administrations'),
					filters: {
						groups: [
							{ conditions: { condition: [{ field: 'Nope', operator: 'equals', value: '1' }] } },
						],
					},
				},
			}),
		);
		expect(error.message).toContain('"Nope" is not a field of GetConnector Profit_Administrations');
		expect(String(error.description)).toContain('AdminId');
		expect(connectorReads(sim, 'Profit_Administrations')).toHaveLength(0);
	});

	it("adds the connector's first field as a tie-breaker after a sort that is not unique", async () => {
		const items = await runProfit(sim, {
			parameters: {
				resource: 'getConnector',
				operation: 'getAll',
				connector: byId('Profit_Demo'),
				returnAll: true,
				sort: { fields: [{ field: 'Category', direction: 'descending' }] },
				options: { pageSize: 5000 },
			},
		});
		const reads = connectorReads(sim, 'Profit_Demo');
		expect(reads).toHaveLength(3);
		expect(reads.every((read) => read.query.orderbyfieldids === '-Category,Id')).toBe(true);
		const ids = jsonOf(items).map((row) => row.Id);
		expect(new Set(ids).size).toBe(12345);
	});

	it('does not add the tie-breaker again when the sort already holds it, descending', async () => {
		await runProfit(sim, {
			parameters: {
				resource: 'getConnector',
				operation: 'getAll',
				connector: byId('Profit_Demo'),
				limit: 3,
				sort: { fields: [{ field: 'Id', direction: 'descending' }] },
			},
		});
		expect(connectorReads(sim, 'Profit_Demo')[0].query.orderbyfieldids).toBe('-Id');
	});

	describe('a connector whose metainfo lists no fields', () => {
		let connector: { fields: unknown[] };
		let fields: unknown[];
		beforeEach(() => {
			connector = sim.profit.getConnectors.find(
				(entry) => entry.id === 'Profit_Administrations',
			) as unknown as { fields: unknown[] };
			fields = connector.fields;
			connector.fields = [];
		});
		afterEach(() => {
			connector.fields = fields;
		});

		it('asks for a sort field before reading when more than one page may be needed', async () => {
			const { thrownBy } = await import('./setup');
			const error = await thrownBy(() =>
				runProfit(sim, {
					parameters: {
						resource: 'getConnector',
						operation: 'getAll',
						connector: byId('Profit_Administrations'),
						returnAll: true,
					},
				}),
			);
			expect(error.message).toBe(
				'Sort: The metainfo of GetConnector Profit_Administrations lists no fields, so the node cannot choose a sort for paging',
			);
			// Unknown width: the default page size of 1000, not one sized for a single column.
			expect(String(error.description)).toContain('a Limit of at most 1000');
			expect(connectorReads(sim, 'Profit_Administrations')).toHaveLength(0);
		});

		it('reads a single page without a sort', async () => {
			await runProfit(sim, {
				parameters: {
					resource: 'getConnector',
					operation: 'getAll',
					connector: byId('Profit_Administrations'),
					limit: 1000,
				},
			});
			const reads = connectorReads(sim, 'Profit_Administrations');
			expect(reads).toHaveLength(1);
			expect(reads[0].query.take).toBe('1000');
			expect(reads[0].query.orderbyfieldids).toBeUndefined();
		});
	});
});
