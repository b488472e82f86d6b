import type { INodeParameters } from 'n8n-workflow';

import { byId, connectorReads, jsonOf, runProfit, thrownBy } from './setup';
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

/** A fault `match` for chosen pages (by `skip`) of one connector. */
function pagesOf(connector: string, skips: number[]) {
	return { path: `/ProfitRestServices/connectors/${connector}`, query: { skip: skips } };
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

	it('after a failed page starts no new page, lets the pages in flight finish, then reports the error', async () => {
		// Page 4 fails (a non-retryable 500) after 300 ms; pages 5 and 6, started meanwhile, get a 503 first and
		// are retried a second later, so they are still in flight when page 4 has failed.
		sim.addFault({ type: 'latency', ms: 300, match: pagesOf('Profit_Demo', [4000]) });
		sim.addFault({ type: 'lock', match: pagesOf('Profit_Demo', [4000]), times: 1 });
		sim.addFault({
			type: 'unavailable',
			retryAfter: 1,
			match: pagesOf('Profit_Demo', [5000, 6000]),
			times: 2,
		});
		const items = await runProfit(sim, {
			items: [{ json: { id: 'Profit_Demo' } }, { json: { id: 'Profit_Administrations' } }],
			parameters: {
				resource: 'getConnector',
				operation: 'getAll',
				connector: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				returnAll: true,
				options: { pageSize: 1000, parallelRequests: 3 },
			},
			continueOnFail: true,
		});

		expect(items[0].json.error).toBe('The record is locked by another user. Try again later.');
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items.slice(1).map((item) => item.json.AdminId)).toEqual([1, 2, 3, 4, 5]);

		const demoReads = connectorReads(sim, 'Profit_Demo');
		// Pages 0–6 only: no page past the failed one plus the two already in flight, and the 503s were retried
		// before the error was reported (every request has its answer).
		expect(demoReads.map((read) => [read.query.skip, read.status]).sort()).toEqual([
			['0', 200],
			['1000', 200],
			['2000', 200],
			['3000', 200],
			['4000', 500],
			['5000', 200],
			['5000', 503],
			['6000', 200],
			['6000', 503],
		]);
		// The next item's requests all come after the last request of the failed read.
		const lastDemo = sim.requests.lastIndexOf(demoReads[demoReads.length - 1]);
		const firstNext = sim.requests.findIndex((request) =>
			request.path.toLowerCase().endsWith('/profit_administrations'),
		);
		expect(firstNext).toBeGreaterThan(lastDemo);
	});

	it('ignores a failure of a page fetched ahead past the short last page', async () => {
		// 5 rows in pages of 2: page 2 holds the last row; pages 3 and 4 were only fetched ahead.
		sim.addFault({ type: 'lock', match: pagesOf('Profit_Administrations', [6]) });
		const { rows, reads } = await readAll('Profit_Administrations', {
			options: { pageSize: 2, parallelRequests: 5 },
		});
		expect(rows.map((row) => row.AdminId)).toEqual([1, 2, 3, 4, 5]);
		expect(reads.find((read) => read.query.skip === '6')?.status).toBe(500);
	});

	it('still fails when a page before the short last page fails', async () => {
		sim.addFault({ type: 'lock', match: pagesOf('Profit_Administrations', [2]) });
		const error = await thrownBy(() =>
			readAll('Profit_Administrations', { options: { pageSize: 2, parallelRequests: 5 } }),
		);
		expect(error.message).toBe('The record is locked by another user. Try again later.');
		expect(error.httpCode).toBe('500');
	});
});
