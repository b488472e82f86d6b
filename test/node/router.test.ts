import type {
	ICredentialDataDecryptedObject,
	INodeCredentialsDetails,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { runProfit, runSb, thrownBy, node, profitCredentials } from './setup';
import { runNode, TestCredentialsHelper } from '../helpers/afas';
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
		// SB checks its pickers in order before dispatch, so the Resource itself is named.
		expect(error.message).toBe('Resource must be one of its options, not the text "getConnector"');
		expect(sim.requests).toHaveLength(0);
	});

	it('does not treat inherited object keys as resources', async () => {
		const error = await thrownBy(() =>
			runProfit(sim, { parameters: { resource: 'constructor', operation: 'toString' } }),
		);
		expect(error.name).toBe('NodeOperationError');
	});

	it('reads the credential for the client once per execution, not once per item', async () => {
		/** Counts credential reads: n8n's own per-request read plus ours. */
		class CountingHelper extends TestCredentialsHelper {
			reads = 0;
			async getDecrypted(
				additionalData: IWorkflowExecuteAdditionalData,
				details: INodeCredentialsDetails,
				type: string,
			): Promise<ICredentialDataDecryptedObject> {
				this.reads++;
				return await super.getDecrypted(additionalData, details, type);
			}
		}
		const readsFor = async (count: number) => {
			const credentialsHelper = new CountingHelper({ ...profitCredentials(sim) });
			const { output } = await runNode(node, {
				parameters: { product: 'profit', resource: 'system', operation: 'getProfitVersion' },
				items: Array.from({ length: count }, () => ({ json: {} })),
				credentialsHelper,
			});
			expect(output[0]).toHaveLength(count);
			return credentialsHelper.reads;
		};
		const one = await readsFor(1);
		const three = await readsFor(3);
		// Two more requests cost n8n's own two reads; a per-item client would add two of ours on top.
		expect(three - one).toBe(2);
	});

	it('attributes a credential that cannot become a client to every item that needed it, before any request', async () => {
		const broken = {
			afasProfitApi: { ...profitCredentials(sim).afasProfitApi, baseUrl: 'not a url' },
		};
		const parameters = { product: 'profit', resource: 'system', operation: 'getProfitVersion' };
		const { output } = await runNode(node, {
			parameters,
			items: [{ json: {} }, { json: {} }],
			credentials: broken,
			continueOnFail: true,
		});
		expect(output[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(output[0].every((item) => String(item.json.error).includes('Base URL'))).toBe(true);
		const error = await thrownBy(() => runNode(node, { parameters, credentials: broken }));
		expect(error.name).toBe('NodeOperationError');
		expect((error.context as { itemIndex?: number }).itemIndex).toBe(0);
		expect(sim.requests).toHaveLength(0);
	});
});
