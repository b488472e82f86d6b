import type { Recorder } from '../simulator';
import { startRecorder } from '../simulator';
import { byId, node, profitLoadOptions, runProfit, runSb, thrownBy } from '../node/setup';
import { useSimulator } from '../helpers/simulator';
import { expectNoSecret, requestsTo, simulatorSecrets } from './safety';

/**
 * No credential may follow a redirect to another origin. The simulator redirects to a second local server
 * that records what it receives raw and answers 200 `{"rows":[]}`: a followed redirect would both leak the
 * Authorization header there and look like an empty success.
 */
const sim = useSimulator();
let recorder: Recorder;

beforeAll(async () => {
	recorder = await startRecorder();
});
afterAll(async () => {
	await recorder.close();
});
beforeEach(() => recorder.clear());

const { listSearch, loadOptions } = node.methods;

const targets: Record<string, { path: RegExp; run: () => Promise<unknown> }> = {
	'node operation (GetConnector read)': {
		path: /\/connectors\/Profit_Administrations$/,
		run: async () =>
			await runProfit(sim, {
				parameters: {
					resource: 'getConnector',
					operation: 'getAll',
					connector: byId('Profit_Administrations'),
					limit: 2,
				},
			}),
	},
	'loader (connector search)': {
		path: /\/ProfitRestServices\/metainfo$/,
		run: async () =>
			await listSearch.searchGetConnectors.call(
				profitLoadOptions(sim, { resource: 'getConnector', operation: 'getAll' }),
			),
	},
	'loader (fields)': {
		path: /\/metainfo\/get\/Profit_Administrations$/,
		run: async () =>
			await loadOptions.getConnectorFields.call(
				profitLoadOptions(sim, {
					resource: 'getConnector',
					operation: 'getAll',
					connector: byId('Profit_Administrations'),
				}),
			),
	},
	'file download': {
		path: /\/fileconnector\//,
		run: async () =>
			await runProfit(sim, {
				parameters: {
					resource: 'file',
					operation: 'getFile',
					fileId: 'F64BB8E942BBC5E94FC747904E19FE1B',
					fileName: 'Invoice3734.pdf',
				},
			}),
	},
	'SB list': {
		path: /\/scope\/api\/countries$/,
		run: async () =>
			await runSb(sim, {
				resource: 'referenceData',
				operation: 'getMany',
				sbResource: 'country',
				limit: 5,
			}),
	},
};

const statuses = [301, 302, 307, 308] as const;
const cases = Object.entries(targets).flatMap(([name, target]) =>
	statuses.map((status) => ({ name, target, status })),
);

describe('Redirects are refused, never followed', () => {
	it.each(cases)('$name: HTTP $status to another origin', async ({ target, status }) => {
		sim.addFault({
			type: 'redirect',
			status,
			location: `${recorder.url}/steal/here?session=abc123`,
			match: { path: target.path },
		});
		const error = await thrownBy(target.run);
		expect(recorder.requests).toEqual([]);
		expect(error.name).toBe('NodeApiError');
		expect(error.message).toBe(`AFAS answered with a redirect to ${recorder.url} (HTTP ${status})`);
		expect(String(error.description)).toMatch(
			/does not follow redirects.*base URL in the credential/,
		);
		expect(error.httpCode).toBe(String(status));
		// The target's path and query may carry a session: only the origin is named.
		expect(JSON.stringify(error)).not.toMatch(/steal|abc123/);
		expect(requestsTo(sim, target.path)).toBe(1);
		expectNoSecret(error, simulatorSecrets(sim));
	});

	it('refuses a redirect on the same origin too, naming that origin', async () => {
		const target = targets['node operation (GetConnector read)'];
		sim.addFault({ type: 'redirect', location: '/login?next=1', match: { path: target.path } });
		const error = await thrownBy(target.run);
		expect(error.message).toBe(`AFAS answered with a redirect to ${sim.url} (HTTP 302)`);
		expect(requestsTo(sim, /\/login$/)).toBe(0);
	});

	it('answers a redirect under Continue On Fail with an error item that holds no secret', async () => {
		sim.addFault({
			type: 'redirect',
			status: 307,
			location: `${recorder.url}/x`,
			match: { path: /\/connectors\/Profit_Administrations$/ },
		});
		const output = await runProfit(sim, {
			parameters: {
				resource: 'getConnector',
				operation: 'getAll',
				connector: byId('Profit_Administrations'),
				limit: 2,
			},
			continueOnFail: true,
		});
		expect(recorder.requests).toEqual([]);
		expect(output).toHaveLength(1);
		expect(output[0].json.error).toBe(
			`AFAS answered with a redirect to ${recorder.url} (HTTP 307)`,
		);
		expectNoSecret(output, simulatorSecrets(sim));
	});
});
