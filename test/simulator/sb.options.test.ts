import { appAccessToken, makeVerifier, s256, sbGet, startSbSim, tokenRequest, type SbSim } from './sb/testHelpers';

describe('AFAS SB simulator: options and request log', () => {
	let sim: SbSim | undefined;
	afterEach(async () => {
		await sim?.close();
		sim = undefined;
	});

	it('never logs the app token, the client secret, the code or the verifier', async () => {
		sim = await startSbSim();
		const { appToken, clientSecret, clientId } = sim.credentials.sb;
		await appAccessToken(sim);
		await tokenRequest(sim, { grant_type: 'authorization_code', code: 'abc', redirect_uri: 'http://localhost/cb', code_verifier: makeVerifier(), client_id: clientId, client_secret: clientSecret });
		const logged = JSON.stringify(sim.requests);
		expect(sim.requests.map((r) => r.path)).toEqual(['/scope/authentication/getaccesstoken', '/scope/app/token']);
		expect(logged).not.toContain(appToken);
		expect(logged).not.toContain(clientSecret);
		expect(sim.requests[0].body).toEqual({ apptoken: '***' });
	});

	it('sbAutoConsent skips the consent page; sbRedirectUris adds a non-local callback; sbExpiresInAsNumber; no rotation', async () => {
		sim = await startSbSim({
			sbAutoConsent: true,
			sbRedirectUris: ['https://n8n.example.com/rest/oauth2-credential/callback'],
			sbExpiresInAsNumber: true,
			sbRotateRefreshTokens: false,
		});
		const redirectUri = 'https://n8n.example.com/rest/oauth2-credential/callback';
		const verifier = makeVerifier();
		const q = new URLSearchParams({
			client_id: sim.credentials.sb.clientId,
			redirect_uri: redirectUri,
			response_type: 'code',
			code_challenge: await s256(verifier),
			code_challenge_method: 'S256',
			state: 'auto',
		});
		const res = await fetch(`${sim.sbUrl}/scope/app/auth?${q.toString()}`, { redirect: 'manual' });
		expect(res.status).toBe(302);
		const location = new URL(res.headers.get('location') ?? '');
		expect(location.origin).toBe('https://n8n.example.com');
		const auth = { id: sim.credentials.sb.clientId, secret: sim.credentials.sb.clientSecret };
		const tokens = await tokenRequest(sim, { grant_type: 'authorization_code', code: location.searchParams.get('code') ?? '', redirect_uri: redirectUri, code_verifier: verifier }, auth);
		expect(tokens.body.expires_in).toBe(1800);
		const refresh = tokens.body.refresh_token as string;
		const first = await tokenRequest(sim, { grant_type: 'refresh_token', refresh_token: refresh }, auth);
		expect(first.status).toBe(200);
		expect(first.body.refresh_token).toBeUndefined();
		expect((await tokenRequest(sim, { grant_type: 'refresh_token', refresh_token: refresh }, auth)).status).toBe(200);
		expect((await sbGet(sim, first.body.access_token as string, 'countries', '1')).status).toBe(200);
	});

	it('sbMaxTake clamps take and sbDefaultTake changes the page size without take', async () => {
		sim = await startSbSim({ sbMaxTake: 50, sbDefaultTake: 20 });
		const token = await appAccessToken(sim);
		expect(((await sbGet(sim, token, 'persons?take=500', '2')).body as { Result: unknown[] }).Result).toHaveLength(50);
		expect(((await sbGet(sim, token, 'persons', '2')).body as { Result: unknown[] }).Result).toHaveLength(20);
	});
});
