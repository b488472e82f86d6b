import type {
	INodeCredentialDescription,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

/** The first choice in the node; each product's index (actions/<product>/index.ts) brings the rest. */
export const productProperty: INodeProperties = {
	displayName: 'Product',
	name: 'product',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'AFAS Profit',
			value: 'profit',
			description:
				'AFAS Profit (ProfitRestServices): GetConnectors, UpdateConnector writes, metainfo, files and reports',
		},
		{
			name: 'AFAS SB',
			value: 'sb',
			description:
				'AFAS SB (formerly AFAS Focus): bookkeeping resources such as organisations and invoices',
		},
	],
	default: 'profit',
};

/** The credential each product uses (SB: by its Authentication choice); the AFAS node and the AFAS Trigger share it. */
export const productCredentials: INodeCredentialDescription[] = [
	{ name: 'afasProfitApi', required: true, displayOptions: { show: { product: ['profit'] } } },
	{
		name: 'afasSbApi',
		required: true,
		displayOptions: { show: { product: ['sb'], authentication: ['afasSbApi'] } },
	},
	{
		name: 'afasSbOAuth2Api',
		required: true,
		displayOptions: { show: { product: ['sb'], authentication: ['afasSbOAuth2Api'] } },
	},
];

/** The GetConnector, as a searchable list from the environment's /metainfo or typed by id. */
export const getConnectorLocator: INodeProperties = {
	displayName: 'GetConnector',
	name: 'connector',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The GetConnector to read; only connectors added to your app connector are listed',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchGetConnectors', searchable: true },
		},
		{
			displayName: 'ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. Profit_Debtors',
		},
	],
};

export const updateConnectorLocator: INodeProperties = {
	displayName: 'UpdateConnector',
	name: 'updateConnector',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The UpdateConnector; only connectors added to your app connector are listed',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchUpdateConnectors', searchable: true },
		},
		{
			displayName: 'ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. KnOrganisation',
		},
	],
};

export const binaryPropertyProperty: INodeProperties = {
	displayName: 'Put Output File in Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	required: true,
	hint: 'The name of the output binary field to put the file in',
};

export const sortDirectionOptions: INodePropertyOptions[] = [
	{ name: 'Ascending', value: 'ascending' },
	{ name: 'Descending', value: 'descending' },
];

export const returnAllProperty: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

export const limitProperty: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
	displayOptions: { show: { returnAll: [false] } },
};

/**
 * Upper bound of the Timeout option. AFAS itself gives up after 900 s (research §9.4); an hour leaves room for
 * slow proxies, and stays far below Node's timer limit (about 24.8 days), past which a timeout fires at once.
 */
export const MAX_TIMEOUT_SECONDS = 3600;

/** An entry of an operation's Options collection; read it with the parameter reader's timeoutMs(). */
export const timeoutOption: INodeProperties = {
	displayName: 'Timeout (Seconds)',
	name: 'timeout',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_TIMEOUT_SECONDS },
	default: 120,
	description: 'How long to wait for each AFAS response before retrying',
};
