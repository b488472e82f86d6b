import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { TestCredentialsHelper, requestWithCredential, testCredential } from '../helpers/afas';
import { allText } from '../helpers/errors';
import { useSimulator } from '../helpers/simulator';

const sim = useSimulator();

const TYPE = 'afasSbApi';

function tokenCredential(extra: ICredentialDataDecryptedObject = {}) {
	return {
		server: 'custom',
		baseUrl: sim.sbUrl,
		customerEnvironment: sim.credentials.sb!.environment,
		authType: 'token',
		token: sim.credentials.sb!.appToken,
		...extra,
	};
}

async function failure(promise: Promise<unknown>): Promise<Record<string, unknown>> {
	return await promise.then(
		() => {
			throw new Error('expected the request to fail');
		},
		(error: Record<string, unknown>) => error,
	);
}

const exchanges = () => sim.requests.filter((request) => /\/authentication\/getaccesstoken$/i.test(request.path));
const countries = (helper: TestCredentialsHelper) =>
	requestWithCredential(
		TYPE,
		{ method: 'GET', url: `${sim.sbUrl}/scope/api/countries`, headers: { 'Accept-Version': '1' }, json: true },
		helper,
	);

describe('AFAS SB credential: app token', () => {
	it('exchanges the app token for a bearer token and passes the credential test', async () => {
		const { credentialsHelper } = await testCredential(TYPE, tokenCredential());
		expect(exchanges()).toHaveLength(1);
		const [exchange, call] = sim.requests;
		expect(exchange.method).toBe('POST');
		expect(exchange.path).toBe('/scope/authentication/getaccesstoken');
		expect(exchange.headers['content-type']).toContain('application/json');
		expect(call.path).toBe('/scope/api/countries');
		expect(call.headers.authorization).toBe('Bearer ***');
		expect(call.headers['accept-version']).toBe('1');
		expect(call.status).toBe(200);
		expect(credentialsHelper.store[TYPE].accessToken).toEqual(expect.any(String));
		expect(JSON.stringify(sim.requests)).not.toContain(sim.credentials.sb!.appToken);
	});

	it('reuses the bearer token, and exchanges again once it expired after 600 s', async () => {
		const helper = new TestCredentialsHelper({ [TYPE]: tokenCredential() });
		await countries(helper);
		await countries(helper);
		expect(exchanges()).toHaveLength(1);

		sim.advanceTime(601 * 1000);
		await countries(helper);
		expect(exchanges()).toHaveLength(2);
		expect(sim.requests.map((request) => request.status)).toEqual([200, 200, 200, 401, 200, 200]);
	});

	it('fails clearly on a wrong app token, without printing it', async () => {
		const wrong = 'Zz2vnlNd_kyOoQ-UNyPPvtWwHPSJyoML-t_Dfjg1qujlmiPBrqQP8t8qZdcEgVRW';
		const error = await failure(testCredential(TYPE, tokenCredential({ token: wrong })));
		expect(error.message).toMatch(/AFAS SB rejected the Token \(HTTP 40[013]/);
		expect(allText(error)).not.toContain(wrong);
		expect(exchanges()).toHaveLength(1);
	});

	it('asks for the app token before any request is sent', async () => {
		const error = await failure(testCredential(TYPE, tokenCredential({ token: '  ' })));
		expect(error.message).toContain('Token is empty');
		expect(sim.requests).toHaveLength(0);
	});

	it('rejects a bad customer environment before any request is sent', async () => {
		const error = await failure(testCredential(TYPE, tokenCredential({ customerEnvironment: 'a b' })));
		expect(error.message).toContain('Customer Environment "a b" is not a customer environment name');
		expect(sim.requests).toHaveLength(0);
	});

	it('points an OAuth 2.0 choice at the OAuth2 credential instead of sending anything', async () => {
		const error = await failure(testCredential(TYPE, tokenCredential({ authType: 'oAuth2' })));
		expect(error.message).toContain('set to OAuth 2.0');
		expect(String(error.description)).toContain('AFAS SB OAuth2 API');
		expect(sim.requests).toHaveLength(0);
	});
});
