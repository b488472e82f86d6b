import type { INodeProperties } from 'n8n-workflow';

import type { ParameterReader } from '../../../parameters';

/** Insert or Update without an AFAS match field: where the node looks the record up (contract names). */
export const lookupProperties: INodeProperties[] = [
	{
		displayName: 'Lookup GetConnector',
		name: 'lookupConnector',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The GetConnector that finds the existing record',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: {
					searchListMethod: 'searchGetConnectors',
					searchable: true,
				},
			},
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. Profit_Subjects',
			},
		],
		displayOptions: { show: { matchMode: ['lookup'] } },
	},
	{
		displayName: 'Lookup Field',
		name: 'lookupFilterField',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Subject',
		description:
			'The GetConnector field compared with the value (equals); it should be unique per record',
		displayOptions: { show: { matchMode: ['lookup'] } },
	},
	{
		displayName: 'Lookup Value',
		name: 'lookupValue',
		type: 'string',
		default: '',
		required: true,
		description:
			"The value to find, usually an expression reading it from the input item (e.g. the item's email)",
		displayOptions: { show: { matchMode: ['lookup'] } },
	},
	{
		displayName: 'Key Field',
		name: 'lookupKeyField',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. SbId',
		description:
			"The GetConnector field holding the UpdateConnector's key (e.g. SbId for KnSubject); a found record is updated with it",
		displayOptions: { show: { matchMode: ['lookup'] } },
	},
];

export interface Lookup {
	connectorId: string;
	filterField: string;
	value: string;
	keyField: string;
}

export function readLookup(p: ParameterReader): Lookup {
	return {
		connectorId: p.locator('lookupConnector', {
			emptyHint: 'Choose the GetConnector to look the record up in (e.g. Profit_Subjects).',
		}),
		filterField: p.string('lookupFilterField', { trim: true, required: true }),
		value: p.string('lookupValue', {
			required: true,
			emptyHint: 'Give the value to look up; an empty value would match nothing useful.',
		}),
		keyField: p.string('lookupKeyField', { trim: true, required: true }),
	};
}
