import type { INodeExecutionData } from 'n8n-workflow';

import { encodeQueryValue } from '../../nodes/Afas/wire/queryEncoding';
import { runProfit, thrownBy } from './setup';
import { useSimulator } from '../helpers/simulator';

const sim = useSimulator();

interface SeedFile {
	fileId: string;
	fileName: string;
	data: Buffer;
}

function seeded(list: string, key: string, value: string): SeedFile {
	const entries = sim.profit.data[list] as Array<Record<string, unknown>>;
	return entries.find((entry) => entry[key] === value) as unknown as SeedFile;
}

function binaryOf(item: INodeExecutionData, property = 'data') {
	const binary = item.binary?.[property];
	if (!binary) throw new Error(`No binary property ${property}`);
	return { ...binary, bytes: Buffer.from(binary.data, 'base64') };
}

describe('File resource', () => {
	it('downloads a FileConnector file, encoding _ as _5f in the path', async () => {
		const file = seeded('files', 'fileName', 'Jaaropgave_2024_def.pdf');
		const [item] = await runProfit(sim, {
			parameters: {
				resource: 'file',
				operation: 'getFile',
				fileId: file.fileId,
				fileName: file.fileName,
			},
		});
		expect(sim.requests[0].path).toBe(
			`/ProfitRestServices/fileconnector/${file.fileId}/Jaaropgave_5f2024_5fdef.pdf`,
		);
		const binary = binaryOf(item);
		expect(binary).toMatchObject({
			fileName: 'Jaaropgave_2024_def.pdf',
			mimeType: 'application/pdf',
		});
		expect(binary.bytes.equals(file.data)).toBe(true);
		expect(item.json).toEqual({
			fileName: 'Jaaropgave_2024_def.pdf',
			mimeType: 'application/pdf',
			fileSize: file.data.length,
		});
		expect(item.pairedItem).toEqual({ item: 0 });
	});

	it('downloads a dossier attachment (SubjectConnector) into a chosen binary field', async () => {
		const subject = (
			sim.profit.data.subjects as Array<{
				SbId: number;
				attachments: Array<{ FileId: string; FileName: string; data: Buffer }>;
			}>
		).find((entry) => entry.SbId === 49946);
		const attachment = subject!.attachments[0];
		const [item] = await runProfit(sim, {
			parameters: {
				resource: 'file',
				operation: 'getSubjectAttachment',
				subjectId: '49946',
				fileId: attachment.FileId,
				binaryPropertyName: 'attachment',
			},
		});
		expect(sim.requests[0].path).toBe(
			`/ProfitRestServices/subjectconnector/49946/${attachment.FileId}`,
		);
		const binary = binaryOf(item, 'attachment');
		expect(binary).toMatchObject({ fileName: attachment.FileName, mimeType: 'application/pdf' });
		expect(binary.bytes.equals(attachment.data)).toBe(true);
	});

	it('downloads an image (ImageConnector) with the format code, naming it from the MIME type', async () => {
		const image = (sim.profit.data.images as Array<{ imageId: string; data: Buffer }>)[0];
		const [item] = await runProfit(sim, {
			parameters: {
				resource: 'file',
				operation: 'getImage',
				imageId: image.imageId,
				format: 'thumbnail',
			},
		});
		expect(sim.requests[0].query).toEqual({ format: '1' });
		const binary = binaryOf(item);
		expect(binary).toMatchObject({ fileName: `image-${image.imageId}.png`, mimeType: 'image/png' });
		expect(binary.bytes.equals(image.data)).toBe(true);
	});

	it('downloads a report (ReportConnector)', async () => {
		const report = (
			sim.profit.data.reports as Array<{ reportId: string; fileName: string; data: Buffer }>
		)[0];
		const [item] = await runProfit(sim, {
			parameters: { resource: 'file', operation: 'getReport', reportId: report.reportId },
		});
		const binary = binaryOf(item);
		expect(binary).toMatchObject({ fileName: report.fileName, mimeType: 'application/pdf' });
		expect(binary.bytes.equals(report.data)).toBe(true);
	});

	it('sends a report filter as filterjson and checks its length against the real URL', async () => {
		const reportId = (sim.profit.data.reports as Array<{ reportId: string }>)[0].reportId;
		const filter = (value: string) =>
			JSON.stringify({
				Filters: {
					Filter: [
						{
							'@FilterId': 'Filter 1',
							Field: [{ '@FieldId': 'Year', '@OperatorType': '1', '#text': value }],
						},
					],
				},
			});
		const run = async (value: string) =>
			await runProfit(sim, {
				parameters: {
					resource: 'file',
					operation: 'getReport',
					reportId,
					options: { rawFilterJson: filter(value) },
				},
			});

		await run('2024');
		expect(sim.requests[0].path).toBe(`/ProfitRestServices/reportconnector/${reportId}`);
		expect(JSON.parse(String(sim.requests[0].query.filterjson))).toEqual(
			JSON.parse(filter('2024')),
		);

		// Fill the URL up to AFAS's limit for this (simulator) base URL, then one character past it.
		sim.clearRequests();
		const prefix = `${sim.profitUrl}/reportconnector/${reportId}?filterjson=`;
		const value = 'x'.repeat(2048 - prefix.length - encodeQueryValue(filter('')).length);
		await run(value);
		expect(sim.requests).toHaveLength(1);
		const error = await thrownBy(() => run(`${value}x`));
		expect(error.message).toContain('Raw JSON Filter');
		expect(sim.requests).toHaveLength(1);
	});

	it('names the likely causes when a file is not there (404)', async () => {
		const error = await thrownBy(() =>
			runProfit(sim, {
				parameters: {
					resource: 'file',
					operation: 'getFile',
					fileId: 'F64BB8E942BBC5E94FC747904E19FE1B',
					fileName: 'Wrong.pdf',
				},
			}),
		);
		expect(error.message).toBe('AFAS could not find what was asked for (404 Not Found)');
		expect(String(error.description)).toContain(
			'the file does not exist or the user has no rights to it',
		);
		expect(error.httpCode).toBe('404');
	});

	it('rejects an empty file name before sending anything', async () => {
		const error = await thrownBy(() =>
			runProfit(sim, {
				parameters: {
					resource: 'file',
					operation: 'getFile',
					fileId: 'F64BB8E942BBC5E94FC747904E19FE1B',
					fileName: '',
				},
			}),
		);
		expect(error.message).toContain('File Name');
		expect(sim.requests).toHaveLength(0);
	});

	describe('file data that is not Base64', () => {
		const operations: Array<[string, Record<string, unknown>, RegExp]> = [
			[
				'getFile',
				{ fileId: 'F64BB8E942BBC5E94FC747904E19FE1B', fileName: 'Invoice.pdf' },
				/fileconnector/i,
			],
			[
				'getSubjectAttachment',
				{ subjectId: '49946', fileId: '5C055C034516ED67972E0A852E03C5B9' },
				/subjectconnector/i,
			],
			['getImage', { imageId: '12', format: 'original' }, /imageconnector/i],
			['getReport', { reportId: 'CF761B2F7099455B8C5227639C447689' }, /reportconnector/i],
		];
		const answers: Array<[string, string, string]> = [
			[
				'an HTML page',
				'<html><body>Login</body></html>',
				'character "<" at position 1 is not Base64',
			],
			['a cut-off string', 'JVBERi0xLjQ', 'is not a multiple of 4'],
			['a stray character', 'JVBE%i0xLjQK', 'character "%" at position 5 is not Base64'],
			['URL-safe Base64', 'JVBE_i0xLjQK', 'character "_" at position 5 is not Base64'],
			['padding in the middle', 'JV==JVBERi0x', 'character "=" at position 3 is not Base64'],
		];

		it.each(
			operations.flatMap(([operation, parameters, path]) =>
				answers.map(
					([what, filedata, problem]) =>
						[operation, what, parameters, path, filedata, problem] as const,
				),
			),
		)(
			'%s: %s in "filedata" is an error, not a garbage file',
			async (operation, _what, parameters, path, filedata, problem) => {
				sim.addFault({
					type: 'answer',
					status: 200,
					contentType: 'application/json',
					body: JSON.stringify({ filename: 'Invoice.pdf', mimetype: 'application/pdf', filedata }),
					match: { path },
				});
				const error = await thrownBy(() =>
					runProfit(sim, { parameters: { resource: 'file', operation, ...parameters } }),
				);
				expect(error.name).toBe('NodeOperationError');
				expect(error.message).toBe('AFAS returned file data that is not valid Base64');
				expect(String(error.description)).toContain(problem);
				expect(String(error.description)).toContain(
					`application/pdf, ${filedata.length} characters`,
				);
				expect(sim.requests).toHaveLength(1);
			},
		);

		it('accepts Base64 wrapped in lines (76 characters, CRLF or LF) and keeps every byte', async () => {
			const bytes = Buffer.from(Array.from({ length: 300 }, (_, index) => (index * 37) % 256));
			const wrapped = (bytes.toString('base64').match(/.{1,76}/g) as string[]).join('\r\n') + '\n';
			sim.addFault({
				type: 'answer',
				status: 200,
				contentType: 'application/json',
				body: JSON.stringify({
					filename: 'data.bin',
					mimetype: 'application/octet-stream',
					filedata: wrapped,
				}),
				match: { path: /fileconnector/i },
			});
			const [item] = await runProfit(sim, {
				parameters: {
					resource: 'file',
					operation: 'getFile',
					fileId: 'F64BB8E942BBC5E94FC747904E19FE1B',
					fileName: 'data.bin',
				},
			});
			expect(binaryOf(item).bytes.equals(bytes)).toBe(true);
			expect(item.json.fileSize).toBe(300);
		});

		it('continues with an error item on the error path when asked to', async () => {
			sim.addFault({
				type: 'answer',
				status: 200,
				contentType: 'application/json',
				body: JSON.stringify({ mimetype: 'image/png', filedata: 'not base64!' }),
				match: { path: /imageconnector/i },
				times: 1,
			});
			const { imageId } = (sim.profit.data.images as Array<{ imageId: string }>)[0];
			const items = await runProfit(sim, {
				parameters: {
					resource: 'file',
					operation: 'getImage',
					imageId: '={{ $json.id }}',
					format: 'original',
				},
				items: [{ json: { id: imageId } }, { json: { id: imageId } }],
				continueOnFail: true,
			});
			expect(items[0].json.error).toBe('AFAS returned file data that is not valid Base64');
			expect(items[0].pairedItem).toEqual({ item: 0 });
			expect(items[1].binary?.data).toBeDefined();
			expect(items[1].pairedItem).toEqual({ item: 1 });
		});
	});
});
