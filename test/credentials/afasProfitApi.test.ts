import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { TestCredentialsHelper, requestWithCredential, testCredential } from '../helpers/afas';
import { allText } from '../helpers/errors';
import { useSimulator } from '../helpers/simulator';

const sim = useSimulator();

const TYPE = 'afasProfitApi';

function tokenCredential(token: string, extra: ICredentialDataDecryptedObject = {}) {
	return { environment: 'custom', baseUrl: sim.profitUrl, authType: 'token', token, ...extra };
}

function oauthCredential(extra: ICredentialDataDecryptedObject = {}) {
	const { clientId, clientSecret } = sim.credentials.profit;
	return { environment: 'custom', baseUrl: sim.profitUrl, authType: 'oAuth2', clientId, clientSecret, ...extra };
}

/**
 * What n8n shows of a failed credential test or request: message and description. (n8n-core's own error
 * object also keeps the failed request in its cause, as it does for every credential type; n8n never
 * displays or stores that part.)
 */
function shown(error: Record<string, unknown>): string {
	return `${String(error.message)}\n${String(error.description)}`;
}

async function failure(promise: Promise<unknown>): Promise<Record<string, unknown>> {
	return await promise.then(
		() => {
			throw new Error('expected the request to fail');
		},
		(error: Record<string, unknown>) => error,
	);
}

const tokenRequests = () => sim.requests.filter((request) => /\/oauth\/token$/i.test(request.path));

describe('AFAS Profit credential: token', () => {
	it.each(['token', 'tokenData', 'tokenBase64'] as const)('authenticates with the %s shape', async (shape) => {
		const { response } = await testCredential(TYPE, tokenCredential(sim.credentials.profit[shape]));
		expect(response).toHaveProperty('getConnectors');
		const request = sim.requests.at(-1)!;
		expect(request.method).toBe('GET');
		expect(request.path).toBe('/ProfitRestServices/metainfo');
		expect(request.headers.authorization).toBe('AfasToken ***');
	});

	it('fails clearly on an unknown token (401), without printing it', async () => {
		const token = `<token><version>1</version><data>${'AB'.repeat(32)}</data></token>`;
		const error = await failure(testCredential(TYPE, tokenCredential(token)));
		expect(error.httpCode).toBe('401');
		expect(shown(error)).not.toContain('AB'.repeat(32));
		expect(shown(error)).not.toContain(Buffer.from(token).toString('base64'));
	});

	it('reports an IP-restricted app connector as 403', async () => {
		const error = await failure(testCredential(TYPE, tokenCredential(sim.credentials.profit.restrictedToken)));
		expect(error.httpCode).toBe('403');
	});

	it('rejects a malformed token before any request is sent', async () => {
		const error = await failure(testCredential(TYPE, tokenCredential('my-password-123')));
		expect(error.message).toContain('Token is not in a form AFAS issues');
		expect(shown(error)).not.toContain('my-password-123');
		expect(sim.requests).toHaveLength(0);
	});

	it('rejects a bad environment number before any request is sent, showing both accepted forms', async () => {
		const error = await failure(
			testCredential(TYPE, {
				environment: 'production',
				environmentNumber: 'X1234',
				authType: 'token',
				token: sim.credentials.profit.token,
			}),
		);
		expect(error.message).toContain('Environment Number "X1234" is not an AFAS environment number');
		expect(String(error.description)).toContain('12345');
		expect(String(error.description)).toContain('O12345AA');
		expect(sim.requests).toHaveLength(0);
	});

	it('sends IntegrationId and Accept-Language when the advanced options are set', async () => {
		await testCredential(
			TYPE,
			tokenCredential(sim.credentials.profit.token, {
				advancedOptions: true,
				integrationId: '45963_140664',
				language: 'en-us',
			}),
		);
		const { headers } = sim.requests.at(-1)!;
		expect(headers.integrationid).toBe('45963_140664');
		expect(headers['accept-language']).toBe('en-us');
	});

	it('rejects a malformed IntegrationId before any request is sent', async () => {
		const error = await failure(
			testCredential(
				TYPE,
				tokenCredential(sim.credentials.profit.token, { advancedOptions: true, integrationId: 'partner-1' }),
			),
		);
		expect(error.message).toContain('IntegrationId "partner-1"');
		expect(sim.requests).toHaveLength(0);
	});
});

describe('AFAS Profit credential: OAuth 2.0 client credentials', () => {
	it('fetches a token with a form POST, then reuses it', async () => {
		const helper = new TestCredentialsHelper({ [TYPE]: oauthCredential() });
		await requestWithCredential(TYPE, { method: 'GET', url: `${sim.profitUrl}/metainfo`, json: true }, helper);
		await requestWithCredential(TYPE, { method: 'GET', url: `${sim.profitUrl}/profitversion`, json: true }, helper);

		expect(tokenRequests()).toHaveLength(1);
		const [tokenRequest] = tokenRequests();
		expect(tokenRequest.method).toBe('POST');
		expect(tokenRequest.headers['content-type']).toContain('application/x-www-form-urlencoded');
		expect(tokenRequest.body).toMatchObject({ grant_type: 'client_credentials', client_id: sim.credentials.profit.clientId });
		const apiCalls = sim.requests.filter((request) => !/\/oauth\/token$/i.test(request.path));
		expect(apiCalls.map((request) => request.headers.authorization)).toEqual(['Bearer ***', 'Bearer ***']);
		expect(helper.store[TYPE].accessToken).toEqual(expect.any(String));
	});

	it('fetches a new token once after the old one expired (401)', async () => {
		const helper = new TestCredentialsHelper({ [TYPE]: oauthCredential() });
		await requestWithCredential(TYPE, { method: 'GET', url: `${sim.profitUrl}/metainfo`, json: true }, helper);
		const firstToken = helper.store[TYPE].accessToken;
		sim.advanceTime(3601 * 1000);
		const response = await requestWithCredential(TYPE, { method: 'GET', url: `${sim.profitUrl}/metainfo`, json: true }, helper);

		expect(response).toHaveProperty('getConnectors');
		expect(tokenRequests()).toHaveLength(2);
		expect(sim.requests.map((request) => request.status)).toEqual([200, 200, 401, 200, 200]);
		expect(helper.store[TYPE].accessToken).not.toBe(firstToken);
	});

	it('passes the credential test', async () => {
		const { response } = await testCredential(TYPE, oauthCredential());
		expect(response).toHaveProperty('getConnectors');
	});

	it('fails clearly on a wrong client secret, naming the fields and hiding the secret', async () => {
		const wrongValue = 'wrong-value-42';
		const error = await failure(testCredential(TYPE, oauthCredential({ clientSecret: wrongValue })));
		expect(error.message).toMatch(/AFAS Profit rejected the Client ID and Client Secret \(HTTP 40[01]: invalid_client/);
		// The token request is ours: nothing reachable from the error may hold the secret.
		expect(allText(error)).not.toContain(wrongValue);
		expect(JSON.stringify(sim.requests)).not.toContain(wrongValue);
	});

	it('asks for a missing client secret before any request is sent', async () => {
		const error = await failure(testCredential(TYPE, oauthCredential({ clientSecret: '' })));
		expect(error.message).toContain('Client Secret is empty');
		expect(sim.requests).toHaveLength(0);
	});
});
