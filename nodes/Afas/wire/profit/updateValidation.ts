import {
	asList,
	findMetaField,
	findMetaObject,
	type UpdateAction,
	type UpdateElementInput,
	type UpdateMeta,
	type UpdateMetaObject,
} from './updateTypes';
import { coerceUpdateValue, dataTypeOf } from './updateValues';

/**
 * Checks one element (one n8n item) against UpdateConnector metainfo before anything is sent. Returns every
 * problem found, never throws; the caller sends nothing for an item with problems.
 *
 * Which fields must be present (research §7.2, §11):
 * - insert: every `mandatory` field. Profit 3+ leaves fields with a default out of `mandatory`, so this is the
 *   server's own list; nested elements under an insert are inserts unless they carry their own action.
 * - update: only the key fields (`primaryKey`): "A PUT … updates all fields in the request", §7.2. A connector
 *   whose metainfo marks no key (KnPerson matches through MatchPer/BcCo, §7.4) needs none here.
 *   Nested elements under an update may be inserts or updates matched on server data, so they are checked only
 *   when they carry an explicit action (the same rule as our simulator).
 * - delete: the key fields.
 * An empty string counts as missing for these checks (it clears a field, §7.2).
 */
export type UpdateProblemKind =
	| 'mandatory'
	| 'key'
	| 'codeTable'
	| 'type'
	| 'length'
	| 'unknownField'
	| 'unknownObject';

export interface UpdateProblem {
	/** Where, relative to the root element: `ItCd`, `FbSalesLines[2].ItCd` (0-based, like n8n expressions). */
	path: string;
	fieldId: string;
	label: string;
	message: string;
	kind: UpdateProblemKind;
}

function join(prefix: string, name: string): string {
	return prefix === '' ? name : `${prefix}.${name}`;
}

function present(
	fields: Record<string, unknown>,
	object: UpdateMetaObject,
	fieldId: string,
): boolean {
	for (const [id, value] of Object.entries(fields)) {
		if (findMetaField(object, id)?.fieldId !== fieldId) continue;
		if (value !== undefined && value !== null && value !== '') return true;
	}
	return false;
}

function checkElement(
	object: UpdateMetaObject,
	input: UpdateElementInput,
	action: UpdateAction | undefined,
	prefix: string,
	problems: UpdateProblem[],
): void {
	const fields = input.fields ?? {};
	for (const [id, raw] of Object.entries(fields)) {
		const field = findMetaField(object, id);
		if (!field) {
			problems.push({
				path: join(prefix, id),
				fieldId: id,
				label: id,
				kind: 'unknownField',
				message: `Field '${id}' does not exist in ${object.name}; use a field id from the UpdateConnector's fields`,
			});
			continue;
		}
		const label = field.label ?? field.fieldId;
		const coerced = coerceUpdateValue(field, raw);
		if (coerced.kind === 'problem') {
			const kind = field.values && field.values.length > 0 ? 'codeTable' : 'type';
			problems.push({
				path: join(prefix, field.fieldId),
				fieldId: field.fieldId,
				label,
				kind,
				message: coerced.message,
			});
			continue;
		}
		// Profit 4 changed `length` for code-table fields (§11), so only free text is measured.
		const max = field.length ?? 0;
		if (
			coerced.kind === 'value' &&
			typeof coerced.value === 'string' &&
			dataTypeOf(field) === 'string' &&
			!(field.values && field.values.length > 0) &&
			max > 0 &&
			coerced.value.length > max
		)
			problems.push({
				path: join(prefix, field.fieldId),
				fieldId: field.fieldId,
				label,
				kind: 'length',
				message: `'${label}' (${field.fieldId}) is ${coerced.value.length} characters long; AFAS allows at most ${max}`,
			});
	}

	const effective = input.action ?? action;
	for (const field of object.fields ?? []) {
		const label = field.label ?? field.fieldId;
		const needed =
			effective === 'insert'
				? field.mandatory === true
				: effective === 'update' || effective === 'delete'
					? field.primaryKey === true
					: false;
		if (!needed || present(fields, object, field.fieldId)) continue;
		const isKey = effective !== 'insert';
		problems.push({
			path: join(prefix, field.fieldId),
			fieldId: field.fieldId,
			label,
			kind: isKey ? 'key' : 'mandatory',
			message: isKey
				? `Key field '${label}' (${field.fieldId}) is needed to ${effective} a record in ${object.name}`
				: `'${label}' (${field.fieldId}) is mandatory in ${object.name}`,
		});
	}

	// Under an insert, rows without an action are inserts; under an update or delete, only explicit actions count.
	const childAction = effective === 'insert' ? 'insert' : undefined;
	for (const [name, rows] of Object.entries(input.objects ?? {})) {
		const child = findMetaObject(object, name);
		if (!child) {
			problems.push({
				path: join(prefix, name),
				fieldId: name,
				label: name,
				kind: 'unknownObject',
				message: `${object.name} has no sub-object '${name}'`,
			});
			continue;
		}
		const list = asList(rows);
		list.forEach((row, index) => {
			const at = Array.isArray(rows) ? `${child.name}[${index}]` : child.name;
			checkElement(child, row, childAction, join(prefix, at), problems);
		});
	}
}

/**
 * Problems of one element for the given root action (POST = insert, PUT = update, DELETE = delete).
 * For a sub-object POST (`/connectors/{id}/{sub}`) pass `update`: the root only identifies the parent, and give
 * the new rows `action: 'insert'` so their mandatory fields are checked.
 */
export function validateUpdateElement(
	meta: UpdateMeta,
	input: UpdateElementInput,
	action: UpdateAction,
): UpdateProblem[] {
	const problems: UpdateProblem[] = [];
	checkElement(meta, input, action, '', problems);
	return problems;
}

/** One line per problem, for an error message: `FbSalesLines[2].ItCd: 'Item' (ItCd) is mandatory in FbSalesLines`. */
export function describeUpdateProblems(problems: UpdateProblem[]): string {
	return problems.map((problem) => `${problem.path}: ${problem.message}`).join('\n');
}
