import type { IDataObject } from 'n8n-workflow';

import type { SbClient } from './client';

export interface SbWrite {
	method: 'POST' | 'PUT' | 'DELETE';
	/** Below the client's base URL, e.g. '/salesjournalentry'. */
	path: string;
	acceptVersion: string;
	body: IDataObject;
	/** SB processes a request with a known Tracking-Identifier only once and answers as it did the first time. */
	trackingIdentifier: string;
	itemIndex: number;
	timeoutMs?: number;
}

/**
 * One SB write. Because the Tracking-Identifier makes a repeat harmless, the write is retried like an idempotent
 * request (503, timeouts, resets, answers cut off) with the same identifier. The answer is SB's result object
 * (`Succeeded`, or `Failed` at HTTP 200), read by wire/sb/writeResult.
 */
export async function sendSbWrite(client: SbClient, write: SbWrite): Promise<unknown> {
	return await client.request({
		method: write.method,
		path: write.path,
		headers: {
			'Accept-Version': write.acceptVersion,
			'Content-Type': 'application/json',
			'Tracking-Identifier': write.trackingIdentifier,
		},
		// n8n sends no body at all for an empty object; SB wants JSON even when no field is required.
		body: Object.keys(write.body).length > 0 ? write.body : Buffer.from('{}'),
		itemIndex: write.itemIndex,
		timeoutMs: write.timeoutMs,
		retryMode: 'idempotentWrite',
		expect: 'object',
	});
}
