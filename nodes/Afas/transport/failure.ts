/**
 * What went wrong with one HTTP call, read from the error n8n's request helper throws: a NodeApiError whose
 * `cause` is the AxiosError (response status, body, headers) or a network error code (n8n 2.x), or whose
 * `httpCode` and `context.data` carry status and body (n8n 1.x). Only these fields are
 * kept, so nothing from the request (the Authorization header, the token) can travel into our own errors.
 */
export interface HttpFailure {
	status?: number;
	/** Parsed JSON body, a string, or undefined. */
	body?: unknown;
	headers: Record<string, string>;
	/** Network error code, e.g. ECONNRESET, ECONNABORTED, ETIMEDOUT. */
	code?: string;
	message: string;
}

interface ErrorLike {
	message?: unknown;
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

function plainHeaders(headers: unknown): Record<string, string> {
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
	const withCode = chain.find(
		(entry) => typeof entry.code === 'string' && /^E[A-Z_]+$/.test(entry.code),
	);
	if (withCode) {
		return {
			headers: {},
			code: withCode.code as string,
			message: typeof withCode.message === 'string' ? withCode.message : '',
		};
	}
	return undefined;
}

const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'ERR_SOCKET_CONNECTION_TIMEOUT']);

export function isTimeout(failure: HttpFailure): boolean {
	return failure.code !== undefined && TIMEOUT_CODES.has(failure.code);
}

export function isConnectionReset(failure: HttpFailure): boolean {
	return (
		(failure.code !== undefined && RESET_CODES.has(failure.code)) ||
		(failure.status === undefined && /socket hang up/i.test(failure.message))
	);
}
