'use strict';
/**
 * Outbound Profit webhooks (Profit 8+, research §8.8): one signed POST per call. Profit queues events and retries
 * failed ones with back-off; the simulator sends once and reports the outcome, so a test decides what a retry is.
 */
const crypto = require('crypto');
const http = require('http');
const https = require('https');

const WEBHOOK_PASSWORD = 'sim-webhook-pw-5b8e1d4c7a2f4e90';
// Used for `signature: 'invalid'`: a well-formed signature made with a password the receiver does not know.
const WRONG_PASSWORD = 'not-the-webhook-password';
const TIMEOUT_MS = 2000;

const EVENT_TYPES = [
	'test.executed',
	'subject.created',
	'subject.updated',
	'subject.deleted',
	'subject.reaction.created',
	'subject.reaction.updated',
	'subject.reaction.deleted',
	'workflow.action.executed',
	'workflow.task.entered',
];

/** Vendor style: 32 upper-case hex digits without dashes (`2448365B41A82343F00FC89A8EFDB394`). */
function guid() {
	return crypto.randomBytes(16).toString('hex').toUpperCase();
}

/** Data as §8.8 lists it, for the most recent dossier item when the test gives none. */
function defaultData(state, eventType) {
	if (eventType === 'test.executed') return { SubscriptionId: 1, SubscriptionName: 'n8n' };
	const subjects = state.data.subjects;
	const subject = subjects[subjects.length - 1] || { StId: 1, SbId: 1 };
	const data = { SubjectTypeId: subject.StId, SubjectId: subject.SbId };
	if (eventType.startsWith('subject.reaction.')) data.ReactionId = 1000 + crypto.randomInt(9000);
	if (eventType.startsWith('workflow.')) {
		data.WorkflowName = guid();
		if (eventType === 'workflow.task.entered') data.TaskName = guid();
		else data.ActionName = guid();
	}
	return data;
}

/** UTC with 7 fraction digits (.NET ticks), as in the vendor example `2026-06-08T09:20:56.1351565Z`. */
function timestamp(ms) {
	const iso = new Date(ms).toISOString();
	return `${iso.slice(0, 23)}${String(crypto.randomInt(10000)).padStart(4, '0')}Z`;
}

function eventIdOf(body) {
	if (body === undefined) return undefined;
	try {
		const id = JSON.parse(Buffer.from(body).toString('utf8')).EventId;
		return typeof id === 'string' ? id : undefined;
	} catch {
		return undefined;
	}
}

function signature(bytes, password) {
	return `sha256=${crypto.createHmac('sha256', password).update(bytes).digest('hex')}`;
}

function post(url, body, headers) {
	return new Promise((resolve) => {
		const target = new URL(url);
		const client = target.protocol === 'https:' ? https : http;
		const req = client.request(
			target,
			// A fresh connection per event, closed after: no idle socket outlives the delivery.
			{
				method: 'POST',
				agent: false,
				headers: { ...headers, 'Content-Length': String(body.length) },
			},
			(res) => {
				const chunks = [];
				res.on('data', (chunk) => chunks.push(chunk));
				res.on('end', () =>
					resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }),
				);
				res.on('error', (error) =>
					resolve({ status: 0, body: '', error: error.code || error.message }),
				);
			},
		);
		// Profit's 2 s budget covers the whole answer; a slower receiver counts as a failed attempt.
		req.setTimeout(TIMEOUT_MS, () =>
			req.destroy(Object.assign(new Error('timeout'), { code: 'timeout' })),
		);
		req.on('error', (error) =>
			resolve({ status: 0, body: '', error: error.code || error.message }),
		);
		req.end(body);
	});
}

/**
 * @param {object} state Profit state (clock, envid, subjects)
 * @param {{ url: string, eventType?: string, data?: object, password?: string,
 *   signature?: 'valid'|'invalid'|'missing', body?: string|Buffer, signWith?: string|Buffer,
 *   eventId?: string, timestamp?: string }} options
 */
async function sendWebhook(state, options) {
	if (!options || !options.url) throw new Error('sendWebhook needs { url }');
	const eventType = options.eventType || 'test.executed';
	if (!EVENT_TYPES.includes(eventType) && options.body === undefined)
		throw new Error(`Unknown webhook event type '${eventType}'; one of ${EVENT_TYPES.join(', ')}`);
	const mode = options.signature || 'valid';
	if (!['valid', 'invalid', 'missing'].includes(mode))
		throw new Error("signature is 'valid', 'invalid' or 'missing'");
	const eventId = options.eventId || eventIdOf(options.body) || crypto.randomUUID();
	const body =
		options.body !== undefined
			? Buffer.from(options.body)
			: Buffer.from(
					JSON.stringify({
						EventId: eventId,
						// The vendor example shows `12345AA`: the environment id without its type letter (UNVERIFIED).
						EnvironmentId: state.envid.replace(/^[OTAC]/, ''),
						EventType: eventType,
						Data: options.data || defaultData(state, eventType),
						Timestamp: options.timestamp || timestamp(state.clock.now()),
					}),
					'utf8',
				);
	const headers = { 'Content-Type': 'application/json' };
	const signed = options.signWith !== undefined ? Buffer.from(options.signWith) : body;
	if (mode !== 'missing')
		headers['X-Profit-Signature-256'] = signature(
			signed,
			mode === 'invalid' ? WRONG_PASSWORD : options.password || state.webhookPassword,
		);
	const outcome = await post(options.url, body, headers);
	const result = { ...outcome, eventId, requestBody: body.toString('utf8') };
	state.webhookDeliveries.push({ url: options.url, eventType, status: result.status, eventId });
	return result;
}

module.exports = { sendWebhook, signature, WEBHOOK_PASSWORD, EVENT_TYPES, TIMEOUT_MS };
