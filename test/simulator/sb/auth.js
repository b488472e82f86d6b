'use strict';
// SB authentication: App Center app token exchange (600 s) and OAuth 2.0 authorization code + PKCE (1800 s).
// Research afas-sb-api.md §3.1, §3.3, §10 "Auth state machine".
const crypto = require('crypto');
const { jweLikeToken, urlSafe64 } = require('./ids');
const { parseForm } = require('./forms');
const { renderConsent, renderError } = require('./consentPage');
const errors = require('./errors');

const APP_TOKEN_TTL = 600;
const OAUTH_TTL = 1800;
// Authorization codes: lifetime undocumented; 10 minutes is the RFC 6749 §4.1.2 recommended maximum.
const CODE_TTL = 600;

// Fixed, obviously-local values so the CLI and tests can print them; shaped like the real ones
// (64-character URL-safe app token, research §3.3).
const CREDENTIALS = {
	appToken: 'SbSimAppToken-scope-0001_Zz2vnlNdKyOoQUNyPPvtWwHPSJyoMLtDfjg1quj',
	restrictedAppToken: 'SbSimAppToken-scope-0002_RestrictedRelatiesOnly7Qm4vK9pX2LrT8wNc',
	clientId: 'n8n-nodes-afas-sim-client',
	clientSecret: 'SbSimClientSecret_7f3K9qLx2VtR8bNp6Wd1Hc5Jm0Gz',
};

/** Endpoints the restricted app may use (its "bundle"): a Relaties-style read-only grant. Others -> 403. */
const RESTRICTED_BUNDLE = new Set(['organisations', 'persons', 'countries', 'country', 'administrations', 'administration']);

const s256 = (verifier) => crypto.createHash('sha256').update(verifier, 'ascii').digest('base64url');

function createAuth({ clock, options, environment }) {
	const expiresIn = (seconds) => (options.sbExpiresInAsNumber ? seconds : String(seconds));
	const clients = new Map([[CREDENTIALS.clientId, { secret: CREDENTIALS.clientSecret }]]);
	const appTokens = new Map([
		[CREDENTIALS.appToken, { restricted: false }],
		[CREDENTIALS.restrictedAppToken, { restricted: true }],
	]);
	const accessTokens = new Map(); // token -> { env, expiresAt, restricted, kind }
	const refreshTokens = new Map(); // token -> { env, clientId }
	const codes = new Map(); // code -> { env, clientId, redirectUri, challenge, expiresAt }
	const pending = new Map(); // consent request id -> authorize parameters
	const extraRedirects = (options.sbRedirectUris || []).map(String);

	function issueAccess(env, kind, ttl, restricted) {
		const token = jweLikeToken();
		accessTokens.set(token, { env, kind, restricted, expiresAt: clock.now() + ttl * 1000 });
		return token;
	}

	function json(ctx, status, body, extra) {
		ctx.send(status, body, { ...errors.sbHeaders(1), 'Cache-Control': 'no-store', ...extra });
	}

	// Localhost callbacks are accepted by default so n8n instances on any port work without configuration.
	function redirectAllowed(uri) {
		if (extraRedirects.includes(uri)) return true;
		try {
			const u = new URL(uri);
			return (u.protocol === 'http:' || u.protocol === 'https:') && ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);
		} catch {
			return false;
		}
	}

	function redirectTo(ctx, uri, params) {
		const u = new URL(uri);
		for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null) u.searchParams.set(k, v);
		ctx.send(302, undefined, { Location: u.toString(), 'Cache-Control': 'no-store' });
	}

	/** POST /{env}/authentication/getaccesstoken  {"apptoken":"…"} -> {"access_token","expires_in":"600","token_type":"bearer"} */
	function getAccessToken(ctx, env) {
		let body = {};
		try {
			body = JSON.parse(ctx.body.toString('utf8') || '{}');
		} catch {
			body = parseForm(ctx.body, ctx.headers);
		}
		const key = body && typeof body === 'object' ? Object.keys(body).find((k) => k.toLowerCase() === 'apptoken') : undefined;
		const apptoken = key ? body[key] : undefined;
		ctx.logBody({ ...body, ...(key ? { [key]: '***' } : {}) }); // `apptoken` is not in the core's redaction list
		if (typeof apptoken !== 'string' || apptoken === '') {
			// Undocumented; the DS3100-style wording mirrors the schema's `required: ["apptoken"]`.
			json(ctx, 400, errors.userError("Required properties are missing from object: apptoken. Path '', line 1, position 1."));
			return;
		}
		const app = appTokens.get(apptoken);
		if (!app) {
			json(ctx, 401, errors.notAuthenticated());
			return;
		}
		json(ctx, 200, { access_token: issueAccess(env, 'apptoken', APP_TOKEN_TTL, app.restricted), expires_in: expiresIn(APP_TOKEN_TTL), token_type: 'bearer' });
	}

	/** GET /{env}/app/auth: validates the six mandatory parameters and shows the consent page. */
	function authorize(ctx, env) {
		const q = Object.fromEntries(ctx.query);
		const client = clients.get(q.client_id);
		if (!client) return ctx.send(400, renderError('Onbekende applicatie (client_id).'), { 'Content-Type': 'text/html; charset=utf-8' });
		if (!q.redirect_uri || !redirectAllowed(q.redirect_uri)) {
			return ctx.send(400, renderError('De redirect_uri is niet geregistreerd voor deze applicatie.'), { 'Content-Type': 'text/html; charset=utf-8' });
		}
		if (q.response_type !== 'code') {
			return redirectTo(ctx, q.redirect_uri, { error: 'unsupported_response_type', error_description: 'only response_type=code is supported', state: q.state });
		}
		if (!q.code_challenge || !q.state || !q.code_challenge_method) {
			return redirectTo(ctx, q.redirect_uri, { error: 'invalid_request', error_description: 'missing required request parameters', state: q.state });
		}
		if (q.code_challenge_method !== 'S256') {
			return redirectTo(ctx, q.redirect_uri, { error: 'invalid_request', error_description: 'code_challenge_method must be S256', state: q.state });
		}
		const request = { env, clientId: q.client_id, redirectUri: q.redirect_uri, challenge: q.code_challenge, state: q.state };
		if (options.sbAutoConsent) return approve(ctx, request);
		const id = crypto.randomBytes(16).toString('hex');
		pending.set(id, request);
		ctx.send(200, renderConsent({ env, clientId: q.client_id, redirectUri: q.redirect_uri, requestId: id }), {
			'Content-Type': 'text/html; charset=utf-8',
			'X-Frame-Options': 'SAMEORIGIN',
			'Cache-Control': 'no-store',
		});
	}

	function approve(ctx, request) {
		const code = urlSafe64();
		codes.set(code, { ...request, expiresAt: clock.now() + CODE_TTL * 1000 });
		redirectTo(ctx, request.redirectUri, { code, state: request.state });
	}

	/** POST /{env}/app/auth with form `request` + `decision` (allow|deny): the consent page's buttons. */
	function consent(ctx, env) {
		const form = parseForm(ctx.body, ctx.headers);
		ctx.logBody(form);
		const request = pending.get(form.request);
		if (!request || request.env !== env) {
			return ctx.send(400, renderError('Dit toestemmingsverzoek is verlopen of onbekend. Start het koppelen opnieuw.'), { 'Content-Type': 'text/html; charset=utf-8' });
		}
		pending.delete(form.request);
		if (form.decision === 'allow') return approve(ctx, request);
		redirectTo(ctx, request.redirectUri, { error: 'access_denied', error_description: 'The user denied the request', state: request.state });
	}

	function clientFromRequest(ctx, form) {
		const header = String(ctx.headers.authorization || '');
		const basic = /^basic\s+(.+)$/i.exec(header);
		if (basic) {
			const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
			const i = decoded.indexOf(':');
			// RFC 6749 §2.3.1 form-encodes both parts; n8n's client does not: accept both.
			const dec = (s) => { try { return decodeURIComponent(s.replace(/\+/g, ' ')); } catch { return s; } };
			const id = i < 0 ? decoded : decoded.slice(0, i);
			const secret = i < 0 ? '' : decoded.slice(i + 1);
			const match = (c, s) => clients.get(c) && clients.get(c).secret === s;
			if (match(id, secret)) return { id };
			if (match(dec(id), dec(secret))) return { id: dec(id) };
			return { error: true };
		}
		if (!form.client_id || !form.client_secret) return { missing: true };
		const c = clients.get(form.client_id);
		return c && c.secret === form.client_secret ? { id: form.client_id } : { error: true };
	}

	/** POST /{env}/app/token: authorization_code (+PKCE) and refresh_token grants. */
	function token(ctx, env) {
		const form = parseForm(ctx.body, ctx.headers);
		ctx.logBody(form);
		// OAuth error statuses are undocumented for SB (research §9 #11): RFC 6749 §5.2 (400; 401 for invalid_client).
		const oauthError = (status, error, description) => json(ctx, status, description ? { error, error_description: description } : { error });
		const missing = () => oauthError(400, 'invalid_request', 'missing required request parameters');
		if (!form.grant_type) return missing();
		const client = clientFromRequest(ctx, form);
		if (client.missing) return missing();
		if (client.error) return oauthError(401, 'invalid_client', 'client authentication failed');
		if (form.client_id && form.client_id !== client.id) return oauthError(401, 'invalid_client', 'client authentication failed');

		if (form.grant_type === 'authorization_code') {
			if (!form.code || !form.redirect_uri || !form.code_verifier) return missing();
			if (form.code_verifier.length < 43 || form.code_verifier.length > 128) return oauthError(400, 'invalid_grant', 'invalid code_verifier length');
			const grant = codes.get(form.code);
			codes.delete(form.code); // single use, even when the exchange below fails
			if (!grant || grant.env !== env || grant.clientId !== client.id || grant.expiresAt <= clock.now()) {
				return oauthError(400, 'invalid_grant', 'invalid or expired authorization code');
			}
			if (grant.redirectUri !== form.redirect_uri) return oauthError(400, 'invalid_grant', 'redirect_uri does not match');
			if (s256(form.code_verifier) !== grant.challenge) return oauthError(400, 'invalid_grant', 'invalid code_verifier');
			return json(ctx, 200, tokenResponse(env, client.id, true));
		}
		if (form.grant_type === 'refresh_token') {
			if (!form.refresh_token) return missing();
			const rt = refreshTokens.get(form.refresh_token);
			if (!rt || rt.env !== env || rt.clientId !== client.id) return oauthError(400, 'invalid_grant', 'invalid refresh_token');
			// Rotation (brief's choice; AFAS's example refresh answer shows no new refresh_token, research §9 #6):
			// a new refresh token is returned and the used one stops working. options.sbRotateRefreshTokens=false
			// keeps the documented non-rotating behaviour.
			const rotate = options.sbRotateRefreshTokens !== false;
			if (rotate) refreshTokens.delete(form.refresh_token);
			return json(ctx, 200, tokenResponse(env, client.id, rotate));
		}
		return oauthError(400, 'unsupported_grant_type');
	}

	function tokenResponse(env, clientId, withRefresh) {
		const body = { access_token: issueAccess(env, 'oauth', OAUTH_TTL, false), expires_in: expiresIn(OAUTH_TTL), token_type: 'bearer' };
		if (withRefresh) {
			const refresh = urlSafe64();
			refreshTokens.set(refresh, { env, clientId });
			body.refresh_token = refresh;
		}
		return body;
	}

	/** Checks the Bearer token for an API call. Returns null when allowed, else { status, body }. */
	function check(ctx, env, resource) {
		const m = /^bearer\s+(\S+)\s*$/i.exec(String(ctx.headers.authorization || ''));
		const record = m && accessTokens.get(m[1]);
		if (!record || record.env !== env || record.expiresAt <= clock.now()) return { status: 401, body: errors.notAuthenticated() };
		if (record.restricted && !RESTRICTED_BUNDLE.has(resource)) return { status: 403, body: errors.notAuthorized() };
		return null;
	}

	return {
		credentials: { environment, appToken: CREDENTIALS.appToken, clientId: CREDENTIALS.clientId, clientSecret: CREDENTIALS.clientSecret, restrictedAppToken: CREDENTIALS.restrictedAppToken },
		getAccessToken,
		authorize,
		consent,
		token,
		check,
		state: { accessTokens, refreshTokens, codes, pending },
	};
}

module.exports = { createAuth, CREDENTIALS, s256, APP_TOKEN_TTL, OAUTH_TTL };
