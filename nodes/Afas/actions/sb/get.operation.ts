import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { SbClient } from '../../api/sb';
import { readSbList } from '../../api/sb';
import { parameters } from '../../parameters';
import { renderSbFilter, sbValueKind, shownValue } from '../../wire/sb/filter';
import { isGuid } from '../../wire/sb/trackingIdentifier';
import { sbApiPath } from '../../wire/sb/catalogue';
import { acceptVersionOf, sbOptions } from './descriptions';
import { listEntryOf, GETTABLE_RESOURCES } from './selectors';
import { listOf, sbTarget } from './target';

/** "LineId" → "Line ID": the key field's name as n8n labels ids. */
function labelOf(field: string): string {
	return field
		.replace(/Id$/, ' ID')
		.replace(/([a-z])([A-Z])/g, '$1 $2')
		.trim();
}

/** One Record ID field per resource, labelled with the resource's unique field (Id, InstanceId, LineId, ...). */
const recordIdProperties: INodeProperties[] = GETTABLE_RESOURCES.map((resource) => {
	const unique = listEntryOf(resource)?.list?.uniqueSort as string;
	return {
		displayName: labelOf(unique),
		name: 'recordId',
		type: 'string',
		required: true,
		default: '',
		description: `The record's ${unique}, unique per record in this list`,
		displayOptions: { show: { sbResource: [resource] } },
	};
});

const optionsProperty: INodeProperties = sbOptions();

export const description = updateDisplayOptions({ show: { product: ['sb'], operation: ['get'] } }, [
	...recordIdProperties,
	optionsProperty,
]);

/**
 * SB 6.0.0 has no GET by id: the record is read from its list with a filter on its unique field, and exactly one
 * must come back (none is "not found", two would mean the field is not unique after all).
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: SbClient,
): Promise<INodeExecutionData[]> {
	const { resource, entry } = sbTarget(this, itemIndex);
	const list = listOf(this, entry);
	const unique = list.uniqueSort as string;
	const idProperty = recordIdProperties.find((property) =>
		property.displayOptions?.show?.sbResource?.includes(resource),
	) as INodeProperties;
	const p = parameters(this, itemIndex, [idProperty, optionsProperty]);
	const id = p.string('recordId', { required: true, trim: true });
	const field = list.rowFields.find((candidate) => candidate.name === unique);
	if (field && sbValueKind(field) === 'guid' && !isGuid(id))
		throw new NodeOperationError(
			this.getNode(),
			`${labelOf(unique)}: "${shownValue(id)}" is not a GUID`,
			{
				itemIndex,
				description: `Enter the record's ${unique} as AFAS SB returns it, e.g. 2fe9d143-52aa-4d9f-9eba-a97656f2741c`,
			},
		);
	const { rows } = await readSbList(client, {
		path: sbApiPath(entry),
		acceptVersion: acceptVersionOf(this, p, entry, itemIndex),
		filter: renderSbFilter([{ field: unique, operator: 'eq', value: id }], 'and', list.rowFields),
		plan: { kind: 'single', sortField: unique, direction: 'ascending', take: 2, reason: '' },
		pageSize: 2,
		itemIndex,
		timeoutMs: p.timeoutMs('options.timeout'),
	});
	if (rows.length === 1) return [{ json: rows[0] }];
	throw new NodeOperationError(
		this.getNode(),
		rows.length === 0
			? `AFAS SB has no ${entry.resourceName.toLowerCase()} with ${unique} ${id}`
			: `AFAS SB returned ${rows.length} records with ${unique} ${id}`,
		{
			itemIndex,
			description:
				rows.length === 0
					? `Check the ${labelOf(unique)}, and that the credential's app may read ${entry.path}.`
					: 'The field is expected to be unique; read the records with Get Many instead.',
		},
	);
}
