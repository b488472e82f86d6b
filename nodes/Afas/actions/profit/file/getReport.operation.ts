import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { parameters } from '../../../parameters';
import type { ProfitClient } from '../../../api/profit';
import { reportRequest } from '../../../api/profit';
import { binaryPropertyProperty } from '../../common.descriptions';
import { downloadFile } from './binary';

const properties: INodeProperties[] = [
	{
		displayName: 'Report ID',
		name: 'reportId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. CF761B2F7099455B8C5227639C447689',
		description: 'The report GUID from the ReportConnector set-up in Profit',
	},
	binaryPropertyProperty,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Raw JSON Filter',
				name: 'rawFilterJson',
				type: 'json',
				default: '',
				description: 'An AFAS filterjson object that selects what the report shows',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { product: ['profit'], resource: ['file'], operation: ['getReport'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ProfitClient,
): Promise<INodeExecutionData[]> {
	const p = parameters(this, itemIndex, properties);
	const reportId = p.string('reportId', { required: true, trim: true });
	const rawFilterJson = p.json('options.rawFilterJson');
	return await downloadFile.call(
		this,
		itemIndex,
		client,
		reportRequest(client, reportId, rawFilterJson),
		`report-${reportId}`,
	);
}
