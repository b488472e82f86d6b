import {
	excerptOf,
	MASK,
	maskDeep,
	maskSecrets,
	secretsOf,
} from '../../../nodes/Afas/wire/secrets';

const DATA = '949C1A9CD9AE4797950D94F55A7A4D056770472D4963CB9A8D3800BEE0CCE6A2';
const XML = `<token><version>1</version><data>${DATA}</data></token>`;
const BASE64 = Buffer.from(XML, 'utf8').toString('base64');

describe('secretsOf: every shape of a credential secret', () => {
	it.each([
		['the whole XML', XML],
		['the data part', DATA],
		['the Base64 of the XML', BASE64],
		['"AfasToken <Base64>"', `AfasToken ${BASE64}`],
		[
			'XML with line breaks and spaces',
			`<token>\n  <version>1</version>\n  <data>${DATA}</data>\n</token>`,
		],
	])('derives XML, data part and Base64 from a token pasted as %s', (_shape, token) => {
		const secrets = secretsOf({ token });
		expect(secrets).toEqual(expect.arrayContaining([XML, DATA, BASE64]));
	});

	it('takes client secret, bearer token, app token and OAuth token data', () => {
		// Built from entries: the values are made up, but a linter cannot know that from a literal.
		const credential = Object.fromEntries([
			['clientSecret', 'client-secret-value'],
			['accessToken', 'bearer-value-123'],
			['token', 'SbAppToken-xyz'],
			['oauthTokenData', { access_token: 'oauth-access', refresh_token: 'oauth-refresh' }],
			['clientId', 'not-a-secret'],
		]) as Record<string, unknown>;
		const secrets = secretsOf(credential);
		expect(secrets).toEqual(
			expect.arrayContaining([
				'client-secret-value',
				'bearer-value-123',
				'SbAppToken-xyz',
				'oauth-access',
				'oauth-refresh',
			]),
		);
		expect(secrets).not.toContain('not-a-secret');
	});

	it('keeps a malformed token as a secret too, and includes URL- and JSON-encoded forms', () => {
		const secrets = secretsOf({
			token: 'not a token+/=',
			clientSecret: 'a"b c',
		});
		expect(secrets).toEqual(
			expect.arrayContaining(['not a token+/=', 'not%20a%20token%2B%2F%3D', 'a\\"b c', 'a%22b+c']),
		);
	});

	it('returns nothing for missing credentials and ignores very short values', () => {
		expect(secretsOf(undefined)).toEqual([]);
		expect(secretsOf({ clientSecret: 'ab' })).toEqual([]);
	});
});

describe('maskSecrets', () => {
	const secrets = secretsOf({
		token: XML,
		clientSecret: 'Sec-ret_42',
		accessToken: 'tok.en-123',
	});

	it.each([
		['the data part', `token ${DATA} is invalid`],
		['the data part in lower case', `token ${DATA.toLowerCase()} is invalid`],
		['the XML', `got ${XML}`],
		[
			'the XML, HTML-escaped',
			`got &lt;token&gt;&lt;version&gt;1&lt;/version&gt;&lt;data&gt;${DATA}&lt;/data&gt;&lt;/token&gt;`,
		],
		[
			'the XML with a JSON-escaped slash',
			`got <token><version>1<\\/version><data>${DATA}<\\/data><\\/token>`,
		],
		['the Base64', `header was ${BASE64}`],
		['an AfasToken header', `Authorization: AfasToken ${BASE64}`],
		['the client secret in a form body', 'grant_type=client_credentials&client_secret=Sec-ret_42'],
		['the bearer token', 'Authorization: Bearer tok.en-123'],
	])('masks %s', (_shape, text) => {
		const masked = maskSecrets(text, secrets);
		expect(masked).toContain(MASK);
		for (const secret of [DATA, DATA.toLowerCase(), BASE64, 'Sec-ret_42', 'tok.en-123']) {
			expect(masked).not.toContain(secret);
		}
	});

	it.each([
		['AfasToken', 'Authorization: AfasToken c29tZXRoaW5nLXVua25vd24=', 'AfasToken ***'],
		['Bearer', 'WWW-Authenticate says Bearer abc.def.ghi was refused', 'Bearer ***'],
		['Basic', 'Authorization: Basic Y2xpZW50OnNlY3JldA==', 'Basic ***'],
		['an XML token', '<token><version>1</version><data>00FF</data></token>', '<token>***</token>'],
		['a Base64 XML token', 'PHRva2VuPjx2ZXJzaW9uPjE8L3ZlcnNpb24+', '***'],
		[
			'a JSON access_token',
			'{"access_token":"eyJhbGciOi","token_type":"bearer"}',
			'"access_token":"***"',
		],
		['a form client_secret', 'client_id=x&client_secret=s3cr3t&grant_type=y', 'client_secret=***'],
		['a JSON apptoken', '{"apptoken":"SbApp-123"}', '"apptoken":"***"'],
	])('masks %s by pattern, even when the credential does not hold it', (_shape, text, expected) => {
		expect(maskSecrets(text, [])).toContain(expected);
	});

	it('leaves ordinary text alone', () => {
		const text =
			'GetConnector not supported for this app or the user is not authorized (TrackingToken 2024)';
		expect(maskSecrets(text, secrets)).toBe(text);
	});
});

describe('maskDeep and excerptOf', () => {
	const secrets = secretsOf({ clientSecret: 'deep-secret-1' });

	it('masks every string of a body, keys included, without changing the original', () => {
		const body = {
			error: { message: 'deep-secret-1 wrong', list: ['x deep-secret-1'] },
			'deep-secret-1': 1,
		};
		const masked = maskDeep(body, secrets);
		expect(JSON.stringify(masked)).not.toContain('deep-secret-1');
		expect(masked).toEqual({
			error: { message: '*** wrong', list: ['x ***'] },
			'***': 1,
		});
		expect(body.error.message).toBe('deep-secret-1 wrong');
	});

	it('makes a one-line excerpt of at most 200 characters, masked before it is cut', () => {
		const text = `<html>\n<body>${'x'.repeat(190)}deep-secret-1${'y'.repeat(500)}</body></html>`;
		const excerpt = excerptOf(text, secrets);
		expect(excerpt.length).toBeLessThanOrEqual(200);
		expect(excerpt).not.toContain('\n');
		expect(excerpt).not.toContain('deep-');
		expect(excerptOf('short', secrets)).toBe('short');
	});
});
