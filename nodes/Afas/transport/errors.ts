import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { isAfasInputError } from '../wire/inputError';
import { describeSbRequestError, isSbWriteResult, readSbWriteResult } from '../wire/sb/writeResult';
import { excerptOf, maskDeep, maskSecrets } from '../wire/secrets';
import type { HttpFailure } from './failure';
import { isRedirect } from './failure';
import { retryAfterSeconds } from './retry';
import type { ShapeContext, ShapedError } from './shapes';
import { contentTypeOf, shapeNetwork, shapeOddAnswer, shapeRedirect } from './shapes';

export type { ShapeContext } from './shapes';

const PROFIT_LIKELY_CAUSES: Record<number, string> = {
	401:
		'Likely causes: the token is wrong, expired or revoked; the credential points to another environment ' +
		'(check the environment number and type); the connector is not added to the app connector (AFAS answers ' +
		'401 for a valid token without access to this endpoint); for OAuth, the client secret has expired.',
	403:
		'Likely causes: the app connector has an IP restriction that does not include the IP address n8n calls ' +
		'from; the app connector is not allowed to use this connector.',
	404:
		'Likely causes: the connector id is misspelled or the connector is not added to the app connector; the ' +
		'credential points to the wrong environment (production, test or acceptance); the query string was longer ' +
		'than 2049 characters (use fewer filter values); for files, images and attachments: the file does not ' +
		'exist or the user has no rights to it (dossier data filter).',
};

const SB_LIKELY_CAUSES: Record<number, string> = {
	401:
		'Likely causes: the app token or OAuth authorisation is wrong, expired or was revoked in the App Center; ' +
		'the credential points to another customer environment.',
	403: 'Likely causes: the app is not granted the bundle or endpoint this resource needs.',
	404:
		'Likely causes: the resource name or the customer environment is wrong; the endpoint version ' +
		'(Accept-Version) is not supported by this environment.',
};

function stringField(body: unknown, key: string): string | undefined {
	if (body === null || typeof body !== 'object') return undefined;
	const value = (body as Record<string, unknown>)[key];
	if (typeof value === 'string' && value !== '') return value;
	if (typeof value === 'number') return String(value);
	return undefined;
}

function nestedMessage(body: unknown): string | undefined {
	if (body === null || typeof body !== 'object') return undefined;
	const error = (body as Record<string, unknown>).error;
	if (typeof error === 'string') return error;
	return stringField(error, 'message');
}

function statusText(status: number): string {
	switch (status) {
		case 400:
			return 'AFAS rejected the request (400 Bad Request)';
		case 401:
			return 'AFAS rejected the credentials (401 Unauthorized)';
		case 403:
			return 'AFAS refused access (403 Forbidden)';
		case 404:
			return 'AFAS could not find what was asked for (404 Not Found)';
		case 413:
			return 'The request is too large for AFAS (413 Payload Too Large)';
		case 500:
			return 'AFAS reported an internal error (500)';
		case 503:
			return 'AFAS is temporarily unavailable (503 Service Unavailable)';
		default:
			return `AFAS answered with HTTP ${status}`;
	}
}

function shapeProfit(failure: HttpFailure, status: number): ShapedError {
	const body = failure.body;
	const parts: string[] = [];
	const externalMessage = stringField(body, 'externalMessage');
	const errorNumber = stringField(body, 'errorNumber');
	const logReference = stringField(body, 'profitLogReference');
	if (errorNumber) parts.push(`AFAS error number: ${errorNumber}.`);
	if (logReference) {
		parts.push(
			`AFAS log reference (profitLogReference): ${logReference}; your AFAS administrator can look it up in ` +
				'the environment log (Omgevingslogboek).',
		);
	}
	if (PROFIT_LIKELY_CAUSES[status]) parts.push(PROFIT_LIKELY_CAUSES[status]);
	const message =
		externalMessage ?? nestedMessage(body) ?? stringField(body, 'message') ?? statusText(status);
	return { message, description: parts.join(' ') };
}

function shapeSb(failure: HttpFailure, status: number): ShapedError {
	const body = failure.body;
	// SB's write results (PartiallySucceeded, filed under 400 by the spec) and its request errors (DS3100 with the
	// property path, a bad filter) have their own words; the generic reading below covers the rest.
	const outcome = isSbWriteResult(body) ? readSbWriteResult(body, status) : undefined;
	if (outcome && outcome.kind !== 'succeeded')
		return { message: outcome.message, description: outcome.description };
	const request = status === 400 ? describeSbRequestError(body) : undefined;
	if (request) return { message: request.message, description: request.description };
	const parts: string[] = [];
	const traceId = stringField(body, 'TraceId') ?? stringField(body, 'traceId');
	const additional = (body as { AdditionalInfo?: unknown } | undefined)?.AdditionalInfo;
	const exceptionType = stringField(additional, 'ExceptionType');
	if (exceptionType) parts.push(`AFAS SB exception: ${exceptionType}.`);
	if (traceId) parts.push(`AFAS SB trace id: ${traceId}.`);
	if (SB_LIKELY_CAUSES[status]) parts.push(SB_LIKELY_CAUSES[status]);
	const message =
		stringField(body, 'Message') ??
		stringField(body, 'message') ??
		nestedMessage(body) ??
		stringField(body, 'error_description') ??
		statusText(status);
	return { message, description: parts.join(' ') };
}

/** Turns one failed AFAS call into the NodeApiError the user sees: AFAS's own words first, then the hints. */
export function apiError(node: INode, failure: HttpFailure, context: ShapeContext): NodeApiError {
	let shaped: ShapedError;
	const retried = context.attempts > 1 ? ` Tried ${context.attempts} times.` : '';
	if (failure.answer) {
		shaped = shapeOddAnswer(failure, failure.answer, context, retried);
	} else if (failure.status === undefined) {
		shaped = shapeNetwork(failure, context, retried);
	} else if (isRedirect(failure)) {
		shaped = shapeRedirect(failure, context);
	} else {
		shaped =
			context.product === 'profit'
				? shapeProfit(failure, failure.status)
				: shapeSb(failure, failure.status);
		if (typeof failure.body === 'string' && failure.body.trim() !== '') {
			// Not JSON: a proxy's error page rather than AFAS's error body.
			const excerpt = excerptOf(failure.body, context.secrets);
			shaped.description =
				`${shaped.description} The answer (${contentTypeOf(failure)}) starts with: ${excerpt}`.trim();
		}
		if (failure.status === 503) {
			const seconds = retryAfterSeconds(failure);
			const wait = seconds === undefined ? '' : ` AFAS asked to retry after ${seconds} seconds.`;
			shaped.description =
				`${shaped.description} AFAS is in maintenance or at capacity.${wait}${retried}`.trim();
		}
	}
	const message = maskSecrets(shaped.message, context.secrets);
	const description = maskSecrets(shaped.description, context.secrets);
	// Network failures get no httpCode: n8n would replace our message with its generic text for codes such as
	// ECONNABORTED.
	const httpCode = failure.status === undefined ? undefined : String(failure.status);
	const safeResponse: JsonObject = { message };
	if (failure.body !== null && typeof failure.body === 'object') {
		safeResponse.body = maskDeep(failure.body, context.secrets) as JsonObject;
	}
	return new NodeApiError(node, safeResponse, {
		message,
		description: description || undefined,
		httpCode,
		itemIndex: context.itemIndex,
	});
}

interface NodeErrorLike extends Error {
	context?: Record<string, unknown>;
	node?: unknown;
}

function isNodeError(error: unknown): error is NodeErrorLike {
	// n8n's error classes may come from another copy of n8n-workflow, so instanceof is not reliable.
	return (
		error instanceof Error &&
		(error.name === 'NodeApiError' || error.name === 'NodeOperationError' || 'node' in error) &&
		typeof (error as NodeErrorLike).context === 'object'
	);
}

/**
 * Makes any error fit to leave the node for item `itemIndex`: wire-rule input errors become
 * NodeOperationErrors naming the field, n8n errors are attributed to the item (unless they already are),
 * anything else is wrapped. Without an index the error stays unattributed, for the caller to attribute.
 */
export function toNodeError(
	node: INode,
	error: unknown,
	itemIndex?: number,
): NodeApiError | NodeOperationError {
	if (isAfasInputError(error)) {
		const message = error.message.includes(error.field)
			? error.message
			: `${error.field}: ${error.message}`;
		return new NodeOperationError(node, message, {
			itemIndex,
			description: error.hint,
		});
	}
	if (isNodeError(error)) {
		if (error.context && error.context.itemIndex === undefined && itemIndex !== undefined)
			error.context.itemIndex = itemIndex;
		return error as NodeApiError | NodeOperationError;
	}
	return new NodeOperationError(node, error instanceof Error ? error : String(error), {
		itemIndex,
	});
}
