import { AfasInputError } from './inputError';
import { parseBaseUrl } from './profitConnection';

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
// Path segments that are never a customer environment (Admin Center and the API's own path families).
const NOT_AN_ENVIRONMENT = new Set(['admin', 'api', 'app', 'authentication']);

function parseEnvironment(input: unknown): string {
	const value = String(input ?? '').trim().replace(/^\/+|\/+$/g, '');
	if (value === '') {
		throw new AfasInputError('Customer Environment', 'Customer Environment is empty', ENVIRONMENT_HINT);
	}
	if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(value) || NOT_AN_ENVIRONMENT.has(value.toLowerCase())) {
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
	const match = /^(?:https?:\/\/)?([a-z0-9-]+)\.afasfocus\.nl(?::\d+)?(?:\/([^/?#]*))?/i.exec(input.trim());
	if (!match) return undefined;
	const segment = match[2];
	const environment = segment && !NOT_AN_ENVIRONMENT.has(segment.toLowerCase()) ? segment : undefined;
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
	if (!/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/.test(domain)) {
		throw new AfasInputError(
			'Domain',
			domain === '' ? 'Domain is empty' : `Domain "${domainInput.slice(0, 80)}" is not an AFAS SB domain`,
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
