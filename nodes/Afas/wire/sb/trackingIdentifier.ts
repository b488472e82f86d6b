import { AfasInputError } from '../inputError';

/**
 * SB's `Tracking-Identifier` header (research §4.6): a UUID that makes SB process a write once and answer a repeat
 * with the first response. The node generates one per item; a user-set value (an expression) is checked here.
 * The same check serves other user-given SB UUIDs (a blob's Attachment ID) through `field`.
 */

/** 8-4-4-4-12 hex digits, any case: the form SB's own ids and the spec's examples use (no braces, no `urn:uuid:`). */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const NIL_GUID = '00000000-0000-0000-0000-000000000000';

const EXAMPLE = '0f8fad5b-d9cb-469f-a165-70867728950e';

export function isGuid(value: string): boolean {
	return typeof value === 'string' && GUID.test(value);
}

/** The value trimmed, or an AfasInputError naming `field` (default "Tracking Identifier"). */
export function checkTrackingIdentifier(value: string, field = 'Tracking Identifier'): string {
	const text = typeof value === 'string' ? value.trim() : '';
	const tracking = field === 'Tracking Identifier';
	const hint = tracking
		? `Leave Tracking Identifier empty to send a new UUID per item, or set it to a UUID that is unique per record (e.g. ${EXAMPLE})`
		: `Enter a UUID such as ${EXAMPLE}`;
	if (!isGuid(text)) throw new AfasInputError(field, `${field} must be a UUID`, hint);
	// Our own choice: the nil UUID is a valid GUID, but it is what an empty or broken expression produces, and as
	// a Tracking-Identifier SB would answer every later write carrying it with the first write's response.
	if (text === NIL_GUID)
		throw new AfasInputError(
			field,
			tracking
				? 'Tracking Identifier is the nil UUID (all zeros): SB would treat every write that carries it as a repeat of the first'
				: `${field} is the nil UUID (all zeros), which identifies nothing`,
			hint,
		);
	return text;
}
