/**
 * SB attachments through the real node against the simulator: the two-step upload from an item's binary data
 * (reservation with Blob-Content-* headers, then the multipart file), the download back into binary data
 * byte for byte, the size SB takes in one upload, and the blob id used in a journal entry.
 */
import type { IBinaryData, IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { runNode } from '../helpers/afas';
import { useSimulator } from '../helpers/simulator';
import type { LoggedRequest } from './setup';
import { jsonOf, node, sbCredentials, thrownBy } from './setup';

const sim = useSimulator();

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ICT = 'c59efe34-cb0e-5cb7-a1c7-b1286a699911';
const CHUNK_SIZE = 5242880;

async function run(parameters: INodeParameters, items?: INodeExecutionData[]) {
	const { output } = await runNode(node, {
		parameters: { product: 'sb', ...parameters },
		credentials: sbCredentials(sim),
		items,
	});
	return output[0];
}

const upload = { resource: 'attachments', sbResource: 'attachment', operation: 'upload' };
const download = { resource: 'attachments', sbResource: 'attachment', operation: 'download' };

/** Every byte value, in order, `times` times over: a file any text or line-ending mangling would change. */
function allBytes(times: number): Buffer {
	return Buffer.from(Array.from({ length: 256 * times }, (_, index) => index % 256));
}

function fileItem(
	data: Buffer,
	fileName: string,
	mimeType: string,
	field = 'data',
): INodeExecutionData {
	const binary: IBinaryData = { data: data.toString('base64'), fileName, mimeType };
	return { json: {}, binary: { [field]: binary } };
}

function blobCalls(): LoggedRequest[] {
	return sim.requests.filter((request) =>
		request.path.toLowerCase().startsWith('/scope/api/blob/'),
	);
}

function bytesOf(item: INodeExecutionData, field = 'data'): Buffer {
	const binary = item.binary?.[field];
	if (!binary) throw new Error(`no binary field ${field}`);
	return Buffer.from(binary.data, 'base64');
}

describe('AFAS SB → Attachments', () => {
	const fileName = 'Factuur €12 café.pdf';
	const file = allBytes(40);
	let attachmentId = '';

	it('uploads an item file: reserve with Blob-Content-* headers, then the multipart file', async () => {
		const [item] = await run({ ...upload }, [fileItem(file, fileName, 'application/pdf')]);
		expect(item.json).toEqual({
			AttachmentId: expect.stringMatching(GUID),
			FileName: fileName,
			ContentType: 'application/pdf',
			ContentLength: file.length,
		});
		expect(item.pairedItem).toEqual({ item: 0 });
		attachmentId = String(item.json.AttachmentId);

		const [reserve, send, ...more] = blobCalls();
		expect(more).toEqual([]);
		for (const call of [reserve, send]) {
			expect(call.method).toBe('PUT');
			expect(call.path).toBe(`/scope/api/blob/${attachmentId}`);
			expect(call.headers['accept-version']).toBe('1');
		}
		expect(reserve.headers).toMatchObject({
			'blob-content-length': String(file.length),
			'blob-content-type': 'application/pdf',
			// A header value must be ASCII: the euro sign and the accent cannot travel as they are.
			'blob-content-filename': 'Factuur _12 cafe.pdf',
		});
		expect(reserve.headers['content-length'] ?? '0').toBe('0');
		expect(reserve.status).toBe(200);
		expect(send.headers['blob-upload-type']).toBe('blob');
		expect(String(send.headers['content-type'])).toMatch(/^multipart\/form-data; boundary=/);
		expect(send.body).toEqual({ file: `<${file.length} bytes>` });
		expect(send.status).toBe(200);
	});

	it('downloads that file byte for byte, with its type and name', async () => {
		const [item] = await run({ ...download, attachmentId });
		expect(bytesOf(item).equals(file)).toBe(true);
		expect(item.binary?.data).toMatchObject({
			mimeType: 'application/pdf',
			fileName: 'Factuur _12 cafe.pdf',
		});
		expect(item.json).toEqual({
			AttachmentId: attachmentId,
			FileName: 'Factuur _12 cafe.pdf',
			ContentType: 'application/pdf',
			ContentLength: file.length,
		});
		const [call] = blobCalls();
		expect(call.method).toBe('GET');
		expect(call.headers['accept-version']).toBe('1');
	});

	it('attaches the uploaded file to a sales journal entry by its id', async () => {
		const ledger = sim.sb
			.rows<Record<string, unknown>>('ledgeraccounts')
			.find((row) => row.AdministrationId === ICT && row.LedgerAccountNumber === '8000');
		const relation = sim.sb.rows<Record<string, unknown>>('organisations')[0];
		const [json] = jsonOf(
			await run({
				resource: 'sales',
				sbResource: 'salesJournalEntry',
				operation: 'create',
				fields: {
					mappingMode: 'defineBelow',
					value: {
						AdministrationId: ICT,
						InvoiceDate: '2024-05-01',
						InvoiceNumber: `BIJLAGE-${attachmentId.slice(0, 8)}`,
						RelationType: 'organisation',
						RelationId: relation.Id,
						Attachments: JSON.stringify([{ AttachmentId: attachmentId }]),
						InvoiceLine: JSON.stringify([
							{ LedgerAccountId: ledger?.Id, AmountExcludingVat: 50, VatType: 'high' },
						]),
					},
				} as unknown as INodeParameters,
			}),
		);
		expect(json.result).toBe('Succeeded');
		const post = sim.requests.find(
			(request) => request.method === 'POST' && /salesjournalentry$/.test(request.path),
		);
		expect((post?.body as IDataObject).Attachments).toEqual([{ AttachmentId: attachmentId }]);
		const stored = sim.sb
			.rows<Record<string, unknown>>('salesjournalentry')
			.find((row) => row.Id === json.id);
		expect(stored?.Attachments).toEqual([{ AttachmentId: attachmentId }]);
	});

	it('uploads under a chosen Attachment ID, file name and content type from a chosen binary field', async () => {
		const chosen = crypto.randomUUID();
		const data = allBytes(1);
		const [item] = await run(
			{
				...upload,
				binaryPropertyName: 'scan',
				options: { attachmentId: chosen, fileName: 'bon.png', contentType: 'image/png' },
			},
			[fileItem(data, 'ignored.bin', 'application/octet-stream', 'scan')],
		);
		expect(item.json).toMatchObject({
			AttachmentId: chosen,
			FileName: 'bon.png',
			ContentType: 'image/png',
		});
		expect(blobCalls()[0].headers).toMatchObject({
			'blob-content-filename': 'bon.png',
			'blob-content-type': 'image/png',
		});
		sim.clearRequests();
		const [back] = await run({
			...download,
			attachmentId: chosen.toUpperCase(),
			binaryPropertyName: 'file',
		});
		expect(bytesOf(back, 'file').equals(data)).toBe(true);
		expect(back.binary?.file.mimeType).toBe('image/png');
	});

	it('refuses a file larger than SB takes in one upload after the reservation, and sends no file', async () => {
		const big = Buffer.alloc(CHUNK_SIZE + 1, 7);
		const error = await thrownBy(() =>
			run({ ...upload }, [fileItem(big, 'groot.pdf', 'application/pdf')]),
		);
		expect(error.name).toBe('NodeOperationError');
		expect(error.message).toBe(
			`The file is larger than AFAS SB takes in one upload (${CHUNK_SIZE + 1} > ${CHUNK_SIZE} bytes)`,
		);
		expect(String(error.description)).toContain('make the file smaller');
		const calls = blobCalls();
		expect(calls).toHaveLength(1);
		expect(calls[0].headers['blob-content-length']).toBe(String(CHUNK_SIZE + 1));
	});

	it('fails with 404 for an attachment SB does not have', async () => {
		const error = await thrownBy(() => run({ ...download, attachmentId: crypto.randomUUID() }));
		expect(error.name).toBe('NodeApiError');
		expect(error.httpCode).toBe('404');
		expect(error.message).toBe('Het bestand is niet gevonden.');
	});

	it('refuses an Attachment ID that is not a UUID before any request', async () => {
		const error = await thrownBy(() => run({ ...download, attachmentId: 'factuur.pdf' }));
		expect(error.name).toBe('NodeOperationError');
		expect(error.message).toContain('Attachment ID');
		expect(sim.requests).toEqual([]);
	});

	it('refuses a chosen upload Attachment ID that is not a UUID before any request', async () => {
		const error = await thrownBy(() =>
			run({ ...upload, options: { attachmentId: '12345' } }, [
				fileItem(allBytes(1), 'a.pdf', 'application/pdf'),
			]),
		);
		expect(error.message).toContain('Attachment ID');
		expect(sim.requests).toEqual([]);
	});

	it('names the missing binary field before any request', async () => {
		const error = await thrownBy(() => run({ ...upload }, [{ json: { name: 'no file' } }]));
		expect(error.message).toMatch(/data/);
		expect(sim.requests).toEqual([]);
	});
});
