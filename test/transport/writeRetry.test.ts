import type { IDataObject, INodeType } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { createProfitClient } from '../../nodes/Afas/api/profit/client';
import type { AfasRequestOptions } from '../../nodes/Afas/transport';
import { runNode } from '../helpers/afas';
import { useSimulator } from '../helpers/simulator';
import { profitCredentials, startSimulator, thrownBy } from '../node/setup';
import type { Fault, Simulator } from '../simulator';

/**
 * No blind retry of writes (issue 16): a POST is sent a second time only when AFAS certainly did not process it
 * (AFAS's own 503 with retry_after; a refused connection); PUT and DELETE likewise unless the caller opts in
 * with retryMode 'idempotentWrite'. Every case goes over real HTTP to the simulator, through n8n-core's request
 * helper and the Profit client, and counts what reached the simulator.
 */
const sim = useSimulator();

/** Short back-off so that retried cases stay quick; the decisions themselves are the real ones. */
const FAST = { baseDelayMs: 50 };

const MAY_HAVE_PROCESSED =
	'AFAS may have processed this request; check in Profit before sending it again.';

/** Sends one request through the Profit client from a node execution, as an operation would. */
async function send(
	options: AfasRequestOptions,
	credentials = profitCredentials(sim),
): Promise<unknown> {
	const probe: INodeType = {
		description: {
			displayName: 'Probe',
			name: 'probe',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: { name: 'Probe' },
			inputs: [],
			outputs: [],
			credentials: [{ name: 'afasProfitApi', required: true }],
			properties: [],
		},
		async execute() {
			const client = await createProfitClient(this);
			const answer = await client.request({ retry: FAST, ...options });
			return [[{ json: { answer } as IDataObject }]];
		},
	};
	const { output } = await runNode(probe, { parameters: {}, credentials });
	return (output[0][0].json as { answer: unknown }).answer;
}

let subjectNumber = 0;

function newSubject(): AfasRequestOptions {
	subjectNumber += 1;
	return {
		method: 'POST',
		path: '/connectors/KnSubject',
		body: { KnSubject: { Element: { Fields: { StId: '15', Ds: `Retry test ${subjectNumber}` } } } },
	};
}

function updateSubject(sbId: number, retryMode?: AfasRequestOptions['retryMode']) {
	const options: AfasRequestOptions = {
		method: 'PUT',
		path: '/connectors/KnSubject',
		body: {
			KnSubject: { Element: { '@SbId': String(sbId), Fields: { Ds: 'Updated by retry test' } } },
		},
	};
	return retryMode ? { ...options, retryMode } : options;
}

function deleteSubject(sbId: number, retryMode?: AfasRequestOptions['retryMode']) {
	const options: AfasRequestOptions = {
		method: 'DELETE',
		path: `/connectors/KnSubject/KnSubject/@SbId/${sbId}`,
	};
	return retryMode ? { ...options, retryMode } : options;
}

/** The statuses of the calls with this method that reached the simulator (undefined: no answer finished). */
function attempts(method: string): Array<number | undefined> {
	return sim.requests
		.filter((request) => request.method === method && /\/connectors\/KnSubject/.test(request.path))
		.map((request) => request.status);
}

function faultFor(method: string, fault: Fault): Fault {
	return { ...fault, match: { method, path: /\/connectors\/KnSubject/ } };
}

function subjectsNamed(description: string) {
	return sim.profit.rows('Profit_Subjects').filter((row) => row.Subject === description);
}

/**
 * Failures after which the request may have reached AFAS, so a write must not be sent again. The simulator
 * drops the connection before handling a reset or hanging request, but a cut-off answer comes after the
 * record was created: exactly the case a second POST would duplicate.
 */
const MAY_HAVE_REACHED_AFAS: Array<[string, Fault, RegExp, number]> = [
	['a connection reset', { type: 'reset', times: 1 }, /^The connection to AFAS was reset$/, 0],
	['a timeout', { type: 'hang', times: 1 }, /^AFAS did not answer within 1 seconds$/, 0],
	[
		'an answer cut off mid-stream',
		{ type: 'truncated', times: 1 },
		/^The answer from AFAS was cut off before its end/,
		1,
	],
];

describe('Writes are not retried blindly', () => {
	describe.each(MAY_HAVE_REACHED_AFAS)('POST after %s', (_name, fault, message, created) => {
		it('is sent once and the error says AFAS may have processed it', async () => {
			sim.addFault(faultFor('POST', fault));
			const request = newSubject();
			const error = await thrownBy(() => send({ ...request, timeoutMs: 1000 }));
			expect(subjectsNamed(`Retry test ${subjectNumber}`)).toHaveLength(created);
			expect(error.message).toMatch(message);
			expect(String(error.description)).toContain(MAY_HAVE_PROCESSED);
			expect(String(error.description)).toContain('It was not sent again automatically');
			expect(String(error.description)).not.toContain('Tried');
			expect(attempts('POST')).toEqual([undefined]);
		});
	});

	it('sends a POST once after a 500 (a lock), with AFAS words and no "may have processed"', async () => {
		sim.addFault(faultFor('POST', { type: 'lock', times: 1 }));
		const error = await thrownBy(() => send(newSubject()));
		expect(error.message).toBe('The record is locked by another user. Try again later.');
		expect(String(error.description)).not.toContain('may have processed');
		expect(attempts('POST')).toEqual([500]);
	});

	it('sends a POST again after AFAS answered 503 with retry_after, and succeeds', async () => {
		sim.addFault(faultFor('POST', { type: 'unavailable', retryAfter: 0, times: 1 }));
		const answer = (await send(newSubject())) as { results: { KnSubject: { SbId: string } } };
		expect(answer.results.KnSubject.SbId).toMatch(/^\d+$/);
		expect(attempts('POST')).toEqual([503, 201]);
	});

	it("does not send a POST again after a 503 without AFAS's retry_after (a proxy's)", async () => {
		sim.addFault(
			faultFor('POST', {
				type: 'answer',
				status: 503,
				body: '<html>Service Unavailable</html>',
				times: 1,
			}),
		);
		const error = await thrownBy(() => send(newSubject()));
		expect(error.httpCode).toBe('503');
		expect(attempts('POST')).toEqual([503]);
	});

	it('stops after the retries when AFAS keeps answering 503', async () => {
		sim.addFault(faultFor('POST', { type: 'unavailable', retryAfter: 0 }));
		const error = await thrownBy(() => send(newSubject()));
		expect(error.httpCode).toBe('503');
		expect(String(error.description)).toContain('Tried 4 times.');
		expect(attempts('POST')).toEqual([503, 503, 503, 503]);
	});

	describe.each([
		['PUT', () => updateSubject(49946)],
		['DELETE', () => deleteSubject(49946)],
	])('%s by default', (method, request) => {
		it('is not sent again after a reset', async () => {
			sim.addFault(faultFor(method, { type: 'reset', times: 1 }));
			const error = await thrownBy(() => send(request()));
			expect(String(error.description)).toContain(MAY_HAVE_PROCESSED);
			expect(attempts(method)).toEqual([undefined]);
		});

		it('is sent again after AFAS answered 503 with retry_after', async () => {
			// Every matching fault is used up by each request and the first one answers it: the 503 answers the
			// first, the lock the second (so the record is not changed and stays there for the DELETE).
			sim.addFault(faultFor(method, { type: 'unavailable', retryAfter: 0, times: 1 }));
			sim.addFault(faultFor(method, { type: 'lock', times: 2 }));
			await thrownBy(() => send(request()));
			expect(attempts(method)).toEqual([503, 500]);
		});
	});

	describe.each([
		['PUT', 201, () => updateSubject(9910, 'idempotentWrite')],
		['DELETE', 200, () => deleteSubject(9937, 'idempotentWrite')],
	])('%s with retryMode idempotentWrite', (method, okStatus, request) => {
		it('is sent again after a reset and a 503, and succeeds', async () => {
			// Each request uses up every matching fault, the first one answering: reset, then 503, then AFAS.
			sim.addFault(faultFor(method, { type: 'reset', times: 1 }));
			sim.addFault(faultFor(method, { type: 'unavailable', retryAfter: 0, times: 2 }));
			await send(request());
			expect(attempts(method)).toEqual([undefined, 503, okStatus]);
		});
	});

	it('a PUT with retryMode idempotentWrite is sent again after an answer cut off mid-stream', async () => {
		sim.addFault(faultFor('PUT', { type: 'truncated', times: 1 }));
		await send(updateSubject(54286, 'idempotentWrite'));
		expect(attempts('PUT')).toEqual([undefined, 201]);
	});

	it('a PUT with retryMode idempotentWrite retries a timeout once, then says it may have been processed', async () => {
		sim.addFault(faultFor('PUT', { type: 'hang', times: 2 }));
		const error = await thrownBy(() =>
			send({ ...updateSubject(54286, 'idempotentWrite'), timeoutMs: 1000 }),
		);
		expect(String(error.description)).toContain(MAY_HAVE_PROCESSED);
		expect(String(error.description)).toContain('Tried 2 times');
		expect(attempts('PUT')).toEqual([undefined, undefined]);
	});

	it('a GET is still retried after a reset (read policy unchanged)', async () => {
		sim.addFault({ type: 'reset', times: 1, match: { path: /\/metainfo$/ } });
		await send({ path: '/metainfo' });
		expect(sim.requests.filter((request) => /\/metainfo$/.test(request.path))).toHaveLength(2);
	});
});

describe('A refused connection: nothing was sent, so a POST is tried again', () => {
	/** A port that was just in use and is now closed: connecting to it is refused. */
	async function closedPort(): Promise<Simulator> {
		const spare = await startSimulator({ port: 0 });
		await spare.close();
		return spare;
	}

	it('reaches AFAS once it listens again, with exactly one POST processed', async () => {
		const closed = await closedPort();
		const credentials = {
			afasProfitApi: {
				...profitCredentials(sim).afasProfitApi,
				baseUrl: closed.profitUrl,
			},
		};
		// Back-off 200, 400, 800 ms: the simulator is back on the same port before the third attempt.
		const sending = send({ ...newSubject(), retry: { baseDelayMs: 200 } }, credentials);
		await sleep(400);
		const reopened = await startSimulator({ port: closed.port });
		try {
			const answer = (await sending) as { results: { KnSubject: { SbId: string } } };
			expect(answer.results.KnSubject.SbId).toMatch(/^\d+$/);
			expect(reopened.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
		} finally {
			await reopened.close();
		}
	});

	it('gives up after the retries, without claiming AFAS may have processed it', async () => {
		const closed = await closedPort();
		const credentials = {
			afasProfitApi: { ...profitCredentials(sim).afasProfitApi, baseUrl: closed.profitUrl },
		};
		const error = await thrownBy(() => send(newSubject(), credentials));
		expect(error.message).toBe('Could not reach AFAS');
		expect(String(error.description)).toContain('Network error ECONNREFUSED');
		expect(String(error.description)).toContain('Tried 4 times.');
		expect(String(error.description)).not.toContain('may have processed');
	});
});
