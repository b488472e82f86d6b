import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/** One operation file: its UI properties and how it turns one input item into output items. */
export interface AfasOperation {
	description: INodeProperties[];
	/** Returns the output items for input item `itemIndex`; the router adds pairedItem. */
	execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]>;
}

export interface ProfitOperations {
	getConnector: 'getAll';
	metainfo: 'listConnectors' | 'describeGetConnector' | 'describeUpdateConnector';
	file: 'getFile' | 'getSubjectAttachment' | 'getImage' | 'getReport';
	system: 'getProfitVersion';
}

export interface SbOperations {
	sbRecord: 'getAll';
}

/** resource -> operation -> implementation; a missing entry is a compile error (Airtable's AllEntities idea). */
export type OperationTable<T> = { [R in keyof T]: Record<T[R] & string, AfasOperation> };
