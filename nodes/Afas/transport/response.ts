import type { IHttpRequestMethods, IN8nHttpFullResponse } from 'n8n-workflow';

import type { AnswerExpectation, AnswerProblem, BinaryAnswer } from './answer';
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
	if (expectation === 'binary') return readBinary(response.body, headers, status);
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
 * A file answer: the bytes as they came, unless a proxy's web page stands in for the file or the body is shorter
 * than the Content-Length it announced (cut off mid-stream, retried like a reset on reads).
 */
function readBinary(
	body: unknown,
	headers: Record<string, string>,
	status: number,
): { value: BinaryAnswer } | { failure: HttpFailure } {
	const data =
		body instanceof ArrayBuffer || ArrayBuffer.isView(body)
			? Buffer.from(body as ArrayBuffer)
			: Buffer.from(bodyText(body), 'utf8');
	const contentType = headers['content-type'] ?? '';
	const announced = Number(headers['content-length']);
	const problem: { problem: AnswerProblem; detail: string } | undefined = /text\/html/i.test(
		contentType,
	)
		? { problem: 'notJson', detail: 'the answer is a web page, not a file' }
		: Number.isInteger(announced) && data.length < announced
			? { problem: 'truncated', detail: 'the file stops before its announced length' }
			: undefined;
	if (!problem) return { value: { data, contentType, headers } };
	return {
		failure: {
			status,
			headers,
			message: problem.detail,
			answer: { ...problem, expectation: 'binary', text: data.subarray(0, 2000).toString('utf8') },
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
