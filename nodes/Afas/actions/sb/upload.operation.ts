import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { SbClient } from '../../api/sb';
import { uploadSbBlob } from '../../api/sb';
import { parameters } from '../../parameters';
import { checkTrackingIdentifier } from '../../wire/sb/trackingIdentifier';
import { acceptVersionOf, sbOptions } from './descriptions';
import { sbTarget } from './target';

const properties: INodeProperties[] = [
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field holding the file to upload',
	},
	sbOptions(
		{
			displayName: 'Attachment ID',
			name: 'attachmentId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 3f2b8c1e-4d5a-4b6c-8e9f-0a1b2c3d4e5f',
			description:
				'The UUID to store the file under. Empty: a new UUID. Uploading again under the same UUID replaces nothing else, so a retried upload is harmless.',
		},
		{
			displayName: 'Content Type',
			name: 'contentType',
			type: 'string',
			default: '',
			placeholder: 'e.g. application/pdf',
			description: "Empty: the binary data's own MIME type",
		},
		{
			displayName: 'File Name',
			name: 'fileName',
			type: 'string',
			default: '',
			description: "Empty: the binary data's own file name",
		},
	),
];

export const description = updateDisplayOptions(
	{ show: { product: ['sb'], operation: ['upload'] } },
	properties,
);

/** Uploads the item's file and outputs the id to put in a journal entry's or invoice's Attachments[].AttachmentId. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: SbClient,
): Promise<INodeExecutionData[]> {
	const { entry } = sbTarget(this, itemIndex);
	const p = parameters(this, itemIndex, properties);
	const field = p.string('binaryPropertyName', { required: true, trim: true });
	const binary = this.helpers.assertBinaryData(itemIndex, field);
	const data = await this.helpers.getBinaryDataBuffer(itemIndex, field);
	const fileName = p.string('options.fileName', { trim: true }) || binary.fileName || 'file';
	const contentType =
		p.string('options.contentType', { trim: true }) ||
		binary.mimeType ||
		'application/octet-stream';
	const chosenId = p.string('options.attachmentId', { trim: true });
	const attachmentId =
		chosenId === ''
			? crypto.randomUUID()
			: checkTrackingIdentifier(chosenId, 'Options → Attachment ID');
	await uploadSbBlob(
		client,
		{
			blobId: attachmentId,
			acceptVersion: acceptVersionOf(this, p, entry, itemIndex),
			itemIndex,
			timeoutMs: p.timeoutMs('options.timeout'),
		},
		{ data, fileName, contentType },
	);
	return [
		{
			json: {
				AttachmentId: attachmentId,
				FileName: fileName,
				ContentType: contentType,
				ContentLength: data.length,
			},
		},
	];
}
