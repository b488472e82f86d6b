import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { runNode } from '../helpers/afas';
import { useSimulator } from '../helpers/simulator';
import { byId, node, profitLoadOptions, runProfit, sbCredentials, thrownBy } from '../node/setup';
import type { Fault } from '../simulator';
import type { SbSim } from '../simulator/sb/testHelpers';
import { connectedSbOAuth2Credential } from '../simulator/sb/testHelpers';
import { expectNoSecret, requestsTo, simulatorSecrets } from './safety';

/**
 * A server that echoes what it received (the Authorization header, the token, the client secret, the app
 * token) must not get those secrets into a message, a description, a serialised error or an error item.
 */
const sim = useSimulator();

const CONNECTOR = /\/connectors\/Profit_Administrations$/;
const readAdministrations = {
	resource: 'getConnector',
	operation: 'getAll',
	connector: byId('Profit_Administrations'),
	limit: 2,
};
const readCountries = {
	resource: 'referenceData',
	operation: 'getMany',
	sbResource: 'country',
	limit: 5,
};

function json(body: unknown): string {
	return JSON.stringify(body);
}

async function runSbWith(credentials: Record<string, ICredentialDataDecryptedObject>) {
	return await runNode(node, {
		parameters: { product: 'sb', ...readCountries },
		credentials,
	});
}

describe('Profit token echoed by the server, in every shape it can be pasted', () => {
	const shapes: Array<[string, () => string]> = [
		['the whole XML', () => sim.credentials.profit.token],
		['only the data part', () => sim.credentials.profit.tokenData],
		['its Base64', () => sim.credentials.profit.tokenBase64],
	];

	it.each(shapes)(
		'masks the echoed Authorization header for a token pasted as %s',
		async (_shape, token) => {
			sim.addFault({ type: 'echo', match: { path: CONNECTOR } });
			const error = await thrownBy(() =>
				runProfit(sim, { parameters: readAdministrations, token: token() }),
			);
			expect(error.name).toBe('NodeApiError');
			expect(error.httpCode).toBe('401');
			expect(error.message).toContain('Authorization: AfasToken ***');
			expect(requestsTo(sim, CONNECTOR)).toBeGreaterThan(0);
			expectNoSecret(error, simulatorSecrets(sim));
		},
	);

	const echoed: Array<[string, () => string]> = [
		['the data part', () => sim.credentials.profit.tokenData],
		['the data part in lower case', () => sim.credentials.profit.tokenData.toLowerCase()],
		['the XML token', () => sim.credentials.profit.token],
		[
			'the XML token, HTML-escaped',
			() => sim.credentials.profit.token.replace(/</g, '&lt;').replace(/>/g, '&gt;'),
		],
		['the Base64 token', () => sim.credentials.profit.tokenBase64],
		['"AfasToken <Base64>"', () => `AfasToken ${sim.credentials.profit.tokenBase64}`],
	];

	it.each(echoed)('masks %s in externalMessage, description and body', async (_shape, secret) => {
		sim.addFault({
			type: 'answer',
			status: 400,
			contentType: 'application/json',
			body: json({
				externalMessage: `Token ${secret()} is not valid here`,
				errorNumber: -1,
				profitLogReference: `ref ${secret()}`,
			}),
			match: { path: CONNECTOR },
		});
		const error = await thrownBy(() => runProfit(sim, { parameters: readAdministrations }));
		expect(error.name).toBe('NodeApiError');
		expect(error.httpCode).toBe('400');
		expect(error.message).toMatch(/^Token .*\*\*\*.* is not valid here$/);
		expect(String(error.description)).toContain('***');
		expect(requestsTo(sim, CONNECTOR)).toBe(1);
		expectNoSecret(error, simulatorSecrets(sim));
	});

	it('masks a token echoed on a proxy error page (not JSON) shown as an excerpt', async () => {
		sim.addFault({
			type: 'answer',
			status: 502,
			body: `<html><body>Upstream refused AfasToken ${sim.credentials.profit.tokenBase64}</body></html>`,
			match: { path: CONNECTOR },
		});
		const error = await thrownBy(() => runProfit(sim, { parameters: readAdministrations }));
		expect(error.httpCode).toBe('502');
		expect(String(error.description)).toContain('Upstream refused AfasToken ***');
		expectNoSecret(error, simulatorSecrets(sim));
	});

	it('masks the echo in a loader (connector search) too', async () => {
		sim.addFault({ type: 'echo', status: 400, match: { path: /\/metainfo$/ } });
		const context = profitLoadOptions(sim, { resource: 'getConnector', operation: 'getAll' });
		const error = await thrownBy(() => node.methods.listSearch.searchGetConnectors.call(context));
		expect(error.name).toBe('NodeApiError');
		expect(error.message).toContain('AfasToken ***');
		expectNoSecret(error, simulatorSecrets(sim));
	});

	it('keeps secrets out of error items under Continue On Fail', async () => {
		sim.addFault({ type: 'echo', status: 400, match: { path: CONNECTOR } });
		const output = await runProfit(sim, { parameters: readAdministrations, continueOnFail: true });
		expect(output).toHaveLength(1);
		expect(String(output[0].json.error)).toContain('AfasToken ***');
		expectNoSecret(output, simulatorSecrets(sim));
	});
});

describe('Client secrets, bearer tokens and the SB app token echoed by the server', () => {
	it('masks the Profit OAuth client secret echoed by the token endpoint', async () => {
		sim.addFault({ type: 'echo', status: 400, match: { path: /\/oauth\/token$/ } });
		const { clientId, clientSecret } = sim.credentials.profit;
		const error = await thrownBy(() =>
			runNode(node, {
				parameters: { product: 'profit', ...readAdministrations },
				credentials: {
					afasProfitApi: {
						environment: 'custom',
						baseUrl: sim.profitUrl,
						authType: 'oAuth2',
						clientId,
						clientSecret,
					},
				},
			}),
		);
		expect(requestsTo(sim, /\/oauth\/token$/)).toBeGreaterThan(0);
		expect(requestsTo(sim, CONNECTOR)).toBe(0);
		expect(`${error.message} ${String(error.description)}`).toMatch(/client_secret=\*\*\*/);
		expectNoSecret(error, simulatorSecrets(sim));
	});

	it('masks the Profit OAuth bearer token echoed by an API call', async () => {
		sim.addFault({ type: 'echo', status: 400, match: { path: CONNECTOR } });
		const { clientId, clientSecret } = sim.credentials.profit;
		const credentials = {
			afasProfitApi: {
				environment: 'custom',
				baseUrl: sim.profitUrl,
				authType: 'oAuth2',
				clientId,
				clientSecret,
			},
		};
		const { credentialsHelper } = await runNode(node, {
			parameters: { product: 'profit', resource: 'system', operation: 'getProfitVersion' },
			credentials,
		});
		const error = await thrownBy(() =>
			runNode(node, {
				parameters: { product: 'profit', ...readAdministrations },
				credentialsHelper,
			}),
		);
		const bearer = String(credentialsHelper.store.afasProfitApi.accessToken);
		expect(bearer.length).toBeGreaterThan(8);
		expect(error.message).toContain('Bearer ***');
		expectNoSecret(error, simulatorSecrets(sim, [bearer]));
	});

	it('masks the SB app token echoed by the token exchange', async () => {
		sim.addFault({
			type: 'echo',
			status: 401,
			match: { path: /\/authentication\/getaccesstoken$/ },
		});
		const error = await thrownBy(() => runSbWith(sbCredentials(sim)));
		expect(requestsTo(sim, /\/authentication\/getaccesstoken$/)).toBeGreaterThan(0);
		expect(requestsTo(sim, /\/api\/countries$/)).toBe(0);
		expect(error.message).toMatch(/apptoken.{0,4}\*\*\*/i);
		expectNoSecret(error, simulatorSecrets(sim));
	});

	it('masks the SB bearer token and app token echoed by an API call', async () => {
		sim.addFault({
			type: 'answer',
			status: 400,
			contentType: 'application/json',
			body: json({ Message: `App token ${sim.credentials.sb.appToken} is not allowed` }),
			match: { path: /\/api\/countries$/ },
			times: 1,
		});
		const error = await thrownBy(() => runSbWith(sbCredentials(sim)));
		expect(error.message).toBe('App token *** is not allowed');
		sim.addFault({ type: 'echo', status: 400, match: { path: /\/api\/countries$/ } });
		const echo = await thrownBy(() => runSbWith(sbCredentials(sim)));
		expect(echo.message).toContain('Bearer ***');
		expectNoSecret([error, echo], simulatorSecrets(sim));
	});

	it('masks the SB OAuth2 access token (also after n8n refreshed it) and the client secret', async () => {
		const credential = (await connectedSbOAuth2Credential(
			sim as unknown as SbSim,
		)) as ICredentialDataDecryptedObject;
		const first = (credential.oauthTokenData as IDataObject).access_token as string;
		sim.addFault({ type: 'echo', status: 401, match: { path: /\/api\/countries$/ } });
		const { output, credentialsHelper } = await runNode(node, {
			parameters: { product: 'sb', authentication: 'afasSbOAuth2Api', ...readCountries },
			credentials: { afasSbOAuth2Api: credential },
			continueOnFail: true,
		});
		const stored = credentialsHelper.store.afasSbOAuth2Api.oauthTokenData as IDataObject;
		const tokens = [first, String(stored.access_token), String(stored.refresh_token)];
		// n8n refreshed the token after the first 401 and sent the new one.
		expect(stored.access_token).not.toBe(first);
		expect(output[0]).toHaveLength(1);
		expect(requestsTo(sim, /\/api\/countries$/)).toBeGreaterThan(0);
		expect(JSON.stringify(output)).toContain('Bearer ***');
		expectNoSecret(output, simulatorSecrets(sim, tokens));
	});
});

describe('HTTP parser errors (a server sending garbage)', () => {
	const garbage = (path: RegExp): Fault => ({ type: 'garbage', match: { path } });

	it.each([
		[
			'a node operation',
			CONNECTOR,
			async () => await runProfit(sim, { parameters: readAdministrations }),
		],
		[
			'a loader',
			/\/metainfo$/,
			async () =>
				await node.methods.listSearch.searchGetConnectors.call(
					profitLoadOptions(sim, { resource: 'getConnector', operation: 'getAll' }),
				),
		],
		['an SB read', /\/api\/countries$/, async () => await runSbWith(sbCredentials(sim))],
	] as const)(
		'shapes %s like a network error, without the request in it',
		async (_name, path, run) => {
			sim.addFault(garbage(path));
			const error = await thrownBy(run);
			expect(error.name).toBe('NodeApiError');
			expect(error.message).toBe('The server did not answer in HTTP');
			expect(String(error.description)).toMatch(
				/Network error HPE_[A-Z_]+: .*base URL in the credential/,
			);
			expect(error.cause).toBeUndefined();
			expect(requestsTo(sim, path)).toBe(1);
			expectNoSecret(error, simulatorSecrets(sim));
		},
	);
});
