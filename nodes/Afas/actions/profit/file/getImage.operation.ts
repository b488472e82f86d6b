import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { afasRequest } from '../../../transport';
import type { ProfitImageFormat } from '../../../wire/profitPaths';
import { imageConnectorPath, imageFormatQuery } from '../../../wire/profitPaths';
import { binaryPropertyProperty } from '../../common.descriptions';
import type { ProfitFileResponse } from './binary';
import { binaryPropertyOf, toBinaryItem } from './binary';

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
): Promise<INodeExecutionData[]> {
	const binaryPropertyName = binaryPropertyOf.call(this, itemIndex);
	const imageId = String(this.getNodeParameter('imageId', itemIndex));
	const format = this.getNodeParameter('format', itemIndex, 'original') as ProfitImageFormat;
	const response = await afasRequest.call(this, {
		path: imageConnectorPath(imageId),
		query: imageFormatQuery(format),
		itemIndex,
	});
	return [
		await toBinaryItem.call(
			this,
			itemIndex,
			response as ProfitFileResponse,
			`image-${imageId}`,
			binaryPropertyName,
		),
	];
}
