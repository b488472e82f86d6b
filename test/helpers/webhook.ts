/**
 * Calls a trigger's `webhook()` through n8n-core's real `WebhookContext`, the way n8n's webhook helpers do after
 * the body parser ran: the request carries `headers`, the parsed `body` and the exact bytes as `rawBody` (a
 * Buffer); the response records what the node writes itself (writeHead/end, the calls n8n's own Webhook node
 * uses to refuse a request). Nothing here stands in for our own code.
 */
import { WebhookContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	INode,
	INodeParameters,
	INodeType,
	INodeTypes,
	IWebhookData,
	IWebhookResponseData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { AfasProfitWebhookApi } from '../../credentials/AfasProfitWebhookApi.credentials';
import {
	additionalDataFor,
	prepareContainer,
	registerCredentialTypes,
	TestCredentialsHelper,
} from './afas';

registerCredentialTypes(new AfasProfitWebhookApi());

export interface FakeRequest {
	method: string;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
	rawBody?: Buffer;
	query: Record<string, string>;
	params: Record<string, string>;
}

/** What the node wrote itself; `status` stays undefined when it left the answer to n8n. */
export class FakeResponse {
	status: number | undefined;
	headers: Record<string, string> = {};
	text: string | undefined;

	writeHead(status: number, headers: Record<string, string> = {}): this {
		this.status = status;
		this.headers = { ...headers };
		return this;
	}

	end(body?: string): this {
		this.text = body ?? '';
		return this;
	}

	get json(): unknown {
		return this.text === undefined ? undefined : (JSON.parse(this.text) as unknown);
	}
}

export interface WebhookCall {
	parameters: INodeParameters;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** The bytes as sent. */
	body: Buffer | string;
	headers?: Record<string, string | string[] | undefined>;
	/** Leave out rawBody, as for a request n8n did not read itself (multipart). */
	withoutRawBody?: boolean;
}

export interface WebhookResult {
	result: IWebhookResponseData;
	response: FakeResponse;
	/** Every message the node logged through n8n's logger, with its metadata. */
	logs: string[];
}

export async function callWebhook(nodeType: INodeType, call: WebhookCall): Promise<WebhookResult> {
	prepareContainer();
	const typeName = `n8n-nodes-afas.${nodeType.description.name}`;
	const credentialsHelper = new TestCredentialsHelper({ ...call.credentials });
	const node: INode = {
		id: 'webhook-node',
		name: 'AFAS Profit Webhook Trigger',
		type: typeName,
		typeVersion: 1,
		position: [0, 0],
		parameters: call.parameters,
		webhookId: 'test-webhook-id',
		credentials: Object.fromEntries(
			Object.keys(call.credentials).map((name) => [name, { id: `${name}-id`, name }]),
		),
	};
	const nodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({ [typeName]: { className: 'Test', sourcePath: '' } }),
	} as unknown as INodeTypes;
	const workflow = new Workflow({
		id: 'webhook-workflow',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes,
	});
	const bytes = typeof call.body === 'string' ? Buffer.from(call.body, 'utf8') : call.body;
	let body: unknown = {};
	try {
		body = JSON.parse(bytes.toString('utf8'));
	} catch {
		body = {};
	}
	const request: FakeRequest = {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...call.headers },
		body,
		query: {},
		params: {},
	};
	if (!call.withoutRawBody) request.rawBody = bytes;
	const response = new FakeResponse();
	const additionalData = {
		...additionalDataFor(credentialsHelper),
		httpRequest: request,
		httpResponse: response,
	} as unknown as ReturnType<typeof additionalDataFor>;
	const description = nodeType.description.webhooks?.[0];
	if (!description) throw new Error('The node declares no webhook');
	const webhookData: IWebhookData = {
		httpMethod: 'POST',
		node: node.name,
		path: `${String(node.webhookId)}/${String(description.path)}`,
		webhookDescription: description,
		workflowId: workflow.id,
		workflowExecuteAdditionalData: additionalData,
		webhookId: node.webhookId,
	};
	const workflowNode = workflow.getNode(node.name) as INode;
	const context = new WebhookContext(
		workflow,
		workflowNode,
		additionalData,
		'webhook',
		webhookData,
		[],
		null,
	);
	const logs: string[] = [];
	// n8n-core's Logger is one instance for every context (from n8n-core's own DI container): its level methods
	// are rebound to this call's record; a level switched off (a read-only no-op) stays off.
	const logger = context.logger as unknown as Record<string, unknown>;
	for (const level of ['error', 'warn', 'info', 'debug']) {
		const own = Object.getOwnPropertyDescriptor(logger, level);
		if (own && !own.writable) continue;
		logger[level] = (message: string, meta?: unknown) => {
			logs.push(`${level}: ${message} ${JSON.stringify(meta ?? {})}`);
		};
	}
	const webhook = nodeType.webhook;
	if (!webhook) throw new Error('Node has no webhook()');
	const result = await webhook.call(context);
	return { result, response, logs };
}
