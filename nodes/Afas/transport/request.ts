import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestMethods,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { profitBaseUrl } from '../wire/profitConnection';
import { sbBaseUrl } from '../wire/sbConnection';
import { secretsOf } from '../wire/secrets';
import type { AnswerExpectation } from './answer';
import type { AfasContext, AfasCredentialType, AfasProduct } from './context';
import { credentialTypeOf, productOf } from './context';
import { apiError, toNodeError } from './errors';
import { brokenOff, defaultExpectation, readAnswer } from './response';
import { safeError } from './safeError';
import type { HttpFailure } from './failure';
import { httpFailureOf } from './failure';
import type { RetryPolicy } from './retry';
import { DEFAULT_RETRY_POLICY, retryDecision } from './retry';

/** Vendor sample client timeout (research §9.4); AFAS itself gives up after 900 s. */
export const DEFAULT_TIMEOUT_MS = 120_000;

export interface AfasRequestOptions {
	method?: IHttpRequestMethods;
	/** Path below the product's base URL, starting with '/', already encoded (see wire/profitPaths). */
	path: string;
	/**
	 * Encoded query string without '?', or a function that builds it from the full URL without query (the
	 * GetConnector filter builder needs the URL length to respect AFAS's 2049-character limit).
	 */
	query?: string | ((urlWithoutQuery: string) => string);
	headers?: Record<string, string>;
	body?: IDataObject | IDataObject[];
	itemIndex?: number;
	timeoutMs?: number;
	retry?: Partial<RetryPolicy>;
	/**
	 * The shape a 2xx answer must have (see answer.ts); anything else is a NodeApiError saying what came back.
	 * Default: `json` (a non-empty JSON object or list) for reads, `jsonOrEmpty` for writes; `/profitversion`
	 * reads default to `profitVersion`.
	 */
	expect?: AnswerExpectation;
}

interface Target {
	product: AfasProduct;
	credentialType: AfasCredentialType;
	baseUrl: string;
	credentials: ICredentialDataDecryptedObject;
}

function hasAccessToken(tokenData: unknown): boolean {
	return (
		tokenData !== null &&
		typeof tokenData === 'object' &&
		typeof (tokenData as { access_token?: unknown }).access_token === 'string' &&
		(tokenData as { access_token: string }).access_token !== ''
	);
}

/** The product's base URL from the credential: the only place the node turns credentials into URLs. */
export async function resolveTarget(this: AfasContext, itemIndex = 0): Promise<Target> {
	const product = productOf(this, itemIndex);
	const credentialType = credentialTypeOf(this, itemIndex);
	const credentials = await this.getCredentials(credentialType, itemIndex);
	// n8n itself would fail with a TypeError (1.x) or a bare "not connected" (2.x, authorization code only).
	if (credentialType === 'afasSbOAuth2Api' && !hasAccessToken(credentials.oauthTokenData)) {
		throw new NodeOperationError(
			this.getNode(),
			'The AFAS SB OAuth2 credential is not connected: open it and click Connect my account',
			{
				itemIndex,
				description:
					'n8n has no access token for this credential yet. Connecting signs you in at AFAS SB once; ' +
					'n8n refreshes the token after that.',
			},
		);
	}
	let baseUrl: string;
	try {
		baseUrl = product === 'profit' ? profitBaseUrl(credentials) : `${sbBaseUrl(credentials)}/api`;
	} catch (error) {
		throw toNodeError(this.getNode(), error, itemIndex);
	}
	return { product, credentialType, baseUrl, credentials };
}

/**
 * The credential's secrets at the time of the failure: a token fetched or refreshed during the request
 * (preAuthentication, OAuth refresh) is in the credential by then, not in the copy read before it.
 */
async function secretsNow(
	context: AfasContext,
	target: Target,
	itemIndex: number,
): Promise<string[]> {
	let current: ICredentialDataDecryptedObject | undefined;
	try {
		current = await context.getCredentials<ICredentialDataDecryptedObject>(
			target.credentialType,
			itemIndex,
		);
	} catch {
		current = undefined;
	}
	return [...secretsOf(target.credentials), ...secretsOf(current)].sort(
		(a, b) => b.length - a.length,
	);
}

/**
 * One AFAS call through n8n's httpRequestWithAuthentication: picks the credential, builds the URL, sets an
 * explicit timeout, refuses redirects, checks the answer's type and shape (`expect`), retries idempotent
 * reads (503 with retry_after, resets, answers cut off mid-stream, timeouts) and turns failures into
 * NodeApiErrors in AFAS's own words, with every credential secret masked.
 */
export async function afasRequest<T = unknown>(
	this: AfasContext,
	options: AfasRequestOptions,
): Promise<T> {
	const itemIndex = options.itemIndex ?? 0;
	const target = await resolveTarget.call(this, itemIndex);
	const method = options.method ?? 'GET';
	const urlWithoutQuery = `${target.baseUrl}${options.path}`;
	let query: string;
	try {
		query =
			typeof options.query === 'function' ? options.query(urlWithoutQuery) : (options.query ?? '');
	} catch (error) {
		throw toNodeError(this.getNode(), error, itemIndex);
	}
	const url = query === '' ? urlWithoutQuery : `${urlWithoutQuery}?${query}`;
	const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
	const retryable = method === 'GET';

	const expectation = options.expect ?? defaultExpectation(method, options.path);

	for (let attempt = 0; ; attempt++) {
		const requestOptions: IHttpRequestOptions = {
			method,
			url,
			headers: { Accept: 'application/json', ...options.headers },
			json: true,
			timeout: timeoutMs,
			// The raw bytes, status and headers: JSON is parsed (and checked) by readAnswer, so an HTML page or
			// a body cut off mid-stream cannot pass for an empty answer. Bytes rather than text, because n8n 1.x
			// keeps an error's body in the error only when it is an object (a Buffer is).
			encoding: 'arraybuffer',
			returnFullResponse: true,
			// No credential may follow a redirect to another origin, so redirects are not followed at all: n8n
			// 1.x and 2.x both turn disableFollowRedirect into axios's maxRedirects 0 (maxRedirects and the
			// cross-origin flag are belt and braces); a 3xx becomes an error naming only its origin.
			disableFollowRedirect: true,
			maxRedirects: 0,
			sendCredentialsOnCrossOriginRedirect: false,
		};
		if (options.body !== undefined) requestOptions.body = options.body;
		let failure: HttpFailure;
		try {
			const response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				target.credentialType,
				requestOptions,
			)) as IN8nHttpFullResponse;
			const answer = readAnswer(response, expectation);
			if ('value' in answer) return answer.value as T;
			failure = answer.failure;
		} catch (error) {
			const httpFailure = httpFailureOf(error);
			// A cancelled execution is neither an AFAS answer nor worth a retry; anything else that is not
			// about the HTTP call (a credential's token exchange) is passed on, masked and without its cause.
			if (!httpFailure || httpFailure.code === 'ERR_CANCELED') {
				throw safeError(
					this.getNode(),
					error,
					itemIndex,
					await secretsNow(this, target, itemIndex),
				);
			}
			failure = brokenOff(httpFailure, expectation);
		}
		const decision = retryable
			? retryDecision(failure, attempt, policy)
			: { retry: false as const };
		if (!decision.retry) {
			throw apiError(this.getNode(), failure, {
				product: target.product,
				itemIndex,
				timeoutMs,
				attempts: attempt + 1,
				secrets: await secretsNow(this, target, itemIndex),
				url,
			});
		}
		await sleep(decision.waitMs);
	}
}
