import { createHmac } from 'node:crypto';
import {
	startRecorder,
	startSimulator,
	type ProfitWebhookEventType,
	type Recorder,
	type Simulator,
} from '../simulator';

function sign(body: string, password: string): string {
	return `sha256=${createHmac('sha256', password).update(Buffer.from(body, 'utf8')).digest('hex')}`;
}

const HEX_SIGNATURE = /^sha256=[0-9a-f]{64}$/;

describe('Profit simulator: outbound webhooks', () => {
	let sim: Simulator;
	let rec: Recorder;
	beforeAll(async () => {
		sim = await startSimulator({ port: 0 });
		rec = await startRecorder();
	});
	afterAll(async () => {
		await rec.close();
		await sim.close();
	});
	beforeEach(() => {
		rec.clear();
		sim.clearFaults();
		sim.unfreezeTime();
	});

	it('POSTs the documented envelope as JSON, signed with HMAC-SHA256 of the raw body and the password', async () => {
		sim.freezeTime(Date.parse('2026-06-08T09:20:56.135Z'));
		const result = await sim.profit.sendWebhook({
			url: `${rec.url}/hook`,
			eventType: 'test.executed',
		});
		expect(result).toMatchObject({ status: 200, body: '{"rows":[]}' });

		expect(rec.requests).toHaveLength(1);
		const [request] = rec.requests;
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/hook');
		expect(request.headers['content-type']).toBe('application/json');
		expect(request.body).toBe(result.requestBody);
		const password = sim.credentials.profit.webhookPassword;
		expect(password).toBe(sim.profit.webhookPassword);
		expect(request.headers['x-profit-signature-256']).toBe(sign(request.body, password));

		const event = JSON.parse(request.body) as Record<string, unknown>;
		expect(Object.keys(event)).toEqual([
			'EventId',
			'EnvironmentId',
			'EventType',
			'Data',
			'Timestamp',
		]);
		expect(event).toEqual({
			EventId: result.eventId,
			EnvironmentId: '12345AA',
			EventType: 'test.executed',
			Data: { SubscriptionId: 1, SubscriptionName: expect.any(String) },
			// Real UTC (unlike GetConnector dates), 7 fraction digits.
			Timestamp: expect.stringMatching(/^2026-06-08T09:20:56\.135\d{4}Z$/),
		});
		expect(result.eventId).toMatch(
			/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
		);
		expect(sim.profit.webhookDeliveries.at(-1)).toEqual({
			url: `${rec.url}/hook`,
			eventType: 'test.executed',
			status: 200,
			eventId: result.eventId,
		});
	});

	it('fills Data per event type from the seeded dossier items', async () => {
		const subjects = sim.profit.rows('Profit_Subjects');
		const expected: Record<ProfitWebhookEventType, string[]> = {
			'test.executed': ['SubscriptionId', 'SubscriptionName'],
			'subject.created': ['SubjectTypeId', 'SubjectId'],
			'subject.updated': ['SubjectTypeId', 'SubjectId'],
			'subject.deleted': ['SubjectTypeId', 'SubjectId'],
			'subject.reaction.created': ['SubjectTypeId', 'SubjectId', 'ReactionId'],
			'subject.reaction.updated': ['SubjectTypeId', 'SubjectId', 'ReactionId'],
			'subject.reaction.deleted': ['SubjectTypeId', 'SubjectId', 'ReactionId'],
			'workflow.action.executed': ['SubjectTypeId', 'SubjectId', 'WorkflowName', 'ActionName'],
			'workflow.task.entered': ['SubjectTypeId', 'SubjectId', 'WorkflowName', 'TaskName'],
		};
		for (const [eventType, keys] of Object.entries(expected)) {
			const result = await sim.profit.sendWebhook({
				url: rec.url,
				eventType: eventType as ProfitWebhookEventType,
			});
			const { EventType, Data } = JSON.parse(result.requestBody) as {
				EventType: string;
				Data: Record<string, string | number>;
			};
			expect(EventType).toBe(eventType);
			expect(Object.keys(Data)).toEqual(keys);
			if ('SubjectId' in Data) {
				const subject = subjects.find((row) => row.SbId === Data.SubjectId);
				expect(subject?.StId).toBe(Data.SubjectTypeId);
			}
			for (const key of ['WorkflowName', 'ActionName', 'TaskName'])
				if (key in Data) expect(Data[key]).toMatch(/^[0-9A-F]{32}$/);
		}
		expect(rec.requests).toHaveLength(9);
	});

	it('sends the Data it is given and signs with a given password', async () => {
		const data = { SubjectTypeId: 20, SubjectId: 49946 };
		const result = await sim.profit.sendWebhook({
			url: rec.url,
			eventType: 'subject.updated',
			data,
			password: 'own-password',
		});
		expect(JSON.parse(result.requestBody)).toMatchObject({
			EventType: 'subject.updated',
			Data: data,
		});
		expect(rec.requests[0].headers['x-profit-signature-256']).toBe(
			sign(rec.requests[0].body, 'own-password'),
		);
	});

	it("signature 'invalid' is well-formed but made with another password; 'missing' sends no header", async () => {
		await sim.profit.sendWebhook({
			url: rec.url,
			eventType: 'subject.created',
			signature: 'invalid',
		});
		await sim.profit.sendWebhook({
			url: rec.url,
			eventType: 'subject.created',
			signature: 'missing',
		});
		const [invalid, missing] = rec.requests;
		const header = invalid.headers['x-profit-signature-256'] as string;
		expect(header).toMatch(HEX_SIGNATURE);
		expect(header).not.toBe(sign(invalid.body, sim.credentials.profit.webhookPassword));
		expect(missing.headers).not.toHaveProperty('x-profit-signature-256');
		expect(missing.headers['content-type']).toBe('application/json');
	});

	it('replays a body with one byte changed under the old signature (exact bytes)', async () => {
		const original = await sim.profit.sendWebhook({ url: rec.url, eventType: 'subject.created' });
		const tampered = original.requestBody.replace('"SubjectId":5', '"SubjectId":6');
		expect(tampered).not.toBe(original.requestBody);
		expect(tampered).toHaveLength(original.requestBody.length);
		const replay = await sim.profit.sendWebhook({
			url: rec.url,
			body: tampered,
			signWith: original.requestBody,
		});
		expect(replay.eventId).toBe(original.eventId);
		const [first, second] = rec.requests;
		expect(second.body).toBe(tampered);
		expect(second.headers['x-profit-signature-256']).toBe(first.headers['x-profit-signature-256']);
		expect(second.headers['x-profit-signature-256']).not.toBe(
			sign(tampered, sim.credentials.profit.webhookPassword),
		);
	});

	it("reports the receiver's status and body, and a timeout after 2 s", async () => {
		sim.addFault({
			type: 'answer',
			status: 401,
			body: 'Invalid signature',
			contentType: 'text/plain',
			match: { path: '/rejects' },
		});
		const rejected = await sim.profit.sendWebhook({
			url: `${sim.url}/rejects`,
			signature: 'missing',
		});
		expect(rejected).toMatchObject({ status: 401, body: 'Invalid signature' });

		sim.addFault({ type: 'hang', match: { path: '/slow' } });
		const started = Date.now();
		const slow = await sim.profit.sendWebhook({ url: `${sim.url}/slow` });
		expect(slow).toMatchObject({ status: 0, error: 'timeout' });
		expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
		expect(Date.now() - started).toBeLessThan(5000);
	});

	it('rejects bad options before sending anything', async () => {
		await expect(
			sim.profit.sendWebhook({
				url: rec.url,
				eventType: 'subject.moved' as ProfitWebhookEventType,
			}),
		).rejects.toThrow(/Unknown webhook event type/);
		await expect(
			sim.profit.sendWebhook({ url: rec.url, signature: 'maybe' as 'valid' }),
		).rejects.toThrow(/signature is/);
		expect(rec.requests).toHaveLength(0);
	});

	it('sends one from POST /__simulator/webhook (for the CLI or another process)', async () => {
		const res = await fetch(`${sim.url}/__simulator/webhook`, {
			method: 'POST',
			body: JSON.stringify({
				url: rec.url,
				eventType: 'workflow.task.entered',
				signature: 'valid',
			}),
		});
		expect(res.status).toBe(200);
		const answer = (await res.json()) as { status: number; eventId: string; sent: string };
		expect(answer.status).toBe(200);
		expect(rec.requests[0].body).toBe(answer.sent);
		expect(JSON.parse(answer.sent)).toMatchObject({ EventId: answer.eventId });
		expect(rec.requests[0].headers['x-profit-signature-256']).toBe(
			sign(answer.sent, sim.credentials.profit.webhookPassword),
		);
		const bad = await fetch(`${sim.url}/__simulator/webhook`, { method: 'POST', body: '{}' });
		expect(bad.status).toBe(400);
	});
});
