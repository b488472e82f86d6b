import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { parameters } from '../../../parameters';
import type { ProfitClient } from '../../../api/profit';
import { fileRequest } from '../../../api/profit';
import { binaryPropertyProperty } from '../../common.descriptions';
import { downloadFile } from './binary';

const properties: INodeProperties[] = [
	{
		displayName: 'File ID',
		name: 'fileId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. F64BB8E942BBC5E94FC747904E19FE1B',
		description: 'The file GUID, e.g. the file_id column of Profit_Subject_Attachments',
	},
	{
		displayName: 'File Name',
		name: 'fileName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Invoice_nr3734.pdf',
		description:
			'The original file name as Profit stores it (file_name column); AFAS needs it to find the file. Underscores are encoded for you.',
	},
	binaryPropertyProperty,
];

export const description = updateDisplayOptions(
	{ show: { product: ['profit'], resource: ['file'], operation: ['getFile'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ProfitClient,
): Promise<INodeExecutionData[]> {
	const p = parameters(this, itemIndex, properties);
	const fileId = p.string('fileId', { required: true, trim: true });
	// Not trimmed: Profit finds the file by its exact original name.
	const fileName = p.string('fileName', { required: true });
	return await downloadFile.call(this, itemIndex, client, fileRequest(fileId, fileName), fileName);
}
