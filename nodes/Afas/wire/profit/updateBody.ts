import {
	asList,
	findMetaField,
	findMetaObject,
	type UpdateElementInput,
	type UpdateMeta,
	type UpdateMetaObject,
} from './updateTypes';
import { coerceUpdateValue } from './updateValues';

/**
 * Builds an UpdateConnector request body (research §7.2):
 *   { <Root>: { Element: { '@Key'?: v, Fields: {...}, Objects?: [ { <Sub>: { Element: {...} | [...] } } ] } } }
 * Pure: no n8n, no I/O. It does not reject anything; run `validateUpdateElement` first and send nothing when it
 * reports problems. Values it cannot coerce and ids it does not know are passed through unchanged, so a Dry Run
 * shows exactly what the user gave.
 *
 * Choices where AFAS's own material disagrees (each is an option, default first):
 * - Root name: metainfo `name`, never the connector id (FiEntries -> FiEntryPar, KnEmployee -> AfasEmployee).
 * - `Element`: an object for one record, an array for several (what DutchGrit and PracticalAfas write; the vendor
 *   uses both, §7.2).
 * - `Objects`: CONFLICT (§7.2): an array of single-key objects (`array`, the type in every OpenAPI request schema
 *   and in DutchGrit's writer) or one object keyed by sub-object name (`map`, many vendor examples). Profit
 *   accepts both; we default to the schema's array.
 * - Key fields (`primaryKey` in metainfo): CONFLICT §12.4: `@Key` on the Element (`attribute`: DutchGrit, vendor
 *   KnSubject/KnUser examples) or inside `Fields` (`fields`: the OpenAPI PUT schemas, vendor FbSales PUT
 *   examples). Default `attribute`, which is how metainfo marks them (§6.3).
 * - `@Action`: CONFLICT §12.3: inside `Fields` (`fields`: the current vendor text, commit "@Action moet onder
 *   Fields") or on the Element (`element`: older text, most OpenAPI examples). Default `fields`.
 * - The root's action is the HTTP verb (POST insert, PUT update); a root `action` is written only if given.
 */
export interface UpdateBodyOptions {
	objects?: 'array' | 'map';
	keys?: 'attribute' | 'fields';
	action?: 'fields' | 'element';
}

export type UpdateJsonElement = Record<string, unknown>;
export type UpdateBody = Record<string, { Element: UpdateJsonElement | UpdateJsonElement[] }>;

const DEFAULTS: Required<UpdateBodyOptions> = {
	objects: 'array',
	keys: 'attribute',
	action: 'fields',
};

function valueFor(object: UpdateMetaObject, id: string, raw: unknown) {
	const field = findMetaField(object, id);
	if (!field) return { id: id.replace(/^@/, ''), primaryKey: false, value: raw };
	const coerced = coerceUpdateValue(field, raw);
	if (coerced.kind === 'omit') return undefined;
	return {
		id: field.fieldId,
		primaryKey: field.primaryKey === true,
		value: coerced.kind === 'value' ? coerced.value : raw,
	};
}

/** Known fields in metainfo order (stable whatever order an item's keys have), unknown ones after, as given. */
function orderedEntries(object: UpdateMetaObject, fields: Record<string, unknown>) {
	const rank = new Map((object.fields ?? []).map((field, index) => [field.fieldId, index]));
	const out = [];
	for (const [id, raw] of Object.entries(fields)) {
		const entry = valueFor(object, id, raw);
		if (entry) out.push(entry);
	}
	const last = rank.size;
	return out
		.map((entry, index) => ({ entry, index }))
		.sort(
			(a, b) =>
				(rank.get(a.entry.id) ?? last) - (rank.get(b.entry.id) ?? last) || a.index - b.index,
		)
		.map(({ entry }) => entry);
}

function buildElement(
	object: UpdateMetaObject,
	input: UpdateElementInput,
	options: Required<UpdateBodyOptions>,
): UpdateJsonElement {
	const element: UpdateJsonElement = {};
	const fields: Record<string, unknown> = {};
	if (input.action !== undefined) {
		if (options.action === 'element') element['@Action'] = input.action;
		else fields['@Action'] = input.action;
	}
	for (const { id, primaryKey, value } of orderedEntries(object, input.fields ?? {})) {
		if (primaryKey && options.keys === 'attribute') element[`@${id}`] = value;
		else fields[id] = value;
	}
	if (Object.keys(fields).length > 0) element.Fields = fields;
	const children: Array<[string, UpdateJsonElement | UpdateJsonElement[]]> = [];
	for (const [name, rows] of Object.entries(input.objects ?? {})) {
		const list = asList(rows);
		if (list.length === 0) continue;
		const childMeta = findMetaObject(object, name) ?? { name };
		const built = list.map((row) => buildElement(childMeta, row, options));
		children.push([childMeta.name, built.length === 1 ? built[0] : built]);
	}
	if (children.length > 0) {
		element.Objects =
			options.objects === 'map'
				? Object.fromEntries(children.map(([name, built]) => [name, { Element: built }]))
				: children.map(([name, built]) => ({ [name]: { Element: built } }));
	}
	return element;
}

/**
 * One body for one or several root elements (a batch: one call, one transaction, §7.2). The caller groups only
 * elements of the same verb; AFAS has no per-root action in one call.
 */
export function buildUpdateBody(
	meta: UpdateMeta,
	elements: UpdateElementInput | UpdateElementInput[],
	options: UpdateBodyOptions = {},
): UpdateBody {
	const settings = { ...DEFAULTS, ...options };
	const built = asList(elements).map((input) => buildElement(meta, input, settings));
	if (built.length === 0) throw new RangeError('buildUpdateBody needs at least one element');
	return { [meta.name]: { Element: built.length === 1 ? built[0] : built } };
}

/**
 * The key values AFAS answered with (`{"results":{"<root>":{…}}}`, §7.3), or `{}` for the empty bodies some
 * connectors return. Read under the root element name, falling back to the connector id (the OpenAPI example
 * form, CONFLICT §12.5).
 */
export function readUpdateResults(meta: UpdateMeta, response: unknown): Record<string, unknown> {
	if (!response || typeof response !== 'object') return {};
	const results = (response as { results?: unknown }).results;
	if (!results || typeof results !== 'object') return {};
	const byName = results as Record<string, unknown>;
	const own = byName[meta.name] ?? (meta.id !== undefined ? byName[meta.id] : undefined);
	return own && typeof own === 'object' ? { ...(own as Record<string, unknown>) } : {};
}
