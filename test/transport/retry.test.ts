import { byId, runProfit, thrownBy } from '../node/setup';
import { useSimulator } from '../helpers/simulator';

const sim = useSimulator();

const CONNECTOR_PATH = /\/connectors\/Profit_Administrations$/;

function connectorStatuses(): Array<number | undefined> {
	return sim.requests
		.filter((request) => CONNECTOR_PATH.test(request.path))
		.map((request) => request.status);
}

async function readAdministrations(options = {}) {
	return await runProfit(sim, {
		parameters: {
			resource: 'getConnector',
			operation: 'getAll',
			connector: byId('Profit_Administrations'),
			returnAll: true,
			options,
		},
	});
}

describe('Transport retries', () => {
	it('retries a GET after a 503, honouring retry_after', async () => {
		sim.addFault({ type: 'unavailable', retryAfter: 1, match: { path: CONNECTOR_PATH }, times: 2 });
		const items = await readAdministrations();
		expect(items).toHaveLength(5);
		expect(connectorStatuses()).toEqual([503, 503, 200]);
	});

	it('gives up after the retries, in AFAS words, saying how often it tried', async () => {
		sim.addFault({ type: 'unavailable', retryAfter: 0, match: { path: CONNECTOR_PATH } });
		const error = await thrownBy(() => readAdministrations());
		expect(error.message).toBe(
			'Service temporarily unavailable due to scheduled maintenance. Please check afasstatus.nl for details.',
		);
		expect(error.httpCode).toBe('503');
		expect(String(error.description)).toMatch(/retry after 0 seconds\. Tried 4 times\./);
		expect(connectorStatuses()).toEqual([503, 503, 503, 503]);
	});

	it('does not wait out a maintenance window: a long retry_after fails at once', async () => {
		sim.addFault({ type: 'unavailable', retryAfter: 7200, match: { path: CONNECTOR_PATH } });
		const error = await thrownBy(() => readAdministrations());
		expect(String(error.description)).toContain('AFAS asked to retry after 7200 seconds');
		expect(connectorStatuses()).toEqual([503]);
	});

	it('retries after a connection reset', async () => {
		sim.addFault({ type: 'reset', match: { path: CONNECTOR_PATH }, times: 1 });
		const items = await readAdministrations();
		expect(items).toHaveLength(5);
		expect(connectorStatuses()).toEqual([undefined, 200]);
	});

	it('times out a hanging request and retries it once', async () => {
		sim.addFault({ type: 'hang', match: { path: CONNECTOR_PATH }, times: 1 });
		const items = await readAdministrations({ timeout: 1 });
		expect(items).toHaveLength(5);
		expect(connectorStatuses()).toEqual([undefined, 200]);
	});

	it('does not retry a second timeout: AFAS still runs the first query (up to 900 s)', async () => {
		sim.addFault({ type: 'hang', match: { path: CONNECTOR_PATH }, times: 2 });
		const error = await thrownBy(() => readAdministrations({ timeout: 1 }));
		expect(error.message).toBe('AFAS did not answer within 1 seconds');
		expect(String(error.description)).toContain('Tried 2 times');
		// Two requests, the third (which would have succeeded) is never sent.
		expect(connectorStatuses()).toEqual([undefined, undefined]);
	});

	it('does not retry a timeout that follows another failure', async () => {
		// The first request consumes both faults (the reset answers it); the second hangs.
		sim.addFault({ type: 'reset', match: { path: CONNECTOR_PATH }, times: 1 });
		sim.addFault({ type: 'hang', match: { path: CONNECTOR_PATH }, times: 2 });
		const error = await thrownBy(() => readAdministrations({ timeout: 1 }));
		expect(error.message).toBe('AFAS did not answer within 1 seconds');
		expect(String(error.description)).toContain('Tried 2 times');
		expect(connectorStatuses()).toEqual([undefined, undefined]);
	});
});
