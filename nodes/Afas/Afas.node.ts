import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { productCredentials, productProperty } from './actions/common.descriptions';
import * as profit from './actions/profit';
import { router } from './actions/router';
import * as sb from './actions/sb';
import { listSearch, loadOptions, resourceMapping } from './methods';

export class Afas implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'AFAS',
		name: 'afas',
		icon: { light: 'file:../../icons/afas.svg', dark: 'file:../../icons/afas.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Read and write AFAS Profit (GetConnectors, UpdateConnectors, metainfo, files) and AFAS SB (every endpoint of SB API 6.0.0)',
		defaults: { name: 'AFAS' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: productCredentials,
		properties: [
			productProperty,
			sb.authenticationProperty,
			profit.resourceProperty,
			sb.resourceProperty,
			...profit.description,
			...sb.description,
		],
	};

	methods = { listSearch, loadOptions, resourceMapping };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
