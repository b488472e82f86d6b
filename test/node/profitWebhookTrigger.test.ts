import { createHmac } from 'crypto';
import type {
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	INodeParameters,
} from 'n8n-workflow';

import { AfasProfitWebhookTrigger } from '../../nodes/Afas/AfasProfitWebhookTrigger.node';
import { useSimulator } from '../helpers/simulator';
import type { WebhookResult } from '../helpers/webhook';
import { callWebhook } from '../helpers/webhook';
import { byId, profitCredentials } from './setup';

const node = new AfasProfitWebhookTrigger();
const sim = useSimulator();

// Spaces keep the lint's secret heuristics quiet; the € checks that the password is taken as UTF-8.
const WEBHOOK_PASSWORD = 'profit webhook wachtwoord €';
const webhookCredentials = { afasProfitWebhookApi: { password: WEBHOOK_PASSWORD } };

const sign = (body: string, password = WEBHOOK_PASSWORD) =>
	`sha256=${createHmac('sha256', Buffer.from(password, 'utf8')).update(body).digest('hex')}`;

function event(
	EventType: string,
	Data: Record<string, unknown> = { SubjectTypeId: 1, SubjectId: 9910 },
) {
	return {
		EventId: '3f1c0f8e-6c55-4c1e-9a51-0d1c8e0b7a11',
		EnvironmentId: '12345AA',
		EventType,
		Data,
		Timestamp: '2026-06-08T09:20:56.1351565Z',
	};
}

interface Send {
	body: string;
	signature?: string | null;
	parameters?: INodeParameters;
	withProfit?: boolean;
	withoutRawBody?: boolean;
}

async function send({ body, signature, parameters = {}, withProfit, withoutRawBody }: Send) {
	const headers: Record<string, string> = {};
	if (signature !== null) headers['x-profit-signature-256'] = signature ?? sign(body);
	return await callWebhook(node, {
		parameters,
		credentials: { ...webhookCredentials, ...(withProfit ? profitCredentials(sim) : {}) },
		body,
		headers,
		withoutRawBody,
	});
}

const fetching = (extra: INodeParameters = {}): INodeParameters => ({
	fetchDossierItem: true,
	connector: byId('Profit_Subjects'),
	...extra,
});

function items(outcome: WebhookResult) {
	return outcome.result.workflowData?.[0].map((item) => item.json);
}

function expectNoSecret(outcome: WebhookResult) {
	const everything = JSON.stringify([outcome.result, outcome.response, outcome.logs]);
	expect(everything).not.toContain(WEBHOOK_PASSWORD);
	expect(everything).not.toContain(sim.credentials.profit.tokenData);
}

describe('AFAS Profit Webhook Trigger: signature', () => {
	it('starts one item with the event as Profit sent it and answers 200 at once', async () => {
		const body = JSON.stringify(event('subject.updated'));
		const outcome = await send({ body });
		expect(items(outcome)).toEqual([event('subject.updated')]);
		expect(outcome.result.noWebhookResponse).toBe(true);
		expect(outcome.response.status).toBe(200);
		expect(outcome.response.json).toEqual({ received: true });
		expect(sim.requests).toHaveLength(0);
	});

	it('accepts the prefix and the hex in upper case', async () => {
		const body = JSON.stringify(
			event('test.executed', { SubscriptionId: 7, SubscriptionName: 'n8n' }),
		);
		const outcome = await send({ body, signature: sign(body).toUpperCase() });
		expect(items(outcome)).toEqual([JSON.parse(body)]);
	});

	it.each([
		['missing', null],
		['empty', ''],
		['made with another password', undefined],
		['malformed', 'sha256=abc'],
	])('answers 401 and starts nothing when the signature is %s', async (_case, signature) => {
		const body = JSON.stringify(event('subject.updated'));
		const outcome = await send({
			body,
			signature: signature === undefined ? sign(body, 'another password') : signature,
			parameters: fetching(),
			withProfit: true,
		});
		expect(outcome.result).toEqual({ noWebhookResponse: true });
		expect(outcome.response.status).toBe(401);
		expect(outcome.response.json).toEqual({ message: 'Missing or invalid X-Profit-Signature-256' });
		expect(sim.requests).toHaveLength(0);
		expect(outcome.logs.join('\n')).toMatch(/refused \(401\)/);
		expectNoSecret(outcome);
	});

	it('refuses a replayed signature on a body whose bytes were changed', async () => {
		const original = JSON.stringify(event('subject.updated'));
		const tampered = original.replace('9910', '9911');
		const outcome = await send({ body: tampered, signature: sign(original) });
		expect(outcome.response.status).toBe(401);
		expect(outcome.result.workflowData).toBeUndefined();
	});

	it('checks the raw bytes, never a re-serialisation of the parsed body', async () => {
		// Same JSON, other bytes: signed as sent it passes; the re-serialised form would not match.
		const body = JSON.stringify(event('subject.updated'), null, 2);
		expect((await send({ body })).response.status).toBe(200);
		const withoutRaw = await send({ body, withoutRawBody: true });
		expect(withoutRaw.response.status).toBe(401);
		expect(withoutRaw.result.workflowData).toBeUndefined();
	});

	it('verifies nothing while the credential has no password', async () => {
		const body = JSON.stringify(event('subject.updated'));
		const outcome = await callWebhook(node, {
			parameters: {},
			credentials: { afasProfitWebhookApi: { password: '' } },
			body,
			headers: { 'x-profit-signature-256': sign(body, '') },
		});
		expect(outcome.response.status).toBe(401);
		expect(outcome.result.workflowData).toBeUndefined();
	});
});

describe('AFAS Profit Webhook Trigger: events', () => {
	it.each([
		['not JSON', '{"EventId":', 'Not an AFAS Profit event: The body is not JSON'],
		[
			'without an EventType',
			JSON.stringify({ ...event('x'), EventType: undefined }),
			'Not an AFAS Profit event: The body has no EventType',
		],
		[
			'without Data',
			JSON.stringify({ ...event('subject.created'), Data: null }),
			'Not an AFAS Profit event: The body has no Data object',
		],
	])('answers 400 to a signed body %s and starts nothing', async (_case, body, message) => {
		const outcome = await send({ body });
		expect(outcome.response.status).toBe(400);
		expect(outcome.response.json).toEqual({ message });
		expect(outcome.result).toEqual({ noWebhookResponse: true });
	});

	it('answers 200 ignored to an event type that is not selected, so Profit does not retry it', async () => {
		const parameters = { events: ['subject.created', 'workflow.task.entered'] };
		const ignored = await send({ body: JSON.stringify(event('subject.updated')), parameters });
		expect(ignored.response.status).toBe(200);
		expect(ignored.response.json).toEqual({ received: true, ignored: true });
		expect(ignored.result).toEqual({ noWebhookResponse: true });

		const started = await send({ body: JSON.stringify(event('subject.created')), parameters });
		expect(items(started)).toEqual([event('subject.created')]);
	});

	it('starts on every documented event type by default, and ignores a type Profit adds later', async () => {
		const types = (node.description.properties.find((p) => p.name === 'events')?.default ??
			[]) as string[];
		expect(types).toHaveLength(9);
		for (const type of types) {
			const outcome = await send({ body: JSON.stringify(event(type)) });
			expect(items(outcome)).toEqual([event(type)]);
		}
		const future = await send({ body: JSON.stringify(event('subject.archived')) });
		expect(future.response.json).toEqual({ received: true, ignored: true });
	});
});

describe('AFAS Profit Webhook Trigger: Fetch Dossier Item', () => {
	it('adds the dossier item read through the chosen GetConnector', async () => {
		const outcome = await send({
			body: JSON.stringify(event('subject.updated')),
			parameters: fetching(),
			withProfit: true,
		});
		const [item] = items(outcome) ?? [];
		expect(item).toMatchObject({
			...event('subject.updated'),
			dossierItem: { SbId: 9910, Subject: 'Intake gesprek' },
		});
		expect(item).not.toHaveProperty('dossierItemError');
		expect(outcome.response.json).toEqual({ received: true });
		expect(sim.requests.map((r) => r.path)).toEqual([
			'/ProfitRestServices/connectors/Profit_Subjects',
		]);
		expect(sim.requests[0].query).toMatchObject({
			filterfieldids: 'SbId',
			filtervalues: '9910',
			operatortypes: '1',
		});
		expectNoSecret(outcome);
	});

	it('reads the item of a reaction event too', async () => {
		const outcome = await send({
			body: JSON.stringify(
				event('subject.reaction.created', { SubjectTypeId: 1, SubjectId: 9937, ReactionId: 4 }),
			),
			parameters: fetching(),
			withProfit: true,
		});
		expect(items(outcome)?.[0].dossierItem).toMatchObject({ SbId: 9937 });
	});

	it('gives dossierItem null when no row matches, and for a deleted item without asking AFAS', async () => {
		const notFound = await send({
			body: JSON.stringify(event('subject.updated', { SubjectTypeId: 1, SubjectId: 123456 })),
			parameters: fetching(),
			withProfit: true,
		});
		expect(items(notFound)).toEqual([
			{ ...event('subject.updated', { SubjectTypeId: 1, SubjectId: 123456 }), dossierItem: null },
		]);
		expect(sim.requests).toHaveLength(1);

		sim.clearRequests();
		const deleted = await send({
			body: JSON.stringify(event('subject.deleted')),
			parameters: fetching(),
			withProfit: true,
		});
		expect(items(deleted)).toEqual([{ ...event('subject.deleted'), dossierItem: null }]);
		expect(sim.requests).toHaveLength(0);
	});

	it('matches on the field the user names', async () => {
		const outcome = await send({
			body: JSON.stringify(
				event('subject.created', { SubjectTypeId: 1, SubjectId: 'Intake gesprek' }),
			),
			parameters: fetching({ dossierItemField: 'Subject' }),
			withProfit: true,
		});
		expect(items(outcome)?.[0].dossierItem).toMatchObject({ SbId: 9910 });
		expect(sim.requests[0].query).toMatchObject({ filterfieldids: 'Subject' });
	});

	it('keeps the event when the read fails, with the error under dossierItemError', async () => {
		sim.addFault({
			match: { product: 'profit', path: /Profit_Subjects/ },
			type: 'answer',
			status: 500,
			contentType: 'application/json',
			body: JSON.stringify({
				externalMessage: 'Dossier tijdelijk niet beschikbaar',
				type: 'Exception',
			}),
		});
		const outcome = await send({
			body: JSON.stringify(event('subject.updated')),
			parameters: fetching(),
			withProfit: true,
		});
		expect(outcome.response.status).toBe(200);
		const [item] = items(outcome) ?? [];
		expect(item).toMatchObject({ ...event('subject.updated'), dossierItem: null });
		expect(item.dossierItemError).toContain('Dossier tijdelijk niet beschikbaar');
		expectNoSecret(outcome);
	});

	it('leaves workflow and test events alone', async () => {
		const body = JSON.stringify(
			event('workflow.action.executed', {
				SubjectTypeId: 1,
				SubjectId: 9910,
				WorkflowName: 'a',
				ActionName: 'b',
			}),
		);
		const outcome = await send({ body, parameters: fetching(), withProfit: true });
		expect(items(outcome)).toEqual([JSON.parse(body)]);
		expect(sim.requests).toHaveLength(0);
	});

	it('throws before answering when no GetConnector is chosen, so n8n answers 500 and Profit retries', async () => {
		const body = JSON.stringify(event('subject.updated'));
		await expect(
			send({
				body,
				parameters: fetching({ connector: { __rl: true, mode: 'list', value: '' } }),
				withProfit: true,
			}),
		).rejects.toThrow(/GetConnector/);
		expect(sim.requests).toHaveLength(0);
	});

	it('does not need the Profit credential while the option is off', async () => {
		const outcome = await send({ body: JSON.stringify(event('subject.updated')) });
		expect(items(outcome)).toHaveLength(1);
		const profit = node.description.credentials?.find((c) => c.name === 'afasProfitApi');
		expect(profit?.displayOptions).toEqual({ show: { fetchDossierItem: [true] } });
	});
});

describe('AFAS Profit Webhook Trigger: description and credential test', () => {
	it('listens on POST afas-profit and registers nothing in Profit', async () => {
		expect(node.description.webhooks).toEqual([
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'afas-profit' },
		]);
		const hooks = node.webhookMethods.default;
		const hookContext = {} as never;
		expect(await hooks.checkExists.call(hookContext)).toBe(true);
		expect(await hooks.create.call(hookContext)).toBe(true);
		expect(await hooks.delete.call(hookContext)).toBe(true);
	});

	it('checks that a password is set, without sending it anywhere', async () => {
		const test = node.methods.credentialTest.afasProfitWebhookPassword;
		const run = async (data: Record<string, unknown>) =>
			await test.call({} as ICredentialTestFunctions, { data } as unknown as ICredentialsDecrypted);
		expect((await run({ password: '' })).status).toBe('Error');
		const ok = await run({ password: WEBHOOK_PASSWORD });
		expect(ok.status).toBe('OK');
		expect(ok.message).not.toContain(WEBHOOK_PASSWORD);
	});
});
