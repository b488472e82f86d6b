import type { ICredentialDataDecryptedObject, IDataObject, INode, INodeParameters, INodeTypes } from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { AfasSbOAuth2Api } from '../../credentials/AfasSbOAuth2Api.credentials';
import { sbBaseUrl } from '../../nodes/Afas/wire/sbConnection';
import { TestCredentialsHelper, requestWithCredential } from '../helpers/afas';
import type { SbSim } from '../simulator/sb/testHelpers';
import { connectedSbOAuth2Credential, startSbSim } from '../simulator/sb/testHelpers';

const type = new AfasSbOAuth2Api();

/** Resolves the hidden OAuth fields the way n8n's CredentialsHelper does: defaults first, then `$self`. */
function resolved(data: ICredentialDataDecryptedObject): ICredentialDataDecryptedObject {
	const withDefaults = NodeHelpers.getNodeParameters(
		type.properties,
		data as INodeParameters,
		true,
		false,
		null,
		null,
	) as ICredentialDataDecryptedObject;
	const node: INode = {
		id: 'mock',
		name: 'mock',
		type: 'mock',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: { getByNameAndVersion: () => undefined } as unknown as INodeTypes,
	});
	return workflow.expression.getComplexParameterValue(
		node,
		withDefaults as INodeParameters,
		'internal',
		{},
		undefined,
		undefined,
		withDefaults,
	) as ICredentialDataDecryptedObject;
}

describe('AFAS SB OAuth2 credential', () => {
	it('extends n8n\'s OAuth2 type with the PKCE grant and no scope', () => {
		expect(type.extends).toEqual(['oAuth2Api']);
		const data = resolved({ domain: 'test123', customerEnvironment: 'scope' });
		expect(data.grantType).toBe('pkce');
		expect(data.scope).toBe('');
		expect(data.authentication).toBe('body');
	});

	it.each([
		[{ domain: 'test123', customerEnvironment: 'scope' }],
		[{ domain: 'https://test123.afasfocus.nl/scope', customerEnvironment: '' }],
		[{ domain: 'https://Test123.afasfocus.nl/scope/a/9f1c2d3e-1111-2222-3333-444455556666/home', customerEnvironment: '' }],
		[{ domain: 'https://test123.afasfocus.nl/other', customerEnvironment: 'scope' }],
		[{ server: 'custom', baseUrl: 'http://127.0.0.1:4010/', customerEnvironment: 'scope' }],
	])('points the consent and token URLs at the same place as the node for %p', (data) => {
		const base = sbBaseUrl(data);
		const urls = resolved(data);
		expect(urls.authUrl).toBe(`${base}/app/auth`);
		expect(urls.accessTokenUrl).toBe(`${base}/app/token`);
	});
});

describe('AFAS SB OAuth2 credential against the simulator', () => {
	let sim: SbSim;
	beforeAll(async () => {
		sim = await startSbSim();
	});
	afterAll(async () => {
		await sim.close();
	});

	it('calls the API with the bearer token and refreshes it after it expired (1800 s)', async () => {
		const helper = new TestCredentialsHelper({
			afasSbOAuth2Api: (await connectedSbOAuth2Credential(sim)) as ICredentialDataDecryptedObject,
		});
		const countries = async () =>
			await requestWithCredential(
				'afasSbOAuth2Api',
				{ method: 'GET', url: `${sim.sbUrl}/scope/api/countries`, headers: { 'Accept-Version': '1' }, json: true },
				helper,
			);
		const firstAccessToken = (helper.store.afasSbOAuth2Api.oauthTokenData as IDataObject).access_token;
		expect(await countries()).toBeTruthy();

		sim.advanceTime(1801 * 1000);
		const before = sim.requests.length;
		expect(await countries()).toBeTruthy();
		const after = sim.requests.slice(before);
		expect(after.map((request) => [request.method, request.path, request.status])).toEqual([
			['GET', '/scope/api/countries', 401],
			['POST', '/scope/app/token', 200],
			['GET', '/scope/api/countries', 200],
		]);
		expect(after[1].body).toMatchObject({ grant_type: 'refresh_token' });
		expect((helper.store.afasSbOAuth2Api.oauthTokenData as IDataObject).access_token).not.toBe(firstAccessToken);
	});
});
