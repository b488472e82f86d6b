import type { IHttpRequestMethods, IN8nHttpFullResponse } from 'n8n-workflow';

import type { AnswerExpectation } from './answer';
import { checkAnswer } from './answer';
import type { HttpFailure } from './failure';
import { plainHeaders } from './failure';

/**
 * Reads n8n's full response (raw bytes, status, headers) into the parsed answer or the failure it stands
 * for. The body is asked for as bytes and parsed here, so an HTML page, `null` or a body cut off mid-stream
 * is seen for what it is (see answer.ts).
 */

export function bodyText(body: unknown): string {
	if (body === undefined || body === null) return '';
	if (typeof body === 'string') return body;
	if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) {
		return Buffer.from(body as ArrayBuffer).toString('utf8');
	}
	// An n8n that parsed the body anyway (it should not with `encoding`): check what it parsed.
	return JSON.stringify(body);
}

/** The parsed answer, or the failure it stands for (a 3xx or an answer that is not what was expected). */
export function readAnswer(
	response: IN8nHttpFullResponse,
	expectation: AnswerExpectation,
): { value: unknown } | { failure: HttpFailure } {
	const headers = plainHeaders(response.headers);
	const text = bodyText(response.body);
	const status = Number(response.statusCode);
	if (!(status >= 200 && status < 300)) {
		return {
			failure: { status, headers, body: text, message: `HTTP ${status}` },
		};
	}
	const checked = checkAnswer(expectation, text, headers['content-type'] ?? '');
	if (checked.ok) return { value: checked.value };
	return {
		failure: {
			status,
			headers,
			message: checked.detail,
			answer: {
				problem: checked.problem,
				detail: checked.detail,
				expectation,
				text,
			},
		},
	};
}

/**
 * An HTTP error that carries a 2xx status is an answer whose body broke off after the status line (axios:
 * "stream has been aborted" or "aborted", on n8n 1.x and 2.x alike): a truncated answer, not "HTTP 200".
 */
export function brokenOff(failure: HttpFailure, expectation: AnswerExpectation): HttpFailure {
	if (
		failure.answer ||
		failure.status === undefined ||
		failure.status < 200 ||
		failure.status >= 300
	) {
		return failure;
	}
	return {
		...failure,
		answer: {
			problem: 'truncated',
			detail: 'the answer broke off',
			expectation,
			text: bodyText(failure.body),
		},
	};
}

/** Writes may answer with an empty body (a Profit DELETE answers 200 without one); reads may not. */
export function defaultExpectation(method: IHttpRequestMethods): AnswerExpectation {
	return method === 'GET' ? 'json' : 'jsonOrEmpty';
}
