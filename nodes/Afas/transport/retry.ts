import type { HttpFailure } from './failure';
import { isConnectionReset, isParserError, isTimeout, isTruncated } from './failure';

/**
 * `read`: idempotent reads. `write`: POST/PUT/DELETE by default, retried only when AFAS certainly did not
 * process the request. `idempotentWrite`: PUT/DELETE the user allowed to retry like a read.
 */
export type RetryMode = 'read' | 'write' | 'idempotentWrite';

export interface RetryPolicy {
	/** Retries after the first attempt. */
	maxRetries: number;
	/** First back-off wait for resets and timeouts; doubles each retry. */
	baseDelayMs: number;
	/** The longest 503 retry_after we are prepared to wait; longer means maintenance, so we fail instead. */
	maxRetryAfterMs: number;
	/**
	 * A timeout is retried only while fewer attempts than this have failed. AFAS keeps executing a timed-out
	 * query for up to 900 s (research §9.4), so every retry adds a second copy of the same load, and the heaviest
	 * users get blocked under fair use (§9.5). One retry still covers a lost response.
	 */
	maxTimeoutRetries: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxRetries: 3,
	baseDelayMs: 500,
	maxRetryAfterMs: 60_000,
	maxTimeoutRetries: 1,
};

/** Seconds from AFAS's documented 503 body field `retry_after` (research §9.2), if there is one. */
function bodyRetryAfterSeconds(failure: HttpFailure): number | undefined {
	const body = failure.body;
	if (body !== null && typeof body === 'object' && 'retry_after' in body) {
		const value = Number((body as { retry_after: unknown }).retry_after);
		if (Number.isFinite(value) && value >= 0) return value;
	}
	return undefined;
}

/** Seconds from a 503's JSON `retry_after` (AFAS's documented field) or its Retry-After header. */
export function retryAfterSeconds(failure: HttpFailure): number | undefined {
	const fromBody = bodyRetryAfterSeconds(failure);
	if (fromBody !== undefined) return fromBody;
	const header = Number(failure.headers['retry-after']);
	return Number.isFinite(header) && header >= 0 ? header : undefined;
}

/** The request never left this machine: no connection was made, so AFAS cannot have seen it. */
function connectionRefused(failure: HttpFailure): boolean {
	return failure.status === undefined && failure.code === 'ECONNREFUSED';
}

/**
 * A failure after which a write may have been carried out: the request (or part of it) reached the other side
 * and no answer from AFAS says what happened: a timeout, a reset, an answer cut off mid-stream or any other
 * network error once connected. Not a refused connection or an unknown host (nothing was sent), not a server
 * that does not speak HTTP (not AFAS), and not an AFAS answer (a 500 says the write was rejected).
 */
export function writeMayHaveBeenProcessed(failure: HttpFailure): boolean {
	if (isTruncated(failure)) return true;
	if (failure.status !== undefined) return false;
	if (isTimeout(failure) || isConnectionReset(failure)) return true;
	return (
		failure.code !== undefined && !NOT_CONNECTED_CODES.has(failure.code) && !isParserError(failure)
	);
}

const NOT_CONNECTED_CODES = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
]);

export type RetryDecision = { retry: true; waitMs: number } | { retry: false };

function backOff(attempt: number, policy: RetryPolicy): RetryDecision {
	return { retry: true, waitMs: policy.baseDelayMs * 2 ** attempt };
}

function afterWait(waitMs: number, policy: RetryPolicy): RetryDecision {
	return waitMs > policy.maxRetryAfterMs ? { retry: false } : { retry: true, waitMs };
}

/**
 * A write (POST; PUT/DELETE unless the user opted in) is sent again only when AFAS certainly did not process
 * it, since a second POST creates a second order, person or journal entry:
 * - a 503 carrying AFAS's own maintenance/capacity body (JSON `retry_after`, research §9.2), after that wait.
 *   UNVERIFIED that AFAS answers it before processing: the research (§9.1) lists 503 as "maintenance or
 *   capacity … Retry: yes" without saying so. Our reasoning: a maintenance or capacity refusal is given
 *   instead of handling the request, and the vendor tells clients to retry it. A 503 without that body (a
 *   proxy or gateway, which may have forwarded the request before giving up) is not retried.
 * - a refused connection (ECONNREFUSED): nothing was sent.
 * Never after a reset, a timeout, an answer cut off mid-stream, a 500 (lock errors included: AFAS may have
 * applied part of it, and the user decides) or anything else.
 */
function writeDecision(failure: HttpFailure, attempt: number, policy: RetryPolicy): RetryDecision {
	if (failure.status === 503 && !failure.answer) {
		const seconds = bodyRetryAfterSeconds(failure);
		return seconds === undefined ? { retry: false } : afterWait(seconds * 1000, policy);
	}
	if (connectionRefused(failure)) return backOff(attempt, policy);
	return { retry: false };
}

/**
 * Idempotent requests (reads; PUT/DELETE the user allowed to retry): a 503 (AFAS maintenance or capacity;
 * "retry: yes" in the research, §9.1) after its retry_after, connection resets and answers cut off mid-stream
 * with exponential back-off, and a timeout only when it is the first failure of the request, so at most once
 * (see maxTimeoutRetries). 401/403/404/500 are answers, not accidents, and are never retried here (n8n already
 * retries a 401 once after refreshing a token).
 */
function idempotentDecision(
	failure: HttpFailure,
	attempt: number,
	policy: RetryPolicy,
): RetryDecision {
	if (failure.status === 503) {
		const seconds = retryAfterSeconds(failure);
		return afterWait(
			seconds === undefined ? policy.baseDelayMs * 2 ** attempt : seconds * 1000,
			policy,
		);
	}
	// A body cut off mid-stream is a broken connection that happened to start with a status line.
	if (isTruncated(failure)) return backOff(attempt, policy);
	if (failure.status !== undefined) return { retry: false };
	if (isTimeout(failure)) {
		if (attempt >= policy.maxTimeoutRetries) return { retry: false };
		return backOff(attempt, policy);
	}
	if (isConnectionReset(failure)) return backOff(attempt, policy);
	return { retry: false };
}

/** GET and HEAD are reads; every other method is a write unless the caller says otherwise. */
export function defaultRetryMode(method: string): RetryMode {
	return method === 'GET' || method === 'HEAD' ? 'read' : 'write';
}

export function retryDecision(
	failure: HttpFailure,
	attempt: number,
	policy: RetryPolicy,
	mode: RetryMode = 'read',
): RetryDecision {
	if (attempt >= policy.maxRetries) return { retry: false };
	if (mode === 'write') return writeDecision(failure, attempt, policy);
	// Whatever is safe for a write is safe for a PUT or DELETE the user allowed to retry.
	if (mode === 'idempotentWrite' && connectionRefused(failure)) return backOff(attempt, policy);
	return idempotentDecision(failure, attempt, policy);
}
