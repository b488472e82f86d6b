import type {
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeProperties,
} from 'n8n-workflow';

import { AfasInputError } from '../../nodes/Afas/wire/inputError';

/**
 * Token fetches that credential `preAuthentication` hooks run (Profit client credentials, SB app-token
 * exchange). Errors name the credential field to fix and never carry the request, its body or any token:
 * failures are read from the status instead of thrown HTTP errors, whose config would hold the secret.
 */

/**
 * Where a fetched bearer token lives. n8n runs `preAuthentication` when it is empty, while the credential is
 * tested, and once after a 401, and stores what it returns.
 */
export const accessTokenProperty: INodeProperties = {
	displayName: 'Access Token',
	name: 'accessToken',
	type: 'hidden',
	typeOptions: { expirable: true, password: true },
	default: '',
};

export function credentialError(field: string, message: string, hint: string): AfasInputError {
	return new AfasInputError(field, message, hint);
}

interface TokenRequest {
	url: string;
	/** "AFAS Profit" / "AFAS SB", for messages. */
	product: string;
	/** The fields a rejection points at, e.g. "Client ID and Client Secret". */
	secretFields: string;
	form?: Record<string, string>;
	json?: IDataObject;
	/** The first required field that is empty: reported before any request is sent. */
	missing?: string;
}

function describeRejection(status: number, body: unknown): string {
	const data = (typeof body === 'object' && body !== null ? body : {}) as IDataObject;
	const code = typeof data.error === 'string' ? data.error : undefined;
	const text =
		typeof data.error_description === 'string'
			? data.error_description
			: typeof data.message === 'string'
				? data.message
				: typeof data.externalMessage === 'string'
					? data.externalMessage
					: undefined;
	return [`HTTP ${status}`, code, text].filter(Boolean).join(': ');
}

export async function fetchAccessToken(helper: IHttpRequestHelper, request: TokenRequest): Promise<string> {
	if (request.missing) {
		throw credentialError(request.missing, `${request.missing} is empty`, `Fill in ${request.missing} in the credential`);
	}
	const options: IHttpRequestOptions = {
		method: 'POST',
		url: request.url,
		headers: {
			Accept: 'application/json',
			'Content-Type': request.form ? 'application/x-www-form-urlencoded' : 'application/json',
		},
		body: request.form ? new URLSearchParams(request.form).toString() : request.json,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: 30000,
	};
	const response = await helper.helpers
		.httpRequest(options)
		.then((full: IN8nHttpFullResponse) => full)
		.catch((error: Error) => error);
	if (response instanceof Error) {
		throw credentialError(
			'Environment',
			`Could not reach the ${request.product} token endpoint (${response.message})`,
			'Check the environment, domain or base URL, and that this n8n can reach AFAS',
		);
	}
	const body = response.body as IDataObject | undefined;
	const token = body && typeof body.access_token === 'string' ? body.access_token : '';
	if (response.statusCode >= 200 && response.statusCode < 300 && token) return token;
	if (response.statusCode === 404) {
		throw credentialError(
			'Environment',
			`The ${request.product} token endpoint was not found (HTTP 404)`,
			'Check the environment, domain, customer environment or base URL',
		);
	}
	throw credentialError(
		request.secretFields,
		`${request.product} rejected the ${request.secretFields} (${describeRejection(response.statusCode, body)})`,
		`Check the ${request.secretFields} in the credential; they may be mistyped, expired or blocked`,
	);
}

/** Node calls pass absolute URLs; the credential test passes a path, which gets the credential's base URL. */
export function withBaseUrl(options: IHttpRequestOptions, baseUrl: () => string): IHttpRequestOptions {
	if (/^https?:\/\//i.test(options.url) || options.baseURL) return options;
	return { ...options, baseURL: baseUrl() };
}
