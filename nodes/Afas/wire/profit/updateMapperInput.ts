import { objectAt, displayNameOf, type MapperOperation } from './updateMapper';
import {
	findMetaField,
	findMetaObject,
	type UpdateAction,
	type UpdateElementInput,
	type UpdateMetaField,
	type UpdateMetaObject,
} from './updateTypes';
import type { UpdateProblem } from './updateValidation';

/**
 * n8n's resource mapper value (plus the input item) as builder input for one element (`buildUpdateBody`,
 * `validateUpdateElement`). Pure: no n8n at run time.
 *
 * Where the values come from:
 * - `defineBelow`: the mapper's `value`, by field id. Ids the metainfo does not know are kept, so validation
 *   names them (a stale schema shows up instead of being dropped silently).
 * - `autoMapInputData`: the item's keys that are a field id of the object (ignoring case), or a field's label
 *   when that label is unique in the object, or the mapper's display form `Label (Id)`. An id beats a label for
 *   the same field. Other keys are ignored and listed in `ignored`.
 * - Sub-object rows: in auto-map, an item key equal to a sub-object name (`FbSalesLines: [...]`,
 *   `KnBasicAddressAdr: {...}`) holds its rows; `subObjects` gives rows explicitly (e.g. the item's list field
 *   picked by the user) and replaces auto-mapped rows of the same object. A row's keys are mapped like an
 *   auto-mapped item (a key that is neither a field nor a sub-object is a problem: rows are written for AFAS on
 *   purpose), a key equal to a deeper sub-object name nests further, and
 *   `@Action` (insert/update/delete) sets that row's action. Rows may be a list, one object, or JSON text of
 *   either. A row left with nothing is dropped (and listed in `ignored`).
 * - delete: only key fields are taken (a DELETE sends no body, §7.1); sub-objects are ignored.
 *
 * Blank values. `null`/`undefined` are never sent. An empty string is "not set" by default (`blankFields:
 * 'omit'`): in the mapper a field the user left empty reaches us as `''` or `null`, and an empty cell of an
 * input item is rarely meant as "erase this in AFAS". With `blankFields: 'clear'` an empty string is sent as
 * `''`, which is how AFAS clears a field (§7.2); the node offers that as an explicit option for updates.
 *
 * Dates from n8n's type conversion (Luxon DateTime) become ISO text here; `coerceUpdateValue` then applies the
 * Amsterdam-clock rule. A date-only field (controlType 4) keeps the calendar date as the user's zone shows it.
 */
export interface MapperValueLike {
	mappingMode?: string;
	value?: Record<string, unknown> | null;
	matchingColumns?: string[];
}

export interface SubObjectRows {
	/** The sub-object's name, a direct child of the mapped object (`FbSalesLines`, `KnBasicAddressAdr`). */
	object: string;
	/** One row, a list of rows, or JSON text of either (item data). */
	rows: unknown;
}

export interface MapperInputOptions {
	operation: MapperOperation;
	/** The input item's JSON: the source of auto-mapped fields and rows. */
	item?: Record<string, unknown>;
	/** Map onto a sub-object instead of the root (same paths as `resourceMapperFieldsOf`). */
	object?: string;
	subObjects?: SubObjectRows[];
	blankFields?: 'omit' | 'clear';
	/** Action for direct rows that carry none: `insert` for the sub-object endpoint `/connectors/{id}/{sub}`. */
	rowAction?: UpdateAction;
}

export interface MappedElement {
	input: UpdateElementInput;
	/** Paths of item keys and rows that were not used (`Foo`, `FbSalesLines[1].Bar`, `FbSalesLines[2]`). */
	ignored: string[];
	/** Input that cannot become a row at all: not an object, unreadable JSON, unknown object, bad action. */
	problems: UpdateProblem[];
}

type Json = Record<string, unknown>;

interface Context {
	operation: MapperOperation;
	clear: boolean;
	ignored: string[];
	problems: UpdateProblem[];
}

const ACTIONS: UpdateAction[] = ['insert', 'update', 'delete'];
/** Keys that would reach an object's prototype if assigned; never field ids. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function join(prefix: string, name: string): string {
	return prefix === '' ? name : `${prefix}.${name}`;
}

function isPlainObject(value: unknown): value is Json {
	return (
		typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
	);
}

interface LuxonLike {
	isLuxonDateTime: true;
	toISO(): string | null;
	toISODate(): string | null;
}

function isLuxon(value: unknown): value is LuxonLike {
	return (
		typeof value === 'object' &&
		value !== null &&
		(value as { isLuxonDateTime?: unknown }).isLuxonDateTime === true &&
		typeof (value as { toISO?: unknown }).toISO === 'function'
	);
}

/** The value to hand to the builder, or undefined for "not set". */
function settled(raw: unknown, field: UpdateMetaField | undefined, ctx: Context): unknown {
	if (raw === undefined || raw === null) return undefined;
	if (raw === '') return ctx.clear ? '' : undefined;
	if (isLuxon(raw))
		return (field?.controlType === 4 ? raw.toISODate() : raw.toISO()) ?? String(raw);
	return raw;
}

/** Field ids by unique label (and by `Label (Id)`), lower-cased: labels that repeat in an object match nothing. */
function labelIndex(object: UpdateMetaObject): Map<string, UpdateMetaField> {
	const counts = new Map<string, number>();
	for (const field of object.fields ?? []) {
		const label = field.label?.trim().toLowerCase();
		if (label) counts.set(label, (counts.get(label) ?? 0) + 1);
	}
	const index = new Map<string, UpdateMetaField>();
	for (const field of object.fields ?? []) {
		const label = field.label?.trim().toLowerCase();
		if (label && counts.get(label) === 1) index.set(label, field);
		index.set(displayNameOf(field).toLowerCase(), field);
	}
	return index;
}

/** 0 = exact id, 1 = id ignoring case or `@`, 2 = label; lower wins when two keys name one field. */
function resolveField(
	object: UpdateMetaObject,
	key: string,
	labels: Map<string, UpdateMetaField> | undefined,
): { field: UpdateMetaField; rank: number } | undefined {
	const byId = findMetaField(object, key);
	if (byId) return { field: byId, rank: byId.fieldId === key ? 0 : 1 };
	const byLabel = labels?.get(key.trim().toLowerCase());
	return byLabel ? { field: byLabel, rank: 2 } : undefined;
}

function problem(
	ctx: Context,
	path: string,
	name: string,
	kind: UpdateProblem['kind'],
	message: string,
): void {
	ctx.problems.push({ path, fieldId: name, label: name, kind, message });
}

/** Rows as a list of objects plus whether the source was a list (kept, so paths read `Lines[0]`). */
function rowsOf(
	raw: unknown,
	name: string,
	path: string,
	ctx: Context,
): { rows: Json[]; list: boolean } | undefined {
	let value = raw;
	if (typeof value === 'string') {
		const text = value.trim();
		if (text === '') return undefined;
		let parsed: unknown;
		let readable = /^[[{]/.test(text);
		if (readable) {
			try {
				parsed = JSON.parse(text);
			} catch {
				readable = false;
			}
		}
		if (!readable) {
			problem(
				ctx,
				path,
				name,
				'type',
				`Rows for ${name} must be an object, a list of objects or JSON text of either`,
			);
			return undefined;
		}
		value = parsed;
	}
	if (value === undefined || value === null) return undefined;
	if (isPlainObject(value)) return { rows: [value], list: false };
	if (!Array.isArray(value)) {
		problem(ctx, path, name, 'type', `Rows for ${name} must be an object or a list of objects`);
		return undefined;
	}
	const rows: Json[] = [];
	value.forEach((row, index) => {
		if (isPlainObject(row)) rows.push(row);
		else
			problem(ctx, `${path}[${index}]`, name, 'type', `Row ${index} of ${name} is not an object`);
	});
	return { rows, list: true };
}

function hasContent(input: UpdateElementInput): boolean {
	return (
		Object.keys(input.fields ?? {}).length > 0 ||
		Object.keys(input.objects ?? {}).length > 0 ||
		input.action !== undefined
	);
}

function mapRows(
	child: UpdateMetaObject,
	raw: unknown,
	prefix: string,
	ctx: Context,
): UpdateElementInput | UpdateElementInput[] | undefined {
	const found = rowsOf(raw, child.name, join(prefix, child.name), ctx);
	if (!found) return undefined;
	const built: UpdateElementInput[] = [];
	found.rows.forEach((row, index) => {
		const at = join(prefix, found.list ? `${child.name}[${index}]` : child.name);
		const input = mapEntries(child, Object.entries(row), { auto: true, row: true, at }, ctx);
		if (hasContent(input)) built.push(input);
		else ctx.ignored.push(at);
	});
	if (built.length === 0) return undefined;
	return found.list ? built : built[0];
}

function mapEntries(
	object: UpdateMetaObject,
	entries: Array<[string, unknown]>,
	mode: { auto: boolean; row: boolean; at: string },
	ctx: Context,
): UpdateElementInput {
	const labels = mode.auto ? labelIndex(object) : undefined;
	const fields: Json = {};
	const ranks = new Map<string, number>();
	const objects: NonNullable<UpdateElementInput['objects']> = {};
	const input: UpdateElementInput = {};
	for (const [key, raw] of entries) {
		const path = join(mode.at, key);
		if (mode.row && key.toLowerCase() === '@action') {
			const action = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
			if (ACTIONS.includes(action as UpdateAction)) input.action = action as UpdateAction;
			else if (raw !== undefined && raw !== null && raw !== '')
				problem(
					ctx,
					path,
					'@Action',
					'type',
					`@Action must be insert, update or delete, got "${String(raw)}"`,
				);
			continue;
		}
		const resolved = resolveField(object, key, labels);
		if (resolved) {
			const { field, rank } = resolved;
			if (ctx.operation === 'delete' && field.primaryKey !== true) {
				ctx.ignored.push(path);
				continue;
			}
			const value = settled(raw, field, ctx);
			if (value === undefined || (ranks.get(field.fieldId) ?? Infinity) <= rank) continue;
			ranks.set(field.fieldId, rank);
			fields[field.fieldId] = value;
			continue;
		}
		const child = findMetaObject(object, key);
		if (child && mode.auto) {
			if (ctx.operation === 'delete') {
				ctx.ignored.push(path);
				continue;
			}
			const rows = mapRows(child, raw, mode.at, ctx);
			if (rows !== undefined) objects[child.name] = rows;
			continue;
		}
		// A sub-object row is written for AFAS on purpose: a key that is neither a field (id or unique label) nor
		// a deeper sub-object is a typo that would silently lose data (e.g. an address without its zip code).
		if (mode.row) {
			problem(
				ctx,
				path,
				key,
				'unknownField',
				`'${key}' is neither a field nor a sub-object of ${object.name}; use a field id or label of ${object.name}`,
			);
			continue;
		}
		if (mode.auto) {
			ctx.ignored.push(path);
			continue;
		}
		// An id the schema no longer has, set explicitly in the mapper: validation reports it by name.
		const value = settled(raw, undefined, ctx);
		if (value === undefined) continue;
		if (ctx.operation === 'delete' || UNSAFE_KEYS.has(key)) ctx.ignored.push(path);
		else fields[key] = value;
	}
	if (Object.keys(fields).length > 0) input.fields = fields;
	if (Object.keys(objects).length > 0) input.objects = objects;
	return input;
}

/**
 * One element from the mapper value and the item. The caller validates the result with
 * `validateUpdateElement` and treats `problems` the same way (send nothing for that item).
 */
export function elementInputFromMapper(
	meta: UpdateMetaObject,
	mapperValue: MapperValueLike | null | undefined,
	options: MapperInputOptions,
): MappedElement {
	const ctx: Context = {
		operation: options.operation,
		clear: options.blankFields === 'clear',
		ignored: [],
		problems: [],
	};
	const object = objectAt(meta, options.object);
	if (!object) {
		const name = options.object ?? '';
		problem(ctx, name, name, 'unknownObject', `${meta.name} has no sub-object '${name}'`);
		return { input: {}, ignored: ctx.ignored, problems: ctx.problems };
	}
	const auto = mapperValue?.mappingMode === 'autoMapInputData';
	const source = auto ? (options.item ?? {}) : (mapperValue?.value ?? {});
	const input = mapEntries(object, Object.entries(source), { auto, row: false, at: '' }, ctx);

	if (ctx.operation !== 'delete') {
		for (const { object: name, rows } of options.subObjects ?? []) {
			const child = findMetaObject(object, name);
			if (!child) {
				problem(ctx, name, name, 'unknownObject', `${object.name} has no sub-object '${name}'`);
				continue;
			}
			const objects = { ...(input.objects ?? {}) };
			delete objects[child.name];
			const mapped = mapRows(child, rows, '', ctx);
			if (mapped !== undefined) objects[child.name] = mapped;
			if (Object.keys(objects).length > 0) input.objects = objects;
			else delete input.objects;
		}
	}
	// Applied after mapping so an empty row is dropped rather than sent as a bare action.
	if (options.rowAction !== undefined)
		for (const rows of Object.values(input.objects ?? {}))
			for (const row of Array.isArray(rows) ? rows : [rows])
				if (row.action === undefined) row.action = options.rowAction;
	return { input, ignored: ctx.ignored, problems: ctx.problems };
}
