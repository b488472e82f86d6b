import type { IBinaryKeyData, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError, setSafeObjectProperty } from 'n8n-workflow';

import type { ProfitClient, ProfitFileRequest, ProfitFileResponse } from '../../../api/profit';
import { fetchProfitFile } from '../../../api/profit';
import { decodeBase64Strict } from '../../../wire/base64';
import { outputBinaryField } from '../../binaryField';

const EXTENSIONS: Record<string, string> = {
	'application/pdf': 'pdf',
	'image/png': 'png',
	'image/jpeg': 'jpg',
	'image/gif': 'gif',
	'image/bmp': 'bmp',
	'image/tiff': 'tif',
	'image/svg+xml': 'svg',
	'text/plain': 'txt',
	'text/csv': 'csv',
	'application/zip': 'zip',
	'application/xml': 'xml',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};

/**
 * Turns AFAS's base64 file JSON into an n8n item with binary data. Image and report answers carry no file
 * name, so one is made from `baseName` and the MIME type.
 */
async function toBinaryItem(
	this: IExecuteFunctions,
	itemIndex: number,
	response: ProfitFileResponse | undefined,
	baseName: string,
	binaryPropertyName: string,
): Promise<INodeExecutionData> {
	if (typeof response?.filedata !== 'string') {
		throw new NodeOperationError(this.getNode(), 'AFAS returned no file data', {
			itemIndex,
			description:
				'The answer had no "filedata" field; check the ids and that the file exists in Profit.',
		});
	}
	const mimeType = response.mimetype || 'application/octet-stream';
	const extension = EXTENSIONS[mimeType.toLowerCase()] ?? 'bin';
	const fileName = response.filename || `${baseName}.${extension}`;
	const decoded = decodeBase64Strict(response.filedata);
	if (!decoded.ok) {
		throw new NodeOperationError(
			this.getNode(),
			'AFAS returned file data that is not valid Base64',
			{
				itemIndex,
				description:
					`The "filedata" of ${JSON.stringify(fileName)} (${mimeType}, ${response.filedata.length} characters) ` +
					`cannot be decoded: ${decoded.problem}. No file was made from it. Try again; if it persists, ` +
					'something between n8n and AFAS (a proxy or gateway) may be changing the answer.',
			},
		);
	}
	const data = decoded.bytes;
	const binary: IBinaryKeyData = {};
	// The field name is typed by the user.
	setSafeObjectProperty(
		binary,
		binaryPropertyName,
		await this.helpers.prepareBinaryData(data, fileName, mimeType),
	);
	return { json: { fileName, mimeType, fileSize: data.length }, binary };
}

/**
 * The four file-like connectors share one flow: check the output field, fetch AFAS's file JSON, return one
 * binary item. `baseName` names files whose answer carries no file name.
 */
export async function downloadFile(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ProfitClient,
	request: ProfitFileRequest,
	baseName: string,
): Promise<INodeExecutionData[]> {
	const binaryPropertyName = outputBinaryField(this, itemIndex);
	const response = await fetchProfitFile(client, request, itemIndex);
	return [await toBinaryItem.call(this, itemIndex, response, baseName, binaryPropertyName)];
}
