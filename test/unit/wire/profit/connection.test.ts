import {
	parseEnvironmentNumber,
	parseIntegrationId,
	profitAuthorizationHeader,
	profitBaseUrl,
	profitTokenXml,
} from '../../../../nodes/Afas/wire/profit/connection';
import { withoutUserinfo } from '../../../../nodes/Afas/wire/baseUrl';
import { inputError } from '../../../helpers/errors';

// The vendor's own test vector (afas-profit-api.md §3.1, verified by decoding).
const DATA = '949C1A9CD9AE4797950D94F55A7A4D056770472D4963CB9A8D3800BEE0CCE6A2';
const XML = `<token><version>1</version><data>${DATA}</data></token>`;
const VENDOR_HEADER =
	'AfasToken PHRva2VuPjx2ZXJzaW9uPjE8L3ZlcnNpb24+PGRhdGE+OTQ5QzFBOUNEOUFFNDc5Nzk1MEQ5NEY1NUE3QTREMDU2NzcwNDcyRDQ5NjNDQjlBOEQzODAwQkVFMENDRTZBMjwvZGF0YT48L3Rva2VuPg==';

describe('Profit token shapes', () => {
	it.each([
		['the whole XML', XML],
		[
			'the XML with whitespace and a trailing CRLF (as /otpvalidation returns it)',
			` <token> <version>1</version>\n<data>${DATA}</data></token>\r\n`,
		],
		['only the data part', DATA],
		['the Base64 of the XML', VENDOR_HEADER.slice('AfasToken '.length)],
		['a whole header copied from a vendor example', VENDOR_HEADER],
	])('normalises %s to the vendor header', (_shape, token) => {
		expect(profitAuthorizationHeader(token)).toBe(VENDOR_HEADER);
		expect(profitTokenXml(token)).toBe(XML);
	});

	it.each([
		['empty', '', 'Token is empty'],
		['an API key', 'not-a-token-at-all', 'Token is not in a form AFAS issues'],
		[
			'truncated XML',
			`<token><version>1</version><data>${DATA}</data>`,
			'Token is not in a form AFAS issues',
		],
		[
			'Base64 of something else',
			Buffer.from('hello world, not a token').toString('base64'),
			'Token is not in a form AFAS issues',
		],
	])('rejects %s without echoing it', (_shape, token, message) => {
		const error = inputError(() => profitAuthorizationHeader(token));
		expect(error.field).toBe('Token');
		expect(error.message).toBe(message);
		expect(error.hint).toContain('whole XML');
		expect(error.hint).toContain('data part');
		expect(error.hint).toContain('Base64');
		if (token) expect(`${error.message} ${error.hint}`).not.toContain(token);
	});
});

describe('Profit environment number and base URL', () => {
	it.each([
		['12345', '12345'],
		[' 12345 ', '12345'],
		['O12345AA', '12345'],
		['t12345aa', '12345'],
		['A12345AB', '12345'],
		['C12345AA', '12345'],
		['123456', '123456'],
	])('reads %s as %s', (input, digits) => {
		expect(parseEnvironmentNumber(input)).toBe(digits);
	});

	it.each([
		'',
		'1234',
		'X12345AA',
		'12345.rest.afas.online',
		'O12345',
		'https://12345.rest.afas.online',
	])('rejects %p and shows both accepted forms', (input) => {
		const error = inputError(() => parseEnvironmentNumber(input));
		expect(error.field).toBe('Environment Number');
		expect(error.hint).toContain('12345');
		expect(error.hint).toContain('O12345AA');
	});

	it.each([
		['production', 'https://12345.rest.afas.online/ProfitRestServices'],
		['test', 'https://12345.resttest.afas.online/ProfitRestServices'],
		['accept', 'https://12345.restaccept.afas.online/ProfitRestServices'],
		['cursus', 'https://12345.restcursus.afas.online/ProfitRestServices'],
	])('builds the %s URL from an environment name', (environment, url) => {
		expect(profitBaseUrl({ environment, environmentNumber: 'O12345AA' })).toBe(url);
	});

	it('uses a custom base URL as given, without trailing slashes', () => {
		expect(
			profitBaseUrl({
				environment: 'custom',
				baseUrl: 'http://127.0.0.1:4010/ProfitRestServices//',
			}),
		).toBe('http://127.0.0.1:4010/ProfitRestServices');
		const error = inputError(() =>
			profitBaseUrl({ environment: 'custom', baseUrl: 'ftp://proxy' }),
		);
		expect(error.field).toBe('Base URL');
		expect(inputError(() => profitBaseUrl({ environment: 'custom', baseUrl: '' })).message).toBe(
			'Base URL is empty',
		);
	});

	it('rejects an unknown environment', () => {
		expect(
			inputError(() => profitBaseUrl({ environment: 'staging', environmentNumber: '12345' })).field,
		).toBe('Environment');
	});
});

describe('IntegrationId', () => {
	it('accepts <subscription>_<project> and empty', () => {
		expect(parseIntegrationId('45963_140664')).toBe('45963_140664');
		expect(parseIntegrationId('  ')).toBeUndefined();
	});
	it('rejects other shapes', () => {
		const error = inputError(() => parseIntegrationId('45963-140664'));
		expect(error.field).toBe('IntegrationId');
		expect(error.hint).toContain('12345_123456');
	});
});

describe('Profit token as Base64 wrapped the way `base64` prints it', () => {
	const BASE64 = VENDOR_HEADER.slice('AfasToken '.length);
	const wrapped = (eol: string) => BASE64.match(/.{1,76}/g)!.join(eol);

	it('is longer than one 76-character line, so the cases below do wrap', () => {
		expect(BASE64.length).toBeGreaterThan(76);
	});

	it.each([
		['LF', wrapped('\n')],
		['CRLF', wrapped('\r\n')],
		['LF with a trailing newline', `${wrapped('\n')}\n`],
		['CRLF with surrounding spaces and tabs', ` \t${wrapped('\r\n')}\r\n `],
		['a header with a wrapped value', `AfasToken ${wrapped('\n')}`],
	])('accepts %s', (_name, token) => {
		expect(profitAuthorizationHeader(token)).toBe(VENDOR_HEADER);
	});

	it.each([
		[
			'wrapped Base64 of something else',
			Buffer.from('x'.repeat(90))
				.toString('base64')
				.match(/.{1,76}/g)!
				.join('\n'),
		],
		['wrapped Base64 missing its last line', wrapped('\n').split('\n').slice(0, -1).join('\n')],
		['wrapped Base64 with a broken character', wrapped('\n').replace(/^./, '*')],
	])('rejects %s with the Token field named and nothing echoed', (_name, token) => {
		const error = inputError(() => profitAuthorizationHeader(token));
		expect(error.field).toBe('Token');
		expect(error.message).toBe('Token is not in a form AFAS issues');
		for (const line of token.split('\n'))
			expect(`${error.message} ${error.hint}`).not.toContain(line);
	});
});

describe('Base URL with a user name or password', () => {
	it.each([
		'https://proxyuser:Pw-77@proxy.example/ProfitRestServices',
		'http://proxyuser@127.0.0.1:4010/ProfitRestServices',
		'HTTPS://proxyuser:Pw-77@proxy.example',
		'ftp://proxyuser:Pw-77@proxy.example',
	])('refuses %s without echoing it', (baseUrl) => {
		const error = inputError(() => profitBaseUrl({ environment: 'custom', baseUrl }));
		expect(error.field).toBe('Base URL');
		expect(error.message).toBe('Base URL contains a user name or password (user:password@)');
		expect(`${error.message} ${error.hint}`).not.toContain('Pw-77');
		expect(`${error.message} ${error.hint}`).not.toContain('proxyuser');
	});

	it('keeps an @ in the path, which is not a password', () => {
		expect(
			profitBaseUrl({
				environment: 'custom',
				baseUrl: 'https://proxy.example/a@b/ProfitRestServices',
			}),
		).toBe('https://proxy.example/a@b/ProfitRestServices');
	});

	it.each([
		['https://u:p@host/x', 'https://***@host/x'],
		['u:p@host', '***@host'],
		['https://host/a@b', 'https://host/a@b'],
		['javascript:alert(1)', 'javascript:alert(1)'],
	])('hides the user info of %s in messages', (input, shown) => {
		expect(withoutUserinfo(input)).toBe(shown);
	});
});
