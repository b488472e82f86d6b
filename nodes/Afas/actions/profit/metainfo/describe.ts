import type { IDataObject } from 'n8n-workflow';

import type { UpdateConnectorField, UpdateConnectorObject } from '../../../api/profit';

/** A code table as `{ value, description }` pairs, or undefined when the field has none. */
export function allowedValues(
	values: Array<{ id: string; description?: string }> | null | undefined,
): IDataObject[] | undefined {
	if (!Array.isArray(values) || values.length === 0) return undefined;
	return values.map((entry) => ({ value: entry.id, description: entry.description ?? '' }));
}

function describeUpdateField(field: UpdateConnectorField): IDataObject {
	const described: IDataObject = {
		id: field.fieldId,
		label: field.label ?? '',
		dataType: field.dataType ?? '',
		mandatory: field.mandatory === true,
		key: field.primaryKey === true,
	};
	if (field.length !== undefined) described.length = field.length;
	if (field.decimals) described.decimals = field.decimals;
	if (field.notzero) described.notZero = true;
	const values = allowedValues(field.values);
	if (values) described.allowedValues = values;
	return described;
}

/**
 * An UpdateConnector object (the root or a nested one) in a shape a person or an AI agent can read without
 * knowing AFAS's metainfo: keys and mandatory fields listed up front, nested objects recursively.
 */
export function describeUpdateObject(object: UpdateConnectorObject): IDataObject {
	const fields = (object.fields ?? []).map(describeUpdateField);
	return {
		name: object.name,
		keyFields: fields.filter((field) => field.key === true).map((field) => field.id as string),
		mandatoryFields: fields
			.filter((field) => field.mandatory === true)
			.map((field) => field.id as string),
		fields,
		objects: (object.objects ?? []).map(describeUpdateObject),
	};
}
