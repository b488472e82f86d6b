import { AfasInputError } from './inputError';

/**
 * Rules for a base URL a user types (custom Profit environments, SB servers, proxies, the simulator), shared by
 * both products and by the SB OAuth2 credential's URL expressions.
 */

/** Hides the `user:password@` part of a URL-like text before it is echoed in a message. */
export function withoutUserinfo(text: string): string {
	return text.replace(
		/^([^\s/?#]*\/\/)?[^\s/?#]*@/,
		(_all, scheme: string | undefined) => `${scheme ?? ''}***@`,
	);
}

/*
 * Base URL rules as patterns: the SB OAuth2 credential's URL expressions are built from these same patterns.
 * Both test the value after trimming and stripping trailing slashes.
 */
/** Any scheme with a `user[:password]@` part before the host. */
export const URL_WITH_USERINFO = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i;
export const HTTP_BASE_URL = /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/i;

/**
 * Validates a user-typed base URL (custom environments, proxies, the simulator) and strips trailing slashes.
 * A `user:password@` part is refused: n8n would send it as Basic auth instead of the AFAS credential, and
 * messages would echo the password.
 */
export function parseBaseUrl(input: unknown, field: string, example: string): string {
	const value = String(input ?? '')
		.trim()
		.replace(/\/+$/, '');
	const hint = `Enter the full URL without query string, e.g. ${example}`;
	if (URL_WITH_USERINFO.test(value)) {
		throw new AfasInputError(
			field,
			`${field} contains a user name or password (user:password@)`,
			`Remove the part up to and including @: AFAS signs in with the credential's token or client secret, never with a password in the URL. ${hint}`,
		);
	}
	if (!HTTP_BASE_URL.test(value)) {
		throw new AfasInputError(
			field,
			value === ''
				? `${field} is empty`
				: `${field} "${withoutUserinfo(value).slice(0, 80)}" is not an http(s) URL`,
			hint,
		);
	}
	return value;
}
