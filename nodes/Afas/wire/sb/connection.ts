import { AfasInputError } from '../inputError';
import { parseBaseUrl, withoutUserinfo } from '../baseUrl';

/**
 * AFAS SB location rules: `https://{domain}.afasfocus.nl/{customerEnvironment}` (afas-sb-api.md §2.1).
 * Users often paste a whole URL into Domain (the App Center's `afasBaseUrl`, an API URL, or an SB browser URL
 * such as `…/onderneming/a/{guid}/home`); both parts are derived from it. Reading the customer environment from
 * the first path segment of a browser URL is the research's inference (§2.1), adopted here deliberately.
 */

export interface SbLocation {
	/** `https://test123.afasfocus.nl` or the custom base URL. */
	origin: string;
	/** The customer environment path segment, e.g. `scope`. */
	environment: string;
}

const DOMAIN_HINT =
	'Enter the part before .afasfocus.nl, e.g. test123 for https://test123.afasfocus.nl, or paste the whole URL of your environment, e.g. https://test123.afasfocus.nl/scope';
const ENVIRONMENT_HINT =
	'Enter the first path segment after the host, e.g. scope for https://test123.afasfocus.nl/scope';
/*
 * The location rules as patterns, so the OAuth2 credential's URL expressions (credentials/common/sbLocation.ts)
 * are built from the very same rules and cannot drift from them.
 */
/** Path segments that are never a customer environment (Admin Center and the API's own path families). */
export const NOT_AN_ENVIRONMENT = /^(?:admin|api|app|authentication)$/i;
export const ENVIRONMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
/** A bare SB domain, compared in lower case. */
export const DOMAIN_NAME = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
/**
 * A pasted SB URL: the host must end at `.afasfocus.nl` (`test123.afasfocus.nl.evil.example` and
 * `user@test123.afasfocus.nl` are not SB URLs); group 1 is the domain, group 2 the first path segment.
 */
export const SB_URL =
	/^(?:https?:\/\/)?([a-z0-9-]+)\.afasfocus\.nl(?::\d+)?(?:\/([^/?#]*))?(?:[/?#].*)?$/i;

function parseEnvironment(input: unknown): string {
	const value = String(input ?? '')
		.trim()
		.replace(/^\/+|\/+$/g, '');
	if (value === '') {
		throw new AfasInputError(
			'Customer Environment',
			'Customer Environment is empty',
			ENVIRONMENT_HINT,
		);
	}
	if (!ENVIRONMENT_NAME.test(value) || NOT_AN_ENVIRONMENT.test(value)) {
		throw new AfasInputError(
			'Customer Environment',
			`Customer Environment "${value.slice(0, 40)}" is not a customer environment name`,
			ENVIRONMENT_HINT,
		);
	}
	return value;
}

/** Splits a pasted SB URL into domain and (optionally) customer environment. */
export function parseSbUrl(input: string): { domain: string; environment?: string } | undefined {
	const match = SB_URL.exec(input.trim());
	if (!match) return undefined;
	const segment = match[2];
	const environment = segment && !NOT_AN_ENVIRONMENT.test(segment) ? segment : undefined;
	return { domain: match[1].toLowerCase(), environment };
}

export function sbLocation(credentials: Record<string, unknown>): SbLocation {
	if (credentials.server === 'custom') {
		return {
			origin: parseBaseUrl(credentials.baseUrl, 'Base URL', 'https://test123.afasfocus.nl'),
			environment: parseEnvironment(credentials.customerEnvironment),
		};
	}
	const domainInput = String(credentials.domain ?? '').trim();
	const pasted = parseSbUrl(domainInput);
	const domain = pasted?.domain ?? domainInput.toLowerCase();
	if (!DOMAIN_NAME.test(domain)) {
		throw new AfasInputError(
			'Domain',
			domain === ''
				? 'Domain is empty'
				: `Domain "${withoutUserinfo(domainInput).slice(0, 80)}" is not an AFAS SB domain`,
			DOMAIN_HINT,
		);
	}
	const typedEnvironment = String(credentials.customerEnvironment ?? '').trim();
	return {
		origin: `https://${domain}.afasfocus.nl`,
		// What the user typed in Customer Environment wins over what a pasted URL implies.
		environment: parseEnvironment(typedEnvironment || pasted?.environment),
	};
}

/** `https://test123.afasfocus.nl/scope`: API calls go to `${sbBaseUrl}/api/<resource>`. */
export function sbBaseUrl(credentials: Record<string, unknown>): string {
	const { origin, environment } = sbLocation(credentials);
	return `${origin}/${encodeURIComponent(environment)}`;
}
