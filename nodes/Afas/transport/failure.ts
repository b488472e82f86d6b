import type { AnswerExpectation, AnswerProblem } from './answer';

/**
 * What went wrong with one HTTP call, read from the error n8n's request helper throws: a NodeApiError whose
 * `cause` is the AxiosError (response status, body, headers) or a network error code (n8n 2.x), or whose
 * `httpCode` and `context.data` carry status and body (n8n 1.x). Only these fields are
 * kept, so nothing from the request (the Authorization header, the token) can travel into our own errors.
 *
 * n8n 1.x (n8n-workflow 1.x) keeps neither `cause` nor `code`: a network error reaches us only as its
 * descriptive message ("The connection was aborted, perhaps the server is offline" for a response timeout,
 * code ECONNABORTED), with axios's own message ("timeout of 120000ms exceeded") in `messages`. Those texts
 * are mapped back to their codes below, so both versions are shaped and retried alike.
 */
export interface HttpFailure {
	status?: number;
	/** Parsed JSON body, a string, or undefined. */
	body?: unknown;
	headers: Record<string, string>;
	/** Network error code, e.g. ECONNRESET, ECONNABORTED, ETIMEDOUT, HPE_INVALID_CONSTANT. */
	code?: string;
	message: string;
	/** A 2xx answer that is not what the call expects (see answer.ts). */
	answer?: {
		problem: AnswerProblem;
		detail: string;
		expectation: AnswerExpectation;
		/** The body as received, for a masked excerpt. */
		text: string;
	};
}

interface ErrorLike {
	message?: unknown;
	/** n8n 1.x: the original messages (axios's) behind a descriptive one. */
	messages?: unknown;
	code?: unknown;
	httpCode?: unknown;
	cause?: unknown;
	response?: { status?: unknown; data?: unknown; headers?: unknown };
	/** n8n 1.x keeps the response body here instead of on a `cause`. */
	context?: { data?: unknown };
}

function asErrorLike(value: unknown): ErrorLike | undefined {
	return value !== null && typeof value === 'object' ? (value as ErrorLike) : undefined;
}

function decodeBody(data: unknown): unknown {
	if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) {
		const text = Buffer.from(data as ArrayBuffer).toString('utf8');
		return parseMaybeJson(text);
	}
	if (typeof data === 'string') return parseMaybeJson(data);
	return data;
}

function parseMaybeJson(text: string): unknown {
	const trimmed = text.trim();
	if (!trimmed.startsWith('{') && !trimmed.startsWith('['))
		return trimmed === '' ? undefined : text;
	try {
		return JSON.parse(trimmed) as unknown;
	} catch {
		return text;
	}
}

/** Response headers as lower-case name → text, whatever shape the HTTP client handed them over in. */
export function plainHeaders(headers: unknown): Record<string, string> {
	const result: Record<string, string> = {};
	if (headers === null || typeof headers !== 'object') return result;
	for (const [key, value] of Object.entries(headers as Record<string, unknown>)) {
		if (typeof value === 'string' || typeof value === 'number')
			result[key.toLowerCase()] = String(value);
	}
	return result;
}

/** Returns the HTTP failure behind an error, or undefined when the error is not about an HTTP call. */
export function httpFailureOf(error: unknown): HttpFailure | undefined {
	const outer = asErrorLike(error);
	if (!outer) return undefined;
	const chain = [
		outer,
		asErrorLike(outer.cause),
		asErrorLike(asErrorLike(outer.cause)?.cause),
	].filter((entry): entry is ErrorLike => entry !== undefined);
	const withResponse = chain.find(
		(entry) => entry.response && typeof entry.response.status === 'number',
	);
	if (withResponse?.response) {
		return {
			status: withResponse.response.status as number,
			body: decodeBody(withResponse.response.data),
			headers: plainHeaders(withResponse.response.headers),
			message: typeof withResponse.message === 'string' ? withResponse.message : '',
		};
	}
	// n8n 1.x (n8n-workflow 1.x): NodeApiError keeps no `cause`/`response`; the response body is in
	// `context.data` and the status in `httpCode` (headers are not kept).
	const legacy = chain.find(
		(entry) => typeof entry.httpCode === 'string' && /^\d{3}$/.test(entry.httpCode),
	);
	if (legacy) {
		return {
			status: Number(legacy.httpCode),
			body: decodeBody(legacy.context?.data),
			headers: {},
			message: typeof legacy.message === 'string' ? legacy.message : '',
		};
	}
	// Node's network codes (E…), axios's (ERR_…) and the HTTP parser's (HPE_…, a server sending garbage).
	const withCode = chain.find(
		(entry) => typeof entry.code === 'string' && /^(E[A-Z0-9_]+|HPE_[A-Z0-9_]+)$/.test(entry.code),
	);
	if (withCode) {
		return {
			headers: {},
			code: withCode.code as string,
			message: typeof withCode.message === 'string' ? withCode.message : '',
		};
	}
	return legacyNetworkFailure(chain);
}

/**
 * n8n-workflow 1.x's NodeError texts for network codes (COMMON_ERRORS in node.error.js), read back into
 * codes; and axios's own messages, which 1.x keeps in `messages`.
 */
const LEGACY_NETWORK_MESSAGES: Array<[RegExp, string]> = [
	[/^The connection was aborted, perhaps the server is offline/i, 'ECONNABORTED'],
	[/^timeout of \d+ms exceeded/i, 'ECONNABORTED'],
	[/^The connection timed out/i, 'ETIMEDOUT'],
	[/^The connection to the server was closed unexpectedly/i, 'ECONNRESET'],
	[/^socket hang up/i, 'ECONNRESET'],
	[/^The service refused the connection/i, 'ECONNREFUSED'],
	[
		/^The connection cannot be established, this usually occurs due to an incorrect host/i,
		'ENOTFOUND',
	],
	[/^The host is unreachable/i, 'EHOSTUNREACH'],
	[/^The DNS server returned an error/i, 'EAI_AGAIN'],
];

function legacyNetworkFailure(chain: ErrorLike[]): HttpFailure | undefined {
	for (const entry of chain) {
		const texts = [entry.message, ...(Array.isArray(entry.messages) ? entry.messages : [])].filter(
			(text): text is string => typeof text === 'string',
		);
		// A timeout wins over the generic "aborted": 1.x reports both for one timed-out request.
		const codes = texts.flatMap((text) =>
			LEGACY_NETWORK_MESSAGES.filter(([pattern]) => pattern.test(text)).map(([, code]) => code),
		);
		if (codes.length === 0) continue;
		const code = codes.includes('ETIMEDOUT') ? 'ETIMEDOUT' : codes[0];
		return { headers: {}, code, message: texts[0] ?? '' };
	}
	return undefined;
}

const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'ERR_SOCKET_CONNECTION_TIMEOUT']);

export function isTimeout(failure: HttpFailure): boolean {
	return (
		(failure.code !== undefined && TIMEOUT_CODES.has(failure.code)) ||
		(failure.status === undefined && /timeout of \d+ms exceeded/i.test(failure.message))
	);
}

export function isConnectionReset(failure: HttpFailure): boolean {
	return (
		(failure.code !== undefined && RESET_CODES.has(failure.code)) ||
		(failure.status === undefined && /socket hang up|^aborted$/i.test(failure.message))
	);
}

/** A body cut off mid-stream: the connection broke while AFAS was answering. */
export function isTruncated(failure: HttpFailure): boolean {
	return failure.answer?.problem === 'truncated';
}

/** A server that does not speak HTTP (or not to us): Node's HTTP parser rejected its answer. */
export function isParserError(failure: HttpFailure): boolean {
	return failure.code !== undefined && failure.code.startsWith('HPE_');
}

export function isRedirect(failure: HttpFailure): boolean {
	return failure.status !== undefined && failure.status >= 300 && failure.status < 400;
}
