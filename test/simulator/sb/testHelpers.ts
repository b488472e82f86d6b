// Small fetch-based helpers for the SB simulator tests (no Node built-ins: lint forbids them in .ts files).
import { startSimulator } from '../index';

export interface SbSim {
	sbUrl: string;
	credentials: { sb: { environment: string; appToken: string; clientId: string; clientSecret: string; restrictedAppToken: string } };
	advanceTime(ms: number): void;
	requests: Array<{ method: string; path: string; headers: Record<string, unknown>; body: unknown; status?: number }>;
	close(): Promise<void>;
}

export type Json = Record<string, unknown>;

/** Starts the whole simulator (Profit + SB) and narrows it to what the SB tests use. */
export async function startSbSim(options: Record<string, unknown> = {}): Promise<SbSim> {
	return (await startSimulator(options)) as unknown as SbSim;
}

export function base64url(bytes: Uint8Array): string {
	let binary = '';
	for (const b of bytes) binary += String.fromCharCode(b);
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** RFC 7636 verifier: 32 random bytes -> 43 base64url characters. */
export function makeVerifier(): string {
	return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

export async function s256(verifier: string): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
	return base64url(new Uint8Array(digest));
}

export async function appAccessToken(sim: SbSim, appToken = sim.credentials.sb.appToken): Promise<string> {
	const res = await fetch(`${sim.sbUrl}/scope/authentication/getaccesstoken`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
		body: JSON.stringify({ apptoken: appToken }),
	});
	if (res.status !== 200) throw new Error(`getaccesstoken answered ${res.status}`);
	return ((await res.json()) as { access_token: string }).access_token;
}

export async function sbGet(sim: SbSim, token: string, pathAndQuery: string, version: string) {
	const res = await fetch(`${sim.sbUrl}/scope/api/${pathAndQuery}`, {
		headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', 'Accept-Version': version },
	});
	return { status: res.status, headers: res.headers, body: (await res.json()) as unknown };
}

export async function sbWrite(
	sim: SbSim,
	token: string,
	method: 'POST' | 'PUT' | 'DELETE',
	resource: string,
	version: string,
	body: unknown,
	extraHeaders: Record<string, string> = {},
) {
	const res = await fetch(`${sim.sbUrl}/scope/api/${resource}`, {
		method,
		headers: {
			Authorization: `Bearer ${token}`,
			Accept: 'application/json',
			'Content-Type': 'application/json',
			'Accept-Version': version,
			...extraHeaders,
		},
		body: typeof body === 'string' ? body : JSON.stringify(body),
	});
	return { status: res.status, body: (await res.json()) as Json };
}

/** Runs the browser part of the PKCE flow with fetch: consent page -> "Allow" form -> redirect with code. */
export async function authorizeAndConsent(
	sim: SbSim,
	params: { redirectUri: string; challenge: string; state: string; decision?: 'allow' | 'deny' },
): Promise<URL> {
	const q = new URLSearchParams({
		client_id: sim.credentials.sb.clientId,
		redirect_uri: params.redirectUri,
		response_type: 'code',
		code_challenge: params.challenge,
		code_challenge_method: 'S256',
		state: params.state,
	});
	const page = await fetch(`${sim.sbUrl}/scope/app/auth?${q.toString()}`, { redirect: 'manual' });
	if (page.status !== 200) throw new Error(`consent page answered ${page.status}`);
	const html = await page.text();
	const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
	const requestId = /name="request" value="([^"]+)"/.exec(html)?.[1];
	if (!action || !requestId || !html.includes('value="allow"')) throw new Error('consent page has no Allow form');
	const answer = await fetch(`${sim.sbUrl}${action}`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ request: requestId, decision: params.decision ?? 'allow' }).toString(),
		redirect: 'manual',
	});
	if (answer.status !== 302) throw new Error(`consent answered ${answer.status}`);
	return new URL(answer.headers.get('location') ?? '');
}

export async function tokenRequest(sim: SbSim, form: Record<string, string>, basicAuth?: { id: string; secret: string }) {
	const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' };
	if (basicAuth) headers.Authorization = `Basic ${btoa(`${basicAuth.id}:${basicAuth.secret}`)}`;
	const res = await fetch(`${sim.sbUrl}/scope/app/token`, { method: 'POST', headers, body: new URLSearchParams(form).toString() });
	return { status: res.status, body: (await res.json()) as Json };
}

/**
 * What n8n stores for an `afasSbOAuth2Api` credential after "Connect my account": the consent page approved and
 * the code exchanged with PKCE. The OAuth URLs are given literally, as the test harness does not resolve the
 * credential's `$self` expressions (their values are tested separately).
 */
export async function connectedSbOAuth2Credential(sim: SbSim): Promise<Json> {
	const verifier = makeVerifier();
	const redirectUri = 'http://localhost:5678/rest/oauth2-credential/callback';
	const callback = await authorizeAndConsent(sim, { redirectUri, challenge: await s256(verifier), state: 'n8n' });
	const { clientId, clientSecret } = sim.credentials.sb;
	const { status, body } = await tokenRequest(sim, {
		grant_type: 'authorization_code',
		code: callback.searchParams.get('code') ?? '',
		redirect_uri: redirectUri,
		code_verifier: verifier,
		client_id: clientId,
		client_secret: clientSecret,
	});
	if (status !== 200) throw new Error(`the code exchange answered ${status}`);
	return {
		server: 'custom',
		baseUrl: sim.sbUrl,
		customerEnvironment: 'scope',
		clientId,
		clientSecret,
		grantType: 'pkce',
		authentication: 'body',
		authUrl: `${sim.sbUrl}/scope/app/auth`,
		accessTokenUrl: `${sim.sbUrl}/scope/app/token`,
		oauthTokenData: body,
	};
}
