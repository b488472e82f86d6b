'use strict';
/**
 * The OTP "user token" flow (research §3.3): `/otprequest` mails a one-time password (here: appends it to
 * `state.outbox`), `/otpvalidation` exchanges it for a classic token. No Authorization header is needed.
 */
const crypto = require('crypto');
const { tokenXml } = require('./auth');

const OTP_VALID_MS = 10 * 60 * 1000; // UNVERIFIED: no validity period is documented.

/** JSON keys are matched case-insensitively: the vendor and the clients mix `userId`/`userid`, `otp`/`Otp`. */
function readBody(ctx) {
	let parsed;
	try {
		parsed = JSON.parse(ctx.body.toString('utf8') || '{}');
	} catch {
		return null;
	}
	ctx.logBody(parsed);
	const out = {};
	if (parsed && typeof parsed === 'object')
		for (const [key, value] of Object.entries(parsed)) out[key.toLowerCase()] = value;
	return out;
}

function findApp(state, body) {
	return state.appConnectors.find(
		(app) =>
			app.otp &&
			app.otp.apiKey === body.apikey &&
			app.otp.environmentKey === body.apitoken &&
			app.otp.users.some((user) => user.toLowerCase() === String(body.userid || '').toLowerCase()),
	);
}

/** CONFLICT (§3.3): 200 in the OpenAPI file, 201 per two clients; we answer 201, always, with an empty body. */
function handleOtpRequest(ctx, state) {
	const body = readBody(ctx);
	const app = body && findApp(state, body);
	if (app) {
		const otp = String(crypto.randomInt(0, 1000000)).padStart(6, '0');
		state.outbox.push({
			userId: String(body.userid),
			otp,
			appConnectorId: app.id,
			expiresAt: ctx.clock.now() + OTP_VALID_MS,
		});
	}
	ctx.send(201);
}

/** 200 `{"token": "<token>…</token>\r\n"}` for a valid code (the CRLF is in the vendor example), else 204. */
function handleOtpValidation(ctx, state) {
	const body = readBody(ctx);
	const app = body && findApp(state, body);
	const mail =
		app &&
		state.outbox.find(
			(m) =>
				m.appConnectorId === app.id &&
				m.userId.toLowerCase() === String(body.userid).toLowerCase() &&
				m.otp === String(body.otp) &&
				!m.used &&
				m.expiresAt > ctx.clock.now(),
		);
	if (!mail) return ctx.send(204);
	mail.used = true;
	const data = crypto.randomBytes(32).toString('hex').toUpperCase();
	app.tokens.push(data);
	return ctx.send(200, { token: `${tokenXml(data)}\r\n` });
}

module.exports = { handleOtpRequest, handleOtpValidation };
