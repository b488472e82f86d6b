/**
 * Reads the committed fixtures (scripts/generate-profit-update-connectors.mjs, from AFAS's OpenAPI files) as
 * UpdateConnector metainfo, turns vendor example bodies back into builder input, and checks bodies against the
 * schema. Test support only.
 */
import FbSales from '../../../fixtures/profit-update/FbSales.json';
import FiEntries from '../../../fixtures/profit-update/FiEntries.json';
import KnContact from '../../../fixtures/profit-update/KnContact.json';
import KnOrganisation from '../../../fixtures/profit-update/KnOrganisation.json';
import KnPerson from '../../../fixtures/profit-update/KnPerson.json';
import KnSubject from '../../../fixtures/profit-update/KnSubject.json';
import KnUser from '../../../fixtures/profit-update/KnUser.json';
import type { UpdateBodyOptions } from '../../../../nodes/Afas/wire/profit/updateBody';
import type {
	UpdateAction,
	UpdateElementInput,
	UpdateMeta,
	UpdateMetaField,
	UpdateMetaObject,
} from '../../../../nodes/Afas/wire/profit/updateTypes';

interface FixtureField {
	fieldId: string;
	dataType: string;
	label: string;
	length: number;
	required: boolean;
	values?: Array<{ id: string; description: string }>;
}
interface FixtureObject {
	name: string;
	fields: FixtureField[];
	objects: FixtureObject[];
}
export interface UpdateFixture {
	connector: string;
	root: string;
	verbs: string[];
	keyAttributes: { fromDeletePaths: string[]; fromExamples: Record<string, string[]> };
	requiredOnPut: Record<string, string[]> | null;
	subObjectPaths: string[];
	deletePaths: Array<{ path: string; object: string; keys: string[]; note?: string }>;
	element: FixtureObject;
	examples: Array<{
		verb: string;
		path: string;
		name: string;
		body: Record<string, { Element: unknown }>;
	}>;
}

export const FIXTURES: Record<string, UpdateFixture> = {
	KnPerson,
	KnOrganisation,
	KnSubject,
	FbSales,
	FiEntries,
	KnContact,
	KnUser,
} as unknown as Record<string, UpdateFixture>;

/**
 * Server-side rule the metainfo would apply (the simulator uses the same one, data/updateConnectors.js): the
 * OpenAPI `required` list minus keys, booleans (they have defaults; Profit 3+ does not mark defaulted fields
 * mandatory, research §11) and fields Profit fills itself; every vendor POST example passes it.
 */
const AUTO_FIELDS = new Set(['BcId', 'BcCo', 'SbId', 'OrNu', 'EnNo', 'BeginDate', 'ResZip']);
const OPTIONAL_BY_OBJECT: Record<string, string[]> = { FbSalesLines: ['BiUn', 'QuUn'] };
const DATE_TIME_CONTROL = 8;
const DATE_CONTROL = 4;

function keysOf(fixture: UpdateFixture): Record<string, string[]> {
	const keys: Record<string, string[]> = { ...fixture.keyAttributes.fromExamples };
	// A DELETE path the vendor flags as undocumented (FiEntries: "@Year") says nothing about keys.
	const documented = fixture.deletePaths.find((form) => form.note === undefined);
	if (documented)
		keys[documented.object] = [
			...new Set([...(keys[documented.object] ?? []), ...documented.keys]),
		];
	return keys;
}

function toMetaObject(object: FixtureObject, keys: Record<string, string[]>): UpdateMetaObject {
	const objectKeys = keys[object.name] ?? [];
	return {
		name: object.name,
		fields: object.fields.map((field): UpdateMetaField => {
			const primaryKey = objectKeys.includes(field.fieldId);
			return {
				fieldId: field.fieldId,
				primaryKey,
				dataType: field.dataType === 'datetime' ? 'date' : field.dataType,
				label: field.label,
				mandatory:
					field.required &&
					!primaryKey &&
					field.dataType !== 'boolean' &&
					!AUTO_FIELDS.has(field.fieldId) &&
					!(OPTIONAL_BY_OBJECT[object.name] ?? []).includes(field.fieldId),
				length: field.length,
				controlType:
					field.dataType === 'date'
						? DATE_CONTROL
						: field.dataType === 'datetime'
							? DATE_TIME_CONTROL
							: undefined,
				values: field.values ?? null,
			};
		}),
		objects: object.objects.map((child) => toMetaObject(child, keys)),
	};
}

export function metaFor(connector: string): UpdateMeta {
	const fixture = FIXTURES[connector];
	return { id: fixture.connector, ...toMetaObject(fixture.element, keysOf(fixture)) };
}

type Json = Record<string, unknown>;

function objectEntries(objects: unknown): Array<[string, { Element: unknown }]> {
	if (Array.isArray(objects))
		return objects.flatMap((item) => Object.entries(item as Json)) as never;
	return Object.entries((objects ?? {}) as Json) as never;
}

/** A vendor Element back into builder input: `@Key` attributes and Fields become fields, `@Action` the action. */
export function inputFromElement(element: Json): UpdateElementInput {
	const fields: Json = {};
	let action: UpdateAction | undefined;
	for (const [key, value] of Object.entries(element)) {
		if (key.toLowerCase() === '@action') action = String(value).toLowerCase() as UpdateAction;
		else if (key.startsWith('@')) fields[key.slice(1)] = value;
	}
	const rawFields = Array.isArray(element.Fields)
		? Object.assign({}, ...element.Fields)
		: (element.Fields ?? {});
	for (const [key, value] of Object.entries(rawFields as Json)) {
		if (key.toLowerCase() === '@action') action = String(value).toLowerCase() as UpdateAction;
		else fields[key] = value;
	}
	const objects: NonNullable<UpdateElementInput['objects']> = {};
	for (const [name, wrapper] of objectEntries(element.Objects)) {
		objects[name] = Array.isArray(wrapper.Element)
			? wrapper.Element.map((row) => inputFromElement(row as Json))
			: inputFromElement(wrapper.Element as Json);
	}
	const input: UpdateElementInput = { fields };
	if (action) input.action = action;
	if (Object.keys(objects).length > 0) input.objects = objects;
	return input;
}

/** The body options that reproduce a vendor example's own choices (Objects shape, key and action placement). */
export function optionsOf(element: unknown): UpdateBodyOptions {
	let arrayObjects = false;
	let keyAttribute = false;
	let actionOnElement = false;
	const visit = (node: unknown) => {
		for (const one of Array.isArray(node) ? node : [node]) {
			const json = one as Json;
			for (const key of Object.keys(json)) {
				if (key.toLowerCase() === '@action') actionOnElement = true;
				else if (key.startsWith('@')) keyAttribute = true;
			}
			if (Array.isArray(json.Objects)) arrayObjects = true;
			for (const [, wrapper] of objectEntries(json.Objects)) visit(wrapper.Element);
		}
	};
	visit(element);
	return {
		objects: arrayObjects ? 'array' : 'map',
		keys: keyAttribute ? 'attribute' : 'fields',
		action: actionOnElement ? 'element' : 'fields',
	};
}

/** Structure without values: attribute names, field-name sets, sub-object names and single-vs-array. */
export function shape(element: unknown): unknown {
	if (Array.isArray(element)) return element.length === 1 ? shape(element[0]) : element.map(shape);
	const json = element as Json;
	const fields = Array.isArray(json.Fields)
		? Object.assign({}, ...json.Fields)
		: (json.Fields ?? {});
	return {
		attributes: Object.keys(json)
			.filter((key) => key.startsWith('@'))
			.map((key) => (key.toLowerCase() === '@action' ? '@Action' : key))
			.sort(),
		fields: Object.keys(fields as Json).sort(),
		objects: objectEntries(json.Objects).map(([name, wrapper]) => [name, shape(wrapper.Element)]),
	};
}

const TYPE_CHECKS: Record<string, (value: unknown) => boolean> = {
	int: (value) => Number.isInteger(value),
	decimal: (value) => typeof value === 'number',
	boolean: (value) => typeof value === 'boolean',
	date: (value) =>
		typeof value === 'string' && /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2})?$/.test(value),
	datetime: (value) =>
		typeof value === 'string' && /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2})?$/.test(value),
};

/**
 * Where a body departs from AFAS's schema: wrong root, a field or sub-object the schema does not have, a value of
 * the wrong JSON type, or a schema-required field missing (when `requiredFields` is given, for inserts).
 */
export function schemaProblems(
	fixture: UpdateFixture,
	body: Json,
	requiredFields?: (object: FixtureObject) => string[],
): string[] {
	const problems: string[] = [];
	if (Object.keys(body).join() !== fixture.root)
		return [`root ${Object.keys(body).join()} != ${fixture.root}`];
	const walk = (object: FixtureObject, element: unknown, path: string) => {
		for (const one of Array.isArray(element) ? element : [element]) {
			const json = one as Json;
			const values: Json = {};
			for (const [key, value] of Object.entries(json))
				if (key.startsWith('@')) values[key.slice(1)] = value;
			Object.assign(values, json.Fields ?? {});
			for (const [id, value] of Object.entries(values)) {
				if (id.toLowerCase() === 'action') continue;
				const field = object.fields.find((candidate) => candidate.fieldId === id);
				if (!field) problems.push(`${path}.${id} not in schema`);
				else if (value !== '' && TYPE_CHECKS[field.dataType] && !TYPE_CHECKS[field.dataType](value))
					problems.push(`${path}.${id} ${JSON.stringify(value)} is not ${field.dataType}`);
			}
			for (const id of requiredFields?.(object) ?? [])
				if (values[id] === undefined) problems.push(`${path}.${id} required`);
			for (const [name, wrapper] of objectEntries(json.Objects)) {
				const child = object.objects.find((candidate) => candidate.name === name);
				if (!child) problems.push(`${path}.${name} not a sub-object`);
				else walk(child, wrapper.Element, `${path}.${name}`);
			}
		}
	};
	walk(fixture.element, (body[fixture.root] as Json | undefined)?.Element, fixture.root);
	return problems;
}
