import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, updateDisplayOptions } from 'n8n-workflow';

import type { SbClient } from '../../api/sb';
import { sendSbWrite } from '../../api/sb';
import { parameters } from '../../parameters';
import type { SbField } from '../../wire/sb/catalogueTypes';
import { buildSbBody } from '../../wire/sb/writeBody';
import { readSbWriteResult } from '../../wire/sb/writeResult';
import { checkTrackingIdentifier } from '../../wire/sb/trackingIdentifier';
import { sbApiPath } from '../../wire/sb/catalogue';
import { acceptVersionOf, sbOptions } from './descriptions';
import type { SbNodeOperation } from './selectors';
import { sbTarget } from './target';

/** Create, Update and Delete share everything but their display options: the catalogue says the rest. */
export type SbWriteOperation = Extract<SbNodeOperation, 'create' | 'update' | 'delete'>;

const VERBS: Record<SbWriteOperation, string> = {
	create: 'Create',
	update: 'Update',
	delete: 'Delete',
};

const fieldsProperty: INodeProperties = {
	displayName: 'Fields',
	name: 'fields',
	type: 'resourceMapper',
	noDataExpression: true,
	default: { mappingMode: 'defineBelow', value: null },
	required: true,
	typeOptions: {
		loadOptionsDependsOn: ['resource', 'sbResource', 'operation'],
		resourceMapper: {
			resourceMapperMethod: 'getSbWriteFields',
			mode: 'add',
			fieldWords: { singular: 'field', plural: 'fields' },
			addAllFields: false,
			multiKeyMatch: false,
			supportAutoMap: true,
			noFieldsError: 'This AFAS SB endpoint has no fields',
		},
	},
};

const optionsProperty: INodeProperties = sbOptions({
	displayName: 'Tracking Identifier',
	name: 'trackingIdentifier',
	type: 'string',
	default: '',
	placeholder: 'e.g. {{ $json.orderGuid }}',
	description:
		'A UUID that makes AFAS SB process this request only once: a repeat gets the first answer. Empty: a new UUID per item (used for every automatic retry of that item). Set it from your data to make re-running a workflow safe too.',
});

const properties = [fieldsProperty, optionsProperty];

export function writeDescription(operation: SbWriteOperation): INodeProperties[] {
	return updateDisplayOptions({ show: { product: ['sb'], operation: [operation] } }, properties);
}

interface MapperValue {
	mappingMode?: string;
	value?: IDataObject | null;
}

/**
 * Auto-mapping takes the item's keys that are fields of the body (ignoring case) and leaves the rest: an item
 * carries more than one endpoint needs. Mapped below, every key is the user's choice and is checked as such.
 */
function valuesOf(mapper: MapperValue, item: IDataObject, fields: readonly SbField[]): IDataObject {
	if (mapper.mappingMode !== 'autoMapInputData') return { ...(mapper.value ?? {}) };
	const known = new Set(fields.map((field) => field.name.toLowerCase()));
	const values: IDataObject = {};
	for (const key of Object.keys(item)) {
		if (known.has(key.toLowerCase())) values[key] = item[key];
	}
	return values;
}

export async function executeWrite(
	this: IExecuteFunctions,
	itemIndex: number,
	client: SbClient,
): Promise<INodeExecutionData[]> {
	const { entry, operation } = sbTarget(this, itemIndex);
	const fields = entry.write?.bodyFields ?? [];
	const p = parameters(this, itemIndex, properties);
	const mapper = this.getNodeParameter('fields', itemIndex, {}) as MapperValue;
	const label = `${VERBS[operation as SbWriteOperation]} ${entry.resourceName}`;
	const body = buildSbBody(fields, valuesOf(mapper, this.getInputData()[itemIndex].json, fields), {
		operationLabel: label,
	});
	const given = p.string('options.trackingIdentifier', { trim: true });
	const trackingIdentifier = given === '' ? crypto.randomUUID() : checkTrackingIdentifier(given);
	const answer = await sendSbWrite(client, {
		method: entry.method as 'POST' | 'PUT' | 'DELETE',
		path: sbApiPath(entry),
		acceptVersion: acceptVersionOf(this, p, entry, itemIndex),
		body: body as IDataObject,
		trackingIdentifier,
		itemIndex,
		timeoutMs: p.timeoutMs('options.timeout'),
	});
	const outcome = readSbWriteResult(answer, 200);
	if (outcome.kind === 'succeeded')
		return [{ json: { ...(outcome.json as IDataObject), trackingIdentifier } }];
	// SB answers business failures with HTTP 200 and "result": "Failed": an error for this item, never a success.
	throw new NodeApiError(this.getNode(), answer as JsonObject, {
		message: outcome.message,
		description: `${outcome.description} Tracking-Identifier: ${trackingIdentifier}.`,
		httpCode: '200',
		itemIndex,
	});
}
