import {
	asciiFileName,
	fileContentDisposition,
	multipartFile,
	sbBlobReserveHeaders,
} from '../../../../nodes/Afas/wire/sb/multipart';

interface Part {
	headers: Record<string, string>;
	data: Buffer;
}

/**
 * A strict multipart/form-data reader (RFC 7578 / 2046), written for the test: the boundary from the Content-Type,
 * CRLF line ends, headers until an empty line, the part's bytes up to CRLF--boundary, and the closing delimiter.
 */
function parseMultipart(body: Buffer, contentType: string): Part[] {
	const match = /^multipart\/form-data; boundary=(.+)$/.exec(contentType);
	if (!match) throw new Error(`not multipart: ${contentType}`);
	const delimiter = Buffer.from(`--${match[1]}`, 'latin1');
	const parts: Part[] = [];
	if (body.indexOf(delimiter) !== 0) throw new Error('body does not start with the boundary');
	let at = delimiter.length;
	for (;;) {
		const after = body.subarray(at, at + 2).toString('latin1');
		if (after === '--') {
			if (body.subarray(at + 2).toString('latin1') !== '\r\n')
				throw new Error('junk after the close');
			return parts;
		}
		if (after !== '\r\n') throw new Error('boundary line not ended by CRLF');
		at += 2;
		const headerEnd = body.indexOf('\r\n\r\n', at, 'latin1');
		if (headerEnd < 0) throw new Error('part headers not ended');
		const headers: Record<string, string> = {};
		for (const line of body.subarray(at, headerEnd).toString('utf8').split('\r\n')) {
			const colon = line.indexOf(':');
			if (colon <= 0) throw new Error(`bad header line ${JSON.stringify(line)}`);
			headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
		}
		const dataStart = headerEnd + 4;
		const next = body.indexOf(Buffer.concat([Buffer.from('\r\n', 'latin1'), delimiter]), dataStart);
		if (next < 0) throw new Error('part not closed');
		parts.push({ headers, data: body.subarray(dataStart, next) });
		at = next + 2 + delimiter.length;
	}
}

/** Content-Disposition parameters: quoted-strings unescaped (\" and \\), RFC 5987 `filename*` decoded. */
function dispositionParameters(value: string): Record<string, string> {
	const parameters: Record<string, string> = {};
	const pattern = /;\s*([a-z*]+)=("((?:[^"\\]|\\.)*)"|[^;]*)/gi;
	for (let match = pattern.exec(value); match; match = pattern.exec(value)) {
		const name = match[1].toLowerCase();
		if (match[3] !== undefined) parameters[name] = match[3].replace(/\\(.)/g, '$1');
		else if (name.endsWith('*')) {
			const ext = /^UTF-8''(.*)$/i.exec(match[2]);
			if (!ext) throw new Error(`bad ext-value ${match[2]}`);
			parameters[name] = decodeURIComponent(ext[1]);
		} else parameters[name] = match[2];
	}
	return parameters;
}

const ALL_BYTES = Uint8Array.from({ length: 256 * 4 }, (_, index) => index % 256);

describe('SB blob upload body (multipart/form-data)', () => {
	it('round-trips every byte value 0-255 byte-identical in one part named file', () => {
		const boundary = 'n8n-afas-2b7e151628aed2a6';
		const { body, contentType } = multipartFile(
			{ data: ALL_BYTES, fileName: 'scan.pdf', contentType: 'application/pdf' },
			boundary,
		);
		expect(contentType).toBe(`multipart/form-data; boundary=${boundary}`);
		const parts = parseMultipart(body, contentType);
		expect(parts).toHaveLength(1);
		expect(Buffer.compare(parts[0].data, Buffer.from(ALL_BYTES))).toBe(0);
		expect(parts[0].headers['content-type']).toBe('application/pdf');
		expect(parts[0].headers['content-disposition']).toBe(
			'form-data; name="file"; filename="scan.pdf"',
		);
	});

	it('sends only the bytes of a view into a larger buffer', () => {
		const backing = Buffer.from('XXXXhelloYYYY', 'latin1');
		const view = new Uint8Array(backing.buffer, backing.byteOffset + 4, 5);
		const { body, contentType } = multipartFile(
			{ data: view, fileName: 'a.txt', contentType: 'text/plain' },
			'b1',
		);
		expect(parseMultipart(body, contentType)[0].data.toString('latin1')).toBe('hello');
	});

	it('sends an empty file as an empty part', () => {
		const { body, contentType } = multipartFile(
			{ data: new Uint8Array(0), fileName: 'empty.txt', contentType: '' },
			'b2',
		);
		const [part] = parseMultipart(body, contentType);
		expect(part.data.length).toBe(0);
		expect(part.headers['content-type']).toBe('application/octet-stream');
	});

	it.each<[string, string, string | undefined]>([
		['plain.pdf', 'plain.pdf', undefined],
		['say "hi".pdf', 'say "hi".pdf', undefined],
		['back\\slash.txt', 'back\\slash.txt', undefined],
		['evil\r\nContent-Type: text/html.pdf', 'evilContent-Type: text/html.pdf', undefined],
		['café résumé.pdf', 'cafe resume.pdf', 'café résumé.pdf'],
		['offerte 2024 – “final”.docx', 'offerte 2024 _ _final_.docx', 'offerte 2024 – “final”.docx'],
		['報告.pdf', '__.pdf', '報告.pdf'],
		['', 'file', undefined],
		['\r\n', 'file', undefined],
	])('keeps the file name %j safe: filename %j, filename* %j', (name, fallback, exact) => {
		const { body, contentType } = multipartFile(
			{ data: Buffer.from('x'), fileName: name, contentType: 'text/plain\r\nX-Evil: 1' },
			'boundary-3',
		);
		const parts = parseMultipart(body, contentType);
		expect(parts).toHaveLength(1);
		// The header injection attempts stay inside their header lines.
		expect(Object.keys(parts[0].headers).sort()).toEqual(['content-disposition', 'content-type']);
		expect(parts[0].headers['content-type']).toBe('text/plainX-Evil: 1');
		const parameters = dispositionParameters(parts[0].headers['content-disposition']);
		expect(parameters.name).toBe('file');
		expect(parameters.filename).toBe(fallback);
		expect(parameters['filename*']).toBe(exact);
	});

	it('percent-encodes filename* by RFC 5987', () => {
		expect(fileContentDisposition("é 'x'%.pdf")).toBe(
			`form-data; name="file"; filename="e 'x'%.pdf"; filename*=UTF-8''%C3%A9%20%27x%27%25.pdf`,
		);
	});

	it.each(['', 'x'.repeat(71), 'has space ', 'semi;colon', 'quo"te'])(
		'refuses the boundary %j',
		(boundary) => {
			expect(() =>
				multipartFile({ data: Buffer.from('x'), fileName: 'a', contentType: 'a/b' }, boundary),
			).toThrow(RangeError);
		},
	);

	it('refuses a boundary that occurs in the data', () => {
		expect(() =>
			multipartFile(
				{ data: Buffer.from('abc\r\n--same\r\nxyz'), fileName: 'a', contentType: 'a/b' },
				'same',
			),
		).toThrow(/occurs in the file/);
	});
});

describe('SB blob reserve headers', () => {
	it('announces name, length and type', () => {
		expect(
			sbBlobReserveHeaders({ length: 56661, fileName: 'M_FOC 60.png', contentType: 'image/png' }),
		).toEqual({
			'Blob-Content-FileName': 'M_FOC 60.png',
			'Blob-Content-Length': '56661',
			'Blob-Content-Type': 'image/png',
		});
	});

	it.each<[string, string]>([
		['café.pdf', 'cafe.pdf'],
		['Ærø – 報告.pdf', '_r_ _ __.pdf'],
		['a\r\nSet-Cookie: x', 'aSet-Cookie: x'],
		['tab\there', 'tabhere'],
		['  ', 'file'],
	])('makes %j a header-safe ASCII name %j', (name, expected) => {
		const headers = sbBlobReserveHeaders({ length: 1, fileName: name, contentType: '' });
		expect(headers['Blob-Content-FileName']).toBe(expected);
		expect(headers['Blob-Content-FileName']).toMatch(/^[\x20-\x7e]+$/);
		expect(headers['Blob-Content-Type']).toBe('application/octet-stream');
		expect(asciiFileName(name)).toBe(expected);
	});

	it.each([-1, 1.5, Number.NaN])('refuses the length %p', (length) => {
		expect(() => sbBlobReserveHeaders({ length, fileName: 'a', contentType: 'a/b' })).toThrow(
			RangeError,
		);
	});
});
