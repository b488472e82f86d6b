/**
 * Shapes shared by the UpdateConnector wire modules. The metainfo types are `/metainfo/update/{id}` (research
 * §6.3); api/profit/metainfo.ts re-exports them for the layers above.
 */

export interface UpdateMetaField {
	fieldId: string;
	primaryKey?: boolean;
	dataType?: string;
	label?: string;
	mandatory?: boolean;
	length?: number;
	decimals?: number;
	decimalFieldId?: string;
	notzero?: boolean;
	controlType?: number;
	values?: Array<{ id: string; description?: string }> | null;
}

export interface UpdateMetaObject {
	name: string;
	fields?: UpdateMetaField[];
	objects?: UpdateMetaObject[];
}

export interface UpdateMeta extends UpdateMetaObject {
	/** The connector id of the URL; `name` is the body's root element and can differ (FiEntries -> FiEntryPar). */
	id?: string;
	description?: string;
}

export type UpdateAction = 'insert' | 'update' | 'delete';

/**
 * One element as the user (or the node) describes it, before it becomes AFAS JSON: field values by field id
 * (key fields included; the builder decides where they go), an optional per-element action, and sub-object
 * rows by object name (one row or a list of rows).
 */
export interface UpdateElementInput {
	fields?: Record<string, unknown>;
	action?: UpdateAction;
	objects?: Record<string, UpdateElementInput | UpdateElementInput[]>;
}

export function asList<T>(value: T | T[] | undefined): T[] {
	if (value === undefined) return [];
	return Array.isArray(value) ? value : [value];
}

/** The metainfo field for a user-supplied id: exact first, then ignoring case and a leading `@`. */
export function findMetaField(object: UpdateMetaObject, id: string): UpdateMetaField | undefined {
	const bare = id.startsWith('@') ? id.slice(1) : id;
	const fields = object.fields ?? [];
	return (
		fields.find((field) => field.fieldId === bare) ??
		fields.find((field) => field.fieldId.toLowerCase() === bare.toLowerCase())
	);
}

export function findMetaObject(
	object: UpdateMetaObject,
	name: string,
): UpdateMetaObject | undefined {
	const objects = object.objects ?? [];
	return (
		objects.find((child) => child.name === name) ??
		objects.find((child) => child.name.toLowerCase() === name.toLowerCase())
	);
}
