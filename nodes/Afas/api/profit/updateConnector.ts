import type { IDataObject } from 'n8n-workflow';

import type { RetryMode } from '../../transport/retry';
import type { UpdateBody } from '../../wire/profit/updateBody';
import type { ProfitClient } from './client';

/** One UpdateConnector call, fully built (path encoded, body final) before anything is sent. */
export interface UpdateRequest {
	method: 'POST' | 'PUT' | 'DELETE';
	/** Below the Profit base URL, from wire/profit/updatePaths. */
	path: string;
	body?: UpdateBody;
}

export interface UpdateSendOptions {
	itemIndex: number;
	timeoutMs?: number;
	/** The user's opt-in to retry PUT/DELETE like a read (same update twice ends in the same state). */
	retryUpdates?: boolean;
}

/**
 * No blind retry of writes (research §9.1, competitors §5.13): a POST is sent again only when AFAS certainly did
 * not process it (`write`, decided in transport/retry.ts); a PUT or DELETE is retried on resets and timeouts too
 * only when the user allowed it.
 */
export function retryModeOf(request: UpdateRequest, retryUpdates = false): RetryMode {
	return request.method !== 'POST' && retryUpdates ? 'idempotentWrite' : 'write';
}

/** The full URL a request goes to, for Dry Run output and messages. */
export function updateRequestUrl(client: ProfitClient, request: UpdateRequest): string {
	return `${client.baseUrl}${request.path}`;
}

/**
 * Sends one write. The answer is AFAS's JSON (`{"results":{…}}`) or undefined for an empty success body, which
 * some UpdateConnectors and every DELETE give (§7.3).
 */
export async function sendUpdate(
	client: ProfitClient,
	request: UpdateRequest,
	options: UpdateSendOptions,
): Promise<unknown> {
	return await client.request({
		method: request.method,
		path: request.path,
		body: request.body as IDataObject | undefined,
		itemIndex: options.itemIndex,
		timeoutMs: options.timeoutMs,
		retryMode: retryModeOf(request, options.retryUpdates),
		expect: 'jsonOrEmpty',
	});
}
