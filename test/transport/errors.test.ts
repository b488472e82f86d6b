import type { IDataObject } from 'n8n-workflow';

import { byId, runProfit, thrownBy } from '../node/setup';
import { allText } from '../helpers/errors';
import { useSimulator } from '../helpers/simulator';

const sim = useSimulator();

const readDemo = {
	resource: 'getConnector',
	operation: 'getAll',
	connector: byId('Profit_Demo'),
	limit: 5,
};

function expectNoSecret(error: unknown) {
	const text = allText(error);
	const profit = sim.credentials.profit;
	for (const secret of [profit.tokenData, profit.tokenBase64, profit.token])
		expect(text).not.toContain(secret);
}

describe('AFAS errors as n8n errors', () => {
	it("uses AFAS's externalMessage, with errorNumber and profitLogReference in the description", async () => {
		const error = await thrownBy(() =>
			runProfit(sim, {
				parameters: { ...readDemo, connector: byId('Profit_Salaries') },
			}),
		);
		expect(error.message).toBe(
			'GetConnector not supported for this app or the user is not authorized',
		);
		expect(error.httpCode).toBe('500');
		expect(String(error.description)).toMatch(
			/AFAS error number: -2147180996\. AFAS log reference \(profitLogReference\): [0-9A-F]{32}/,
		);
		expectNoSecret(error);
	});

	it('names the likely causes of a 401 and never echoes the token', async () => {
		const badToken = sim.credentials.profit.token.replace(
			sim.credentials.profit.tokenData,
			'0'.repeat(64),
		);
		const error = await thrownBy(() => runProfit(sim, { parameters: readDemo, token: badToken }));
		expect(error.message).toBe('AFAS rejected the credentials (401 Unauthorized)');
		expect(error.httpCode).toBe('401');
		expect(String(error.description)).toMatch(
			/token is wrong, expired or revoked.*another environment.*not added to the app connector/,
		);
		expect(allText(error)).not.toContain('0'.repeat(64));
		expectNoSecret(error);
	});

	it('names the IP restriction for a 403', async () => {
		const error = await thrownBy(() =>
			runProfit(sim, { parameters: readDemo, token: sim.credentials.profit.restrictedToken }),
		);
		expect(error.message).toBe('AFAS refused access (403 Forbidden)');
		expect(String(error.description)).toContain('IP restriction');
		expect(allText(error)).not.toContain(sim.credentials.profit.restrictedToken);
	});

	it('names the likely causes of a 404, including a query that is too long', async () => {
		const error = await thrownBy(() =>
			runProfit(sim, {
				parameters: { resource: 'file', operation: 'getImage', imageId: 'DOES-NOT-EXIST' },
			}),
		);
		expect(error.message).toBe('AFAS could not find what was asked for (404 Not Found)');
		expect(String(error.description)).toMatch(
			/not added to the app connector.*wrong environment.*longer than 2049/,
		);
	});

	it('does not retry a 500 (a locked record is an answer, not an accident)', async () => {
		sim.addFault({ type: 'lock', match: { path: /\/connectors\/Profit_Demo$/ }, times: 1 });
		const error = await thrownBy(() => runProfit(sim, { parameters: readDemo }));
		expect(error.message).toBe('The record is locked by another user. Try again later.');
		expect(sim.requests.filter((request) => /\/connectors\//i.test(request.path))).toHaveLength(1);
	});
});

describe('Continue On Fail and error attribution', () => {
	const items = [{ json: { id: 'Profit_Salaries' } }, { json: { id: 'Profit_Administrations' } }];
	const parameters = {
		resource: 'getConnector',
		operation: 'getAll',
		connector: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
		limit: 2,
	};

	it('turns a failed item into an error item and goes on with the next', async () => {
		const output = await runProfit(sim, { items, parameters, continueOnFail: true });
		expect(output).toHaveLength(3);
		expect(output[0].json.error).toBe(
			'GetConnector not supported for this app or the user is not authorized',
		);
		expect(output[0].json.httpCode).toBe('500');
		expect(String(output[0].json.description)).toContain('profitLogReference');
		expect(output[0].pairedItem).toEqual({ item: 0 });
		expect(output.slice(1).map((item) => [item.json.AdminId, item.pairedItem])).toEqual([
			[1, { item: 1 }],
			[2, { item: 1 }],
		]);
	});

	it('stops on the first failure otherwise and attributes it to its item', async () => {
		const error = await thrownBy(() => runProfit(sim, { items: [items[1], items[0]], parameters }));
		expect((error.context as IDataObject).itemIndex).toBe(1);
	});

	it('attributes input errors to their item too', async () => {
		const error = await thrownBy(() =>
			runProfit(sim, {
				items: [{ json: { id: 'Profit_Administrations' } }, { json: { id: '' } }],
				parameters,
			}),
		);
		expect(error.name).toBe('NodeOperationError');
		expect((error.context as IDataObject).itemIndex).toBe(1);
		expect(error.message).toContain('Connector');
	});
});
