import type {
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeType,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { isTimeout, httpFailureOf } from '../../nodes/Afas/transport/failure';
import { runNode } from '../helpers/afas';
import { useSimulator } from '../helpers/simulator';
import { byId, node, profitCredentials, thrownBy } from '../node/setup';
import { expectNoSecret, requestsTo, simulatorSecrets } from './safety';

/**
 * n8n 1.x (n8n-workflow 1.x) reports a response timeout as a NodeApiError without `cause` or `code`: its
 * message is the descriptive text for ECONNABORTED, and axios's own message is kept in `messages`. (Class
 * fields in its ExecutionBaseError reset the native `cause`.) The transport must name it a timeout and retry
 * it once, as it does for n8n 2.x, whose error keeps the AxiosError and its code.
 */
const sim = useSimulator();

const LEGACY_TIMEOUT_MESSAGE = 'The connection was aborted, perhaps the server is offline';

/** n8n 1.x's error for an AxiosError with code ECONNABORTED, as its NodeApiError constructor builds it. */
function legacyTimeoutError(nodeOfError: INode, axiosMessage: string): NodeApiError {
	const error = new NodeApiError(nodeOfError, { message: axiosMessage } as JsonObject, {
		message: LEGACY_TIMEOUT_MESSAGE,
	});
	Object.assign(error, { messages: [axiosMessage], httpCode: null, description: axiosMessage });
	return error;
}

function timeoutCodeOf(error: unknown): string | undefined {
	const failure = httpFailureOf(error);
	return failure?.status === undefined ? failure?.code : undefined;
}

/** How many errors were rewritten: proves the tests below saw 1.x's shape, not 2.x's. */
let rewritten = 0;

/**
 * The real node, run through n8n-core 2.x, with its request helper's timeout errors rewritten into n8n 1.x's
 * shape: the request, the socket and the timeout are real; only the error object is 1.x's.
 */
const nodeOnLegacyErrors: INodeType = Object.create(node, {
	execute: {
		value: async function (this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const real = this.helpers;
			const nodeOfContext = this.getNode();
			const helpers = {
				...real,
				async httpRequestWithAuthentication(
					this: IExecuteFunctions,
					type: string,
					options: IHttpRequestOptions,
				) {
					return await real.httpRequestWithAuthentication
						.call(this, type, options)
						.catch((error: unknown) => {
							if (timeoutCodeOf(error) !== 'ECONNABORTED') return Promise.reject(error);
							rewritten++;
							return Promise.reject(
								legacyTimeoutError(nodeOfContext, `timeout of ${options.timeout}ms exceeded`),
							);
						});
				},
			};
			const legacyContext = new Proxy(this, {
				get(target, key) {
					if (key === 'helpers') return helpers;
					const value = Reflect.get(target, key, target) as unknown;
					return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
				},
			});
			return await (
				node.execute as (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>
			).call(legacyContext);
		},
	},
}) as INodeType;

const CONNECTOR = /\/connectors\/Profit_Administrations$/;

async function readWithTimeout() {
	const { output } = await runNode(nodeOnLegacyErrors, {
		parameters: {
			product: 'profit',
			resource: 'getConnector',
			operation: 'getAll',
			connector: byId('Profit_Administrations'),
			returnAll: true,
			options: { timeout: 1 },
		},
		credentials: profitCredentials(sim),
	});
	return output[0];
}

describe("n8n 1.x's timeout error", () => {
	it('is read as a timeout, from its message or from the axios text it keeps', () => {
		const error = legacyTimeoutError(node as unknown as INode, 'timeout of 1000ms exceeded');
		const failure = httpFailureOf(error);
		expect(failure).toMatchObject({ code: 'ECONNABORTED' });
		expect(failure && isTimeout(failure)).toBe(true);
		const onlyMessages = {
			name: 'NodeApiError',
			message: 'x',
			messages: ['timeout of 5ms exceeded'],
		};
		expect(httpFailureOf(onlyMessages)).toMatchObject({ code: 'ECONNABORTED' });
		const reset = {
			message: 'The connection to the server was closed unexpectedly, perhaps it is offline.',
		};
		expect(httpFailureOf(reset)).toMatchObject({ code: 'ECONNRESET' });
	});

	it('is retried once, like a timeout on n8n 2.x, and the read then succeeds', async () => {
		sim.addFault({ type: 'hang', match: { path: CONNECTOR }, times: 1 });
		rewritten = 0;
		const items = await readWithTimeout();
		expect(rewritten).toBe(1);
		expect(items).toHaveLength(5);
		expect(
			sim.requests.filter((request) => CONNECTOR.test(request.path)).map((r) => r.status),
		).toEqual([undefined, 200]);
	});

	it('is named a timeout when the retry times out too', async () => {
		sim.addFault({ type: 'hang', match: { path: CONNECTOR }, times: 2 });
		rewritten = 0;
		const error = await thrownBy(() => readWithTimeout());
		expect(rewritten).toBe(2);
		expect(error.name).toBe('NodeApiError');
		expect(error.message).toBe('AFAS did not answer within 1 seconds');
		expect(String(error.description)).toContain('The request timed out. Tried 2 times.');
		expect(requestsTo(sim, CONNECTOR)).toBe(2);
		expectNoSecret(error, simulatorSecrets(sim));
	});
});

describe('An SB OAuth2 credential that was never connected', () => {
	it.each([
		['without token data', {}],
		['with empty token data', { oauthTokenData: {} }],
		['with an empty access token', { oauthTokenData: { access_token: '', token_type: 'bearer' } }],
	])('fails %s before any request, saying how to connect', async (_name, tokenData) => {
		const { clientId, clientSecret } = sim.credentials.sb;
		const error = await thrownBy(() =>
			runNode(node, {
				parameters: {
					product: 'sb',
					authentication: 'afasSbOAuth2Api',
					resource: 'referenceData',
					operation: 'getMany',
					sbResource: 'country',
					limit: 5,
				},
				credentials: {
					afasSbOAuth2Api: {
						server: 'custom',
						baseUrl: sim.sbUrl,
						customerEnvironment: 'scope',
						clientId,
						clientSecret,
						grantType: 'pkce',
						authUrl: `${sim.sbUrl}/scope/app/auth`,
						accessTokenUrl: `${sim.sbUrl}/scope/app/token`,
						...tokenData,
					},
				},
			}),
		);
		expect(error.name).toBe('NodeOperationError');
		expect(error.message).toBe(
			'The AFAS SB OAuth2 credential is not connected: open it and click Connect my account',
		);
		expect(sim.requests).toHaveLength(0);
		expectNoSecret(error, simulatorSecrets(sim));
	});
});
