import type { INodeParameters } from 'n8n-workflow';

import { byId, jsonOf, runProfit } from './setup';
import { useSimulator } from '../helpers/simulator';

const sim = useSimulator();

// Row 2 is in winter time (CET, +01:00), row 401 in summer time (CEST, +02:00).
async function twoRows(options?: INodeParameters) {
	const items = await runProfit(sim, {
		parameters: {
			resource: 'getConnector',
			operation: 'getAll',
			connector: byId('Profit_Demo'),
			returnAll: true,
			filters: {
				groups: [
					{ conditions: { condition: [{ field: 'Id', operator: 'equals', value: '2' }] } },
					{ conditions: { condition: [{ field: 'Id', operator: 'equals', value: '401' }] } },
				],
			},
			...(options ? { options } : {}),
		},
	});
	return jsonOf(items).map((row) => [row.Id, row.Code, row.DocumentDate, row.ModifiedAt]);
}

describe('GetConnector date handling', () => {
	it('keeps the values as AFAS sent them (Amsterdam clock with a Z)', async () => {
		expect(await twoRows({ dateHandling: 'keep' })).toEqual([
			[2, 'D00002', '2015-01-01T00:00:00Z', '2015-01-01T02:11:59Z'],
			[401, 'D00401', '2015-04-11T00:00:00Z', '2015-04-11T15:53:20Z'],
		]);
	});

	it('gives ISO 8601 with the real Europe/Amsterdam offset by default', async () => {
		const expected = [
			[2, 'D00002', '2015-01-01T00:00:00+01:00', '2015-01-01T02:11:59+01:00'],
			[401, 'D00401', '2015-04-11T00:00:00+02:00', '2015-04-11T15:53:20+02:00'],
		];
		expect(await twoRows()).toEqual(expected);
		expect(await twoRows({ dateHandling: 'amsterdam' })).toEqual(expected);
	});

	it('converts to the real instant in UTC', async () => {
		expect(await twoRows({ dateHandling: 'utc' })).toEqual([
			[2, 'D00002', '2014-12-31T23:00:00Z', '2015-01-01T01:11:59Z'],
			[401, 'D00401', '2015-04-10T22:00:00Z', '2015-04-11T13:53:20Z'],
		]);
	});
});
