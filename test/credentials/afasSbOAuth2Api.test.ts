import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeParameters,
	INodeTypes,
} from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { AfasSbOAuth2Api } from '../../credentials/AfasSbOAuth2Api.credentials';
import {
	INVALID_LOCATION_ORIGIN,
	INVALID_LOCATION_REASONS,
} from '../../credentials/common/sbLocation';
import { isAfasInputError } from '../../nodes/Afas/wire/inputError';
import { sbBaseUrl } from '../../nodes/Afas/wire/sb/connection';
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
	it("extends n8n's OAuth2 type with the PKCE grant and no scope", () => {
		expect(type.extends).toEqual(['oAuth2Api']);
		const data = resolved({ domain: 'test123', customerEnvironment: 'scope' });
		expect(data.grantType).toBe('pkce');
		expect(data.scope).toBe('');
		expect(data.authentication).toBe('body');
	});

	it.each([
		[{ domain: 'test123', customerEnvironment: 'scope' }],
		[{ domain: 'https://test123.afasfocus.nl/scope', customerEnvironment: '' }],
		[
			{
				domain: 'https://Test123.afasfocus.nl/scope/a/9f1c2d3e-1111-2222-3333-444455556666/home',
				customerEnvironment: '',
			},
		],
		[{ domain: 'https://test123.afasfocus.nl/other', customerEnvironment: 'scope' }],
		[{ server: 'custom', baseUrl: 'http://127.0.0.1:4010/', customerEnvironment: 'scope' }],
	])('points the consent and token URLs at the same place as the node for %p', (data) => {
		const base = sbBaseUrl(data);
		const urls = resolved(data);
		expect(urls.authUrl).toBe(`${base}/app/auth`);
		expect(urls.accessTokenUrl).toBe(`${base}/app/token`);
	});
});

/** What `sbLocation()` says about a location: the base URL, or the field it rejects. */
function verdict(data: Record<string, unknown>): { base: string } | { field: string } {
	try {
		return { base: sbBaseUrl(data) };
	} catch (error) {
		return {
			field: isAfasInputError(error) ? error.field : `not an input error: ${String(error)}`,
		};
	}
}

const REASON_BY_FIELD: Record<string, string> = {
	Domain: INVALID_LOCATION_REASONS.domain,
	'Base URL': INVALID_LOCATION_REASONS.baseUrl,
	'Customer Environment': INVALID_LOCATION_REASONS.environment,
};

const DOMAINS = [
	'test123',
	' Test-123 ',
	'-bad',
	'bad-',
	'test 123',
	'',
	'evil.example/',
	'evil.example',
	'test123.afasfocus.nl',
	'https://test123.afasfocus.nl/scope',
	'HTTPS://TEST123.AFASFOCUS.NL/Scope/',
	'http://test123.afasfocus.nl:8443/scope?x=1',
	'https://test123.afasfocus.nl#frag',
	'https://test123.afasfocus.nl/api/countries',
	'test123.afasfocus.nl.evil.example',
	'test123.afasfocus.nl@evil.example',
	'https://proxyuser:secret@test123.afasfocus.nl/scope',
	'https://evil.example/test123.afasfocus.nl',
	'https://-x.afasfocus.nl/scope',
	'javascript:alert(1)//test123.afasfocus.nl',
];
const BASE_URLS = [
	'http://127.0.0.1:4010',
	'https://proxy.example/sb/',
	'HTTPS://PROXY.EXAMPLE',
	'https://proxy.example/pa@th',
	'',
	'https://',
	'javascript:alert(1)',
	'file:///etc/passwd',
	'ftp://proxy.example',
	'https://proxyuser:secret@proxy.example',
	'http://@proxy.example',
	'https://proxy.example?x=1',
	' https://proxy.example ',
];
const ENVIRONMENTS = [
	'scope',
	'',
	'/scope/',
	'api',
	'API',
	'x.y_z-1',
	'sc ope',
	'a/b',
	'-x',
	'///',
];

const LOCATIONS: Array<Record<string, unknown>> = [
	...DOMAINS.flatMap((domain) =>
		ENVIRONMENTS.map((customerEnvironment) => ({ domain, customerEnvironment })),
	),
	...BASE_URLS.flatMap((baseUrl) =>
		ENVIRONMENTS.map((customerEnvironment) => ({ server: 'custom', baseUrl, customerEnvironment })),
	),
];

describe('AFAS SB OAuth2 credential: the location is validated like the node validates it', () => {
	it('keeps the whole credential small enough for the query string of n8n 1.x\'s "Connect my account" request', () => {
		// n8n 1.x's editor sends every credential field, these expressions included, as query parameters of
		// GET /rest/oauth2-credential/auth; past ~16 kB the server answers 431 and connecting is impossible.
		const query = new URLSearchParams(
			Object.fromEntries(
				type.properties.map((property) => [property.name, String(property.default)]),
			),
		).toString();
		expect(query.length).toBeLessThan(8000);
	});

	it(`yields sbBaseUrl() or a URL on the .invalid host naming the field, for all ${LOCATIONS.length} locations`, () => {
		for (const data of LOCATIONS) {
			const expected = verdict(data);
			const base =
				'base' in expected
					? expected.base
					: `${INVALID_LOCATION_ORIGIN}/${REASON_BY_FIELD[expected.field]}`;
			const urls = resolved(data as ICredentialDataDecryptedObject);
			expect({ data, authUrl: urls.authUrl, accessTokenUrl: urls.accessTokenUrl }).toEqual({
				data,
				authUrl: `${base}/app/auth`,
				accessTokenUrl: `${base}/app/token`,
			});
		}
	});

	it.each([
		[{ domain: 'evil.example/', customerEnvironment: 'scope' }, 'Domain'],
		[{ domain: 'test123.afasfocus.nl.evil.example', customerEnvironment: 'scope' }, 'Domain'],
		[{ domain: 'https://proxyuser:secret@test123.afasfocus.nl/scope' }, 'Domain'],
		[
			{ server: 'custom', baseUrl: 'javascript:alert(1)', customerEnvironment: 'scope' },
			'Base URL',
		],
		[{ server: 'custom', baseUrl: 'file:///etc/passwd', customerEnvironment: 'scope' }, 'Base URL'],
		[
			{
				server: 'custom',
				baseUrl: 'https://proxyuser:secret@proxy.example',
				customerEnvironment: 'scope',
			},
			'Base URL',
		],
		[{ domain: 'test123', customerEnvironment: 'api' }, 'Customer Environment'],
	])('cannot connect with %p: the URLs name %s and never a real host', (data, field) => {
		const urls = resolved(data as ICredentialDataDecryptedObject);
		for (const url of [String(urls.authUrl), String(urls.accessTokenUrl)]) {
			const { hostname, pathname } = new URL(url);
			expect(hostname).toBe('invalid.afas-credential.invalid');
			expect(pathname.replace(/-/g, ' ')).toContain(field);
			expect(url).not.toContain('secret');
		}
	});

	it(`shows the matching notice exactly when the node would reject the field, for all ${LOCATIONS.length} locations`, () => {
		const notice = (name: string) => type.properties.find((property) => property.name === name)!;
		for (const data of LOCATIONS) {
			const values = NodeHelpers.getNodeParameters(
				type.properties,
				data as INodeParameters,
				true,
				false,
				null,
				null,
			)!;
			const shown = (name: string) =>
				NodeHelpers.displayParameter(values, notice(name), null, null);
			const custom = data.server === 'custom';
			const typed = String(data.customerEnvironment).trim();
			const rejects = (field: string, location: Record<string, unknown>) => {
				const result = verdict(location);
				return 'field' in result && result.field === field;
			};
			expect({ data, notice: shown('invalidDomainNotice') }).toEqual({
				data,
				notice: !custom && String(data.domain).trim() !== '' && rejects('Domain', data),
			});
			expect({ data, notice: shown('invalidBaseUrlNotice') }).toEqual({
				data,
				notice: custom && String(data.baseUrl).trim() !== '' && rejects('Base URL', data),
			});
			expect({ data, notice: shown('invalidEnvironmentNotice') }).toEqual({
				data,
				notice:
					typed !== '' &&
					rejects('Customer Environment', { domain: 'test123', customerEnvironment: typed }),
			});
		}
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
				{
					method: 'GET',
					url: `${sim.sbUrl}/scope/api/countries`,
					headers: { 'Accept-Version': '1' },
					json: true,
				},
				helper,
			);
		const firstAccessToken = (helper.store.afasSbOAuth2Api.oauthTokenData as IDataObject)
			.access_token;
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
		expect((helper.store.afasSbOAuth2Api.oauthTokenData as IDataObject).access_token).not.toBe(
			firstAccessToken,
		);
	});
});
