import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestMethods,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { secretsOf } from '../wire/secrets';
import type { AnswerExpectation } from './answer';
import type { AfasContext } from './context';
import { apiError } from './errors';
import { brokenOff, defaultExpectation, readAnswer } from './response';
import { safeError } from './safeError';
import type { HttpFailure } from './failure';
import { httpFailureOf } from './failure';
import type { RetryMode, RetryPolicy } from './retry';
import {
	DEFAULT_RETRY_POLICY,
	defaultRetryMode,
	retryDecision,
	writeMayHaveBeenProcessed,
} from './retry';
import type { AfasTarget } from './target';

/** Vendor sample client timeout (research §9.4); AFAS itself gives up after 900 s. */
export const DEFAULT_TIMEOUT_MS = 120_000;

export interface AfasRequestOptions {
	method?: IHttpRequestMethods;
	/** Path below the target's base URL, starting with '/', already encoded (see wire/profit/paths). */
	path: string;
	/**
	 * Encoded query string without '?', built and checked (URL length included) before the call: nothing
	 * here can fail on user input.
	 */
	query?: string;
	headers?: Record<string, string>;
	/** JSON, or bytes sent as they are (a multipart upload: set its Content-Type in `headers`). */
	body?: IDataObject | IDataObject[] | Buffer;
	itemIndex?: number;
	timeoutMs?: number;
	retry?: Partial<RetryPolicy>;
	/**
	 * Which failures may be retried (see retry.ts). Default `read` for GET and `write` for POST/PUT/DELETE:
	 * a write is sent again only when AFAS certainly did not process it. `idempotentWrite` is the user's
	 * opt-in for PUT/DELETE (sending the same update or delete twice ends in the same state).
	 */
	retryMode?: RetryMode;
	/**
	 * The shape a 2xx answer must have (see answer.ts); anything else is a NodeApiError saying what came back.
	 * Default: `json` (a non-empty JSON object or list) for reads, `jsonOrEmpty` for writes.
	 */
	expect?: AnswerExpectation;
}

/**
 * The credential's secrets at the time of the failure: a token fetched or refreshed during the request
 * (preAuthentication, OAuth refresh) is in the credential by then, not in the copy read before it.
 */
async function secretsNow(
	context: AfasContext,
	target: AfasTarget,
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
 * A write that broke off after it may have reached AFAS: sending it again could create a second record, so the
 * user has to look first.
 */
function mayHaveBeenProcessed(target: AfasTarget, retryMode: RetryMode): string {
	const where = target.product === 'profit' ? 'Profit' : 'AFAS SB';
	const notAgain =
		retryMode === 'write'
			? ' It was not sent again automatically, so that it cannot be processed twice.'
			: '';
	return `AFAS may have processed this request; check in ${where} before sending it again.${notAgain}`;
}

/**
 * One AFAS call through n8n's httpRequestWithAuthentication with the target's credential: builds the URL, sets
 * an explicit timeout, refuses redirects, checks the answer's type and shape (`expect`), retries idempotent
 * reads (503 with retry_after, resets, answers cut off mid-stream, timeouts), sends a write again only when AFAS
 * certainly did not process it (`retryMode`, see retry.ts) and turns failures into
 * NodeApiErrors in AFAS's own words, with every credential secret masked. It reads no node parameter: the
 * product clients (api/) say which credential and base URL to use.
 */
export async function afasRequest<T = unknown>(
	context: AfasContext,
	target: AfasTarget,
	options: AfasRequestOptions,
): Promise<T> {
	const itemIndex = options.itemIndex ?? 0;
	const method = options.method ?? 'GET';
	const query = options.query ?? '';
	const url = `${target.baseUrl}${options.path}${query === '' ? '' : `?${query}`}`;
	const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
	const retryMode = options.retryMode ?? defaultRetryMode(method);

	const expectation = options.expect ?? defaultExpectation(method);

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
			const response = (await context.helpers.httpRequestWithAuthentication.call(
				context,
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
					context.getNode(),
					error,
					itemIndex,
					await secretsNow(context, target, itemIndex),
				);
			}
			failure = brokenOff(httpFailure, expectation);
		}
		const decision = retryDecision(failure, attempt, policy, retryMode);
		if (!decision.retry) {
			const error = apiError(context.getNode(), failure, {
				product: target.product,
				itemIndex,
				timeoutMs,
				attempts: attempt + 1,
				secrets: await secretsNow(context, target, itemIndex),
				url,
			});
			if (retryMode !== 'read' && writeMayHaveBeenProcessed(failure)) {
				error.description =
					`${mayHaveBeenProcessed(target, retryMode)} ${error.description ?? ''}`.trim();
			}
			throw error;
		}
		await sleep(decision.waitMs);
	}
}
