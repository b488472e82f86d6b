'use strict';
/**
 * Profit authentication (research §3): classic `AfasToken <Base64(XML)>` tokens and OAuth 2.0 client
 * credentials at `/oauth/token`. Every accepted credential resolves to one app connector, whose linked
 * connectors decide what the caller may list and call (§1, §13.1).
 */
const crypto = require('crypto');
const { errorBody } = require('./errors');

const TOKEN_XML = /^<token><version>\d+<\/version><data>([A-Fa-f0-9]+)<\/data><\/token>$/;
const ACCESS_TOKEN_SECONDS = 3600;

function tokenXml(data) {
	return `<token><version>1</version><data>${data}</data></token>`;
}

function base64url(input) {
	return Buffer.from(input)
		.toString('base64')
		.replace(/=+$/, '')
		.replace(/\+/g, '-')
		.replace(/\//g, '_');
}

/** A JWT-looking opaque token, as in the vendor examples (`eyJ…`); clients must treat it as opaque. */
function newAccessToken(clientId, nowMs) {
	const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
	const payload = base64url(
		JSON.stringify({
			sub: clientId,
			iat: Math.floor(nowMs / 1000),
			jti: crypto.randomUUID(),
		}),
	);
	return `${header}.${payload}.${base64url(crypto.randomBytes(32))}`;
}

function findByTokenData(state, data) {
	const wanted = data.toUpperCase();
	return state.appConnectors.find((app) =>
		app.tokens.some((token) => token.toUpperCase() === wanted),
	);
}

/**
 * Resolves the caller's app connector, or answers the request and returns null.
 * Statuses: unknown/malformed token 401 (empty body); plain-XML token 500 (Base64 is enforced since Profit 6/7,
 * §3.1 CONFLICT on the version only); IP-restricted app connector 403 (empty body); bad bearer 401 with
 * `WWW-Authenticate: Bearer error="invalid_token"`.
 */
function authenticate(ctx, state) {
	const header = String(ctx.headers.authorization || '').trim();
	const space = header.indexOf(' ');
	const scheme = space > 0 ? header.slice(0, space).toLowerCase() : header.toLowerCase();
	const value = space > 0 ? header.slice(space + 1).trim() : '';

	let app;
	if (scheme === 'afastoken' && value) {
		if (value.startsWith('<')) {
			// UNVERIFIED wording: the vendor only says "an error is returned" (HTTP 500) for non-Base64 tokens.
			ctx.send(
				500,
				errorBody(
					"The token is not Base64-encoded. Convert the XML token to Base64 and add 'AfasToken ' in front of it.",
				),
			);
			return null;
		}
		// Trailing whitespace is tolerated because OTP-issued tokens end in CRLF (§3.3); UNVERIFIED on the real server.
		const xml = Buffer.from(value, 'base64').toString('utf8').trim();
		const match = TOKEN_XML.exec(xml);
		app = match ? findByTokenData(state, match[1]) : undefined;
		if (!app) {
			ctx.send(401);
			return null;
		}
	} else if (scheme === 'bearer' && value) {
		const grant = state.accessTokens.get(value);
		if (!grant || grant.expiresAt <= ctx.clock.now()) {
			ctx.send(401, undefined, {
				'WWW-Authenticate': 'Bearer error="invalid_token"',
			});
			return null;
		}
		app = state.appConnectors.find((candidate) => candidate.id === grant.appConnectorId);
	} else {
		// Profit 9: a 401 without credentials offers the schemes, without an error code (§3.2).
		ctx.send(401, undefined, { 'WWW-Authenticate': 'Bearer, DPoP' });
		return null;
	}

	if (app.ipRestricted) {
		ctx.send(403);
		return null;
	}
	return app;
}

function oauthError(ctx, status, error, description, headers) {
	const body = description ? { error, error_description: description } : { error };
	ctx.send(status, body, { 'Cache-Control': 'no-store', ...headers });
	return true;
}

/** `POST /oauth/token` (§3.2): form POST only, one credential method, client_credentials grant. */
function handleTokenEndpoint(ctx, state) {
	const contentType = String(ctx.headers['content-type'] || '').toLowerCase();
	if (ctx.method !== 'POST' || !contentType.startsWith('application/x-www-form-urlencoded')) {
		return oauthError(ctx, 400, 'invalid_request', 'Invalid HTTP request for token endpoint');
	}
	const form = new URLSearchParams(ctx.body.toString('utf8'));
	const params = {};
	for (const [key, value] of form) {
		if (key in params)
			return oauthError(ctx, 400, 'invalid_request', `Duplicate parameter '${key}'`);
		params[key] = value;
	}
	ctx.logBody(params);
	if (!params.grant_type)
		return oauthError(ctx, 400, 'invalid_request', "Missing parameter 'grant_type'");

	const authorization = String(ctx.headers.authorization || '');
	const basic = /^basic\s+(.+)$/i.exec(authorization);
	const bodyCredential = params.client_id !== undefined || params.client_secret !== undefined;
	if (basic && bodyCredential) {
		return oauthError(ctx, 400, 'invalid_request', 'Use exactly one client authentication method');
	}
	if (params.client_assertion || params.client_assertion_type) {
		// private_key_jwt (Profit 9) is out of scope for the simulator.
		return oauthError(
			ctx,
			400,
			'invalid_request',
			'Client assertions are not supported by this app connector',
		);
	}

	let clientId;
	let clientSecret;
	if (basic) {
		const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
		const colon = decoded.indexOf(':');
		if (colon < 0)
			return oauthError(ctx, 401, 'invalid_client', undefined, {
				'WWW-Authenticate': 'Basic',
			});
		clientId = decodeURIComponent(decoded.slice(0, colon));
		clientSecret = decodeURIComponent(decoded.slice(colon + 1));
	} else {
		clientId = params.client_id;
		clientSecret = params.client_secret;
		if (!clientId || !clientSecret) {
			return oauthError(ctx, 400, 'invalid_request', 'Missing client credentials');
		}
	}

	const app = state.appConnectors.find((candidate) =>
		candidate.clients.some(
			(client) => client.clientId === clientId && client.clientSecret === clientSecret,
		),
	);
	if (!app || app.blocked) {
		return basic
			? oauthError(ctx, 401, 'invalid_client', undefined, {
					'WWW-Authenticate': 'Basic',
				})
			: oauthError(ctx, 400, 'invalid_client');
	}

	if (params.grant_type === 'authorization_code' || params.grant_type === 'refresh_token') {
		// The authorization-code flow is not simulated: no code or refresh token is ever valid here.
		return oauthError(ctx, 400, 'invalid_grant', 'The code or refresh token is invalid or expired');
	}
	if (params.grant_type !== 'client_credentials')
		return oauthError(ctx, 400, 'unsupported_grant_type');

	const accessToken = newAccessToken(clientId, ctx.clock.now());
	state.accessTokens.set(accessToken, {
		appConnectorId: app.id,
		expiresAt: ctx.clock.now() + ACCESS_TOKEN_SECONDS * 1000,
	});
	// No refresh_token for client credentials (§3.2).
	ctx.send(
		200,
		{
			access_token: accessToken,
			token_type: 'Bearer',
			expires_in: ACCESS_TOKEN_SECONDS,
		},
		{ 'Cache-Control': 'no-store' },
	);
	return true;
}

module.exports = {
	authenticate,
	handleTokenEndpoint,
	tokenXml,
	ACCESS_TOKEN_SECONDS,
};
