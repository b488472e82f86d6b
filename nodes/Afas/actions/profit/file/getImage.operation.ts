import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { parameters } from '../../../parameters';
import type { ProfitClient } from '../../../api/profit';
import { imageRequest } from '../../../api/profit';
import type { ProfitImageFormat } from '../../../wire/profit/paths';
import { binaryPropertyProperty } from '../../common.descriptions';
import { downloadFile } from './binary';

const properties: INodeProperties[] = [
	{
		displayName: 'Image ID',
		name: 'imageId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 12345',
		description: 'The image ID from a GetConnector image field',
	},
	{
		displayName: 'Format',
		name: 'format',
		type: 'options',
		options: [
			{ name: 'Original', value: 'original' },
			{ name: 'Medium', value: 'medium' },
			{ name: 'Thumbnail', value: 'thumbnail' },
		],
		default: 'original',
	},
	binaryPropertyProperty,
];

export const description = updateDisplayOptions(
	{ show: { product: ['profit'], resource: ['file'], operation: ['getImage'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ProfitClient,
): Promise<INodeExecutionData[]> {
	const p = parameters(this, itemIndex, properties);
	const imageId = p.string('imageId', { required: true, trim: true });
	const format = p.options<ProfitImageFormat>('format');
	return await downloadFile.call(
		this,
		itemIndex,
		client,
		imageRequest(imageId, format),
		`image-${imageId}`,
	);
}
