import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { productOf, toNodeError } from '../transport';
import type { AfasOperation, OperationTable, ProfitOperations, SbOperations } from './node.type';
import * as file from './profit/file';
import * as getConnector from './profit/getConnector';
import * as metainfo from './profit/metainfo';
import * as system from './profit/system';
import * as sbRecord from './sb/sbRecord';

const profit: OperationTable<ProfitOperations> = {
	getConnector: { getAll: getConnector.getAll },
	metainfo: {
		listConnectors: metainfo.listConnectors,
		describeGetConnector: metainfo.describeGetConnector,
		describeUpdateConnector: metainfo.describeUpdateConnector,
	},
	file: {
		getFile: file.getFile,
		getSubjectAttachment: file.getSubjectAttachment,
		getImage: file.getImage,
		getReport: file.getReport,
	},
	system: { getProfitVersion: system.getProfitVersion },
};

const sb: OperationTable<SbOperations> = {
	sbRecord: { getAll: sbRecord.getAll },
};

const OPERATIONS: Record<'profit' | 'sb', Record<string, Record<string, AfasOperation>>> = {
	profit,
	sb,
};

function own<T>(table: Record<string, T>, key: string): T | undefined {
	return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/** Resolves product/resource/operation to an implementation; anything else, including n8n's injected
 * "Custom API Call" (__CUSTOM_API_CALL__), is a configuration error, not an item error. */
function operationFor(this: IExecuteFunctions): AfasOperation {
	const product = productOf(this, 0);
	// Fallbacks: n8n cannot read a parameter that no property shows for this product/resource.
	const resource = this.getNodeParameter('resource', 0, '') as string;
	const operation = this.getNodeParameter('operation', 0, '') as string;
	const resources = OPERATIONS[product];
	const implementation = own(own(resources, resource) ?? {}, operation);
	if (implementation) return implementation;
	const known = Object.entries(resources)
		.map(([name, operations]) => `${name}: ${Object.keys(operations).join(', ')}`)
		.join('; ');
	throw new NodeOperationError(
		this.getNode(),
		operation === '__CUSTOM_API_CALL__'
			? 'Custom API calls are not supported by the AFAS node'
			: `The operation "${operation}" of resource "${resource}" is not supported for ${product === 'sb' ? 'AFAS SB' : 'AFAS Profit'}`,
		{
			description: `Pick one of the listed operations (${known}). For other endpoints, use the HTTP Request node with the AFAS credential.`,
		},
	);
}

/**
 * The node's only item loop: each input item is handled on its own (parameters read per item), every output
 * item is paired with the input item it came from, and a failure either becomes an error item (either Continue
 * setting) or stops the node with the item it belongs to.
 *
 * An error item carries the error itself in `error`: n8n (1.x and 2.x, `handleNodeErrorOutput`) moves an item to
 * the error output only when it has `error`, or when its json is nothing but `error` (+ `message`), which would
 * lose AFAS's description and HTTP code. The json keeps those for "Continue" (regular output) and for reading.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	if (items.length === 0) return [[]];
	const operation = operationFor.call(this);
	const returnData: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const results = await operation.execute.call(this, itemIndex);
			for (const result of results) returnData.push({ ...result, pairedItem: { item: itemIndex } });
		} catch (error) {
			const nodeError = toNodeError(this.getNode(), error, itemIndex);
			if (!this.continueOnFail()) throw nodeError;
			const json: Record<string, string> = { error: nodeError.message };
			if (nodeError.description) json.description = nodeError.description;
			const httpCode = (nodeError as { httpCode?: string | null }).httpCode;
			if (httpCode) json.httpCode = httpCode;
			returnData.push({ json, error: nodeError, pairedItem: { item: itemIndex } });
		}
	}
	return [returnData];
}
