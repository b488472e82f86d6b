/**
 * A short fingerprint of one record as an API returned it: the same record unchanged gives the same text, any
 * changed value gives another. Triggers keep these (not whole rows) to recognise what they already emitted, so a
 * record changed twice within one second is emitted twice and a record read twice is emitted once.
 */
function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		const entries = Object.keys(value as Record<string, unknown>)
			.sort()
			.map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`);
		return `{${entries.join(',')}}`;
	}
	return JSON.stringify(value) ?? 'undefined';
}

/** FNV-1a, 32 bits: collisions only matter between versions of one record, which the key already separates. */
function fnv1a(text: string): string {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return (hash >>> 0).toString(36);
}

/** `<key>#<fingerprint of the whole record>`. */
export function rowIdentity(key: unknown, row: Record<string, unknown>): string {
	return `${String(key)}#${fnv1a(canonical(row))}`;
}
