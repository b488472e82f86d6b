import type { INodeProperties } from 'n8n-workflow';

import { timeoutOption } from '../../common.descriptions';

/**
 * The parameters the UpdateConnector operations share (names fixed in notes/WRITES_CONTRACT.md). Each
 * operation file picks the ones it shows and wraps them with its display options.
 */

type MapperMode = 'add' | 'update' | 'upsert';

/** n8n's resource mapper over `/metainfo/update/{id}`; the method reads the operation to mark required/key fields. */
export function fieldsProperty(mode: MapperMode, withInputMode = true): INodeProperties {
	return {
		displayName: 'Fields',
		name: 'fields',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		required: true,
		typeOptions: {
			loadOptionsDependsOn: ['updateConnector.value', 'operation'],
			resourceMapper: {
				resourceMapperMethod: 'getUpdateConnectorFields',
				mode,
				fieldWords: { singular: 'field', plural: 'fields' },
				addAllFields: false,
				multiKeyMatch: true,
				supportAutoMap: true,
				noFieldsError: 'This UpdateConnector has no fields for this operation',
			},
		},
		...(withInputMode ? { displayOptions: { show: { inputMode: ['mapper'] } } } : {}),
	};
}

export const inputModeProperty: INodeProperties = {
	displayName: 'Input Mode',
	name: 'inputMode',
	type: 'options',
	options: [
		{
			name: 'Map Fields',
			value: 'mapper',
			description: "Map the UpdateConnector's fields, and add sub-object rows from item data",
		},
		{
			name: 'JSON',
			value: 'json',
			description:
				'Give the Element(s) as AFAS expects them, for anything the mapping cannot express',
		},
	],
	default: 'mapper',
};

export const elementJsonProperty: INodeProperties = {
	displayName: 'Element JSON',
	name: 'elementJson',
	type: 'json',
	default: '{\n  "Fields": {}\n}',
	required: true,
	description:
		'The element as AFAS expects it inside the root, e.g. {"Fields":{"Nm":"Acme"},"Objects":[{"KnBasicAddressAdr":{"Element":{"Fields":{"CoId":"NL"}}}}]}, a list of elements, or a whole body {"KnOrganisation":{"Element":…}}. Checked against the metainfo, then sent as given.',
	displayOptions: { show: { inputMode: ['json'] } },
};

/** Sub-object rows from item data: e.g. the item's `lines` list becomes FbSalesLines. */
export function subObjectsProperty(forDelete = false): INodeProperties {
	return {
		displayName: forDelete ? 'Sub-Object Key' : 'Sub-Objects',
		name: 'subObjects',
		type: 'fixedCollection',
		placeholder: forDelete ? 'Add Sub-Object Key' : 'Add Sub-Object',
		typeOptions: { multipleValues: !forDelete },
		default: {},
		description: forDelete
			? 'Delete a row below the record (e.g. one FiEntries line below FiEntryPar): the key fields of that row'
			: 'Rows of nested objects, e.g. order lines (FbSalesLines) or an address (KnBasicAddressAdr). Each row is mapped by field ID or label; a key named like a deeper sub-object nests further, and "@Action" sets a row\'s own action.',
		...(forDelete ? {} : { displayOptions: { show: { inputMode: ['mapper'] } } }),
		options: [
			{
				displayName: 'Sub-Object',
				name: 'rows',
				values: [
					{
						displayName: 'Sub-Object Name or ID',
						name: 'object',
						type: 'options',
						typeOptions: {
							loadOptionsMethod: 'getUpdateConnectorObjects',
							loadOptionsDependsOn: ['updateConnector.value'],
						},
						default: '',
						description:
							'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
						hint: 'A nested sub-object is written with dots, e.g. KnContact.KnPerson',
					},
					{
						displayName: 'Rows From',
						name: 'source',
						type: 'options',
						options: [
							{
								name: 'Item Field',
								value: 'itemField',
								description:
									'A field of the input item holding one row (an object) or a list of rows',
							},
							{
								name: 'JSON',
								value: 'json',
								description: 'Rows written here (or by an expression)',
							},
						],
						default: 'itemField',
					},
					{
						displayName: 'Item Field',
						name: 'itemField',
						type: 'string',
						default: '',
						placeholder: 'e.g. lines',
						description:
							'Path of the field in the input item, dots for nested fields (e.g. order.lines)',
						displayOptions: { show: { source: ['itemField'] } },
					},
					{
						displayName: 'JSON',
						name: 'json',
						type: 'json',
						default: '[]',
						description: 'One row {"ItCd":"A1"} or a list of rows, keyed by field ID or label',
						displayOptions: { show: { source: ['json'] } },
					},
				],
			},
		],
	};
}

export const dryRunOption: INodeProperties = {
	displayName: 'Dry Run',
	name: 'dryRun',
	type: 'boolean',
	default: false,
	description:
		'Whether to output the exact URL and body that would be sent, and send nothing (for checking a mapping)',
};

export const includeInputFieldsOption: INodeProperties = {
	displayName: 'Include Input Fields',
	name: 'includeInputFields',
	type: 'boolean',
	default: false,
	description:
		"Whether to add the input item's fields to the output (AFAS's answer wins on equal names)",
};

export const retryUpdatesOption: INodeProperties = {
	displayName: 'Retry Updates and Deletes',
	name: 'retryUpdates',
	type: 'boolean',
	default: false,
	description:
		'Whether to resend this request after a dropped connection, a timeout or a 503. Sending the same update or delete twice ends in the same state, but AFAS may have processed the first one.',
};

export const blankFieldsOption: INodeProperties = {
	displayName: 'Empty Values',
	name: 'blankFields',
	type: 'options',
	options: [
		{
			name: 'Leave Out',
			value: 'omit',
			description: 'An empty value is not sent: AFAS keeps what it has',
		},
		{
			name: 'Clear the Field',
			value: 'clear',
			description: 'An empty value is sent as "", which clears the field in AFAS',
		},
	],
	default: 'omit',
};

export { timeoutOption };

export function optionsProperty(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options,
	};
}
