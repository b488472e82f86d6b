import { startRecorder, startSimulator, type Recorder, type Simulator } from '../simulator';
import { call } from './profitTestClient';

/** Raw HTTP/1.1 exchange over fetch would hide a short body; this reads what arrived before the socket died. */
async function readUntilClosed(
	url: string,
	auth: string,
): Promise<{ status: number; length: string | null; text: string; failed: boolean }> {
	const response = await fetch(url, { headers: { Authorization: auth } });
	const reader = response.body!.getReader();
	const decoder = new TextDecoder();
	let text = '';
	let failed = false;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			text += decoder.decode(value, { stream: true });
		}
	} catch {
		failed = true;
	}
	return { status: response.status, length: response.headers.get('content-length'), text, failed };
}

describe('AFAS simulator: odd-answer faults and the recorder', () => {
	let sim: Simulator;
	let rec: Recorder;
	beforeAll(async () => {
		sim = await startSimulator({ port: 0 });
		rec = await startRecorder();
	});
	afterAll(async () => {
		await sim.close();
		await rec.close();
	});
	afterEach(() => {
		sim.clearFaults();
		rec.clear();
	});

	it('answers exactly the given body, status and content type, HTML by default', async () => {
		sim.addFault({ type: 'answer', body: '<html><body>Log in</body></html>', times: 1 });
		const html = await call(sim, '/profitversion');
		expect(html.status).toBe(200);
		expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(html.text).toBe('<html><body>Log in</body></html>');

		for (const body of ['null', '', '{"rows":{}}']) {
			sim.addFault({
				type: 'answer',
				body,
				status: 200,
				contentType: 'application/json',
				times: 1,
				match: { path: /Profit_Debtor/ },
			});
			const res = await call(sim, '/connectors/Profit_Debtor?take=1');
			expect([res.status, res.headers.get('content-type'), res.text]).toEqual([
				200,
				'application/json',
				body,
			]);
		}
		expect((await call(sim, '/connectors/Profit_Debtor?take=1')).text).toMatch(/"rows":\[\{/);
	});

	it('sends the true headers and Content-Length but only half of the body, then drops the connection', async () => {
		const full = await call(sim, '/connectors/Profit_Debtor?take=5&orderbyfieldids=DebtorId');
		sim.addFault({ type: 'truncated', times: 1 });
		const cut = await readUntilClosed(
			`${sim.profitUrl}/connectors/Profit_Debtor?take=5&orderbyfieldids=DebtorId`,
			`AfasToken ${sim.credentials.profit.tokenBase64}`,
		);
		expect(cut.status).toBe(200);
		expect(cut.length).toBe(String(Buffer.byteLength(full.text)));
		expect(cut.failed).toBe(true);
		expect(cut.text.length).toBeGreaterThan(0);
		expect(full.text.startsWith(cut.text)).toBe(true);
		expect(cut.text.length).toBeLessThan(full.text.length);
	});

	it('can cut the body without a length header and close cleanly, so only the body shows it', async () => {
		const full = await call(sim, '/connectors/Profit_Debtor?take=5&orderbyfieldids=DebtorId');
		sim.addFault({ type: 'truncated', lengthHeader: false, times: 1 });
		const cut = await readUntilClosed(
			`${sim.profitUrl}/connectors/Profit_Debtor?take=5&orderbyfieldids=DebtorId`,
			`AfasToken ${sim.credentials.profit.tokenBase64}`,
		);
		expect(cut.status).toBe(200);
		expect(cut.length).toBeNull();
		expect(cut.failed).toBe(false);
		expect(cut.text).toBe(full.text.slice(0, Math.floor(full.text.length / 2)));
	});

	it('answers garbage that is not HTTP', async () => {
		sim.addFault({ type: 'garbage', times: 1 });
		await expect(call(sim, '/profitversion')).rejects.toThrow();
		expect((await call(sim, '/profitversion')).status).toBe(200);
	});

	it('truncates a streamed (large) answer too', async () => {
		sim.addFault({ type: 'truncated', times: 1 });
		const cut = await readUntilClosed(
			`${sim.profitUrl}/connectors/Profit_Demo?skip=-1&take=-1`,
			`AfasToken ${sim.credentials.profit.tokenBase64}`,
		);
		expect(cut.status).toBe(200);
		expect(Number(cut.length)).toBeGreaterThan(cut.text.length);
		expect(cut.failed).toBe(true);
		expect(cut.text.startsWith('{"skip":-1,"take":-1,"rows":[')).toBe(true);
	});

	it.each([301, 302, 303, 307, 308] as const)(
		'redirects with %i and Location, and the recorder sees what a following client sends',
		async (status) => {
			sim.addFault({ type: 'redirect', status, location: `${rec.url}/elsewhere?x=1`, times: 1 });
			const manual = await fetch(`${sim.profitUrl}/profitversion`, { redirect: 'manual' });
			expect(manual.status).toBe(status);
			expect(manual.headers.get('location')).toBe(`${rec.url}/elsewhere?x=1`);
			expect(rec.requests).toHaveLength(0);

			sim.addFault({ type: 'redirect', status, location: `${rec.url}/elsewhere?x=1`, times: 1 });
			const followed = await fetch(`${sim.profitUrl}/profitversion`);
			expect(followed.status).toBe(200);
			expect(await followed.json()).toEqual({ rows: [] });
			expect(rec.requests).toEqual([
				expect.objectContaining({ method: 'GET', path: '/elsewhere', url: '/elsewhere?x=1' }),
			]);
		},
	);

	it('keeps raw headers and body in the recorder (a leaked credential stays visible)', async () => {
		await fetch(`${rec.url}/x`, {
			method: 'POST',
			headers: { Authorization: 'AfasToken c2VjcmV0', 'Content-Type': 'text/plain' },
			body: 'client_secret=abc',
		});
		expect(rec.requests[0]).toMatchObject({
			method: 'POST',
			path: '/x',
			body: 'client_secret=abc',
			headers: expect.objectContaining({ authorization: 'AfasToken c2VjcmV0' }),
		});
	});

	it('echoes the raw Authorization header and body in externalMessage, message and error_description', async () => {
		sim.addFault({ type: 'echo', times: 1 });
		const res = await fetch(`${sim.profitUrl}/connectors/KnPerson`, {
			method: 'POST',
			headers: { Authorization: 'AfasToken ZWNobw==', 'Content-Type': 'application/json' },
			body: '{"secret":"s3"}',
		});
		expect(res.status).toBe(401);
		const json = (await res.json()) as Record<string, string>;
		for (const key of ['externalMessage', 'message', 'error_description']) {
			expect(json[key]).toContain('AfasToken ZWNobw==');
			expect(json[key]).toContain('{"secret":"s3"}');
		}
		sim.addFault({ type: 'echo', status: 400, times: 1 });
		expect((await call(sim, '/profitversion')).status).toBe(400);
	});

	it('rejects an answer fault without a body and a redirect without a location or with another status', () => {
		expect(() => sim.addFault({ type: 'answer' } as never)).toThrow(/body/);
		expect(() => sim.addFault({ type: 'redirect' } as never)).toThrow(/location/);
		expect(() =>
			sim.addFault({ type: 'redirect', location: rec.url, status: 200 } as never),
		).toThrow(/status/);
	});
});
