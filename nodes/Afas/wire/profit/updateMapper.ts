import type { FieldType, INodePropertyOptions, ResourceMapperField } from 'n8n-workflow';
import {
	findMetaObject,
	type UpdateMeta,
	type UpdateMetaField,
	type UpdateMetaObject,
} from './updateTypes';
import { dataTypeOf } from './updateValues';

/**
 * UpdateConnector metainfo (`/metainfo/update/{id}`, research §6.3) as fields of n8n's resource mapper.
 * Pure: only n8n-workflow *types* are imported, nothing runs from n8n here.
 *
 * Per operation (the UI's "mandatory" mark and the matching columns):
 * - insert: required = `mandatory` (Profit 3+ leaves defaulted fields out, §6.3); no matching.
 * - update / delete: required and matched = the `primaryKey` fields. Delete lists only the key fields (a
 *   DELETE has no body, §7.1), none when the connector has no key. An update on a connector whose metainfo
 *   marks no key (KnPerson/KnOrganisation identify by BcCo + MatchPer/MatchOga, §7.4) lets the user pick any
 *   scalar field to identify the record, since n8n's update mode needs at least one matchable column.
 * - upsert: required = mandatory or key (the record may be inserted); any scalar field can be matched (the
 *   node looks the record up through a GetConnector by those values), keys are pre-selected. When the
 *   connector has AFAS's own match field (`upsertMatchField`), that field is left out: the node sets it
 *   from its own "match on" parameter, and two places for one value would disagree.
 */
export type MapperOperation = 'insert' | 'update' | 'delete' | 'upsert';

export interface MapperFieldsOptions {
	operation: MapperOperation;
	/** A sub-object below the root, by name or path: `FbSalesLines`, `KnContact.KnPerson` (`/` works too). */
	object?: string;
}

const FIELD_TYPES: Record<string, FieldType> = {
	string: 'string',
	int: 'number',
	decimal: 'number',
	boolean: 'boolean',
	date: 'dateTime',
	blob: 'string',
};

/**
 * The metainfo object a path names, or undefined. Names match ignoring case; a leading segment equal to the
 * root's own name is skipped unless the root has a child of that name (KnPerson has KnContact.KnPerson).
 */
export function objectAt(meta: UpdateMetaObject, path?: string): UpdateMetaObject | undefined {
	const names = (path ?? '')
		.split(/[./]/)
		.map((name) => name.trim())
		.filter((name) => name !== '');
	if (
		names.length > 0 &&
		names[0].toLowerCase() === meta.name.toLowerCase() &&
		!findMetaObject(meta, names[0])
	)
		names.shift();
	let current: UpdateMetaObject | undefined = meta;
	for (const name of names) current = current && findMetaObject(current, name);
	return current;
}

/** Every sub-object path below `meta` (`FbSalesLines`, `FbSalesLines.FbOrderBatchLines`, …), depth first. */
export function subObjectPaths(meta: UpdateMetaObject, prefix = ''): string[] {
	return (meta.objects ?? []).flatMap((child) => {
		const path = prefix === '' ? child.name : `${prefix}.${child.name}`;
		return [path, ...subObjectPaths(child, path)];
	});
}

function objectOrThrow(meta: UpdateMeta, path?: string): UpdateMetaObject {
	const object = objectAt(meta, path);
	if (object) return object;
	const known = subObjectPaths(meta);
	throw new RangeError(
		`${meta.id ?? meta.name} has no sub-object '${path}'; it has ${known.length > 0 ? known.join(', ') : 'none'}`,
	);
}

export function displayNameOf(field: UpdateMetaField): string {
	const label = field.label?.trim();
	return label && label !== field.fieldId ? `${label} (${field.fieldId})` : field.fieldId;
}

export function codeTableOptions(field: UpdateMetaField): INodePropertyOptions[] {
	return (field.values ?? []).map((entry) => ({
		name: entry.description?.trim() || entry.id,
		value: entry.id,
	}));
}

/** Blobs (memo text, Base64 files) never identify a record. */
function matchable(field: UpdateMetaField): boolean {
	return dataTypeOf(field) !== 'blob';
}

function toMapperField(
	field: UpdateMetaField,
	operation: MapperOperation,
	anyKey: boolean,
): ResourceMapperField {
	const key = field.primaryKey === true;
	const mandatory = field.mandatory === true;
	const options = codeTableOptions(field);
	let canBeUsedToMatch = false;
	if (operation === 'upsert') canBeUsedToMatch = matchable(field);
	else if (operation === 'update' || operation === 'delete')
		canBeUsedToMatch = anyKey ? key : matchable(field);
	const mapped: ResourceMapperField = {
		id: field.fieldId,
		displayName: displayNameOf(field),
		required: operation === 'insert' ? mandatory : operation === 'upsert' ? mandatory || key : key,
		defaultMatch: operation !== 'insert' && key,
		canBeUsedToMatch,
		display: true,
		removed: false,
		type: options.length > 0 ? 'options' : (FIELD_TYPES[dataTypeOf(field)] ?? 'string'),
	};
	if (options.length > 0) mapped.options = options;
	return mapped;
}

/** The resource mapper's fields for one operation, in metainfo order, custom fields (`U…`) included. */
export function resourceMapperFieldsOf(
	meta: UpdateMeta,
	options: MapperFieldsOptions,
): ResourceMapperField[] {
	const object = objectOrThrow(meta, options.object);
	const fields = object.fields ?? [];
	const anyKey = fields.some((field) => field.primaryKey === true);
	const skip = options.operation === 'upsert' ? upsertMatchField(object)?.fieldId : undefined;
	return fields
		.filter((field) => (options.operation === 'delete' ? field.primaryKey === true : true))
		.filter((field) => field.fieldId !== skip)
		.map((field) => toMapperField(field, options.operation, anyKey));
}

export interface UpsertMatchField {
	fieldId: string;
	displayName: string;
	/** The code table: how AFAS finds an existing record (0 = by number BcCo, 1 = BSN / KvK number, …). */
	options: INodePropertyOptions[];
	/** The "always add a new one" choice (MatchPer 7, MatchOga 6): an insert, not an upsert. */
	alwaysNew?: string;
}

const KNOWN_MATCH_FIELDS = ['MatchPer', 'MatchOga'];
const ALWAYS_NEW = /altijd nieuw|always (add )?new/i;

/**
 * AFAS's own insert-or-update switch on this object, if it has one: a code-table field named `Match…`. The
 * vendor's OpenAPI files (all Profit modules) hold exactly two, `MatchPer` (persons) and `MatchOga`
 * (organisations), §7.4; the name pattern also catches a future one. Undefined means the node has to look the
 * record up itself through a GetConnector.
 */
export function upsertMatchField(
	meta: UpdateMetaObject,
	object?: string,
): UpsertMatchField | undefined {
	const target = objectAt(meta, object);
	const candidates = (target?.fields ?? []).filter(
		(field) => /^Match[A-Z]/.test(field.fieldId) && (field.values ?? []).length > 0,
	);
	const field =
		candidates.find((candidate) => KNOWN_MATCH_FIELDS.includes(candidate.fieldId)) ?? candidates[0];
	if (!field) return undefined;
	const always = (field.values ?? []).find((entry) => ALWAYS_NEW.test(entry.description ?? ''));
	const found: UpsertMatchField = {
		fieldId: field.fieldId,
		displayName: displayNameOf(field),
		options: codeTableOptions(field),
	};
	if (always) found.alwaysNew = always.id;
	return found;
}
