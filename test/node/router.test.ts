import { runProfit, runSb, thrownBy } from './setup';
import { useSimulator } from '../helpers/simulator';

const sim = useSimulator();

describe('Router', () => {
	it("rejects n8n's injected Custom API Call with a clear error, even with Continue On Fail", async () => {
		const error = await thrownBy(() =>
			runProfit(sim, {
				parameters: { resource: 'getConnector', operation: '__CUSTOM_API_CALL__' },
				continueOnFail: true,
			}),
		);
		expect(error.name).toBe('NodeOperationError');
		expect(error.message).toBe('Custom API calls are not supported by the AFAS node');
		expect(String(error.description)).toContain('HTTP Request node');
	});

	it('rejects an unknown resource or operation, naming what exists', async () => {
		const error = await thrownBy(() =>
			runProfit(sim, { parameters: { resource: 'metainfo', operation: 'delete' } }),
		);
		expect(error.message).toBe(
			'The operation "delete" of resource "metainfo" is not supported for AFAS Profit',
		);
		expect(String(error.description)).toContain(
			'metainfo: listConnectors, describeGetConnector, describeUpdateConnector',
		);
	});

	it('does not mix the products: a Profit resource under AFAS SB is unknown', async () => {
		const error = await thrownBy(() =>
			runSb(sim, { resource: 'getConnector', operation: 'getAll' }),
		);
		// n8n itself hides Profit's operation selector under AFAS SB, so the operation reads as empty.
		expect(error.message).toMatch(/of resource "getConnector" is not supported for AFAS SB$/);
	});

	it('does not treat inherited object keys as resources', async () => {
		const error = await thrownBy(() =>
			runProfit(sim, { parameters: { resource: 'constructor', operation: 'toString' } }),
		);
		expect(error.name).toBe('NodeOperationError');
	});
});
