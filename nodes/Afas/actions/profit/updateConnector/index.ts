import type { INodeProperties } from 'n8n-workflow';

import * as del from './delete.operation';
import * as insert from './insert.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export { del as delete, insert, update, upsert };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: {
			show: { product: ['profit'], resource: ['updateConnector'] },
		},
		options: [
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a record (DELETE); this is final',
				action: 'Delete a record with an update connector',
			},
			{
				name: 'Insert',
				value: 'insert',
				description: 'Create records (POST), one per item or several per call',
				action: 'Insert a record with an update connector',
			},
			{
				// n8n's lint fixes this wording; the "Insert or Update" is the same operation.
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: 'Insert or update a record with an update connector',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change a record identified by its key fields (PUT)',
				action: 'Update a record with an update connector',
			},
		],
		default: 'insert',
	},
	...insert.description,
	...update.description,
	...del.description,
	...upsert.description,
];
