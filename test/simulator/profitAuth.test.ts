import { startSimulator, type Simulator } from '../simulator';
import { call, type OAuthBody } from './profitTestClient';

/** The vendor's documented token and its Base64 form (research §3.1, verified by decoding). */
const VENDOR_TOKEN =
	'<token><version>1</version><data>949C1A9CD9AE4797950D94F55A7A4D056770472D4963CB9A8D3800BEE0CCE6A2</data></token>';
const VENDOR_BASE64 =
	'PHRva2VuPjx2ZXJzaW9uPjE8L3ZlcnNpb24+PGRhdGE+OTQ5QzFBOUNEOUFFNDc5Nzk1MEQ5NEY1NUE3QTREMDU2NzcwNDcyRDQ5NjNDQjlBOEQzODAwQkVFMENDRTZBMjwvZGF0YT48L3Rva2VuPg==';

function form(params: Record<string, string>): RequestInit {
	return {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(params).toString(),
	};
}

describe('Profit simulator: authentication', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator({ port: 0 });
	});
	afterAll(async () => sim.close());

	describe('classic AfasToken', () => {
		it('accepts the vendor test vector: Base64 of the whole XML token', async () => {
			expect(sim.credentials.profit.token).toBe(VENDOR_TOKEN);
			expect(sim.credentials.profit.tokenBase64).toBe(VENDOR_BASE64);
			const res = await call<{ version: string }>(sim, '/profitversion', {
				auth: `AfasToken ${VENDOR_BASE64}`,
			});
			expect(res.status).toBe(200);
			expect(res.json).toEqual({ version: '22.22.5' });
		});

		it('treats paths case-insensitively', async () => {
			const res = await fetch(`${sim.url}/profitrestservices/ProfitVersion`, {
				headers: { Authorization: `AfasToken ${VENDOR_BASE64}` },
			});
			expect(res.status).toBe(200);
		});

		it('answers an unknown token with 401 and an empty body', async () => {
			const unknown = btoa(
				'<token><version>1</version><data>' + '0'.repeat(64) + '</data></token>',
			);
			const res = await call(sim, '/metainfo', { auth: `AfasToken ${unknown}` });
			expect(res.status).toBe(401);
			expect(res.text).toBe('');
		});

		it('answers a missing Authorization header with 401', async () => {
			const res = await call(sim, '/metainfo', { auth: null });
			expect(res.status).toBe(401);
			expect(res.text).toBe('');
		});

		it('rejects a token sent as plain XML with 500 and the standard error body', async () => {
			const res = await call(sim, '/metainfo', { auth: `AfasToken ${VENDOR_TOKEN}` });
			expect(res.status).toBe(500);
			expect(res.json.externalMessage).toMatch(/Base64/);
			expect(typeof res.json.errorNumber).toBe('number');
			expect(res.json.profitLogReference).toMatch(/^[0-9A-F]{32}$/);
		});

		it('answers 403 with an empty body for an IP-restricted app connector', async () => {
			const res = await call(sim, '/metainfo', {
				auth: `AfasToken ${btoa(sim.credentials.profit.restrictedToken)}`,
			});
			expect(res.status).toBe(403);
			expect(res.text).toBe('');
		});
	});

	describe('OAuth 2.0 client credentials', () => {
		const creds = () => sim.credentials.profit;

		it('issues a 3600 s bearer token without refresh token for a form POST', async () => {
			const res = await call<OAuthBody>(sim, '/oauth/token', {
				auth: null,
				...form({
					grant_type: 'client_credentials',
					client_id: creds().clientId,
					client_secret: creds().clientSecret,
				}),
			});
			expect(res.status).toBe(200);
			expect(res.json).toEqual({
				access_token: expect.stringMatching(/^eyJ/),
				token_type: 'Bearer',
				expires_in: 3600,
			});
			const meta = await call(sim, '/metainfo', { auth: `Bearer ${res.json.access_token}` });
			expect(meta.status).toBe(200);
		});

		it('accepts HTTP Basic client authentication', async () => {
			const basic = btoa(
				`${encodeURIComponent(creds().clientId)}:${encodeURIComponent(creds().clientSecret)}`,
			);
			const res = await call<OAuthBody>(sim, '/oauth/token', {
				auth: `Basic ${basic}`,
				...form({ grant_type: 'client_credentials' }),
			});
			expect(res.status).toBe(200);
			expect(res.json.token_type).toBe('Bearer');
		});

		it('rejects a JSON body or a GET with invalid_request', async () => {
			const json = await call<OAuthBody>(sim, '/oauth/token', {
				auth: null,
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ grant_type: 'client_credentials' }),
			});
			expect(json.status).toBe(400);
			expect(json.json).toEqual({
				error: 'invalid_request',
				error_description: 'Invalid HTTP request for token endpoint',
			});
			const get = await call<OAuthBody>(sim, '/oauth/token', { auth: null });
			expect(get.status).toBe(400);
			expect(get.json.error).toBe('invalid_request');
		});

		it('rejects a missing grant_type, a repeated parameter and two client credentials with invalid_request', async () => {
			const missing = await call<OAuthBody>(sim, '/oauth/token', {
				auth: null,
				...form({ client_id: creds().clientId, client_secret: creds().clientSecret }),
			});
			expect(missing.status).toBe(400);
			expect(missing.json.error).toBe('invalid_request');

			const repeated = await call<OAuthBody>(sim, '/oauth/token', {
				auth: null,
				method: 'POST',
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
				body: 'grant_type=client_credentials&grant_type=client_credentials',
			});
			expect(repeated.json.error).toBe('invalid_request');

			const both = await call<OAuthBody>(sim, '/oauth/token', {
				auth: `Basic ${btoa(`${creds().clientId}:${creds().clientSecret}`)}`,
				...form({
					grant_type: 'client_credentials',
					client_id: creds().clientId,
					client_secret: creds().clientSecret,
				}),
			});
			expect(both.status).toBe(400);
			expect(both.json.error).toBe('invalid_request');
		});

		it('answers a wrong secret with invalid_client: 400 in the body, 401 + WWW-Authenticate with Basic', async () => {
			const body = await call<OAuthBody>(sim, '/oauth/token', {
				auth: null,
				...form({
					grant_type: 'client_credentials',
					client_id: creds().clientId,
					client_secret: 'wrong',
				}),
			});
			expect(body.status).toBe(400);
			expect(body.json).toEqual({ error: 'invalid_client' });

			const basic = await call<OAuthBody>(sim, '/oauth/token', {
				auth: `Basic ${btoa(`${creds().clientId}:wrong`)}`,
				...form({ grant_type: 'client_credentials' }),
			});
			expect(basic.status).toBe(401);
			expect(basic.headers.get('www-authenticate')).toBe('Basic');
			expect(basic.json.error).toBe('invalid_client');
		});

		it('answers an unknown grant type with unsupported_grant_type', async () => {
			const res = await call<OAuthBody>(sim, '/oauth/token', {
				auth: null,
				...form({
					grant_type: 'password',
					client_id: creds().clientId,
					client_secret: creds().clientSecret,
				}),
			});
			expect(res.status).toBe(400);
			expect(res.json).toEqual({ error: 'unsupported_grant_type' });
		});

		it('expires bearer tokens after 3600 s of virtual time with WWW-Authenticate invalid_token', async () => {
			const token = await call<OAuthBody>(sim, '/oauth/token', {
				auth: null,
				...form({
					grant_type: 'client_credentials',
					client_id: creds().clientId,
					client_secret: creds().clientSecret,
				}),
			});
			sim.advanceTime(3599 * 1000);
			expect(
				(await call(sim, '/profitversion', { auth: `Bearer ${token.json.access_token}` })).status,
			).toBe(200);
			sim.advanceTime(2 * 1000);
			const expired = await call(sim, '/profitversion', {
				auth: `Bearer ${token.json.access_token}`,
			});
			expect(expired.status).toBe(401);
			expect(expired.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
		});

		it('never logs the client secret or the token', async () => {
			sim.clearRequests();
			await call<OAuthBody>(sim, '/oauth/token', {
				auth: null,
				...form({
					grant_type: 'client_credentials',
					client_id: creds().clientId,
					client_secret: creds().clientSecret,
				}),
			});
			await call(sim, '/metainfo');
			const logged = JSON.stringify(sim.requests);
			expect(logged).not.toContain(creds().clientSecret);
			expect(logged).not.toContain(creds().tokenBase64);
			expect(sim.requests[0].body).toEqual({
				grant_type: 'client_credentials',
				client_id: creds().clientId,
				client_secret: '***',
			});
			expect(sim.requests[1].headers.authorization).toBe('AfasToken ***');
		});
	});
});
