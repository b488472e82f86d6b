import type {
	IAuthenticateRuleResponseCode,
	IAuthenticateRuleResponseSuccessBody,
	ICredentialTestRequest,
	IHttpRequestOptions,
} from 'n8n-workflow';

/**
 * Keeps every request signed with an AFAS credential on the configured origin: a 3xx is returned as an error
 * instead of being followed, so the AfasToken header, a bearer token or a posted client secret never reaches
 * the host a redirect names (issue 15 §4).
 *
 * `disableFollowRedirect` is what `httpRequest`/`httpRequestWithAuthentication` read (n8n 1.123 and 2.41);
 * `followRedirect`/`followAllRedirects` are what the legacy `request`/`requestWithAuthentication` path reads
 * (the HTTP Request node with a predefined AFAS credential), where `maxRedirects` is used only while
 * following. `sendCredentialsOnCrossOriginRedirect: false` is a second guard should anything still follow.
 */
export function refuseRedirects<T extends IHttpRequestOptions>(options: T): T {
	const legacy = { followRedirect: false, followAllRedirects: false };
	return {
		...options,
		...legacy,
		disableFollowRedirect: true,
		maxRedirects: 0,
		sendCredentialsOnCrossOriginRedirect: false,
	};
}

/** Node calls pass absolute URLs; the credential test passes a path, which gets the credential's base URL. */
export function withBaseUrl(
	options: IHttpRequestOptions,
	baseUrl: () => string,
): IHttpRequestOptions {
	if (/^https?:\/\//i.test(options.url) || options.baseURL) return options;
	return { ...options, baseURL: baseUrl() };
}

/** Where a redirect pointed, as an origin only (no path, query or user info, which may carry secrets). */
export function redirectOrigin(location: unknown, from: string): string {
	const text = Array.isArray(location) ? String(location[0] ?? '') : String(location ?? '');
	if (text === '') return 'an address the server did not name';
	try {
		const { origin } = new URL(text, from);
		return origin === 'null' ? 'a non-web address' : origin;
	} catch {
		return 'an invalid address';
	}
}

/** Credential-test rules that refuse a 3xx answer with `message`, naming the field to check. */
export function redirectRules(message: string): IAuthenticateRuleResponseCode[] {
	return [301, 302, 303, 307, 308].map((value) => ({
		type: 'responseCode',
		properties: { value, message: `${message} (HTTP ${value})` },
	}));
}

/** A rule that fails a 2xx credential test when lodash `get(firstItemJson, key) === value`. */
export function bodyRule(
	key: string,
	value: unknown,
	message: string,
): IAuthenticateRuleResponseSuccessBody {
	return { type: 'responseSuccessBody', properties: { key, value, message } };
}

/**
 * n8n's type allows one kind of rule per list, but its credential tester (n8n 1.123 and 2.41,
 * `CredentialsTester.testCredentials`) walks the list and checks each rule's `type`: `responseCode` rules
 * against a failed request, `responseSuccessBody` rules against a successful one. Both kinds are needed.
 */
export function testRules(
	...rules: Array<IAuthenticateRuleResponseCode | IAuthenticateRuleResponseSuccessBody>
): ICredentialTestRequest['rules'] {
	return rules as IAuthenticateRuleResponseCode[];
}
