import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { isAfasInputError } from '../wire/inputError';
import { maskSecrets } from '../wire/secrets';
import { toNodeError } from './errors';

function textOf(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The first error in the cause chain that a user should see as bad input rather than an API failure. */
function inputErrorIn(error: unknown): { message: string; description?: string } | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 4 && current !== null && typeof current === 'object'; depth++) {
		const entry = current as {
			name?: unknown;
			message?: unknown;
			description?: unknown;
			cause?: unknown;
		};
		if (
			entry.name === 'NodeOperationError' ||
			entry.name === 'AfasInputError' ||
			entry.name === 'UserError'
		) {
			const message = textOf(entry.message);
			if (message) return { message, description: textOf(entry.description) };
		}
		current = entry.cause;
	}
	return undefined;
}

/**
 * A fresh error for anything thrown around an AFAS call that is not an HTTP answer (a credential's token
 * exchange, a cancelled execution, an unexpected failure in n8n): masked, and without the original as its
 * cause, because n8n's errors keep the request options (the Authorization header) there.
 */
export function safeError(
	node: INode,
	error: unknown,
	itemIndex: number,
	secrets: readonly string[],
): NodeApiError | NodeOperationError {
	if (isAfasInputError(error)) return toNodeError(node, error, itemIndex);
	const input = inputErrorIn(error);
	if (input) {
		return new NodeOperationError(node, maskSecrets(input.message, secrets), {
			itemIndex,
			description: input.description ? maskSecrets(input.description, secrets) : undefined,
		});
	}
	const entry = (error ?? {}) as {
		message?: unknown;
		description?: unknown;
		httpCode?: unknown;
	};
	const message = maskSecrets(textOf(entry.message) ?? String(error), secrets);
	const description = textOf(entry.description);
	return new NodeApiError(node, { message } as JsonObject, {
		message,
		description: description ? maskSecrets(description, secrets) : undefined,
		httpCode: typeof entry.httpCode === 'string' ? entry.httpCode : undefined,
		itemIndex,
	});
}
