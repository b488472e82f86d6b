/**
 * Bad credential input and servers that echo secrets (issue 15 §5, §6, §8): each case runs the credential
 * test through n8n-core and checks the field named, whether anything reached the simulator, and that no
 * secret appears in the message, the description or the serialised error.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { testCredential } from '../helpers/afas';
import { allText } from '../helpers/errors';
import { useSimulator } from '../helpers/simulator';
import type { Fault } from '../simulator';

const sim = useSimulator();

// Stands for the password part of `user:password@`; it must never be echoed.
const PROXY_WORD = ['Pw', '0f', 'the', 'proxy', '7731'].join('-');
const MISTYPED = ['Zx9', 'typed', 'by', 'mistake', '2024'].join('-');

interface Case {
	name: string;
	type: 'afasProfitApi' | 'afasSbApi';
	data: () => ICredentialDataDecryptedObject;
	/** Text the message must contain (it names the field). */
	message: string;
	/** Whether a request reached the simulator before the failure. */
	requests: number;
	/** Values that must not appear anywhere in the error. */
	secrets: () => string[];
	fault?: () => Fault;
}

const profit = (extra: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject => ({
	environment: 'custom',
	baseUrl: sim.profitUrl,
	authType: 'token',
	token: sim.credentials.profit.token,
	...extra,
});
const profitOAuth = (extra: ICredentialDataDecryptedObject = {}) =>
	profit({
		authType: 'oAuth2',
		clientId: sim.credentials.profit.clientId,
		clientSecret: sim.credentials.profit.clientSecret,
		...extra,
	});
const sb = (extra: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject => ({
	server: 'custom',
	baseUrl: sim.sbUrl,
	customerEnvironment: sim.credentials.sb.environment,
	authType: 'token',
	token: sim.credentials.sb.appToken,
	...extra,
});
const withUserinfo = (url: string) => url.replace('://', `://proxyuser:${PROXY_WORD}@`);
const tokenSecrets = () => [
	sim.credentials.profit.token,
	sim.credentials.profit.tokenData,
	sim.credentials.profit.tokenBase64,
];

const CASES: Case[] = [
	{
		name: 'Profit Base URL with user:password@',
		type: 'afasProfitApi',
		data: () => profit({ baseUrl: withUserinfo(sim.profitUrl) }),
		message: 'Base URL contains a user name or password',
		requests: 0,
		secrets: () => [PROXY_WORD, ...tokenSecrets()],
	},
	{
		name: 'Profit Base URL with user:password@ on another scheme',
		type: 'afasProfitApi',
		data: () =>
			profit({ baseUrl: `ftp://proxyuser:${PROXY_WORD}@proxy.example/ProfitRestServices` }),
		message: 'Base URL contains a user name or password',
		requests: 0,
		secrets: () => [PROXY_WORD],
	},
	{
		name: 'Profit OAuth Base URL with user:password@',
		type: 'afasProfitApi',
		data: () => profitOAuth({ baseUrl: withUserinfo(sim.profitUrl) }),
		message: 'Base URL contains a user name or password',
		requests: 0,
		secrets: () => [PROXY_WORD, sim.credentials.profit.clientSecret],
	},
	{
		name: 'Profit Base URL with a javascript: scheme',
		type: 'afasProfitApi',
		data: () => profit({ baseUrl: 'javascript:alert(document.cookie)' }),
		message: 'Base URL "javascript:alert(document.cookie)" is not an http(s) URL',
		requests: 0,
		secrets: tokenSecrets,
	},
	{
		name: 'Profit Base URL without a scheme but with user:password@',
		type: 'afasProfitApi',
		data: () => profit({ baseUrl: `proxyuser:${PROXY_WORD}@proxy.example` }),
		message: 'Base URL "***@proxy.example" is not an http(s) URL',
		requests: 0,
		secrets: () => [PROXY_WORD],
	},
	{
		name: 'Profit token that is no token',
		type: 'afasProfitApi',
		data: () => profit({ token: MISTYPED }),
		message: 'Token is not in a form AFAS issues',
		requests: 0,
		secrets: () => [MISTYPED],
	},
	{
		name: 'Profit client secret echoed by the token endpoint (400)',
		type: 'afasProfitApi',
		data: () => profitOAuth(),
		fault: () => ({ match: { path: /\/oauth\/token$/ }, type: 'echo', status: 400 }),
		message: 'AFAS Profit rejected the Client ID and Client Secret (HTTP 400',
		requests: 1,
		secrets: () => [sim.credentials.profit.clientSecret],
	},
	{
		name: 'Profit client secret echoed by the token endpoint (401)',
		type: 'afasProfitApi',
		data: () => profitOAuth({ clientSecret: 'Wrong+Secret/With=Signs 42' }),
		fault: () => ({ match: { path: /\/oauth\/token$/ }, type: 'echo', status: 401 }),
		message: 'AFAS Profit rejected the Client ID and Client Secret (HTTP 401',
		requests: 1,
		secrets: () => [
			'Wrong+Secret/With=Signs 42',
			encodeURIComponent('Wrong+Secret/With=Signs 42'),
			'Wrong%2BSecret%2FWith%3DSigns+42',
		],
	},
	{
		name: 'SB Base URL with user:password@',
		type: 'afasSbApi',
		data: () => sb({ baseUrl: withUserinfo(sim.sbUrl) }),
		message: 'Base URL contains a user name or password',
		requests: 0,
		secrets: () => [PROXY_WORD, sim.credentials.sb.appToken],
	},
	{
		name: 'SB Base URL with a file: scheme',
		type: 'afasSbApi',
		data: () => sb({ baseUrl: 'file:///etc/passwd' }),
		message: 'Base URL "file:///etc/passwd" is not an http(s) URL',
		requests: 0,
		secrets: () => [sim.credentials.sb.appToken],
	},
	{
		name: 'SB Domain on another host',
		type: 'afasSbApi',
		data: () => sb({ server: 'afasFocus', domain: 'evil.example/' }),
		message: 'Domain "evil.example/" is not an AFAS SB domain',
		requests: 0,
		secrets: () => [sim.credentials.sb.appToken],
	},
	{
		name: 'SB Domain that only starts like an SB host',
		type: 'afasSbApi',
		data: () =>
			sb({ server: 'afasFocus', domain: 'https://test123.afasfocus.nl.evil.example/scope' }),
		message: 'is not an AFAS SB domain',
		requests: 0,
		secrets: () => [sim.credentials.sb.appToken],
	},
	{
		name: 'SB Domain with user:password@',
		type: 'afasSbApi',
		data: () =>
			sb({
				server: 'afasFocus',
				domain: `https://proxyuser:${PROXY_WORD}@test123.afasfocus.nl/scope`,
			}),
		message: 'Domain "https://***@test123.afasfocus.nl/scope" is not an AFAS SB domain',
		requests: 0,
		secrets: () => [PROXY_WORD],
	},
	{
		name: 'SB customer environment that is an API path',
		type: 'afasSbApi',
		data: () => sb({ customerEnvironment: 'api' }),
		message: 'Customer Environment "api" is not a customer environment name',
		requests: 0,
		secrets: () => [sim.credentials.sb.appToken],
	},
	{
		name: 'SB app token echoed by the exchange (401)',
		type: 'afasSbApi',
		data: () => sb(),
		fault: () => ({
			match: { path: /\/authentication\/getaccesstoken$/ },
			type: 'echo',
			status: 401,
		}),
		message: 'AFAS SB rejected the Token (HTTP 401',
		requests: 1,
		secrets: () => [sim.credentials.sb.appToken],
	},
	{
		name: 'SB app token echoed by the exchange (400)',
		type: 'afasSbApi',
		data: () => sb(),
		fault: () => ({
			match: { path: /\/authentication\/getaccesstoken$/ },
			type: 'echo',
			status: 400,
		}),
		message: 'AFAS SB rejected the Token (HTTP 400',
		requests: 1,
		secrets: () => [
			sim.credentials.sb.appToken,
			Buffer.from(sim.credentials.sb.appToken).toString('base64'),
		],
	},
];

describe('bad credential input and echoed secrets', () => {
	it.each(CASES.map((testCase) => [testCase.name, testCase] as const))(
		'%s',
		async (_name, testCase) => {
			if (testCase.fault) sim.addFault(testCase.fault());
			const error = (await testCredential(testCase.type, testCase.data()).then(
				() => undefined,
				(caught: unknown) => caught,
			)) as Record<string, unknown> | undefined;

			expect(error).toBeDefined();
			expect(String(error!.message)).toContain(testCase.message);
			expect(sim.requests).toHaveLength(testCase.requests);
			const shown = `${String(error!.message)}\n${String(error!.description)}`;
			for (const secret of testCase.secrets()) {
				expect(shown).not.toContain(secret);
				expect(allText(error)).not.toContain(secret);
				expect(JSON.stringify(error)).not.toContain(secret);
			}
		},
	);

	it('masks the echo but keeps what the server said around it', async () => {
		sim.addFault({ match: { path: /\/oauth\/token$/ }, type: 'echo', status: 400 });
		const error = (await testCredential('afasProfitApi', profitOAuth()).catch(
			(caught: unknown) => caught,
		)) as Error;
		expect(error.message).toContain('client_secret=***');
		expect(error.message).toContain('invalid_request');
	});
});

describe('Profit token pasted as wrapped Base64', () => {
	const wrap = (text: string, eol: string) => text.match(/.{1,76}/g)!.join(eol);

	it.each([
		['LF', '\n'],
		['CRLF', '\r\n'],
	])(
		'passes the credential test with %s line breaks and surrounding whitespace',
		async (_name, eol) => {
			const token = `  ${wrap(sim.credentials.profit.tokenBase64, eol)}${eol}`;
			const { response } = await testCredential('afasProfitApi', profit({ token }));
			expect(response).toHaveProperty('getConnectors');
			expect(sim.requests.at(-1)!.status).toBe(200);
		},
	);
});
