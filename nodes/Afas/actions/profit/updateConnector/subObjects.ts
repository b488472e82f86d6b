import type { IDataObject } from 'n8n-workflow';

import type { ParameterReader } from '../../../parameters';
import { AfasInputError } from '../../../wire/inputError';
import type { SubObjectRows } from '../../../wire/profit/updateMapperInput';
import { findMetaObject, type UpdateMeta } from '../../../wire/profit/updateTypes';

type Json = Record<string, unknown>;

const FIELD = 'Sub-Objects';

function isObject(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A dot path in the item's JSON (`lines`, `order.lines`); an exact key with dots wins over the path. */
function valueAt(item: IDataObject, path: string): unknown {
	if (Object.prototype.hasOwnProperty.call(item, path)) return item[path];
	let current: unknown = item;
	for (const key of path.split('.')) {
		if (!isObject(current) || !Object.prototype.hasOwnProperty.call(current, key)) return undefined;
		current = current[key];
	}
	return current;
}

function parsedRows(raw: unknown, label: string): unknown {
	if (typeof raw !== 'string' || !/^\s*[[{]/.test(raw)) return raw;
	let parsed: { value: unknown } | undefined;
	try {
		parsed = { value: JSON.parse(raw) as unknown };
	} catch {
		parsed = undefined;
	}
	if (!parsed)
		throw new AfasInputError(
			FIELD,
			`The rows for ${label} are not valid JSON`,
			'Enter one row {…} or a list of rows […]',
		);
	return parsed.value;
}

/** The names along a sub-object path, without a leading root name (`FbSales.FbSalesLines` = `FbSalesLines`). */
function pathOf(meta: UpdateMeta, object: string): string[] {
	const names = object
		.split(/[./]/)
		.map((name) => name.trim())
		.filter((name) => name !== '');
	if (
		names.length > 1 &&
		names[0].toLowerCase() === meta.name.toLowerCase() &&
		!findMetaObject(meta, names[0])
	)
		names.shift();
	return names;
}

/**
 * The user's Sub-Objects entries as rows per direct child of the root. A nested path (`KnContact.KnPerson`)
 * goes into the one row of its parent (`KnContact`, from another entry or new): the row mapper reads a key
 * named like a sub-object as that object's rows. A nested path below several parent rows is ambiguous and
 * refused; put it in the parent rows themselves instead.
 */
export function readSubObjects(
	p: ParameterReader,
	meta: UpdateMeta,
	item: IDataObject,
): SubObjectRows[] {
	const entries = p.entries('subObjects.rows').map((entry) => {
		const object = entry.string('object', {
			trim: true,
			required: true,
			emptyHint: 'Choose the sub-object the rows belong to, e.g. FbSalesLines.',
		});
		const source = entry.options<'itemField' | 'json'>('source');
		let rows: unknown;
		if (source === 'itemField') {
			const field = entry.string('itemField', {
				trim: true,
				required: true,
				emptyHint: 'Enter the item field holding the rows, e.g. lines.',
			});
			rows = valueAt(item, field);
			if (rows === undefined)
				throw new AfasInputError(
					FIELD,
					`The input item has no field '${field}' for the rows of ${object}`,
					'Check the Item Field name (dots for nested fields), or remove the sub-object entry.',
				);
		} else rows = entry.raw('json');
		return {
			path: pathOf(meta, object),
			label: object,
			rows: parsedRows(rows, object),
		};
	});

	const byChild = new Map<string, unknown>();
	const names = new Map<string, string>();
	for (const entry of [...entries].sort((a, b) => a.path.length - b.path.length)) {
		if (entry.path.length === 0) continue;
		const [top, ...rest] = entry.path;
		const key = top.toLowerCase();
		names.set(key, names.get(key) ?? top);
		if (rest.length === 0) {
			byChild.set(key, entry.rows);
			continue;
		}
		let parent = byChild.get(key);
		if (Array.isArray(parent)) {
			if (parent.length > 1)
				throw new AfasInputError(
					FIELD,
					`${entry.label} cannot go below ${parent.length} rows of ${top}`,
					`Put the ${rest.join('.')} rows inside each ${top} row instead.`,
				);
			parent = parent[0];
		}
		const root: Json = isObject(parent) ? { ...parent } : {};
		let at = root;
		for (const name of rest.slice(0, -1)) {
			const next = isObject(at[name]) ? { ...(at[name] as Json) } : {};
			at[name] = next;
			at = next;
		}
		at[rest[rest.length - 1]] = entry.rows;
		byChild.set(key, root);
	}
	return [...byChild.entries()].map(([key, rows]) => ({
		object: names.get(key) ?? key,
		rows,
	}));
}

/** For a nested-row delete: the one row of the first Sub-Object Key entry, with its object's name. */
export function readDeleteSubKey(
	p: ParameterReader,
	meta: UpdateMeta,
	item: IDataObject,
): { object: string; row: Json } | undefined {
	const [first] = readSubObjects(p, meta, item);
	if (!first) return undefined;
	const rows = Array.isArray(first.rows) ? first.rows : [first.rows];
	if (rows.length !== 1 || !isObject(rows[0]))
		throw new AfasInputError(
			'Sub-Object Key',
			`The key of ${first.object} must be one row of key fields`,
			'Give one object, e.g. {"EnNo": 70001}.',
		);
	return { object: first.object, row: rows[0] };
}
