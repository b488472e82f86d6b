import { decodeBase64Strict } from '../../../nodes/Afas/wire/base64';

describe('strict Base64 for AFAS file data', () => {
	it.each([
		['', ''],
		['QQ==', 'A'],
		['QUI=', 'AB'],
		['QUJD', 'ABC'],
		['QUJD\r\nREVG', 'ABCDEF'],
		[' QUJD \n', 'ABC'],
		['Pz8/', '???'],
		['+/+/', Buffer.from([0xfb, 0xff, 0xbf]).toString('latin1')],
	])('decodes %p', (text, expected) => {
		const result = decodeBase64Strict(text);
		expect(result.ok && result.bytes.toString('latin1')).toBe(expected);
	});

	it.each([
		['<html>', 'character "<" at position 1 is not Base64'],
		['QUJD-_==', 'character "-" at position 5 is not Base64'],
		['QQ=A', 'character "=" at position 3 is not Base64'],
		['QUJ', 'is not a multiple of 4'],
		['QQ', 'is not a multiple of 4'],
		['Q===', 'is not a multiple of 4'],
		['QR==', 'its last characters do not encode whole bytes'],
		['QUJD\u0000', 'character "\\u0000" at position 5 is not Base64'],
	])('refuses %j: %s', (text, problem) => {
		const result = decodeBase64Strict(text);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.problem).toContain(problem);
	});
});
