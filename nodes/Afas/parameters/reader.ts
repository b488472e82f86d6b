import type {
	IDataObject,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	NodeParameterValueType,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { AfasContext } from '../transport';
import { DEFAULT_TIMEOUT_MS } from '../transport';
import type { NumberRule, ParameterCheck, TextRule } from '../wire/parameterRules';
import {
	checkBoolean,
	checkJson,
	checkNumber,
	checkOption,
	checkText,
	LABEL_SEPARATOR,
} from '../wire/parameterRules';
import { nodeParameter } from './nodeParameter';

/**
 * Reads the parameters of one item, each checked for type and range, so no operation, loader or trigger sends
 * a request built from a value n8n's editor would not have accepted. Labels, ranges, option values and
 * defaults come from the property descriptions the operation declares: one source for the editor and the
 * check. Paths use n8n's dot notation ('options.timeout'); entries() opens fixed-collection lists.
 */
export interface ParameterReader {
	boolean(path: string): boolean;
	/** Not set (an unused collection option, a hidden field): the rule's default, else the field's default. */
	number(path: string, rule?: NumberRule & { default?: number }): number;
	/** Undefined when a collection option is not set; a set option must be valid (an empty one is not "unset"). */
	optionalNumber(path: string, rule?: NumberRule): number | undefined;
	/** A "Timeout (Seconds)" option in milliseconds; undefined leaves the transport's default. */
	timeoutMs(path: string): number | undefined;
	options<T extends string>(path: string): T;
	string(path: string, rule?: TextRule): string;
	/** A resource locator's value (any mode), checked as text; required unless the rule says otherwise. */
	locator(path: string, rule?: TextRule): string;
	json(path: string): string | IDataObject | undefined;
	/** The value unchecked, for values whose checks belong to their consumer (filter values, by field type). */
	raw(path: string): unknown;
	/** One reader per entry of a fixed collection list, e.g. entries('sort.fields'). */
	entries(path: string): ParameterReader[];
}

interface Scope {
	properties: readonly INodeProperties[];
	/** Labels of the enclosing collections and entries; empty at the top level. */
	prefix: string[];
	/** `present` is false only for collection entries the user did not add. */
	read(property: INodeProperties): { present: boolean; value: unknown };
}

interface Located {
	label: string;
	property: INodeProperties;
	present: boolean;
	value: unknown;
}

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own(object: unknown, key: string): { present: boolean; value: unknown } {
	if (!isObject(object) || !Object.prototype.hasOwnProperty.call(object, key))
		return { present: false, value: undefined };
	return { present: true, value: object[key] };
}

function isCollectionOptions(
	options: INodeProperties['options'],
): options is INodePropertyCollection[] {
	return Array.isArray(options) && options.every((option) => 'values' in option);
}

class Reader implements ParameterReader {
	constructor(
		private readonly context: AfasContext,
		private readonly itemIndex: number,
		private readonly scope: Scope,
	) {}

	private error(message: string, description: string): NodeOperationError {
		return new NodeOperationError(this.context.getNode(), message, {
			itemIndex: this.itemIndex,
			description,
		});
	}

	private valid<T>(check: ParameterCheck<T>): T {
		if (!check.ok) throw this.error(check.message, check.fix);
		return check.value;
	}

	private property(properties: readonly INodeProperties[], name: string): INodeProperties {
		const property = properties.find((entry) => entry.name === name);
		// A typo in an operation's own code, not user input: caught by the tests of that operation.
		if (!property)
			throw this.error(`The AFAS node has no parameter "${name}" here`, 'Please report this bug.');
		return property;
	}

	/** Walks 'a.b' through collections; the first segment comes from the scope, the rest from its value. */
	private locate(path: string): Located {
		const [first, ...rest] = path.split('.');
		let property = this.property(this.scope.properties, first);
		let { present, value } = this.scope.read(property);
		const labels = [...this.scope.prefix, property.displayName];
		for (const name of rest) {
			if (property.type !== 'collection' || isCollectionOptions(property.options))
				throw this.error(
					`The AFAS node reads "${path}" as a collection path`,
					'Please report this bug.',
				);
			if (present && value !== undefined && !isObject(value))
				throw this.error(
					`${labels.join(LABEL_SEPARATOR)} must be a collection of options`,
					'Remove the expression from the collection and set each option on its own.',
				);
			property = this.property((property.options ?? []) as INodeProperties[], name);
			({ present, value } = own(value, name));
			labels.push(property.displayName);
		}
		return { label: labels.join(LABEL_SEPARATOR), property, present, value };
	}

	private numberRule(property: INodeProperties, rule: NumberRule): NumberRule {
		return {
			min: property.typeOptions?.minValue,
			max: property.typeOptions?.maxValue,
			integer: property.typeOptions?.numberPrecision === 0,
			...rule,
		};
	}

	boolean(path: string): boolean {
		const { label, property, present, value } = this.locate(path);
		return this.valid(checkBoolean(label, present ? value : property.default));
	}

	number(path: string, rule: NumberRule & { default?: number } = {}): number {
		const { label, property, present, value } = this.locate(path);
		const { default: fallback, ...numberRule } = rule;
		const raw = present ? value : (fallback ?? property.default);
		return this.valid(checkNumber(label, raw, this.numberRule(property, numberRule)));
	}

	optionalNumber(path: string, rule: NumberRule = {}): number | undefined {
		const { label, property, present, value } = this.locate(path);
		if (!present) return undefined;
		return this.valid(checkNumber(label, value, this.numberRule(property, rule)));
	}

	timeoutMs(path: string): number | undefined {
		const seconds = this.optionalNumber(path, {
			hint: `Remove the option to wait the default ${DEFAULT_TIMEOUT_MS / 1000} seconds.`,
		});
		return seconds === undefined ? undefined : Math.round(seconds * 1000);
	}

	options<T extends string>(path: string): T {
		const { label, property, present, value } = this.locate(path);
		const allowed = ((property.options ?? []) as INodePropertyOptions[])
			.map((option) => option.value)
			.filter((option): option is T => typeof option === 'string');
		return this.valid(checkOption<T>(label, present ? value : property.default, allowed));
	}

	string(path: string, rule: TextRule = {}): string {
		const { label, property, present, value } = this.locate(path);
		return this.valid(checkText(label, present ? value : property.default, rule));
	}

	locator(path: string, rule: TextRule = {}): string {
		const { label, property, present, value } = this.locate(path);
		const raw = present ? value : property.default;
		// The stored shape is { __rl, mode, value }; an expression over the whole field can give the id itself.
		const id = isObject(raw) && '__rl' in raw ? raw.value : raw;
		return this.valid(checkText(label, id, { required: true, trim: true, ...rule }));
	}

	json(path: string): string | IDataObject | undefined {
		const { label, present, value } = this.locate(path);
		return this.valid(checkJson(label, present ? value : undefined)) as
			| string
			| IDataObject
			| undefined;
	}

	raw(path: string): unknown {
		const { present, value } = this.locate(path);
		return present ? value : undefined;
	}

	entries(path: string): ParameterReader[] {
		const [collectionPath, listName] = splitLast(path);
		const { label, property, present, value } = this.locate(collectionPath);
		const lists = property.options;
		if (property.type !== 'fixedCollection' || !isCollectionOptions(lists))
			throw this.error(`The AFAS node reads "${path}" as a list`, 'Please report this bug.');
		const list = lists.find((entry) => entry.name === listName);
		if (!list) throw this.error(`The AFAS node has no list "${path}"`, 'Please report this bug.');
		const raw = present ? own(value, listName).value : undefined;
		if (raw === undefined || raw === null) return [];
		const entries = Array.isArray(raw) ? raw : [raw];
		// At the top level the field's own name says which list it is ("Sort"); nested, the entry name does.
		const prefix = this.scope.prefix.length === 0 ? [label] : [...this.scope.prefix];
		return entries.map((entry, index) => {
			const entryLabel = [...prefix, `${list.displayName} ${index + 1}`];
			if (!isObject(entry))
				throw this.error(
					`${entryLabel.join(LABEL_SEPARATOR)} must be an entry of fields, not a single value`,
					'Remove the expression from the list and fill in its fields.',
				);
			return new Reader(this.context, this.itemIndex, {
				properties: list.values,
				prefix: entryLabel,
				read: (entryProperty) => own(entry, entryProperty.name),
			});
		});
	}
}

function splitLast(path: string): [string, string] {
	const at = path.lastIndexOf('.');
	return [path.slice(0, at), path.slice(at + 1)];
}

/**
 * The typed reader for item `itemIndex` of an execute context, or for a load-options or poll context (where
 * the index is ignored). `properties` are the descriptions of the parameters that will be read.
 */
export function parameters(
	context: AfasContext,
	itemIndex: number,
	properties: readonly INodeProperties[],
): ParameterReader {
	const cache = new Map<string, unknown>();
	return new Reader(context, itemIndex, {
		properties,
		prefix: [],
		read(property) {
			if (!cache.has(property.name)) {
				// A field hidden by its display options is absent from the node; n8n then gives its default.
				const value = nodeParameter<NodeParameterValueType | object>(
					context,
					property.name,
					itemIndex,
					property.default,
				);
				cache.set(property.name, value);
			}
			return { present: true, value: cache.get(property.name) };
		},
	});
}
