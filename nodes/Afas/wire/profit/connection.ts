import { parseBaseUrl } from '../baseUrl';
import { AfasInputError } from '../inputError';

/**
 * AFAS Profit connection rules: which host an environment lives on, what an environment number looks like,
 * and the three shapes a user may paste as an app-connector token. Pure: the credential type and the transport
 * both use it, and it is unit-tested without n8n.
 */

export type ProfitEnvironment = 'production' | 'test' | 'accept' | 'cursus' | 'custom';

/** Host infix after `{number}.rest` per environment type (afas-profit-api.md §2.1). */
const HOST_INFIX: Record<Exclude<ProfitEnvironment, 'custom'>, string> = {
	production: '',
	test: 'test',
	accept: 'accept',
	// The `restcursus` host is documented; the `C` name prefix is an assumption by analogy (§2.1 UNVERIFIED),
	// which is harmless here because only the digits go into the URL.
	cursus: 'cursus',
};

const ENVIRONMENT_NUMBER_FIELD = 'Environment Number';
const ENVIRONMENT_NUMBER_HINT =
	'Enter the five digits of your AFAS environment, e.g. 12345, or the environment name as Profit shows it, e.g. O12345AA (production), T12345AA (test), A12345AA (accept) or C12345AA (cursus)';

/**
 * Returns the digits AFAS wants in the host name. Accepts `12345` or an environment name such as `O12345AA`.
 * The docs say "5 digit environment number"; one vendor example shows 6 digits (§2.1 CONFLICT), so 5 or 6 pass.
 */
export function parseEnvironmentNumber(input: unknown): string {
	const value = String(input ?? '').trim();
	if (value === '') {
		throw new AfasInputError(
			ENVIRONMENT_NUMBER_FIELD,
			'Environment Number is empty',
			ENVIRONMENT_NUMBER_HINT,
		);
	}
	const match = /^(?:[OTAC](\d{5,6})[A-Z]{2}|(\d{5,6}))$/i.exec(value);
	if (!match) {
		throw new AfasInputError(
			ENVIRONMENT_NUMBER_FIELD,
			`Environment Number "${value.slice(0, 40)}" is not an AFAS environment number`,
			ENVIRONMENT_NUMBER_HINT,
		);
	}
	return match[1] ?? match[2];
}

/** `https://{number}.rest{infix}.afas.online/ProfitRestServices`, or the custom base URL. No trailing slash. */
export function profitBaseUrl(credentials: Record<string, unknown>): string {
	const environment = (credentials.environment ?? 'production') as ProfitEnvironment;
	if (environment === 'custom') {
		return parseBaseUrl(
			credentials.baseUrl,
			'Base URL',
			'https://12345.rest.afas.online/ProfitRestServices',
		);
	}
	const infix = HOST_INFIX[environment];
	if (infix === undefined) {
		throw new AfasInputError(
			'Environment',
			`Environment "${String(environment)}" is unknown`,
			'Choose Production, Test, Accept, Cursus or Custom Base URL',
		);
	}
	return `https://${parseEnvironmentNumber(credentials.environmentNumber)}.rest${infix}.afas.online/ProfitRestServices`;
}

const TOKEN_FIELD = 'Token';
const TOKEN_HINT =
	'Paste the app connector token in one of three forms: the whole XML "<token><version>1</version><data>…</data></token>", only the hexadecimal data part between <data> and </data>, or the Base64 encoding of the whole XML';
const TOKEN_XML =
	/^<token>\s*<version>\s*\d+\s*<\/version>\s*<data>\s*[0-9A-Fa-f]+\s*<\/data>\s*<\/token>$/;
const TOKEN_DATA = /^[0-9A-Fa-f]{16,}$/;

/**
 * Normalises the three token shapes users paste to the canonical XML. The value is never echoed in errors:
 * it is a secret even when it is malformed.
 */
export function profitTokenXml(input: unknown): string {
	const value = String(input ?? '').trim();
	if (value === '') throw new AfasInputError(TOKEN_FIELD, 'Token is empty', TOKEN_HINT);
	const compact = (xml: string) =>
		xml.replace(/>\s+</g, '><').replace(/>\s+|\s+</g, (m) => m.trim());
	if (TOKEN_XML.test(value)) return compact(value);
	if (TOKEN_DATA.test(value)) return `<token><version>1</version><data>${value}</data></token>`;
	// `base64` wraps its output at 76 characters (LF or CRLF): line breaks inside are not part of the token.
	const prefixed = value.replace(/^AfasToken\s+/i, '').replace(/\s+/g, '');
	if (/^[A-Za-z0-9+/]+={0,2}$/.test(prefixed) && prefixed.length % 4 === 0) {
		const decoded = Buffer.from(prefixed, 'base64').toString('utf8').trim();
		if (TOKEN_XML.test(decoded)) return compact(decoded);
	}
	throw new AfasInputError(TOKEN_FIELD, 'Token is not in a form AFAS issues', TOKEN_HINT);
}

/** `AfasToken <Base64 of the XML>`: Base64 is mandatory since Profit 6/7 (§3.1). */
export function profitAuthorizationHeader(token: unknown): string {
	return `AfasToken ${Buffer.from(profitTokenXml(token), 'utf8').toString('base64')}`;
}

/** `<subscription>_<project>` as issued by AFAS to integration partners (§4.1). */
export function parseIntegrationId(input: unknown): string | undefined {
	const value = String(input ?? '').trim();
	if (value === '') return undefined;
	if (!/^\d+_\d+$/.test(value)) {
		throw new AfasInputError(
			'IntegrationId',
			`IntegrationId "${value.slice(0, 40)}" is not in the form <subscription>_<project>`,
			'Use the IntegrationId AFAS gave you as a partner, e.g. 12345_123456, or leave it empty',
		);
	}
	return value;
}

export const PROFIT_LANGUAGES = ['nl-nl', 'en-us', 'nl-be', 'fr-fr', 'de-de'] as const;
