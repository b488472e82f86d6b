import { sleep } from 'n8n-workflow';
import { startSimulator, type Simulator } from '../simulator';
import { call, type ProfitErrorBody } from './profitTestClient';

describe('AFAS simulator core: faults, request log, routing', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator({ port: 0 });
	});
	afterAll(async () => sim.close());
	afterEach(() => sim.clearFaults());

	it("exposes the base URLs and both products' credentials", () => {
		expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(sim.profitUrl).toBe(`${sim.url}/ProfitRestServices`);
		expect(sim.sbUrl).toBe(sim.url);
		expect(sim.credentials.profit).toMatchObject({
			environmentNumber: '12345',
			envid: 'O12345AA',
			tokenData: expect.stringMatching(/^[0-9A-F]{64}$/),
		});
	});

	it('answers 503 with retry_after and Retry-After for the next N matching requests only', async () => {
		sim.addFault({
			type: 'unavailable',
			retryAfter: 7,
			times: 2,
			match: { path: /\/connectors\/Profit_Demo$/ },
		});
		const other = await call(sim, '/connectors/Profit_Administrations');
		expect(other.status).toBe(200);
		for (let i = 0; i < 2; i++) {
			const res = await call<{ retry_after: number; error: { code: string } }>(
				sim,
				'/connectors/profit_demo',
			);
			expect(res.status).toBe(503);
			expect(res.headers.get('retry-after')).toBe('7');
			expect(res.json.retry_after).toBe(7);
			expect(res.json.error.code).toBe('503');
		}
		expect((await call(sim, '/connectors/Profit_Demo?take=1')).status).toBe(200);
	});

	it('answers a lock fault with the Profit standard 500 body', async () => {
		sim.addFault({ type: 'lock', times: 1, match: { method: 'POST', product: 'profit' } });
		expect((await call(sim, '/profitversion')).status).toBe(200);
		const res = await call<ProfitErrorBody>(sim, '/connectors/KnPerson', {
			method: 'POST',
			body: '{}',
		});
		expect(res.status).toBe(500);
		expect(res.json.externalMessage).toMatch(/locked/);
		expect(res.json.profitLogReference).toMatch(/^[0-9A-F]{32}$/);
	});

	it('resets the connection for a reset fault', async () => {
		sim.addFault({ type: 'reset', times: 1 });
		await expect(call(sim, '/profitversion')).rejects.toThrow();
		expect((await call(sim, '/profitversion')).status).toBe(200);
	});

	it('still answers after a random latency fault', async () => {
		sim.addFault({ type: 'latency', minMs: 1, maxMs: 20, times: 1 });
		expect((await call(sim, '/profitversion')).status).toBe(200);
	});

	it('keeps a hanging request open until close() ends it', async () => {
		const own = await startSimulator({ port: 0 });
		own.addFault({ type: 'hang' });
		const pending = fetch(`${own.profitUrl}/profitversion`).then(
			(res) => res.status,
			() => 'failed',
		);
		for (let i = 0; i < 100 && own.requests.length === 0; i++) await sleep(10);
		expect(own.requests).toHaveLength(1);
		expect(own.requests[0].status).toBeUndefined();
		await own.close();
		expect(await pending).toBe('failed');
	});

	it('logs method, path, query (repeated keys as arrays), redacted headers and parsed bodies with their status', async () => {
		sim.clearRequests();
		await call(sim, '/connectors/Profit_Demo?take=1&orderbyfieldids=Id&x=1&x=2', {
			headers: { IntegrationId: '12345_678900' },
		});
		await fetch(`${sim.profitUrl}/otprequest`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ apiKey: 'secret-key', apiToken: 'secret-env', userId: 'someone' }),
		});
		expect(sim.requests).toHaveLength(2);
		expect(sim.requests[0]).toMatchObject({
			method: 'GET',
			path: '/ProfitRestServices/connectors/Profit_Demo',
			query: { take: '1', orderbyfieldids: 'Id', x: ['1', '2'] },
			status: 200,
			product: 'profit',
		});
		expect(sim.requests[0].headers.authorization).toBe('AfasToken ***');
		expect(sim.requests[0].headers.integrationid).toBe('12345_678900');
		expect(sim.requests[1].body).toEqual({ apiKey: '***', apiToken: '***', userId: 'someone' });
		expect(sim.requests[1].status).toBe(201);
	});

	it('answers 404 for unknown Profit paths', async () => {
		expect((await call(sim, '/doesnotexist')).status).toBe(404);
		expect((await call(sim, '/connectors')).status).toBe(404);
	});
});
