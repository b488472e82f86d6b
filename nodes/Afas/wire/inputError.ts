/**
 * Raised by the pure wire modules when user input cannot be sent to AFAS. It names the field and the fix;
 * the node turns it into a NodeOperationError for the right item, the credential hooks let n8n show it.
 * It never carries the rejected value when that value may be a secret.
 */
export class AfasInputError extends Error {
	/** The hint under the name n8n's error classes read (`NodeApiError` copies `description`). */
	readonly description?: string;

	constructor(
		/** The parameter or credential field, as the user sees it (e.g. "Environment Number"). */
		readonly field: string,
		message: string,
		/** How to fix it; shown as the error description. */
		readonly hint?: string,
	) {
		super(message);
		this.name = 'AfasInputError';
		this.description = hint;
	}
}

export function isAfasInputError(error: unknown): error is AfasInputError {
	return error instanceof Error && error.name === 'AfasInputError' && 'field' in error;
}
