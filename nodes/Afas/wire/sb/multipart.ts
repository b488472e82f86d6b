/**
 * SB's blob upload (research §4.8): step 1 reserves the blob with `Blob-Content-*` headers, step 2 sends the bytes
 * as `multipart/form-data` with one part named `file`.
 *
 * File names. Decisions (UNVERIFIED: SB's docs show only plain ASCII names):
 * - `Blob-Content-FileName` must be a valid header value (Node refuses non-Latin1, CR/LF split headers). SB stores
 *   it as the blob's `FileName` and nothing says it decodes percent-escapes, so instead of `caf%C3%A9.pdf` the
 *   name is transliterated to ASCII: accents dropped (`café` → `cafe`), other non-ASCII characters become `_`,
 *   control characters are removed.
 * - In the part's Content-Disposition, `filename="…"` carries the same ASCII name with `"` and `\` escaped by a
 *   backslash (an HTTP quoted-string, as .NET's ContentDispositionHeaderValue reads it; browsers write `%22`, which
 *   such parsers keep literally), and `filename*=UTF-8''…` (RFC 5987/6266) carries the exact name when it is not
 *   plain ASCII; parsers that know `filename*` prefer it.
 */

const BOUNDARY = /^[0-9A-Za-z'()+_,\-./:=?]{1,70}$/;

/** ASCII, no control characters, never empty: safe in a header and in a quoted-string. */
export function asciiFileName(fileName: string): string {
	const ascii = withoutControls(String(fileName ?? '').normalize('NFKD'))
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^\u0020-\u007e]/g, '_')
		.trim();
	return ascii === '' ? 'file' : ascii;
}

/** Without C0 controls and DEL (CR and LF would end the header line). */
function withoutControls(text: string): string {
	return Array.from(text)
		.filter((char) => {
			const code = char.charCodeAt(0);
			return code > 0x1f && code !== 0x7f;
		})
		.join('');
}

/** RFC 5987 ext-value characters that need no escape. */
function rfc5987(text: string): string {
	return Array.from(new TextEncoder().encode(text))
		.map((byte) => {
			const char = String.fromCharCode(byte);
			return /[A-Za-z0-9!#$&+\-.^_`|~]/.test(char) && byte < 0x80
				? char
				: `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
		})
		.join('');
}

function contentTypeOf(contentType: string): string {
	const cleaned = withoutControls(String(contentType ?? '')).trim();
	return cleaned === '' ? 'application/octet-stream' : cleaned;
}

/** The part's Content-Disposition header value. */
export function fileContentDisposition(fileName: string): string {
	const exact = withoutControls(String(fileName ?? '')).trim();
	const fallback = asciiFileName(fileName).replace(/["\\]/g, (char) => `\\${char}`);
	const star = /^[\u0020-\u007e]*$/.test(exact) ? '' : `; filename*=UTF-8''${rfc5987(exact)}`;
	return `form-data; name="file"; filename="${fallback}"${star}`;
}

/**
 * The body of step 2 and its Content-Type. The boundary must be an RFC 2046 boundary (1–70 safe characters) that
 * does not occur in the data; the caller picks a random one.
 */
export function multipartFile(
	file: { data: Uint8Array; fileName: string; contentType: string },
	boundary: string,
): { body: Buffer; contentType: string } {
	if (!BOUNDARY.test(boundary) || boundary.endsWith(' '))
		throw new RangeError("multipart boundary must be 1-70 characters of [0-9A-Za-z'()+_,-./:=?]");
	const data = Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength);
	if (data.includes(`--${boundary}`))
		throw new RangeError('multipart boundary occurs in the file; pick another random boundary');
	const head = Buffer.from(
		`--${boundary}\r\n` +
			`Content-Disposition: ${fileContentDisposition(file.fileName)}\r\n` +
			`Content-Type: ${contentTypeOf(file.contentType)}\r\n` +
			'\r\n',
		'utf8',
	);
	const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
	return {
		body: Buffer.concat([head, data, tail]),
		contentType: `multipart/form-data; boundary=${boundary}`,
	};
}

/** Step 1's headers: the announced size must equal the bytes sent in step 2 (§4.8). */
export function sbBlobReserveHeaders(file: {
	length: number;
	fileName: string;
	contentType: string;
}): Record<string, string> {
	if (!Number.isSafeInteger(file.length) || file.length < 0)
		throw new RangeError('blob length must be a whole number of bytes');
	return {
		'Blob-Content-FileName': asciiFileName(file.fileName),
		'Blob-Content-Length': String(file.length),
		'Blob-Content-Type': contentTypeOf(file.contentType),
	};
}
