/**
 * A credential test passes only on a real AFAS answer (issue 15 §2): an HTML page, an empty body, `null` or
 * JSON of another shape answered with 200 (a proxy's login or maintenance page) fails with a message naming
 * the field to check. Run through n8n's credential tester (see ./credentialTester.ts).
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { AfasProfitApi } from '../../credentials/AfasProfitApi.credentials';
import { AfasSbApi } from '../../credentials/AfasSbApi.credentials';
import { TestCredentialsHelper, testCredential } from '../helpers/afas';
import { allText } from '../helpers/errors';
import { useSimulator } from '../helpers/simulator';
import { runCredentialTester } from './credentialTester';

const sim = useSimulator();
const profit = new AfasProfitApi();
const sb = new AfasSbApi();

const profitToken = (): ICredentialDataDecryptedObject => ({
	environment: 'custom',
	baseUrl: sim.profitUrl,
	authType: 'token',
	token: sim.credentials.profit.token,
});
const sbToken = (): ICredentialDataDecryptedObject => ({
	server: 'custom',
	baseUrl: sim.sbUrl,
	customerEnvironment: sim.credentials.sb.environment,
	authType: 'token',
	token: sim.credentials.sb.appToken,
});

const LOGIN_PAGE = '<!doctype html><html><body><form action="/login">Sign in</form></body></html>';
const ANSWERS = {
	'an HTML login page': { contentType: 'text/html; charset=utf-8', body: LOGIN_PAGE },
	'an HTML page labelled JSON': { contentType: 'application/json', body: LOGIN_PAGE },
	'an empty body': { contentType: 'application/json', body: '' },
	null: { contentType: 'application/json', body: 'null' },
	'JSON cut off mid-stream': {
		contentType: 'application/json',
		body: '{"getConnectors":[{"id":"Pro',
	},
};

describe('the credential test on the real simulator answers', () => {
	it.each([
		['AFAS Profit, token', profit, profitToken],
		['AFAS SB, app token', sb, sbToken],
	] as const)('passes for %s', async (_name, type, data) => {
		expect(await runCredentialTester(type, data())).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
	});
});

describe.each([
	['AFAS Profit', profit, profitToken, /\/metainfo$/, 'Environment Number or Base URL'],
	['AFAS SB', sb, sbToken, /\/api\/countries$/, 'Domain or Base URL'],
] as const)('the %s credential test on an odd 200 answer', (product, type, data, path, field) => {
	it.each(Object.entries(ANSWERS))('fails on %s, naming the field', async (_answer, answer) => {
		sim.addFault({ match: { path }, type: 'answer', status: 200, ...answer });
		const helper = new TestCredentialsHelper({ [type.name]: data() });
		const verdict = await runCredentialTester(type, data(), helper);

		expect(verdict.status).toBe('Error');
		expect(verdict.message).toContain(`not ${product}`);
		expect(verdict.message).toContain(field);
		expect(sim.requests.filter((request) => path.test(request.path))).toHaveLength(1);
		for (const secret of [data().token, helper.store[type.name].accessToken]) {
			if (typeof secret === 'string' && secret) expect(verdict.message).not.toContain(secret);
		}
	});
});

it.each([
	['{"rows":[]}'],
	['{"getConnectors":{}}'],
	['{"getConnectors":null,"updateConnectors":[]}'],
])('fails the AFAS Profit credential test on JSON of another shape: %s', async (body) => {
	sim.addFault({
		match: { path: /\/metainfo$/ },
		type: 'answer',
		status: 200,
		contentType: 'application/json',
		body,
	});
	const verdict = await runCredentialTester(profit, profitToken());
	expect(verdict.status).toBe('Error');
	expect(verdict.message).toContain('not AFAS Profit metainfo');
});

describe('the token exchange on an odd 200 answer', () => {
	it.each([
		['AFAS Profit client credentials', 'afasProfitApi', /\/oauth\/token$/, 'Base URL'],
		['AFAS SB app-token exchange', 'afasSbApi', /\/authentication\/getaccesstoken$/, 'Base URL'],
	] as const)(
		'fails the %s on an HTML page, naming the location field',
		async (_name, typeName, path, field) => {
			sim.addFault({
				match: { path },
				type: 'answer',
				status: 200,
				contentType: 'text/html',
				body: LOGIN_PAGE,
			});
			const data =
				typeName === 'afasSbApi'
					? sbToken()
					: {
							...profitToken(),
							authType: 'oAuth2',
							clientId: sim.credentials.profit.clientId,
							clientSecret: sim.credentials.profit.clientSecret,
						};
			const error = (await testCredential(typeName, data).then(
				() => undefined,
				(caught: unknown) => caught,
			)) as Record<string, unknown>;

			expect(String(error.message)).toContain(
				'answered HTTP 200 without an access token (text/html: <!doctype html>',
			);
			expect(String(error.description)).toContain(`Check the ${field}`);
			expect(sim.requests.filter((request) => !path.test(request.path))).toHaveLength(0);
			const secret = String(data.clientSecret ?? data.token);
			expect(allText(error)).not.toContain(secret);
		},
	);
});
