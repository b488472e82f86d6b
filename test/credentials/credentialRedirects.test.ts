/**
 * No token, secret or bearer leaves the configured origin (issue 15 §4): the simulator redirects the
 * credential test, the token exchanges and plain authenticated requests to a second local server that records
 * everything it receives, raw.
 */
import type { ICredentialDataDecryptedObject, IHttpRequestOptions, INodeType } from 'n8n-workflow';

import { AfasProfitApi } from '../../credentials/AfasProfitApi.credentials';
import { AfasSbApi } from '../../credentials/AfasSbApi.credentials';
import {
	TestCredentialsHelper,
	requestWithCredential,
	runNode,
	testCredential,
} from '../helpers/afas';
import { allText } from '../helpers/errors';
import { useSimulator } from '../helpers/simulator';
import type { Recorder } from '../simulator';
import { startRecorder } from '../simulator';
import { runCredentialTester } from './credentialTester';

const sim = useSimulator();
let recorder: Recorder;
beforeAll(async () => {
	recorder = await startRecorder();
});
afterAll(async () => {
	await recorder.close();
});
beforeEach(() => recorder.clear());

const profit = new AfasProfitApi();
const sb = new AfasSbApi();

const profitToken = (): ICredentialDataDecryptedObject => ({
	environment: 'custom',
	baseUrl: sim.profitUrl,
	authType: 'token',
	token: sim.credentials.profit.token,
});
const profitOAuth = (): ICredentialDataDecryptedObject => ({
	environment: 'custom',
	baseUrl: sim.profitUrl,
	authType: 'oAuth2',
	clientId: sim.credentials.profit.clientId,
	clientSecret: sim.credentials.profit.clientSecret,
});
const sbToken = (): ICredentialDataDecryptedObject => ({
	server: 'custom',
	baseUrl: sim.sbUrl,
	customerEnvironment: sim.credentials.sb.environment,
	authType: 'token',
	token: sim.credentials.sb.appToken,
});

/** Every secret the credential holds, and the forms it travels in. */
function secretsOf(
	data: ICredentialDataDecryptedObject,
	store?: ICredentialDataDecryptedObject,
): string[] {
	const values = [data.token, data.clientSecret, store?.accessToken].filter(
		(value): value is string => typeof value === 'string' && value.length > 0,
	);
	return values.flatMap((value) => [
		value,
		Buffer.from(value).toString('base64'),
		encodeURIComponent(value),
	]);
}

function expectNothingLeaked(text: string, secrets: string[]) {
	for (const secret of secrets) expect(text).not.toContain(secret);
}

const STATUSES = [302, 307] as const;

describe.each(STATUSES)('a %i redirect to another origin', (status) => {
	const location = () => `${recorder.url}/elsewhere`;

	it.each([
		['AFAS Profit, token', profit, profitToken, /\/metainfo$/, 'Environment Number or Base URL'],
		[
			'AFAS Profit, OAuth 2.0',
			profit,
			profitOAuth,
			/\/metainfo$/,
			'Environment Number or Base URL',
		],
		['AFAS SB, app token', sb, sbToken, /\/api\/countries$/, 'Domain or Base URL'],
	] as const)(
		'fails the %s credential test, naming the field, and sends nothing there',
		async (_name, type, data, path, field) => {
			sim.addFault({ match: { path }, type: 'redirect', status, location: location() });
			const credentialsHelper = new TestCredentialsHelper({ [type.name]: data() });
			const verdict = await runCredentialTester(type, data(), credentialsHelper);

			expect(verdict.status).toBe('Error');
			expect(verdict.message).toContain('redirected the credential test elsewhere');
			expect(verdict.message).toContain(field);
			expect(verdict.message).toContain(`(HTTP ${status})`);
			expect(sim.requests.filter((request) => path.test(request.path))).toHaveLength(1);
			expect(recorder.requests).toEqual([]);
			expectNothingLeaked(verdict.message, secretsOf(data(), credentialsHelper.store[type.name]));
		},
	);

	it.each([
		['AFAS Profit client credentials', profitOAuth, /\/oauth\/token$/, 'Base URL'],
		['AFAS SB app-token exchange', sbToken, /\/authentication\/getaccesstoken$/, 'Base URL'],
	] as const)(
		'stops the %s before the secret is posted again',
		async (_name, data, path, field) => {
			const typeName = path.source.includes('oauth') ? 'afasProfitApi' : 'afasSbApi';
			sim.addFault({
				match: { path },
				type: 'redirect',
				status,
				location: `${location()}?from=token`,
			});
			const error = (await testCredential(typeName, data()).then(
				() => undefined,
				(caught: unknown) => caught,
			)) as Record<string, unknown>;

			expect(error).toBeDefined();
			expect(String(error.message)).toContain(
				`token endpoint redirected to ${recorder.url} (HTTP ${status})`,
			);
			expect(String(error.message)).not.toContain('elsewhere');
			expect(String(error.description)).toContain(`Check the ${field}`);
			expect(recorder.requests).toEqual([]);
			expect(sim.requests.filter((request) => path.test(request.path))).toHaveLength(1);
			expectNothingLeaked(allText(error), secretsOf(data()));
			expectNothingLeaked(JSON.stringify(error), secretsOf(data()));
		},
	);

	it.each([
		['AFAS Profit, token', profit, profitToken, '/metainfo'],
		['AFAS Profit, OAuth 2.0', profit, profitOAuth, '/metainfo'],
		['AFAS SB, app token', sb, sbToken, '/scope/api/countries'],
	] as const)('refuses it for any authenticated request (%s)', async (_name, type, data, path) => {
		const base = type === sb ? sim.sbUrl : sim.profitUrl;
		sim.addFault({
			match: { path: new RegExp(`${path.replace(/\//g, '\\/')}$`) },
			type: 'redirect',
			status,
			location: location(),
		});
		const helper = new TestCredentialsHelper({ [type.name]: data() });
		const options: IHttpRequestOptions = {
			method: 'GET',
			url: `${base}${path}`,
			headers: { 'Accept-Version': '1' },
			json: true,
		};
		const error = await requestWithCredential(type.name, options, helper).then(
			() => undefined,
			(caught: unknown) => caught,
		);

		expect(error).toBeDefined();
		expect((error as { httpCode?: string }).httpCode).toBe(String(status));
		expect(recorder.requests).toEqual([]);
	});
});

it("refuses a redirect on n8n's legacy request path too (HTTP Request node with an AFAS credential)", async () => {
	sim.addFault({
		match: { path: /\/metainfo$/ },
		type: 'redirect',
		status: 307,
		location: `${recorder.url}/elsewhere`,
	});
	const probe: INodeType = {
		description: {
			displayName: 'Legacy probe',
			name: 'legacyProbe',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: { name: 'Legacy probe' },
			inputs: [],
			outputs: [],
			credentials: [{ name: 'afasProfitApi', required: true }],
			properties: [],
		},
		async execute() {
			// The legacy path on purpose: it is what the HTTP Request node uses with a predefined credential.
			// eslint-disable-next-line @n8n/community-nodes/no-deprecated-workflow-functions
			await this.helpers.requestWithAuthentication.call(this, 'afasProfitApi', {
				method: 'GET',
				uri: `${sim.profitUrl}/metainfo`,
				json: true,
				followAllRedirects: true,
			});
			return [[]];
		},
	};
	const run = runNode(probe, {
		parameters: {},
		credentialsHelper: new TestCredentialsHelper({ afasProfitApi: profitToken() }),
	});
	await expect(run).rejects.toBeDefined();
	expect(recorder.requests).toEqual([]);
});
