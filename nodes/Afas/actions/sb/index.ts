import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { SbClient, SbCredentialType } from '../../api/sb';
import { createSbClient } from '../../api/sb';
import { parameters } from '../../parameters';
import type { ItemOperation } from '../node.type';
import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as download from './download.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import type { SbNodeOperation } from './selectors';
import { GROUP_VALUES, resourceProperty, selectorProperties } from './selectors';
import { sbTarget } from './target';
import * as update from './update.operation';
import * as upload from './upload.operation';

export { resourceProperty };

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

/** Every SB endpoint is one of these; which endpoint follows from SB Resource and the catalogue. */
const implementations: Record<SbNodeOperation, ItemOperation<SbClient>> = {
	getMany,
	getManyLegacy: getMany,
	get,
	create,
	update,
	delete: deleteOperation,
	upload,
	download,
};

/** The pickers, then each operation's parameters (shown by operation, the same for every resource). */
export const description: INodeProperties[] = [
	...selectorProperties,
	...getMany.description,
	...get.description,
	...create.description,
	...update.description,
	...deleteOperation.description,
	...upload.description,
	...download.description,
];

/** Resource (group) → operation: every group reaches the same generic operations. */
export const operations: Record<
	string,
	Record<string, ItemOperation<SbClient>>
> = Object.fromEntries(Object.values(GROUP_VALUES).map((group) => [group, implementations]));

/** Resource, SB Resource and Operation name each other's values: read them in order, each checked. */
export function checkSelection(context: IExecuteFunctions): void {
	sbTarget(context, 0);
}

/** The credential type follows the Authentication parameter (one value per node: it takes no expression). */
export async function createClient(context: IExecuteFunctions): Promise<SbClient> {
	const credentialType = parameters(context, 0, [authenticationProperty]).options<SbCredentialType>(
		'authentication',
	);
	return await createSbClient(context, credentialType);
}
