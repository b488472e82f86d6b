import { profitTokenXml } from './profit/connection';

/**
 * Keeps credential secrets out of every text built from a server's answer. A server (or a proxy in front of
 * it) may echo the Authorization header, the token, the client secret or the app token in an error body;
 * that text becomes an error message, a description and, under Continue On Fail, an output item. Secrets are
 * masked twice: by value (every shape a credential's secret can take on the wire) and by pattern (any
 * `AfasToken …`, `Bearer …`, `<token>…</token>` or `client_secret=…`, even for secrets the credential no
 * longer holds, such as a bearer token refreshed during the request). Pure: no n8n import.
 */

export const MASK = '***';

/** Shorter values are not masked by value: masking "abc" everywhere would garble messages, not protect. */
const MIN_SECRET_LENGTH = 4;

/** Credential fields that hold a secret, in any of our credential types or n8n's OAuth2 parent. */
const SECRET_FIELDS = [
	'token',
	'clientSecret',
	'accessToken',
	'appToken',
	'apiKey',
	'password',
	'refreshToken',
];
const OAUTH_TOKEN_FIELDS = ['access_token', 'refresh_token', 'id_token'];

const TOKEN_DATA = /<data>\s*([0-9A-Fa-f]+)\s*<\/data>/;

function base64(text: string): string {
	return Buffer.from(text, 'utf8').toString('base64');
}

/** Every shape the Profit token takes: as pasted, canonical XML, its data part, Base64 (as sent), decoded. */
function profitTokenShapes(raw: string): string[] {
	const shapes = [raw, raw.replace(/\s+/g, '')];
	const xmls: string[] = [];
	try {
		xmls.push(profitTokenXml(raw));
	} catch {
		// A malformed token is still a secret: it is masked as pasted, and in the shapes below if they apply.
	}
	const unprefixed = raw.replace(/^AfasToken\s+/i, '').replace(/\s+/g, '');
	if (/^[A-Za-z0-9+/]+={0,2}$/.test(unprefixed)) {
		const decoded = Buffer.from(unprefixed, 'base64').toString('utf8');
		if (decoded.includes('<token>')) xmls.push(decoded.trim());
		shapes.push(unprefixed);
	}
	if (raw.includes('<token>')) xmls.push(raw);
	for (const xml of xmls) {
		shapes.push(xml, base64(xml));
		const data = TOKEN_DATA.exec(xml)?.[1];
		if (data) shapes.push(data, data.toUpperCase(), data.toLowerCase());
	}
	return shapes;
}

function stringValue(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The secret values of one credential (Profit token in all shapes, client secret, bearer, SB app token). */
export function secretsOf(credentials: Record<string, unknown> | undefined): string[] {
	if (!credentials) return [];
	const found: string[] = [];
	for (const field of SECRET_FIELDS) {
		const value = stringValue(credentials[field]);
		if (value === undefined) continue;
		if (field === 'token') found.push(...profitTokenShapes(value));
		else found.push(value);
	}
	const tokenData = credentials.oauthTokenData;
	if (tokenData !== null && typeof tokenData === 'object') {
		for (const field of OAUTH_TOKEN_FIELDS) {
			const value = stringValue((tokenData as Record<string, unknown>)[field]);
			if (value !== undefined) found.push(value);
		}
	}
	return uniqueSecrets(found);
}

/** Also the encoded forms a secret takes inside a query string, a form body or Basic authentication. */
function uniqueSecrets(values: string[]): string[] {
	const all = new Set<string>();
	for (const value of values) {
		if (value.length < MIN_SECRET_LENGTH) continue;
		all.add(value);
		all.add(encodeURIComponent(value));
		all.add(new URLSearchParams({ v: value }).toString().slice(2));
		all.add(JSON.stringify(value).slice(1, -1));
	}
	// Longest first, so a secret that contains another is masked whole.
	return [...all].sort((a, b) => b.length - a.length);
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const PATTERNS: Array<[RegExp, string]> = [
	[/(AfasToken)\s+[^\s"'<>,;]+/gi, `$1 ${MASK}`],
	[/(Bearer)\s+[^\s"'<>,;]+/gi, `$1 ${MASK}`],
	[/(Basic)\s+[A-Za-z0-9+/=]{8,}/g, `$1 ${MASK}`],
	// The XML token, also HTML-escaped (a login page) or with JSON-escaped slashes.
	[/<token>[\s\S]*?<\\?\/token>/gi, `<token>${MASK}</token>`],
	[/&lt;token&gt;[\s\S]*?&lt;\/token&gt;/gi, `&lt;token&gt;${MASK}&lt;/token&gt;`],
	// Base64 of "<token><version>": the token as sent in the header, wherever it appears.
	[/PHRva2VuPjx2ZXJzaW9uPj[A-Za-z0-9+/=]*/g, MASK],
	[
		/\b(access_token|refresh_token|id_token|client_secret|apptoken|app_token|code_verifier|password|token)(\\?"?\s*[:=]\s*\\?"?)[^"\\&\s,;}]+/gi,
		`$1$2${MASK}`,
	],
];

/** The text with every given secret (any shape) and every credential-looking fragment replaced by `***`. */
export function maskSecrets(text: string, secrets: readonly string[]): string {
	let masked = text;
	for (const secret of secrets) {
		if (secret.length < MIN_SECRET_LENGTH) continue;
		masked = masked.replace(new RegExp(escapeRegExp(secret), 'gi'), MASK);
	}
	for (const [pattern, replacement] of PATTERNS) masked = masked.replace(pattern, replacement);
	return masked;
}

/** A deep copy with every string masked (error bodies kept in an error for n8n's error view). */
export function maskDeep(value: unknown, secrets: readonly string[], depth = 0): unknown {
	if (typeof value === 'string') return maskSecrets(value, secrets);
	if (depth > 20 || value === null || typeof value !== 'object') return value;
	if (Array.isArray(value)) return value.map((entry) => maskDeep(entry, secrets, depth + 1));
	const copy: Record<string, unknown> = {};
	for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
		Object.defineProperty(copy, maskSecrets(key, secrets), {
			value: maskDeep(entry, secrets, depth + 1),
			enumerable: true,
			writable: true,
			configurable: true,
		});
	}
	return copy;
}

/** Large answers are masked on their first part only; only the first `max` characters are shown anyway. */
const MASK_WINDOW = 65_536;

/**
 * A short, single-line, masked excerpt of a server's answer for a message. Masked before it is cut, so a
 * secret at the cut can never show partly.
 */
export function excerptOf(text: string, secrets: readonly string[], max = 200): string {
	const masked = maskSecrets(text.slice(0, MASK_WINDOW), secrets).replace(/\s+/g, ' ').trim();
	return masked.length <= max ? masked : `${masked.slice(0, max - 1)}…`;
}
