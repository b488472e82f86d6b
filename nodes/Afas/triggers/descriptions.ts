import type { INodeProperties } from 'n8n-workflow';

import {
	getConnectorLocator,
	productProperty,
	timeoutOption,
} from '../actions/common.descriptions';
import {
	dateHandlingOption,
	filtersProperty,
} from '../actions/profit/getConnector/getAll.operation';
import { authenticationProperty } from '../actions/sb';
import { listEntryOf, TRACKED_RESOURCES } from '../actions/sb/selectors';
import { MAX_PAGE_SIZE_OVERRIDE } from '../wire/profit/paging';

const profit = { show: { product: ['profit'] } };
const sb = { show: { product: ['sb'] } };

export const connectorProperty: INodeProperties = {
	...getConnectorLocator,
	displayOptions: profit,
};

export const dateFieldProperty: INodeProperties = {
	displayName: 'Modification Date Field Name or ID',
	name: 'dateField',
	type: 'options',
	typeOptions: {
		loadOptionsMethod: 'getTriggerDateFields',
		loadOptionsDependsOn: ['connector.value'],
	},
	default: '',
	description:
		'The field AFAS updates whenever a row changes. Empty: the field named like a modification date, when the connector has exactly one. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	displayOptions: profit,
};

export const keyFieldProperty: INodeProperties = {
	displayName: 'Unique Key Field Name or ID',
	name: 'keyField',
	type: 'options',
	typeOptions: {
		loadOptionsMethod: 'getTriggerKeyFields',
		loadOptionsDependsOn: ['connector.value'],
	},
	default: '',
	description:
		'A field unique per row, to tell rows with the same modification time apart. Empty: the connector\'s first field. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	displayOptions: profit,
};

export const startFromProperty: INodeProperties = {
	displayName: 'Start From',
	name: 'startFrom',
	type: 'dateTime',
	default: '',
	description:
		'Emit rows changed since this moment on the first poll (a backfill). Empty: start from the newest change in AFAS at activation, emitting nothing old.',
	displayOptions: profit,
};

export const triggerFiltersProperty: INodeProperties = {
	...filtersProperty,
	description: 'Only rows matching these filters trigger: AND inside a group, OR between groups',
	displayOptions: profit,
};

export const sbResourceProperty: INodeProperties = {
	displayName: 'SB Resource',
	name: 'sbResource',
	type: 'options',
	noDataExpression: true,
	options: TRACKED_RESOURCES.map((resource) => ({
		name: listEntryOf(resource)?.resourceName ?? resource,
		value: resource,
		description: `GET ${listEntryOf(resource)?.path} with change tracking`,
	})).sort((a, b) => a.name.localeCompare(b.name)),
	default: 'organisation',
	description: 'A change-tracked AFAS SB list',
	displayOptions: sb,
};

export const emitExistingProperty: INodeProperties = {
	displayName: 'Emit Existing Records on First Poll',
	name: 'emitExisting',
	type: 'boolean',
	default: false,
	description:
		'Whether the first poll emits every record of the list (a backfill). Off: it only stores the TrackingToken, and later polls emit the changes.',
	displayOptions: sb,
};

export const outputProperty: INodeProperties = {
	displayName: 'Output',
	name: 'output',
	type: 'options',
	options: [
		{ name: 'One Item per Record', value: 'records' },
		{
			name: 'One Item With All Records',
			value: 'single',
			description: '{ records: [...], count } (one execution step for a whole batch)',
		},
	],
	default: 'records',
};

export const MAX_RECORDS_PER_POLL = 10_000;

export const triggerOptionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{ ...dateHandlingOption, displayOptions: { show: { '/product': ['profit'] } } },
		{
			displayName: 'Page Size',
			name: 'pageSize',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: MAX_PAGE_SIZE_OVERRIDE },
			default: 0,
			description:
				"Rows per request. 0 chooses it from the number of fields, as Get Many does (AFAS's guidance: fields × rows under 150 000).",
			displayOptions: { show: { '/product': ['profit'] } },
		},
		{
			displayName: 'Max Records per Poll',
			name: 'maxRecords',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 100_000 },
			default: MAX_RECORDS_PER_POLL,
			description:
				'Stop a poll after about this many changed records; the next poll continues where it stopped',
		},
		timeoutOption,
	],
};

export const triggerProperties: INodeProperties[] = [
	productProperty,
	authenticationProperty,
	connectorProperty,
	dateFieldProperty,
	keyFieldProperty,
	startFromProperty,
	triggerFiltersProperty,
	sbResourceProperty,
	emitExistingProperty,
	outputProperty,
	triggerOptionsProperty,
];
