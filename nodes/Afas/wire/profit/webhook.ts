/**
 * Profit 8+ webhooks (research afas-profit-api.md §8.8): the signature over the raw body and the event shape.
 * Pure: no n8n import. The HMAC uses WebCrypto through the `crypto` global, which `n8n-node lint` allows (it
 * restricts `globalThis`, not `crypto`) and Node 20+ always has.
 */

export const PROFIT_SIGNATURE_HEADER = 'x-profit-signature-256';

/** Every event type Profit documents, with the `Data` fields it sends. */
export const PROFIT_EVENT_TYPES = [
	{ value: 'subject.created', name: 'Dossier Item Created', data: 'SubjectTypeId, SubjectId' },
	{ value: 'subject.updated', name: 'Dossier Item Updated', data: 'SubjectTypeId, SubjectId' },
	{ value: 'subject.deleted', name: 'Dossier Item Deleted', data: 'SubjectTypeId, SubjectId' },
	{
		value: 'subject.reaction.created',
		name: 'Reaction Created',
		data: 'SubjectTypeId, SubjectId, ReactionId',
	},
	{
		value: 'subject.reaction.updated',
		name: 'Reaction Updated',
		data: 'SubjectTypeId, SubjectId, ReactionId',
	},
	{
		value: 'subject.reaction.deleted',
		name: 'Reaction Deleted',
		data: 'SubjectTypeId, SubjectId, ReactionId',
	},
	{
		value: 'workflow.action.executed',
		name: 'Workflow Action Executed',
		data: 'SubjectTypeId, SubjectId, WorkflowName, ActionName',
	},
	{
		value: 'workflow.task.entered',
		name: 'Workflow Task Entered',
		data: 'SubjectTypeId, SubjectId, WorkflowName, TaskName',
	},
	{
		value: 'test.executed',
		name: 'Test Executed',
		data: 'SubscriptionId, SubscriptionName (the Test button in Profit)',
	},
] as const;

export type ProfitEventType = (typeof PROFIT_EVENT_TYPES)[number]['value'];

export const ALL_PROFIT_EVENT_TYPES: ProfitEventType[] = PROFIT_EVENT_TYPES.map(
	(type) => type.value,
);

export interface ProfitWebhookEvent {
	EventId: string;
	EnvironmentId: string;
	/** Kept as sent: a type Profit adds later is still an event, only not selectable yet. */
	EventType: string;
	Data: Record<string, unknown>;
	Timestamp: string;
	[key: string]: unknown;
}

export type SignatureHeaderResult =
	| { ok: true; hex: string }
	| { ok: false; reason: 'missing' | 'malformed' };

const DIGEST_HEX_LENGTH = 64;

/**
 * `sha256=<64 hex>`: the prefix and the hex in any case, spaces around it ignored. Node joins a repeated
 * header with ", ", so two signatures arrive as one malformed value and are refused, never half-checked.
 */
export function parseSignatureHeader(value: string | string[] | undefined): SignatureHeaderResult {
	if (value === undefined) return { ok: false, reason: 'missing' };
	if (Array.isArray(value)) {
		if (value.length === 0) return { ok: false, reason: 'missing' };
		if (value.length > 1) return { ok: false, reason: 'malformed' };
		value = value[0];
	}
	const text = value.trim();
	if (text === '') return { ok: false, reason: 'missing' };
	const match = /^sha256=([0-9a-f]+)$/i.exec(text);
	if (!match || match[1].length !== DIGEST_HEX_LENGTH) return { ok: false, reason: 'malformed' };
	return { ok: true, hex: match[1].toLowerCase() };
}

/**
 * Compares two strings in time that depends only on their lengths, not on where they differ; unequal lengths
 * are unequal without an early return.
 */
export function constantTimeEqual(a: string, b: string): boolean {
	const length = Math.max(a.length, b.length);
	let difference = a.length ^ b.length;
	for (let index = 0; index < length; index++) {
		// Past the end of the shorter string NaN | 0 = 0, so the loop does the same work for every input.
		difference |= (a.charCodeAt(index) | 0) ^ (b.charCodeAt(index) | 0);
	}
	return difference === 0;
}

function toHex(bytes: ArrayBuffer): string {
	return Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Lower-case hex HMAC-SHA256 of the body bytes. The password is taken as UTF-8 (UNVERIFIED: AFAS does not say
 * how Profit encodes it; UTF-8 and ASCII agree for every ASCII password).
 */
export async function profitSignatureHex(
	body: Uint8Array | string,
	password: string,
): Promise<string> {
	const encoder = new TextEncoder();
	const key = await crypto.subtle.importKey(
		'raw',
		encoder.encode(password),
		{ name: 'HMAC', hash: 'SHA-256' },
		false,
		['sign'],
	);
	const bytes = typeof body === 'string' ? encoder.encode(body) : body;
	return toHex(await crypto.subtle.sign('HMAC', key, bytes));
}

export type SignatureCheck =
	| { ok: true }
	| { ok: false; reason: 'missing' | 'malformed' | 'mismatch' | 'noPassword' };

/** Checks the header against the HMAC of exactly these bytes; the bytes must be the raw request body. */
export async function verifyProfitSignature(
	body: Uint8Array | string,
	header: string | string[] | undefined,
	password: string,
): Promise<SignatureCheck> {
	// With an empty key anyone could sign, so nothing verifies until a password is set.
	if (password === '') return { ok: false, reason: 'noPassword' };
	const parsed = parseSignatureHeader(header);
	if (!parsed.ok) return parsed;
	const expected = await profitSignatureHex(body, password);
	return constantTimeEqual(expected, parsed.hex) ? { ok: true } : { ok: false, reason: 'mismatch' };
}

export type EventParseResult =
	| { ok: true; event: ProfitWebhookEvent }
	| { ok: false; problem: string };

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const TEXT_FIELDS = ['EventId', 'EnvironmentId', 'EventType', 'Timestamp'] as const;

/**
 * The body as a Profit event: a JSON object with the four text fields filled and `Data` an object. Extra
 * fields are kept, and `Data` is not checked per type: Profit may add fields, and the event says only that
 * something changed. The problem text names fields, never values.
 */
export function parseProfitEvent(body: Uint8Array | string): EventParseResult {
	// TextDecoder drops a UTF-8 byte order mark, as n8n's own JSON body parser does.
	const text = typeof body === 'string' ? body : new TextDecoder('utf-8').decode(body);
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return { ok: false, problem: 'The body is not JSON' };
	}
	if (!isRecord(parsed)) return { ok: false, problem: 'The body is not a JSON object' };
	for (const field of TEXT_FIELDS) {
		const value = parsed[field];
		if (typeof value !== 'string' || value.trim() === '')
			return { ok: false, problem: `The body has no ${field}` };
	}
	if (!isRecord(parsed.Data)) return { ok: false, problem: 'The body has no Data object' };
	return { ok: true, event: parsed as ProfitWebhookEvent };
}

/**
 * Events about a dossier item: the item's own (subject.created|updated|deleted) and its reactions'
 * (subject.reaction.*); both carry the item's SubjectId, so the item can be read back.
 */
export function concernsDossierItem(eventType: string): boolean {
	return eventType.startsWith('subject.');
}

/**
 * The event types the user picked. An empty selection means every type: a trigger that ignores everything is
 * never what was meant, and Profit would only see 200s.
 */
export function selectedEventTypes(
	value: unknown,
): { ok: true; types: Set<string> } | { ok: false } {
	if (value === undefined || value === null || value === '')
		return { ok: true, types: new Set(ALL_PROFIT_EVENT_TYPES) };
	const list = typeof value === 'string' ? value.split(',') : value;
	if (!Array.isArray(list) || !list.every((entry) => typeof entry === 'string'))
		return { ok: false };
	const types = list.map((entry: string) => entry.trim()).filter((entry) => entry !== '');
	return { ok: true, types: new Set(types.length === 0 ? ALL_PROFIT_EVENT_TYPES : types) };
}
