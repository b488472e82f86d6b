import {
	appAccessToken,
	startSbSim,
	authorizeAndConsent,
	makeVerifier,
	s256,
	sbGet,
	tokenRequest,
	type SbSim,
} from './sb/testHelpers';

const REDIRECT = 'http://localhost:5678/rest/oauth2-credential/callback';

describe('AFAS SB simulator: authentication', () => {
	let sim: SbSim;
	beforeEach(async () => {
		sim = await startSbSim();
	});
	afterEach(async () => {
		await sim.close();
	});

	describe('app token (getaccesstoken)', () => {
		it('exchanges the App Center token for a 600 s bearer token that works on the API', async () => {
			const res = await fetch(`${sim.sbUrl}/scope/authentication/getaccesstoken`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ apptoken: sim.credentials.sb.appToken }),
			});
			expect(res.status).toBe(200);
			const body = (await res.json()) as { access_token: string; expires_in: unknown; token_type: string };
			expect(body).toEqual({ access_token: expect.stringMatching(/^eyJ/), expires_in: '600', token_type: 'bearer' });
			const api = await sbGet(sim, body.access_token, 'administrations', '1');
			expect(api.status).toBe(200);
			expect(api.body).toEqual(expect.arrayContaining([expect.objectContaining({ Description: 'EnYoi Holding B.V.' })]));
		});

		it('rejects a wrong app token with the documented 401 body', async () => {
			const res = await fetch(`${sim.sbUrl}/scope/authentication/getaccesstoken`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ apptoken: 'not-the-token' }),
			});
			expect(res.status).toBe(401);
			expect(await res.json()).toEqual({
				StatusCode: 401,
				Message: 'Er is geen ingelogde gebruiker.',
				TraceId: expect.stringMatching(/^[0-9a-f]{32}$/),
				AdditionalInfo: { ExceptionType: 'NotAuthenticatedException' },
			});
		});

		it('expires the bearer token after 600 s of virtual time', async () => {
			const token = await appAccessToken(sim);
			sim.advanceTime(599_000);
			expect((await sbGet(sim, token, 'countries', '1')).status).toBe(200);
			sim.advanceTime(2_000);
			const expired = await sbGet(sim, token, 'countries', '1');
			expect(expired.status).toBe(401);
			expect(expired.body).toMatchObject({ AdditionalInfo: { ExceptionType: 'NotAuthenticatedException' } });
		});

		it('answers 401 for an unknown customer environment and for a token used on another environment', async () => {
			const res = await fetch(`${sim.sbUrl}/elders/authentication/getaccesstoken`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ apptoken: sim.credentials.sb.appToken }),
			});
			expect(res.status).toBe(401);
			const token = await appAccessToken(sim);
			const other = await fetch(`${sim.sbUrl}/elders/api/persons`, { headers: { Authorization: `Bearer ${token}`, 'Accept-Version': '2' } });
			expect(other.status).toBe(401);
		});

		it('answers 401 without a bearer token and 403 for an endpoint outside the app bundle', async () => {
			expect((await sbGet(sim, 'garbage', 'persons', '2')).status).toBe(401);
			const restricted = await appAccessToken(sim, sim.credentials.sb.restrictedAppToken);
			expect((await sbGet(sim, restricted, 'persons', '2')).status).toBe(200);
			const forbidden = await sbGet(sim, restricted, 'ledgeraccounts', '1');
			expect(forbidden.status).toBe(403);
			expect(forbidden.body).toMatchObject({
				StatusCode: 403,
				Message: 'De ingelogde gebruiker heeft niet voldoende rechten.',
				AdditionalInfo: { ExceptionType: 'NotAuthorizedException' },
			});
		});
	});

	describe('OAuth 2.0 authorization code + PKCE', () => {
		async function codeFor(verifier: string, state = 'xyz-state') {
			const location = await authorizeAndConsent(sim, { redirectUri: REDIRECT, challenge: await s256(verifier), state });
			expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
			expect(location.searchParams.get('state')).toBe(state);
			const code = location.searchParams.get('code');
			expect(code).toBeTruthy();
			return code as string;
		}

		it('runs the whole flow: consent page, Allow, code exchange with HTTP Basic client auth, API call', async () => {
			const verifier = makeVerifier();
			const code = await codeFor(verifier);
			const { clientId, clientSecret } = sim.credentials.sb;
			const res = await tokenRequest(
				sim,
				{ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier },
				{ id: clientId, secret: clientSecret },
			);
			expect(res.status).toBe(200);
			expect(res.body).toEqual({
				access_token: expect.stringMatching(/^eyJ/),
				expires_in: '1800',
				token_type: 'bearer',
				refresh_token: expect.stringMatching(/^[A-Za-z0-9_-]{64}$/),
			});
			const api = await sbGet(sim, res.body.access_token as string, 'persons?take=1', '2.0');
			expect(api.status).toBe(200);
			expect(api.body).toMatchObject({ TrackingToken: expect.any(String), Result: [expect.objectContaining({ Lastname: expect.any(String) })] });
		});

		it('accepts the client secret in the form body, and a code only once', async () => {
			const verifier = makeVerifier();
			const code = await codeFor(verifier);
			const form = {
				grant_type: 'authorization_code',
				code,
				redirect_uri: REDIRECT,
				code_verifier: verifier,
				client_id: sim.credentials.sb.clientId,
				client_secret: sim.credentials.sb.clientSecret,
			};
			expect((await tokenRequest(sim, form)).status).toBe(200);
			const again = await tokenRequest(sim, form);
			expect(again.status).toBe(400);
			expect(again.body).toMatchObject({ error: 'invalid_grant' });
		});

		it('redirects with error=access_denied when the user clicks Deny', async () => {
			const location = await authorizeAndConsent(sim, { redirectUri: REDIRECT, challenge: await s256(makeVerifier()), state: 's1', decision: 'deny' });
			expect(location.searchParams.get('error')).toBe('access_denied');
			expect(location.searchParams.get('state')).toBe('s1');
			expect(location.searchParams.get('code')).toBeNull();
		});

		it('rejects a wrong verifier, a short verifier, a missing verifier and a wrong client secret', async () => {
			const base = { grant_type: 'authorization_code', redirect_uri: REDIRECT, client_id: sim.credentials.sb.clientId, client_secret: sim.credentials.sb.clientSecret };
			const wrong = await tokenRequest(sim, { ...base, code: await codeFor(makeVerifier()), code_verifier: makeVerifier() });
			expect(wrong).toEqual({ status: 400, body: expect.objectContaining({ error: 'invalid_grant' }) });
			const short = await tokenRequest(sim, { ...base, code: await codeFor(makeVerifier()), code_verifier: 'too-short' });
			expect(short).toEqual({ status: 400, body: { error: 'invalid_grant', error_description: 'invalid code_verifier length' } });
			const missing = await tokenRequest(sim, { ...base, code: await codeFor(makeVerifier()) });
			expect(missing).toEqual({ status: 400, body: { error: 'invalid_request', error_description: 'missing required request parameters' } });
			const verifier = makeVerifier();
			const badSecret = await tokenRequest(sim, { ...base, client_secret: 'nope', code: await codeFor(verifier), code_verifier: verifier });
			expect(badSecret.status).toBe(401);
			expect(badSecret.body).toMatchObject({ error: 'invalid_client' });
		});

		it('requires PKCE S256 and a registered (localhost) redirect_uri on the authorize endpoint', async () => {
			const q = (extra: Record<string, string>) =>
				new URLSearchParams({ client_id: sim.credentials.sb.clientId, redirect_uri: REDIRECT, response_type: 'code', code_challenge: 'x'.repeat(43), code_challenge_method: 'S256', state: 's', ...extra }).toString();
			const plain = await fetch(`${sim.sbUrl}/scope/app/auth?${q({ code_challenge_method: 'plain' })}`, { redirect: 'manual' });
			expect(plain.status).toBe(302);
			expect(new URL(plain.headers.get('location') ?? '').searchParams.get('error')).toBe('invalid_request');
			const foreign = await fetch(`${sim.sbUrl}/scope/app/auth?${q({ redirect_uri: 'https://evil.example/cb' })}`, { redirect: 'manual' });
			expect(foreign.status).toBe(400);
			const unknownEnv = await fetch(`${sim.sbUrl}/elders/app/auth?${q({})}`, { redirect: 'manual' });
			expect(unknownEnv.status).toBe(404);
		});

		it('rotates refresh tokens: the new one works, the used one is rejected; access tokens expire after 1800 s', async () => {
			const verifier = makeVerifier();
			const code = await codeFor(verifier);
			const auth = { id: sim.credentials.sb.clientId, secret: sim.credentials.sb.clientSecret };
			const first = await tokenRequest(sim, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier }, auth);
			const access1 = first.body.access_token as string;
			sim.advanceTime(1_799_000);
			expect((await sbGet(sim, access1, 'countries', '1')).status).toBe(200);
			sim.advanceTime(2_000);
			expect((await sbGet(sim, access1, 'countries', '1')).status).toBe(401);

			const refreshed = await tokenRequest(sim, { grant_type: 'refresh_token', refresh_token: first.body.refresh_token as string }, auth);
			expect(refreshed.status).toBe(200);
			expect(refreshed.body.refresh_token).toEqual(expect.any(String));
			expect(refreshed.body.refresh_token).not.toBe(first.body.refresh_token);
			expect((await sbGet(sim, refreshed.body.access_token as string, 'countries', '1')).status).toBe(200);

			const reused = await tokenRequest(sim, { grant_type: 'refresh_token', refresh_token: first.body.refresh_token as string }, auth);
			expect(reused).toEqual({ status: 400, body: expect.objectContaining({ error: 'invalid_grant' }) });
			const next = await tokenRequest(sim, { grant_type: 'refresh_token', refresh_token: refreshed.body.refresh_token as string }, auth);
			expect(next.status).toBe(200);
		});

		it('accepts a multipart/form-data token request (the spec encoding)', async () => {
			const verifier = makeVerifier();
			const code = await codeFor(verifier);
			const form = new FormData();
			for (const [k, v] of Object.entries({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier, client_id: sim.credentials.sb.clientId, client_secret: sim.credentials.sb.clientSecret })) {
				form.append(k, v);
			}
			const res = await fetch(`${sim.sbUrl}/scope/app/token`, { method: 'POST', body: form });
			expect(res.status).toBe(200);
			expect(await res.json()).toMatchObject({ token_type: 'bearer', expires_in: '1800' });
		});
	});
});
