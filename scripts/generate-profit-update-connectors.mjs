#!/usr/bin/env node
/**
 * Derives UpdateConnector tables from AFAS's own OpenAPI files (AFASSoftware/OASContent, profit/en,
 * info.version 6.6.9; copies in `../shared/afas-openapi/profit/*.json`) so tests and the simulator run from a
 * plain clone without `../shared/`.
 *
 *   node scripts/generate-profit-update-connectors.mjs [--shared ../shared] [--check]
 *
 * Writes (deterministic: same input, byte-identical output; Node built-ins only):
 *  - test/simulator/profit/data/oasUpdateConnectors.js: the simulator's field table for SIMULATOR_CONNECTORS,
 *    rows `[fieldId, dataType, label, maxLength, requiredInSchema, codeTable | null]` taken from the POST schema.
 *  - test/fixtures/profit-update/<Connector>.json for FIXTURE_CONNECTORS: root element name, verbs, key
 *    attributes (from the DELETE paths and the vendor examples), fields per object (recursively), required
 *    fields on PUT, sub-object POST paths, DELETE path forms and a few vendor example bodies, verbatim.
 * `--check` writes nothing and exits 1 when a committed file differs from what the specs give.
 * `--shared` is the folder holding `afas-openapi/` (default: `../shared` next to the repository).
 *
 * Mapping from OpenAPI to metainfo data types (research §6.4 lists string, int, decimal, boolean, date, blob):
 * integer -> int; number -> decimal; string+date -> date; string+date-time -> datetime (metainfo says `date`,
 * the simulator folds it); string+byte -> blob; any other string (email, uri, uuid, "password" = phone numbers
 * in these files) -> string. Labels are the first line of `description`; code tables come from `enum` with the
 * `value = text;` lines after it.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, REPO, writeOrCheck } from './lib/generated.mjs';

/** The connectors the simulator models (test/simulator/profit/data/updateConnectors.js), in file order. */
const SIMULATOR_CONNECTORS = [
	'KnPerson',
	'KnOrganisation',
	'KnSubject',
	'FbSales',
	'FiEntries',
	'KnUser',
];

/**
 * Fixtures, with the vendor examples to copy (verb, request path, example name). Chosen to cover: Objects as a
 * map and as an array, Element as an array (lines, attachments), nested lines, `@Key` on Element, keys in
 * Fields on PUT, a root name that differs from the connector id, and a sub-object POST.
 */
const FIXTURE_CONNECTORS = {
	KnPerson: [
		['post', '/connectors/KnPerson', 'create basic person'],
		['post', '/connectors/KnPerson', 'create person extended version'],
		['put', '/connectors/KnPerson', 'change person details'],
	],
	KnOrganisation: [
		['post', '/connectors/KnOrganisation', 'new organisation with subobjects'],
		['put', '/connectors/KnOrganisation', 'address change'],
		['post', '/connectors/KnOrganisation/KnContact', 'Add contact'],
	],
	KnSubject: [
		['post', '/connectors/KnSubject', 'Applicant subject with 2 attachments'],
		['post', '/connectors/KnSubject', 'Deliverynote subject'],
		['put', '/connectors/KnSubject', 'Change subject description'],
	],
	FbSales: [
		['post', '/connectors/FbSales', 'Minimaal'],
		['post', '/connectors/FbSales', 'Serienummer'],
		['put', '/connectors/FbSales', 'Insert Regels'],
	],
	FiEntries: [
		['post', '/connectors/FiEntries', 'Sales with VAT'],
		['post', '/connectors/FiEntries', 'Journalentry with dimentions'],
	],
	KnContact: [['put', '/connectors/KnContact', 'Update']],
	KnUser: [
		['post', '/connectors/KnUser', 'New with userid'],
		['put', '/connectors/KnUser', 'user details'],
	],
};

function loadSpecs(shared) {
	const dir = join(shared, 'afas-openapi', 'profit');
	if (!existsSync(dir))
		throw new Error(`${dir} not found; pass --shared <folder holding afas-openapi/>`);
	return readdirSync(dir)
		.filter((name) => name.endsWith('.json'))
		.sort()
		.map((file) => ({ file, spec: JSON.parse(readFileSync(join(dir, file), 'utf8')) }));
}

function resolveRef(spec, node) {
	if (!node || !node.$ref) return node;
	const path = node.$ref.replace(/^#\//, '').split('/');
	return path.reduce((at, key) => at[key], spec);
}

/** All path entries of one connector (`/connectors/{id}` and below), with the spec file that holds them. */
function connectorPaths(specs, id) {
	const out = [];
	for (const { file, spec } of specs) {
		for (const [path, item] of Object.entries(spec.paths)) {
			const parts = path.split('/');
			if (parts[1] === 'connectors' && parts[2] === id) out.push({ file, spec, path, item });
		}
	}
	return out;
}

function requestSchema(spec, operation) {
	const content = operation?.requestBody?.content?.['application/json'];
	return content ? resolveRef(spec, content.schema) : undefined;
}

/** The element schema: `Element` is an object, or an array of them (sub-objects in these files). */
function elementOf(wrapper) {
	const element = wrapper?.properties?.Element;
	if (!element) return undefined;
	return element.type === 'array' ? element.items : element;
}

function dataType(prop) {
	switch (prop.type) {
		case 'integer':
			return 'int';
		case 'number':
			return 'decimal';
		case 'boolean':
			return 'boolean';
		default:
			if (prop.format === 'date') return 'date';
			if (prop.format === 'date-time') return 'datetime';
			if (prop.format === 'byte') return 'blob';
			return 'string';
	}
}

function label(prop, fieldId) {
	const first = String(prop.description ?? '')
		.split('\n')[0]
		.trim();
	return first || fieldId;
}

function codeTable(prop) {
	if (!Array.isArray(prop.enum)) return null;
	const texts = new Map();
	for (const line of String(prop.description ?? '')
		.split('\n')
		.slice(1)) {
		const match = /^(.*?) = (.*?);?$/.exec(line.trim());
		if (match) texts.set(match[1], match[2]);
	}
	return prop.enum.map((value) => [String(value), texts.get(String(value)) ?? String(value)]);
}

/** `{ name, fields: rows, objects }` for one element schema, recursively. */
function readObject(name, element) {
	const fieldsSchema = element?.properties?.Fields ?? {};
	const required = new Set(fieldsSchema.required ?? []);
	const fields = Object.entries(fieldsSchema.properties ?? {}).map(([fieldId, prop]) => [
		fieldId,
		dataType(prop),
		label(prop, fieldId),
		prop.maxLength ?? 0,
		required.has(fieldId),
		codeTable(prop),
	]);
	const objectsSchema = element?.properties?.Objects;
	const holder = objectsSchema?.type === 'array' ? objectsSchema.items : objectsSchema;
	const objects = Object.entries(holder?.properties ?? {}).map(([childName, wrapper]) =>
		readObject(childName, elementOf(wrapper)),
	);
	return { name, fields, objects };
}

/** The root of a request schema: its single property is the root element name (e.g. FiEntryPar). */
function readRoot(schema) {
	const [rootName] = Object.keys(schema.properties);
	return readObject(rootName, elementOf(schema.properties[rootName]));
}

function readConnector(specs, id) {
	const paths = connectorPaths(specs, id);
	if (paths.length === 0)
		throw new Error(`UpdateConnector ${id} is not in the profit OpenAPI files`);
	const main = paths.find((p) => p.path === `/connectors/${id}`);
	const post = main?.item.post;
	const put = main?.item.put;
	const base = post ?? put;
	if (!base) throw new Error(`${id} has neither POST nor PUT`);
	const root = readRoot(requestSchema(main.spec, base));
	const putRoot = put ? readRoot(requestSchema(main.spec, put)) : undefined;
	const verbs = [];
	if (post) verbs.push('POST');
	if (put) verbs.push('PUT');
	const deletes = paths.filter((p) => p.item.delete);
	if (deletes.length) verbs.push('DELETE');
	return {
		id,
		file: main.file,
		description: base.summary ?? '',
		root,
		putRoot,
		verbs,
		paths,
		deletes,
	};
}

// ---------- simulator table (JS) ----------

const json = (value) => JSON.stringify(value);

function rowText(row) {
	const [fieldId, type, text, length, required, values] = row;
	const table = values
		? `[${values.map((pair) => `[${pair.map(json).join(', ')}]`).join(', ')}]`
		: 'null';
	return `[${[fieldId, type, text].map(json).join(', ')}, ${length}, ${required}, ${table}]`;
}

function objectText(object, depth) {
	const tab = '\t'.repeat(depth);
	const lines = [`${tab}{`, `${tab}\tname: ${json(object.name)},`, `${tab}\tfields: [`];
	for (const row of object.fields) lines.push(`${tab}\t\t${rowText(row)},`);
	lines.push(`${tab}\t],`, `${tab}\tobjects: [`);
	for (const child of object.objects) lines.push(...objectText(child, depth + 2));
	lines.push(`${tab}\t],`, `${tab}},`);
	return lines;
}

function simulatorTable(connectors) {
	const lines = [
		"'use strict';",
		'/**',
		" * UpdateConnector field definitions extracted from AFAS's OpenAPI specs (AFASSoftware/OASContent",
		' * OpenApiSpecs/profit/en, info.version 6.6.9): the POST request schemas of each connector.',
		' * Row format: [fieldId, dataType, label, maxLength, requiredInSchema, codeTable | null].',
		' * GENERATED by scripts/generate-profit-update-connectors.mjs: do not edit; change the generator and rerun it.',
		' * Semantics (mandatory, keys, custom fields) are applied in updateConnectors.js.',
		' */',
		'module.exports = {',
	];
	for (const c of connectors) {
		lines.push(
			`\t${c.id}:`,
			'\t{',
			`\t\tname: ${json(c.root.name)},`,
			`\t\tdescription: ${json(c.description)},`,
		);
		lines.push('\t\tfields: [');
		for (const row of c.root.fields) lines.push(`\t\t\t${rowText(row)},`);
		lines.push('\t\t],', '\t\tobjects: [');
		for (const child of c.root.objects) lines.push(...objectText(child, 3));
		lines.push('\t\t],', '\t},');
	}
	lines.push('};', '');
	return lines.join('\n');
}

// ---------- fixtures (JSON) ----------

function fieldObject([fieldId, type, text, length, required, values]) {
	const field = { fieldId, dataType: type, label: text, length, required };
	if (values) field.values = values.map(([id, description]) => ({ id, description }));
	return field;
}

/** `@Name` attributes found on Elements in the vendor examples, per object name. */
function exampleKeyAttributes(connector, rootName) {
	const found = {};
	const visitElement = (objectName, element) => {
		for (const one of Array.isArray(element) ? element : [element]) {
			if (!one || typeof one !== 'object') continue;
			for (const key of Object.keys(one)) {
				if (key.startsWith('@') && key.toLowerCase() !== '@action') {
					found[objectName] = found[objectName] ?? new Set();
					found[objectName].add(key.slice(1));
				}
			}
			const objects = one.Objects;
			const entries = Array.isArray(objects)
				? objects.flatMap((item) => Object.entries(item ?? {}))
				: Object.entries(objects ?? {});
			for (const [name, wrapper] of entries) visitElement(name, wrapper?.Element);
		}
	};
	for (const { spec, item } of connector.paths) {
		for (const verb of ['post', 'put']) {
			const examples = item[verb]?.requestBody?.content?.['application/json']?.examples ?? {};
			for (const example of Object.values(examples)) {
				const body = resolveRef(spec, example)?.value;
				if (body && body[rootName]) visitElement(rootName, body[rootName].Element);
			}
		}
	}
	return Object.fromEntries(
		Object.keys(found)
			.sort()
			.map((name) => [name, [...found[name]].sort()]),
	);
}

function deletePathForms(connector) {
	return connector.deletes.map(({ path, item }) => {
		const [, , , object, keySegment] = path.split('/');
		const note = String(item.delete.description ?? '')
			.split('https://')[0]
			.trim();
		const form = { path, object, keys: keySegment.split(',').map((key) => key.replace(/^@/, '')) };
		if (note) form.note = note;
		return form;
	});
}

function requiredTree(object) {
	const out = {};
	const walk = (node, path) => {
		const required = node.fields.filter((row) => row[4]).map((row) => row[0]);
		if (required.length) out[path] = required;
		for (const child of node.objects) walk(child, `${path}/${child.name}`);
	};
	walk(object, object.name);
	return out;
}

function fixture(connector, picks) {
	const examples = picks.map(([verb, path, name]) => {
		const entry = connector.paths.find((p) => p.path === path);
		const raw = entry?.item[verb]?.requestBody?.content?.['application/json']?.examples?.[name];
		if (!raw) throw new Error(`Example "${name}" (${verb.toUpperCase()} ${path}) not found`);
		return { verb: verb.toUpperCase(), path, name, body: resolveRef(entry.spec, raw).value };
	});
	const toTree = (object) => ({
		name: object.name,
		fields: object.fields.map(fieldObject),
		objects: object.objects.map(toTree),
	});
	return {
		$comment:
			'GENERATED by scripts/generate-profit-update-connectors.mjs from AFAS OpenAPI (OASContent profit/en 6.6.9); do not edit.',
		connector: connector.id,
		sourceFile: connector.file,
		description: connector.description,
		root: connector.root.name,
		verbs: connector.verbs,
		schemaFrom: connector.verbs.includes('POST') ? 'POST' : 'PUT',
		keyAttributes: {
			fromDeletePaths: deletePathForms(connector)[0]?.keys ?? [],
			fromExamples: exampleKeyAttributes(connector, connector.root.name),
		},
		requiredOnPut: connector.putRoot ? requiredTree(connector.putRoot) : null,
		subObjectPaths: connector.paths
			.filter((p) => p.item.post && p.path !== `/connectors/${connector.id}` && !p.item.delete)
			.map((p) => p.path),
		deletePaths: deletePathForms(connector),
		element: toTree(connector.root),
		examples,
	};
}

// ---------- main ----------

function main() {
	const args = parseArgs(process.argv.slice(2));
	const specs = loadSpecs(args.shared);
	const outputs = [];
	outputs.push([
		join(REPO, 'test/simulator/profit/data/oasUpdateConnectors.js'),
		simulatorTable(SIMULATOR_CONNECTORS.map((id) => readConnector(specs, id))),
	]);
	for (const [id, picks] of Object.entries(FIXTURE_CONNECTORS)) {
		const text = `${JSON.stringify(fixture(readConnector(specs, id), picks), null, '\t')}\n`;
		outputs.push([join(REPO, 'test/fixtures/profit-update', `${id}.json`), text]);
	}
	writeOrCheck(outputs, { check: args.check });
}

main();
