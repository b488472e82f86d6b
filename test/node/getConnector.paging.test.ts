import type { INodeParameters } from 'n8n-workflow';

import { byId, connectorReads, jsonOf, runProfit } from './setup';
import { useSimulator } from '../helpers/simulator';

const sim = useSimulator();

async function readAll(connector: string, extra: INodeParameters = {}) {
	const items = await runProfit(sim, {
		parameters: {
			resource: 'getConnector',
			operation: 'getAll',
			connector: byId(connector),
			returnAll: true,
			...extra,
		},
	});
	return { rows: jsonOf(items), reads: connectorReads(sim, connector) };
}

function expectCompleteAndSorted(ids: unknown[], count: number) {
	expect(ids).toHaveLength(count);
	expect(new Set(ids).size).toBe(count);
	const numbers = ids as number[];
	for (let i = 1; i < numbers.length; i++) expect(numbers[i]).toBeGreaterThan(numbers[i - 1]);
}

describe('GetConnector paging', () => {
	it('reads 12 345 rows in sorted pages sized from the column count and stops on the short page', async () => {
		const { rows, reads } = await readAll('Profit_Demo');
		expectCompleteAndSorted(
			rows.map((row) => row.Id),
			12345,
		);
		// 11 columns: 149 999 / 11 = 13 636 rows, capped at 10 000 per page.
		expect(reads.map((read) => [read.query.skip, read.query.take])).toEqual([
			['0', '10000'],
			['10000', '10000'],
		]);
		expect(reads.every((read) => read.query.orderbyfieldids === 'Id')).toBe(true);
		expect(reads.some((read) => read.query.skip === '-1')).toBe(false);
	});

	it('keeps columns × rows under 150 000 for a wide connector', async () => {
		const { rows, reads } = await readAll('Profit_Transactions', {
			returnAll: false,
			limit: 20000,
		});
		expect(rows).toHaveLength(20000);
		// 20 columns: 149 999 / 20 = 7 499 rows per page.
		expect(reads.map((read) => read.query.take)).toEqual(['7499', '7499', '5002']);
	});

	it('fetches pages ahead in parallel with the same sort: exact count, no duplicates, in order', async () => {
		const { rows, reads } = await readAll('Profit_Demo', {
			options: { pageSize: 1000, parallelRequests: 3 },
		});
		expectCompleteAndSorted(
			rows.map((row) => row.Id),
			12345,
		);
		const skips = reads.map((read) => Number(read.query.skip));
		expect(new Set(skips).size).toBe(skips.length);
		expect(skips.every((skip) => skip % 1000 === 0)).toBe(true);
		// 13 pages hold data; at most two more may already be in flight when the short page arrives.
		expect(reads.length).toBeGreaterThanOrEqual(13);
		expect(reads.length).toBeLessThanOrEqual(15);
		expect(
			reads.every((read) => read.query.orderbyfieldids === 'Id' && read.query.take === '1000'),
		).toBe(true);
	});

	it('reads 100 000 rows with five parallel requests, complete and sorted', async () => {
		const { rows, reads } = await readAll('Profit_Transactions', {
			options: { parallelRequests: 5, dateHandling: 'keep' },
		});
		const first = Object.keys(rows[0])[0];
		expectCompleteAndSorted(
			rows.map((row) => row[first]),
			100000,
		);
		expect(reads.every((read) => read.query.orderbyfieldids === first)).toBe(true);
	});

	it('honours Limit across pages without reading further', async () => {
		const { rows, reads } = await readAll('Profit_Demo', {
			returnAll: false,
			limit: 2500,
			options: { pageSize: 1000, parallelRequests: 2 },
		});
		expect(rows.map((row) => row.Id)).toEqual(Array.from({ length: 2500 }, (_, i) => i + 1));
		expect(reads.map((read) => [read.query.skip, read.query.take]).sort()).toEqual([
			['0', '1000'],
			['1000', '1000'],
			['2000', '500'],
		]);
	});

	it('asks one more page when the last page is exactly full, and stops on the empty one', async () => {
		const { rows, reads } = await readAll('Profit_Administrations', { options: { pageSize: 5 } });
		expect(rows).toHaveLength(5);
		expect(reads.map((read) => read.query.skip)).toEqual(['0', '5']);
	});

	it('sends skip=-1&take=-1 only when Fetch in One Request is on', async () => {
		const { rows, reads } = await readAll('Profit_Demo', { options: { fetchInOneRequest: true } });
		expect(rows).toHaveLength(12345);
		expect(reads).toHaveLength(1);
		expect(reads[0].query).toMatchObject({ skip: '-1', take: '-1' });
	});
});
