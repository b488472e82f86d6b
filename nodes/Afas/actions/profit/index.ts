import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ProfitClient } from '../../api/profit';
import { createProfitClient } from '../../api/profit';
import type { OperationTable } from '../node.type';
import * as file from './file';
import * as getConnector from './getConnector';
import * as metainfo from './metainfo';
import * as system from './system';
import * as updateConnector from './updateConnector';

/** AFAS Profit's resources and their operations: adding one means adding it here (and its folder). */
export interface ProfitOperations {
	getConnector: 'getAll';
	metainfo: 'listConnectors' | 'describeGetConnector' | 'describeUpdateConnector';
	file: 'getFile' | 'getSubjectAttachment' | 'getImage' | 'getReport';
	system: 'getProfitVersion';
	updateConnector: 'insert' | 'update' | 'delete' | 'upsert';
}

export const label = 'AFAS Profit';

export const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { product: ['profit'] } },
	options: [
		{
			name: 'File',
			value: 'file',
			description: 'Files, dossier attachments, images and reports as binary data',
		},
		{ name: 'GetConnector', value: 'getConnector', description: 'Rows from a GetConnector' },
		{
			name: 'Metainfo',
			value: 'metainfo',
			description: 'Which connectors exist and which fields they have',
		},
		{ name: 'System', value: 'system', description: 'Information about the Profit environment' },
		{
			name: 'UpdateConnector',
			value: 'updateConnector',
			description: 'Insert, update or delete records through an UpdateConnector',
		},
	],
	default: 'getConnector',
};

/** The operation selectors and parameters of every Profit resource. */
export const description: INodeProperties[] = [
	...getConnector.description,
	...metainfo.description,
	...file.description,
	...system.description,
	...updateConnector.description,
];

export const operations: OperationTable<ProfitOperations, ProfitClient> = {
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
	updateConnector: {
		insert: updateConnector.insert,
		update: updateConnector.update,
		delete: updateConnector.delete,
		upsert: updateConnector.upsert,
	},
};

/** Profit has one credential type, so no parameter decides anything here. */
export async function createClient(context: IExecuteFunctions): Promise<ProfitClient> {
	return await createProfitClient(context);
}
