import type {
	IBinaryKeyData,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { setSafeObjectProperty, updateDisplayOptions } from 'n8n-workflow';

import type { SbClient } from '../../api/sb';
import { downloadSbBlob } from '../../api/sb';
import { parameters } from '../../parameters';
import { checkTrackingIdentifier } from '../../wire/sb/trackingIdentifier';
import { outputBinaryField } from '../binaryField';
import { binaryPropertyProperty } from '../common.descriptions';
import { acceptVersionOf, sbOptions } from './descriptions';
import { sbTarget } from './target';

const properties: INodeProperties[] = [
	{
		displayName: 'Attachment ID',
		name: 'attachmentId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 083f7457-8a1c-4a53-9d8e-2f6b1c0e4d21',
		description: "The file's UUID: the ID in a product's Blob, or the attachment ID of an upload",
	},
	{
		displayName: 'Read Key',
		name: 'readKey',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description:
			"The blob's ReadKey from the record that references it (e.g. a product's Blob.ReadKey); it expires after about a day",
	},
	binaryPropertyProperty,
	sbOptions({
		displayName: 'File Name',
		name: 'fileName',
		type: 'string',
		default: '',
		description: 'Empty: the name AFAS SB sends, else the Attachment ID',
	}),
];

export const description = updateDisplayOptions(
	{ show: { product: ['sb'], operation: ['download'] } },
	properties,
);

/** The file name from `Content-Disposition: attachment; filename="…"` (or filename*=UTF-8''…). */
function fileNameOf(disposition: string | undefined): string | undefined {
	if (!disposition) return undefined;
	const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
	if (extended) {
		try {
			return decodeURIComponent(extended[1].trim());
		} catch {
			return undefined;
		}
	}
	return /filename="?([^";]+)"?/i.exec(disposition)?.[1]?.trim();
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: SbClient,
): Promise<INodeExecutionData[]> {
	const { entry } = sbTarget(this, itemIndex);
	const p = parameters(this, itemIndex, properties);
	const attachmentId = checkTrackingIdentifier(
		p.string('attachmentId', { required: true, trim: true }),
		'Attachment ID',
	);
	const outputField = outputBinaryField(this, itemIndex);
	const readKey = p.string('readKey', { trim: true });
	const file = await downloadSbBlob(client, {
		blobId: attachmentId,
		readKey: readKey === '' ? undefined : readKey,
		acceptVersion: acceptVersionOf(this, p, entry, itemIndex),
		itemIndex,
		timeoutMs: p.timeoutMs('options.timeout'),
	});
	const fileName =
		p.string('options.fileName', { trim: true }) ||
		fileNameOf(file.headers['content-disposition']) ||
		attachmentId;
	const mimeType = file.contentType.split(';')[0].trim() || 'application/octet-stream';
	const binary: IBinaryKeyData = {};
	setSafeObjectProperty(
		binary,
		outputField,
		await this.helpers.prepareBinaryData(file.data, fileName, mimeType),
	);
	return [
		{
			json: {
				AttachmentId: attachmentId,
				FileName: fileName,
				ContentType: mimeType,
				ContentLength: file.data.length,
			},
			binary,
		},
	];
}
