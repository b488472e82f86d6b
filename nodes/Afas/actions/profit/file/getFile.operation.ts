import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { afasRequest } from '../../../transport';
import { fileConnectorPath } from '../../../wire/profitPaths';
import { binaryPropertyProperty } from '../../common.descriptions';
import type { ProfitFileResponse } from './binary';
import { binaryPropertyOf, toBinaryItem } from './binary';

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
): Promise<INodeExecutionData[]> {
	const binaryPropertyName = binaryPropertyOf.call(this, itemIndex);
	const fileId = this.getNodeParameter('fileId', itemIndex) as string;
	const fileName = this.getNodeParameter('fileName', itemIndex) as string;
	const response = await afasRequest.call(this, {
		path: fileConnectorPath(fileId, fileName),
		itemIndex,
	});
	return [
		await toBinaryItem.call(
			this,
			itemIndex,
			response as ProfitFileResponse,
			fileName,
			binaryPropertyName,
		),
	];
}
