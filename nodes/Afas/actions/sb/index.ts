import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { SbClient, SbCredentialType } from '../../api/sb';
import { createSbClient } from '../../api/sb';
import { parameters } from '../../parameters';
import type { OperationTable } from '../node.type';
import * as sbRecord from './sbRecord';

/** AFAS SB's resources and their operations: adding one means adding it here (and its folder). */
export interface SbOperations {
	sbRecord: 'getAll';
}

export const label = 'AFAS SB';

/** Which SB credential type the node uses (Airtable v2's pattern); the node's credentials list shows by it. */
export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { product: ['sb'] } },
	options: [
		{ name: 'App Token', value: 'afasSbApi' },
		{ name: 'OAuth2', value: 'afasSbOAuth2Api' },
	],
	default: 'afasSbApi',
};

export const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { product: ['sb'] } },
	options: [{ name: 'Record', value: 'sbRecord', description: 'Records of one AFAS SB resource' }],
	default: 'sbRecord',
};

/** The operation selectors and parameters of every SB resource. */
export const description: INodeProperties[] = [...sbRecord.description];

export const operations: OperationTable<SbOperations, SbClient> = {
	sbRecord: { getAll: sbRecord.getAll },
};

/** The credential type follows the Authentication parameter (one value per node: it takes no expression). */
export async function createClient(context: IExecuteFunctions): Promise<SbClient> {
	const credentialType = parameters(context, 0, [authenticationProperty]).options<SbCredentialType>(
		'authentication',
	);
	return await createSbClient(context, credentialType);
}
