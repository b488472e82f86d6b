import { excerptOf } from '../wire/secrets';
import { expectedAnswer } from './answer';
import type { AfasProduct } from './context';
import type { HttpFailure } from './failure';
import { isConnectionReset, isParserError, isTimeout } from './failure';

/**
 * Messages for failures that are not AFAS's own error bodies: a redirect, an odd 2xx answer, a network or
 * parser error. Each says what came back and where to look; texts from the server appear only as masked
 * excerpts (wire/secrets), and errors.ts masks the result once more.
 */

export interface ShapedError {
	message: string;
	description: string;
}

export interface ShapeContext {
	product: AfasProduct;
	itemIndex?: number;
	timeoutMs: number;
	/** How many attempts were made, to say so when retries ran out. */
	attempts: number;
	/** The credential's secrets in every shape (wire/secrets): masked in everything built from server text. */
	secrets: readonly string[];
	/** The URL that was called: a relative redirect target is resolved against it. */
	url: string;
}

export const CHECK_LOCATION =
	'Check the environment or base URL in the credential: it must point straight at AFAS, for example ' +
	'https://12345.rest.afas.online/ProfitRestServices (Profit) or https://yourcompany.afasfocus.nl (SB).';

export function contentTypeOf(failure: HttpFailure): string {
	return failure.headers['content-type'] || 'no content type';
}

/** Only the origin of a redirect target: its path or query may carry a token or a session id. */
function redirectOrigin(failure: HttpFailure, url: string): string | undefined {
	const location = failure.headers.location;
	if (!location) return undefined;
	try {
		const target = new URL(location, url);
		return target.origin === 'null' ? `${target.protocol}…` : target.origin;
	} catch {
		return undefined;
	}
}

export function shapeRedirect(failure: HttpFailure, context: ShapeContext): ShapedError {
	const origin = redirectOrigin(failure, context.url);
	return {
		message: origin
			? `AFAS answered with a redirect to ${origin} (HTTP ${failure.status})`
			: `AFAS answered with a redirect (HTTP ${failure.status})`,
		description:
			'The node does not follow redirects, so the credential is never sent to another address. ' +
			`${CHECK_LOCATION} A redirect usually means a wrong environment type, http:// instead of https://, ` +
			'or a proxy or login page in between.',
	};
}

export function shapeOddAnswer(
	failure: HttpFailure,
	answer: NonNullable<HttpFailure['answer']>,
	context: ShapeContext,
	retried: string,
): ShapedError {
	const what = `HTTP ${failure.status}, ${contentTypeOf(failure)}`;
	const expected = `Expected ${expectedAnswer(answer.expectation)}.`;
	if (answer.problem === 'truncated') {
		const arrived =
			answer.text === ''
				? 'The connection broke off while AFAS was sending it.'
				: `Only ${answer.text.length} characters arrived before the connection broke off.`;
		return {
			message: `The answer from AFAS was cut off before its end (${what})`,
			description:
				`${expected} ${arrived}${retried} Check the network between n8n and AFAS (proxies, VPN, ` +
				'firewalls); a smaller page size helps with unstable connections.',
		};
	}
	const excerpt = excerptOf(answer.text, context.secrets);
	const shown = excerpt === '' ? '' : ` The answer starts with: ${excerpt}`;
	const hint =
		answer.problem === 'shape'
			? 'AFAS or something in between answered in another form than documented.'
			: 'A proxy, firewall or login page between n8n and AFAS may have answered instead of AFAS.';
	return {
		message: `Unexpected answer from AFAS (${what}): ${answer.detail}`,
		description: `${expected}${shown} — ${hint} ${CHECK_LOCATION}`,
	};
}

export function shapeNetwork(
	failure: HttpFailure,
	context: ShapeContext,
	retried: string,
): ShapedError {
	if (isTimeout(failure)) {
		const seconds = Math.round(context.timeoutMs / 1000);
		return {
			message: `AFAS did not answer within ${seconds} seconds`,
			description: `The request timed out.${retried} AFAS itself stops long requests after 15 minutes; large reads are faster with a smaller page size or a filter.`,
		};
	}
	if (isParserError(failure)) {
		return {
			message: 'The server did not answer in HTTP',
			description: `Network error ${failure.code}: the answer could not be read as HTTP. ${CHECK_LOCATION} Also check http:// versus https:// and the port.${retried}`,
		};
	}
	return {
		message: isConnectionReset(failure)
			? 'The connection to AFAS was reset'
			: 'Could not reach AFAS',
		description: `Network error ${failure.code ?? 'without a code'}. Check the environment or base URL in the credential and the network between n8n and AFAS.${retried}`,
	};
}
