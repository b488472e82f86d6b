import type { UpdateJsonElement } from './updateBody';
import type { UpdateAction, UpdateElementInput, UpdateMeta } from './updateTypes';
import type { UpdateProblem } from './updateValidation';

/**
 * The JSON mode of a write: the user gives the element(s) as AFAS expects them inside the root
 * (`{"Fields":{…},"Objects":[…]}`, or a list of those) or a whole body `{"<Root>":{"Element":…}}`. The elements
 * are sent exactly as given (that is the point of the mode: anything the structured mode cannot express), and
 * read back into builder input only so `validateUpdateElement` can check them first. Pure.
 */
export interface JsonElements {
	elements: UpdateJsonElement[];
	inputs: UpdateElementInput[];
	problems: UpdateProblem[];
}

type Json = Record<string, unknown>;

const ACTIONS: UpdateAction[] = ['insert', 'update', 'delete'];
const ELEMENT_KEYS = new Set(['fields', 'objects', 'element']);

function isObject(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function problem(path: string, message: string): UpdateProblem {
	return { path, fieldId: path, label: path, kind: 'type', message };
}

function objectEntries(objects: unknown, path: string, problems: UpdateProblem[]) {
	if (objects === undefined || objects === null) return [];
	if (Array.isArray(objects))
		return objects.flatMap((entry, index) => {
			if (isObject(entry)) return Object.entries(entry);
			problems.push(
				problem(`${path}.Objects[${index}]`, 'Each entry of Objects must be an object'),
			);
			return [];
		});
	if (isObject(objects)) return Object.entries(objects);
	problems.push(problem(`${path}.Objects`, 'Objects must be a list or an object'));
	return [];
}

function readAction(
	raw: unknown,
	path: string,
	problems: UpdateProblem[],
): UpdateAction | undefined {
	const action = String(raw).trim().toLowerCase();
	if (ACTIONS.includes(action as UpdateAction)) return action as UpdateAction;
	problems.push(
		problem(`${path}.@Action`, `@Action must be insert, update or delete, got "${String(raw)}"`),
	);
	return undefined;
}

function inputOf(element: unknown, path: string, problems: UpdateProblem[]): UpdateElementInput {
	if (!isObject(element)) {
		problems.push(problem(path, 'An Element must be an object with Fields (and Objects)'));
		return {};
	}
	const fields: Json = {};
	const input: UpdateElementInput = {};
	for (const [key, value] of Object.entries(element)) {
		if (key.toLowerCase() === '@action') input.action = readAction(value, path, problems);
		else if (key.startsWith('@')) fields[key.slice(1)] = value;
		else if (!['Fields', 'Objects'].includes(key))
			problems.push(
				problem(
					`${path}.${key}`,
					`'${key}' is not part of an Element; use Fields, Objects or @Key`,
				),
			);
	}
	// One vendor example sends Fields as a list of one object (research §7.2); read the same way AFAS does.
	const rawFields = Array.isArray(element.Fields)
		? Object.assign({}, ...element.Fields)
		: element.Fields;
	if (rawFields !== undefined && !isObject(rawFields))
		problems.push(problem(`${path}.Fields`, 'Fields must be an object of field ids and values'));
	for (const [key, value] of Object.entries(isObject(rawFields) ? rawFields : {})) {
		if (key.toLowerCase() === '@action') input.action = readAction(value, path, problems);
		else fields[key] = value;
	}
	if (Object.keys(fields).length > 0) input.fields = fields;
	const objects: NonNullable<UpdateElementInput['objects']> = {};
	for (const [name, wrapper] of objectEntries(element.Objects, path, problems)) {
		const at = `${path}.${name}`;
		if (!isObject(wrapper) || wrapper.Element === undefined) {
			problems.push(problem(at, `${name} must be { "Element": … }`));
			continue;
		}
		const rows = Array.isArray(wrapper.Element)
			? wrapper.Element.map((row, index) => inputOf(row, `${at}[${index}]`, problems))
			: inputOf(wrapper.Element, at, problems);
		objects[name] = rows;
	}
	if (Object.keys(objects).length > 0) input.objects = objects;
	return input;
}

function parsed(raw: unknown): { value?: unknown; problem?: UpdateProblem } {
	if (typeof raw !== 'string') return { value: raw };
	try {
		return { value: JSON.parse(raw) as unknown };
	} catch {
		return { problem: problem('JSON', 'The Element JSON is not valid JSON') };
	}
}

/** The element(s) of the user's JSON, under `meta.name` when a whole body was given. */
export function elementsFromJson(meta: UpdateMeta, raw: unknown): JsonElements {
	const problems: UpdateProblem[] = [];
	const { value, problem: unreadable } = parsed(raw);
	if (unreadable) return { elements: [], inputs: [], problems: [unreadable] };
	let elements: unknown = value;
	if (isObject(value)) {
		const keys = Object.keys(value);
		const looksLikeBody =
			keys.length === 1 && !ELEMENT_KEYS.has(keys[0].toLowerCase()) && !keys[0].startsWith('@');
		if (looksLikeBody) {
			const root = keys[0];
			const wrapper = value[root];
			if (root !== meta.name) {
				const hint =
					meta.id !== undefined && meta.id !== meta.name
						? ` (not the connector id ${meta.id})`
						: '';
				problems.push(
					problem(root, `The root element must be '${meta.name}'${hint}, got '${root}'`),
				);
				return { elements: [], inputs: [], problems };
			}
			if (!isObject(wrapper) || wrapper.Element === undefined) {
				problems.push(problem(root, `${root} must be { "Element": … }`));
				return { elements: [], inputs: [], problems };
			}
			elements = wrapper.Element;
		}
	}
	const list = Array.isArray(elements) ? elements : [elements];
	if (list.length === 0 || elements === undefined || elements === null || elements === '') {
		problems.push(problem('JSON', 'The Element JSON is empty'));
		return { elements: [], inputs: [], problems };
	}
	const inputs = list.map((element, index) =>
		inputOf(element, list.length > 1 ? `Element[${index}]` : 'Element', problems),
	);
	return {
		elements: list.filter((element): element is UpdateJsonElement => isObject(element)),
		inputs,
		problems,
	};
}
