import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { SB_CATALOGUE, SB_GROUPS } from '../../wire/sb/catalogue';
import type { SbGroup, SbOperation } from '../../wire/sb/catalogueTypes';

/**
 * The SB resource and operation pickers, derived from the generated catalogue: Resource is the group an AFAS
 * user thinks in (Relations, Sales, ...), SB Resource the thing itself (Organisation), Operation what the
 * spec offers for it. Nothing here is typed per endpoint: a new catalogue brings its endpoints along.
 */

export type SbNodeGroup = Exclude<SbGroup, 'Authentication'>;

/** Node operation values; `get` is a list read narrowed to the record's unique field (SB has no GET by id). */
export type SbNodeOperation =
	| 'getMany'
	| 'getManyLegacy'
	| 'get'
	| 'create'
	| 'update'
	| 'delete'
	| 'upload'
	| 'download';

export const GROUP_VALUES: Record<SbNodeGroup, string> = {
	Relations: 'relations',
	Sales: 'sales',
	Purchase: 'purchase',
	Finance: 'finance',
	'Reference data': 'referenceData',
	Attachments: 'attachments',
};

const GROUP_HINTS: Record<SbNodeGroup, string> = {
	Relations: 'Organisations, persons, contacts, addresses, bank accounts, mandates',
	Sales:
		'Sales invoices and journal entries, lines to be invoiced, products, projects, debtor balances',
	Purchase: 'Purchase invoices and journal entries, suppliers, creditor balances',
	Finance: 'Financial and payroll journal entries, cash mutations, journal entries, periods',
	'Reference data': 'Administrations, ledger accounts, countries, VAT, payment conditions',
	Attachments: 'Upload a file for a journal entry or invoice, download a file',
};

const OPERATION_LABELS: Record<SbNodeOperation, string> = {
	create: 'Create',
	delete: 'Delete',
	download: 'Download',
	get: 'Get',
	getMany: 'Get Many',
	getManyLegacy: 'Get Many (Older Endpoint)',
	update: 'Update',
	upload: 'Upload',
};

const nodeEntries = SB_CATALOGUE.filter((entry) => entry.group !== 'Authentication');

function lowerName(entry: SbOperation): string {
	return entry.resourceName.replace(/\b[A-Z][a-z]/g, (word) => word.toLowerCase());
}

function article(text: string): string {
	return /^[aeiou]/i.test(text) ? `an ${text}` : `a ${text}`;
}

/** The list read behind Get Many (the current endpoint) of a resource, if it has one. */
export function listEntryOf(resource: string): SbOperation | undefined {
	return nodeEntries.find((entry) => entry.resource === resource && entry.operation === 'getMany');
}

/** Resources whose Get Many answers with a TrackingToken (change tracking). */
export const TRACKED_RESOURCES = nodeEntries
	.filter((entry) => entry.operation === 'getMany' && entry.list?.tracked)
	.map((entry) => entry.resource);

/** Resources whose list has a field unique per record, so one record can be read by it (Get). */
export const GETTABLE_RESOURCES = nodeEntries
	.filter((entry) => entry.operation === 'getMany' && entry.list?.uniqueSort !== undefined)
	.map((entry) => entry.resource);

function operationOption(entry: SbOperation, operation: SbNodeOperation): INodePropertyOptions {
	const name = lowerName(entry);
	const version = `Accept-Version ${entry.acceptVersion}`;
	const call = `${entry.method} ${entry.path}`;
	switch (operation) {
		case 'get':
			return {
				name: OPERATION_LABELS.get,
				value: 'get',
				description: `Read one ${name} by ${entry.list?.uniqueSort} (${call}, ${version})`,
				action: `Get ${article(name)}`,
			};
		case 'getMany':
		case 'getManyLegacy':
			return {
				name: OPERATION_LABELS[operation],
				value: operation,
				description:
					operation === 'getManyLegacy'
						? `${call}, the older name of ${entry.legacyOf} (${version})`
						: `${call} (${version})`,
				action: `Get many ${name} records${operation === 'getManyLegacy' ? ' (older endpoint)' : ''}`,
			};
		default:
			return {
				name: OPERATION_LABELS[operation],
				value: operation,
				description: `${call} (${version})`,
				action: `${OPERATION_LABELS[operation]} ${article(name)}`,
			};
	}
}

function operationsOf(resource: string): INodePropertyOptions[] {
	const options: INodePropertyOptions[] = [];
	for (const entry of nodeEntries.filter((candidate) => candidate.resource === resource)) {
		const operation = entry.operation as SbNodeOperation;
		options.push(operationOption(entry, operation));
		if (operation === 'getMany' && entry.list?.uniqueSort !== undefined)
			options.push(operationOption(entry, 'get'));
	}
	return options.sort((a, b) => a.name.localeCompare(b.name));
}

function resourcesOf(group: SbNodeGroup): INodePropertyOptions[] {
	const seen = new Map<string, INodePropertyOptions>();
	for (const entry of nodeEntries.filter((candidate) => candidate.group === group)) {
		if (seen.has(entry.resource)) continue;
		seen.set(entry.resource, {
			name: entry.resourceName,
			value: entry.resource,
			description: [
				...new Set(nodeEntries.filter((e) => e.resource === entry.resource).map((e) => e.path)),
			]
				.map((path) => `api/${path.replace('/api/', '')}`)
				.join(', '),
		});
	}
	return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { product: ['sb'] } },
	options: SB_GROUPS.map((group) => ({
		name: group === 'Reference data' ? 'Reference Data' : group,
		value: GROUP_VALUES[group],
		description: GROUP_HINTS[group],
	})).sort((a, b) => a.name.localeCompare(b.name)),
	default: 'relations',
};

/** One SB Resource picker per group and one Operation picker per resource, each shown by its parent. */
export const selectorProperties: INodeProperties[] = SB_GROUPS.flatMap((group) => {
	const resources = resourcesOf(group);
	// Defaults are generated (the group's first resource, the resource's Get Many); the rule sees only literals.
	// eslint-disable-next-line n8n-nodes-base/node-param-default-missing
	const picker: INodeProperties = {
		displayName: 'SB Resource',
		name: 'sbResource',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { product: ['sb'], resource: [GROUP_VALUES[group]] } },
		options: resources,
		default: resources[0].value as string,
	};
	const operations = resources.map((resource): INodeProperties => {
		const options = operationsOf(resource.value as string);
		const preferred = options.find((option) => option.value === 'getMany') ?? options[0];
		// eslint-disable-next-line n8n-nodes-base/node-param-default-missing
		return {
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: {
				show: {
					product: ['sb'],
					resource: [GROUP_VALUES[group]],
					sbResource: [resource.value as string],
				},
			},
			options,
			default: preferred.value as string,
		};
	});
	return [picker, ...operations];
});
