import type { IDataObject, IHttpRequestMethods, IHttpRequestOptions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { profitBaseUrl } from '../wire/profitConnection';
import { sbBaseUrl } from '../wire/sbConnection';
import type { AfasContext, AfasCredentialType, AfasProduct } from './context';
import { credentialTypeOf, productOf } from './context';
import { apiError, toNodeError } from './errors';
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
}

interface Target {
	product: AfasProduct;
	credentialType: AfasCredentialType;
	baseUrl: string;
}

/** The product's base URL from the credential: the only place the node turns credentials into URLs. */
export async function resolveTarget(this: AfasContext, itemIndex = 0): Promise<Target> {
	const product = productOf(this, itemIndex);
	const credentialType = credentialTypeOf(this, itemIndex);
	const credentials = await this.getCredentials(credentialType, itemIndex);
	let baseUrl: string;
	try {
		baseUrl = product === 'profit' ? profitBaseUrl(credentials) : `${sbBaseUrl(credentials)}/api`;
	} catch (error) {
		throw toNodeError(this.getNode(), error, itemIndex);
	}
	return { product, credentialType, baseUrl };
}

/**
 * One AFAS call through n8n's httpRequestWithAuthentication: picks the credential, builds the URL, sets an
 * explicit timeout, retries idempotent reads (503 with retry_after, resets, timeouts) and turns failures
 * into NodeApiErrors in AFAS's own words.
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

	for (let attempt = 0; ; attempt++) {
		const requestOptions: IHttpRequestOptions = {
			method,
			url,
			headers: { Accept: 'application/json', ...options.headers },
			json: true,
			timeout: timeoutMs,
		};
		if (options.body !== undefined) requestOptions.body = options.body;
		try {
			return (await this.helpers.httpRequestWithAuthentication.call(
				this,
				target.credentialType,
				requestOptions,
			)) as T;
		} catch (error) {
			const failure = httpFailureOf(error);
			// A cancelled execution is neither an AFAS answer nor worth a retry.
			if (!failure || failure.code === 'ERR_CANCELED')
				throw toNodeError(this.getNode(), error, itemIndex);
			const decision = retryable
				? retryDecision(failure, attempt, policy)
				: { retry: false as const };
			if (!decision.retry) {
				throw apiError(this.getNode(), failure, {
					product: target.product,
					itemIndex,
					timeoutMs,
					attempts: attempt + 1,
				});
			}
			await sleep(decision.waitMs);
		}
	}
}
