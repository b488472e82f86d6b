import type { HttpFailure } from './failure';
import { isConnectionReset, isTimeout, isTruncated } from './failure';

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

/** Seconds from a 503's JSON `retry_after` (AFAS's documented field) or its Retry-After header. */
export function retryAfterSeconds(failure: HttpFailure): number | undefined {
	const body = failure.body;
	if (body !== null && typeof body === 'object' && 'retry_after' in body) {
		const value = Number((body as { retry_after: unknown }).retry_after);
		if (Number.isFinite(value) && value >= 0) return value;
	}
	const header = Number(failure.headers['retry-after']);
	return Number.isFinite(header) && header >= 0 ? header : undefined;
}

export type RetryDecision = { retry: true; waitMs: number } | { retry: false };

/**
 * Only idempotent reads are retried: a 503 (AFAS maintenance or capacity; "retry: yes" in the research, §9.1)
 * after its retry_after, connection resets and answers cut off mid-stream with exponential back-off, and a
 * timeout only when it is the first failure of the request, so at most once (see maxTimeoutRetries).
 * 401/403/404/500 are answers, not accidents, and are never retried here (n8n already retries a 401 once after refreshing a token).
 */
export function retryDecision(
	failure: HttpFailure,
	attempt: number,
	policy: RetryPolicy,
): RetryDecision {
	if (attempt >= policy.maxRetries) return { retry: false };
	if (failure.status === 503) {
		const seconds = retryAfterSeconds(failure);
		const waitMs = seconds === undefined ? policy.baseDelayMs * 2 ** attempt : seconds * 1000;
		if (waitMs > policy.maxRetryAfterMs) return { retry: false };
		return { retry: true, waitMs };
	}
	// A body cut off mid-stream is a broken connection that happened to start with a status line.
	if (isTruncated(failure)) return { retry: true, waitMs: policy.baseDelayMs * 2 ** attempt };
	if (failure.status !== undefined) return { retry: false };
	if (isTimeout(failure)) {
		if (attempt >= policy.maxTimeoutRetries) return { retry: false };
		return { retry: true, waitMs: policy.baseDelayMs * 2 ** attempt };
	}
	if (isConnectionReset(failure)) {
		return { retry: true, waitMs: policy.baseDelayMs * 2 ** attempt };
	}
	return { retry: false };
}
