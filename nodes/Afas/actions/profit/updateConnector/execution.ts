import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { ProfitClient, UpdateRequest } from '../../../api/profit';
import { sendUpdate, updateConnectorMetainfo, updateRequestUrl } from '../../../api/profit';
import type { ParameterReader } from '../../../parameters';
import type { UpdateJsonElement } from '../../../wire/profit/updateBody';
import { buildUpdateBody, readUpdateResults } from '../../../wire/profit/updateBody';
import { elementsFromJson } from '../../../wire/profit/updateJsonInput';
import type { MapperOperation } from '../../../wire/profit/updateMapper';
import type { MapperValueLike } from '../../../wire/profit/updateMapperInput';
import { elementInputFromMapper } from '../../../wire/profit/updateMapperInput';
import type {
	UpdateAction,
	UpdateElementInput,
	UpdateMeta,
} from '../../../wire/profit/updateTypes';
import { findMetaField } from '../../../wire/profit/updateTypes';
import type { UpdateProblem } from '../../../wire/profit/updateValidation';
import {
	describeUpdateProblems,
	validateUpdateElement,
} from '../../../wire/profit/updateValidation';
import { readSubObjects } from './subObjects';

/** The metainfo as the wire modules take it: `name` is the body root (FiEntries -> FiEntryPar). */
export async function loadMeta(
	client: ProfitClient,
	connectorId: string,
	itemIndex: number,
): Promise<UpdateMeta> {
	const metainfo = await updateConnectorMetainfo(client, connectorId, itemIndex);
	return {
		...metainfo,
		id: metainfo.id ?? connectorId,
		name: metainfo.name ?? connectorId,
	};
}

export function readConnector(p: ParameterReader): string {
	return p.locator('updateConnector', {
		emptyHint: 'Choose an UpdateConnector from the list, or enter its ID (e.g. KnOrganisation).',
	});
}

export function itemJson(context: IExecuteFunctions, itemIndex: number): IDataObject {
	return context.getInputData()[itemIndex]?.json ?? {};
}

/**
 * One item's element(s) before validation: builder input (what is checked) and, in JSON mode, the user's own
 * elements (what is sent). In mapper mode the elements are built from the input after validation.
 */
export interface PreparedItem {
	mode: 'mapper' | 'json';
	inputs: UpdateElementInput[];
	raw: UpdateJsonElement[];
	problems: UpdateProblem[];
	item: IDataObject;
}

export interface PrepareOptions {
	operation: MapperOperation;
	/** Default action for direct rows (the sub-object endpoint inserts rows below an existing record). */
	rowAction?: UpdateAction;
}

export function prepareItem(
	context: IExecuteFunctions,
	p: ParameterReader,
	meta: UpdateMeta,
	itemIndex: number,
	options: PrepareOptions,
): PreparedItem {
	const item = itemJson(context, itemIndex);
	const mode = p.options<'mapper' | 'json'>('inputMode');
	if (mode === 'json') {
		const found = elementsFromJson(meta, p.raw('elementJson'));
		return {
			mode,
			inputs: found.inputs,
			raw: found.elements,
			problems: found.problems,
			item,
		};
	}
	const mapped = elementInputFromMapper(meta, p.raw('fields') as MapperValueLike | undefined, {
		operation: options.operation,
		item,
		subObjects: readSubObjects(p, meta, item),
		blankFields: p.options<'omit' | 'clear'>('options.blankFields'),
		rowAction: options.rowAction,
	});
	return {
		mode,
		inputs: [mapped.input],
		raw: [],
		problems: mapped.problems,
		item,
	};
}

/** Sets a root field on every element (AFAS's match field, a key found by lookup), in both forms. */
export function setRootField(
	prepared: PreparedItem,
	meta: UpdateMeta,
	fieldId: string,
	value: unknown,
): void {
	const key = findMetaField(meta, fieldId)?.primaryKey === true;
	for (const input of prepared.inputs) input.fields = { ...input.fields, [fieldId]: value };
	prepared.raw = prepared.raw.map((element) => {
		if (key) return { ...element, [`@${fieldId}`]: value };
		const fields =
			typeof element.Fields === 'object' && element.Fields !== null ? element.Fields : {};
		return { ...element, Fields: { ...fields, [fieldId]: value } };
	});
}

function problemsError(
	context: IExecuteFunctions,
	itemIndex: number,
	connectorId: string,
	problems: UpdateProblem[],
): NodeOperationError {
	const message =
		problems.length === 1
			? `${connectorId}: ${problems[0].path === problems[0].fieldId ? '' : `${problems[0].path}: `}${problems[0].message}`
			: `${problems.length} problems with the values for UpdateConnector ${connectorId}`;
	return new NodeOperationError(context.getNode(), message, {
		itemIndex,
		description: `${describeUpdateProblems(problems)}\nNothing was sent to AFAS for this item.`,
	});
}

/**
 * Checks the item against the metainfo for `action` (POST insert, PUT update) and returns the elements to send.
 * Throws a NodeOperationError listing every problem, with label and id; nothing is sent for that item.
 */
export function elementsToSend(
	context: IExecuteFunctions,
	itemIndex: number,
	connectorId: string,
	meta: UpdateMeta,
	prepared: PreparedItem,
	action: UpdateAction,
	ignore: (problem: UpdateProblem) => boolean = () => false,
): UpdateJsonElement[] {
	const problems = [
		...prepared.problems,
		...prepared.inputs.flatMap((input) => validateUpdateElement(meta, input, action)),
	].filter((problem) => !ignore(problem));
	if (problems.length > 0) throw problemsError(context, itemIndex, connectorId, problems);
	if (prepared.mode === 'json') return prepared.raw;
	const inputs = prepared.inputs.filter((input) => Object.keys(input).length > 0);
	if (inputs.length === 0)
		throw new NodeOperationError(
			context.getNode(),
			`Nothing to send to ${connectorId} for this item`,
			{
				itemIndex,
				description:
					'Map at least one field, or switch Fields to "Map Automatically" with matching input fields.',
			},
		);
	const body = buildUpdateBody(meta, inputs);
	const element = body[meta.name].Element;
	return Array.isArray(element) ? element : [element];
}

export function bodyOf(meta: UpdateMeta, elements: UpdateJsonElement[]) {
	return {
		[meta.name]: { Element: elements.length === 1 ? elements[0] : elements },
	};
}

/** The options every write reads the same way. */
export interface WriteOptions {
	dryRun: boolean;
	includeInputFields: boolean;
	retryUpdates: boolean;
	timeoutMs?: number;
}

export function readWriteOptions(p: ParameterReader, retryable: boolean): WriteOptions {
	return {
		dryRun: p.boolean('options.dryRun'),
		includeInputFields: p.boolean('options.includeInputFields'),
		retryUpdates: retryable && p.boolean('options.retryUpdates'),
		timeoutMs: p.timeoutMs('options.timeout'),
	};
}

export interface Delivery {
	connectorId: string;
	operation: string;
	meta: UpdateMeta;
	options: WriteOptions;
}

export function dryRunItem(client: ProfitClient, request: UpdateRequest): INodeExecutionData {
	const json: IDataObject = {
		dryRun: true,
		method: request.method,
		url: updateRequestUrl(client, request),
	};
	if (request.body !== undefined) json.body = request.body as IDataObject;
	return { json };
}

/** AFAS's keys (`results.<root>`), or `success: true` for an empty success body (some connectors, every DELETE). */
export function resultItem(
	delivery: Delivery,
	response: unknown,
	item: IDataObject,
): INodeExecutionData {
	const results = readUpdateResults(delivery.meta, response);
	const base = delivery.options.includeInputFields ? { ...item } : {};
	const own = Object.keys(results).length > 0 ? results : { success: true };
	return {
		json: {
			...base,
			...(own as IDataObject),
			connector: delivery.connectorId,
			operation: delivery.operation,
		},
	};
}

/**
 * An item of a batch of several: AFAS answers once for the whole call, and which element's keys it returns is
 * UNVERIFIED (the simulator returns the last one's), so the answer is shown as the batch's, not as this item's.
 */
export function batchResultItem(
	delivery: Delivery,
	response: unknown,
	item: IDataObject,
	batchSize: number,
): INodeExecutionData {
	const results = readUpdateResults(delivery.meta, response);
	const base = delivery.options.includeInputFields ? { ...item } : {};
	return {
		json: {
			...base,
			success: true,
			batchSize,
			...(Object.keys(results).length > 0 ? { batchResults: results as IDataObject } : {}),
			connector: delivery.connectorId,
			operation: delivery.operation,
		},
	};
}

/** Sends one request (or, with Dry Run, shows it) and returns the item's output. */
export async function deliver(
	client: ProfitClient,
	request: UpdateRequest,
	delivery: Delivery,
	itemIndex: number,
	item: IDataObject,
): Promise<INodeExecutionData[]> {
	if (delivery.options.dryRun) return [dryRunItem(client, request)];
	const response = await sendUpdate(client, request, {
		itemIndex,
		timeoutMs: delivery.options.timeoutMs,
		retryUpdates: delivery.options.retryUpdates,
	});
	return [resultItem(delivery, response, item)];
}

/** The same AFAS error for another item of a failed batch: its own index, and why it failed too. */
export function batchError(
	context: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
	batch: number[],
): unknown {
	if (!(error instanceof NodeApiError)) return error;
	const note = `Items ${batch.join(', ')} were sent in one batch; AFAS handles a batch as one transaction, so none of them was saved. Set Options → On Batch Failure to "Retry Each Item" to find the item AFAS refuses.`;
	return new NodeApiError(context.getNode(), { message: error.message } as JsonObject, {
		message: error.message,
		description: [error.description, note].filter(Boolean).join('\n'),
		httpCode: error.httpCode ?? undefined,
		itemIndex,
	});
}
