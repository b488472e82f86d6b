import { AfasInputError } from '../inputError';

/**
 * UpdateConnector URLs below the Profit base (research §7.1), each starting with '/' and already encoded:
 *   POST/PUT  /connectors/{id}                 insert / update the root
 *   POST      /connectors/{id}/{subObject}     insert sub-object rows under an existing root
 *   DELETE    /connectors/{id}/{object}/@K1,@K2/{v1},{v2}[/{subObject}/@K/{v}]
 * In a DELETE the first object is the ROOT ELEMENT name (FiEntries -> FiEntryPar), not the connector id.
 */

function segment(value: unknown, field: string, what: string): string {
	const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
	if (typeof text !== 'string' || text.trim() === '')
		throw new AfasInputError(field, `${what} is empty`, `Enter ${what.toLowerCase()}`);
	const trimmed = text.trim();
	// "." and ".." are dot-segments even when percent-encoded: they would change the path itself.
	if (/^\.{1,2}$/.test(trimmed))
		throw new AfasInputError(
			field,
			`${what} cannot be "${trimmed}"`,
			`Enter the real ${what.toLowerCase()}`,
		);
	return encodeURIComponent(trimmed);
}

/** `/connectors/{id}` or, for a sub-object insert, `/connectors/{id}/{subObject}`. */
export function updateConnectorPath(connectorId: string, subObject?: string): string {
	const base = `/connectors/${segment(connectorId, 'Connector', 'The UpdateConnector ID')}`;
	if (subObject === undefined || subObject === '') return base;
	return `${base}/${segment(subObject, 'Sub-Object', 'The sub-object name')}`;
}

/** One object level of a DELETE path: its name and its key fields with values, in the order AFAS lists them. */
export interface DeleteTarget {
	object: string;
	keys: Array<[fieldId: string, value: unknown]> | Record<string, unknown>;
}

export interface DeletePathOptions {
	/**
	 * Write key names as `@Key` (default; all 102 DELETE paths in AFAS's OpenAPI files and DutchGrit) or bare
	 * (`Key`, the vendor's prose example). Research §12.2: the server accepts both (inferred).
	 */
	atPrefix?: boolean;
}

function keyValue(value: unknown, fieldId: string): string {
	if (value instanceof Date || (value !== null && typeof value === 'object'))
		throw new AfasInputError(
			'Key Values',
			`The value of key field ${fieldId} is not a single value`,
			'Enter text or a number',
		);
	const text = typeof value === 'boolean' ? String(value) : value;
	return segment(text, 'Key Values', `The value of key field ${fieldId}`);
}

/**
 * The DELETE path. Each key value is percent-encoded on its own, so a `,` inside a value becomes `%2C` and is not
 * read as the separator between values. UNVERIFIED: whether Profit decodes `%2C` and `%2F` before splitting the
 * path (one client reports commas in FileConnector names failing "even when encoded", competitors §5.19); no
 * source shows a key value with either character.
 */
export function updateDeletePath(
	connectorId: string,
	targets: DeleteTarget | DeleteTarget[],
	options: DeletePathOptions = {},
): string {
	const list = Array.isArray(targets) ? targets : [targets];
	if (list.length === 0)
		throw new AfasInputError(
			'Key Values',
			'Nothing to delete',
			'Give the key fields of the record',
		);
	const prefix = options.atPrefix === false ? '' : '@';
	const parts = [`/connectors/${segment(connectorId, 'Connector', 'The UpdateConnector ID')}`];
	for (const target of list) {
		const keys = Array.isArray(target.keys) ? target.keys : Object.entries(target.keys);
		if (keys.length === 0)
			throw new AfasInputError(
				'Key Values',
				`No key fields given for ${target.object}`,
				'Give every key field of the record (the key columns of the UpdateConnector)',
			);
		const names = keys.map(([fieldId]) => {
			const bare = String(fieldId).replace(/^@/, '');
			return `${prefix}${segment(bare, 'Key Values', 'A key field name')}`;
		});
		const values = keys.map(([fieldId, value]) => keyValue(value, String(fieldId)));
		parts.push(
			segment(target.object, 'Connector', 'The object name'),
			names.join(','),
			values.join(','),
		);
	}
	return parts.join('/');
}
