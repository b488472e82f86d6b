import { NodeOperationError } from 'n8n-workflow';

import type { BinaryAnswer } from '../../transport';
import { encodeQueryValue } from '../../wire/queryEncoding';
import { multipartFile, sbBlobReserveHeaders } from '../../wire/sb/multipart';
import type { SbClient } from './client';

export interface SbBlobFile {
	data: Buffer;
	fileName: string;
	contentType: string;
}

interface SbBlobCall {
	/** The blob's UUID, chosen by the client (it becomes the AttachmentId). */
	blobId: string;
	acceptVersion: string;
	itemIndex: number;
	timeoutMs?: number;
}

/** What SB answers to the reservation: whether it takes the file and in what chunk size. */
interface Reservation {
	BlobAccepted?: unknown;
	ChunkSize?: unknown;
}

/**
 * SB's two-step upload (research §4.8): reserve the UUID with the Blob-Content-* headers and no body, then PUT the
 * file as multipart/form-data (field `file`, `Blob-Upload-Type: blob`). Both steps are retried like reads: the
 * same UUID and bytes land in the same place. SB's chunked protocol for files over ChunkSize is undocumented
 * (§9 item 8), so such a file is refused before the upload rather than sent in a form SB may reject.
 */
export async function uploadSbBlob(
	client: SbClient,
	call: SbBlobCall,
	file: SbBlobFile,
): Promise<void> {
	const path = `/blob/${encodeURIComponent(call.blobId)}`;
	const common = {
		path,
		method: 'PUT' as const,
		itemIndex: call.itemIndex,
		timeoutMs: call.timeoutMs,
		retryMode: 'idempotentWrite' as const,
	};
	const reservation = await client.request<Reservation>({
		...common,
		headers: {
			'Accept-Version': call.acceptVersion,
			...sbBlobReserveHeaders({
				length: file.data.length,
				fileName: file.fileName,
				contentType: file.contentType,
			}),
		},
		expect: 'object',
	});
	if (reservation.BlobAccepted !== true)
		throw new NodeOperationError(client.context.getNode(), 'AFAS SB did not accept the file', {
			itemIndex: call.itemIndex,
			description: `The reservation answered ${JSON.stringify(reservation).slice(0, 200)} instead of "BlobAccepted": true.`,
		});
	const chunkSize = Number(reservation.ChunkSize);
	if (Number.isFinite(chunkSize) && chunkSize > 0 && file.data.length > chunkSize)
		throw new NodeOperationError(
			client.context.getNode(),
			`The file is larger than AFAS SB takes in one upload (${file.data.length} > ${chunkSize} bytes)`,
			{
				itemIndex: call.itemIndex,
				description:
					'AFAS does not document how to upload a file in chunks; make the file smaller (for example compress the PDF).',
			},
		);
	const boundary = `----n8nAfasSb${call.blobId.replace(/-/g, '')}`;
	const multipart = multipartFile(file, boundary);
	await client.request({
		...common,
		headers: {
			'Accept-Version': call.acceptVersion,
			'Content-Type': multipart.contentType,
			'Blob-Upload-Type': 'blob',
		},
		body: multipart.body,
		expect: 'jsonOrEmpty',
	});
}

/** GET /api/blob/{uuid}?readkey=…: the file's bytes as SB sends them. */
export async function downloadSbBlob(
	client: SbClient,
	call: SbBlobCall & { readKey?: string },
): Promise<BinaryAnswer> {
	return await client.request<BinaryAnswer>({
		path: `/blob/${encodeURIComponent(call.blobId)}`,
		query: call.readKey ? `readkey=${encodeQueryValue(call.readKey)}` : undefined,
		headers: { 'Accept-Version': call.acceptVersion, Accept: '*/*' },
		itemIndex: call.itemIndex,
		timeoutMs: call.timeoutMs,
		expect: 'binary',
	});
}
