import type {
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeProperties,
} from 'n8n-workflow';

import { AfasInputError } from '../../nodes/Afas/wire/inputError';
import { excerptOf, maskSecrets } from '../../nodes/Afas/wire/secrets';
import { redirectOrigin, refuseRedirects } from './origin';

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
	/** The field that decides where the request goes, e.g. "Environment Number", "Base URL", "Domain". */
	locationField: string;
	/** Values that must never appear in a message, whatever the server echoes (`secretsOf(credentials)`). */
	secrets: string[];
	form?: Record<string, string>;
	json?: IDataObject;
	/** The first required field that is empty: reported before any request is sent. */
	missing?: string;
}

function describeRejection(status: number, body: unknown, secrets: string[]): string {
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
	const described = [`HTTP ${status}`, code, text?.slice(0, 300)].filter(Boolean).join(': ');
	return maskSecrets(described, secrets);
}

function header(headers: IN8nHttpFullResponse['headers'] | undefined, name: string): unknown {
	const key = Object.keys(headers ?? {}).find((candidate) => candidate.toLowerCase() === name);
	return key === undefined ? undefined : headers?.[key];
}

export async function fetchAccessToken(
	helper: IHttpRequestHelper,
	request: TokenRequest,
): Promise<string> {
	if (request.missing) {
		throw credentialError(
			request.missing,
			`${request.missing} is empty`,
			`Fill in ${request.missing} in the credential`,
		);
	}
	// A 3xx comes back as a response instead of being followed: a 307/308 would re-post the secret elsewhere.
	const options = refuseRedirects({
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
	} as IHttpRequestOptions);
	const response = await helper.helpers
		.httpRequest(options)
		.then((full: IN8nHttpFullResponse) => full)
		.catch((error: Error) => error);
	if (response instanceof Error) {
		throw credentialError(
			request.locationField,
			`Could not reach the ${request.product} token endpoint (${maskSecrets(String(response.message).slice(0, 200), request.secrets)})`,
			`Check the ${request.locationField}, and that this n8n can reach AFAS`,
		);
	}
	const { statusCode } = response;
	if (statusCode >= 300 && statusCode < 400) {
		const target = redirectOrigin(header(response.headers, 'location'), request.url);
		throw credentialError(
			request.locationField,
			`The ${request.product} token endpoint redirected to ${target} (HTTP ${statusCode}); nothing was sent there`,
			`Check the ${request.locationField}: it must be AFAS's own address, not an old address or a login page in front of it`,
		);
	}
	const body = response.body as IDataObject | undefined;
	const token =
		body && typeof body === 'object' && typeof body.access_token === 'string'
			? body.access_token
			: '';
	if (statusCode >= 200 && statusCode < 300 && token) return token;
	if (statusCode >= 200 && statusCode < 300) {
		const contentType = String(header(response.headers, 'content-type') ?? 'no content type').split(
			';',
		)[0];
		const text = typeof body === 'string' ? body : JSON.stringify(body ?? null);
		throw credentialError(
			request.locationField,
			`The ${request.product} token endpoint answered HTTP ${statusCode} without an access token (${contentType}: ${excerptOf(text, request.secrets, 80)})`,
			`Check the ${request.locationField}: something other than AFAS (a proxy, login or maintenance page) may be answering`,
		);
	}
	if (statusCode === 404) {
		throw credentialError(
			request.locationField,
			`The ${request.product} token endpoint was not found (HTTP 404)`,
			`Check the ${request.locationField}`,
		);
	}
	throw credentialError(
		request.secretFields,
		`${request.product} rejected the ${request.secretFields} (${describeRejection(statusCode, body, request.secrets)})`,
		`Check the ${request.secretFields} in the credential; they may be mistyped, expired or blocked`,
	);
}
