import type {
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	IDataObject,
	IHookFunctions,
	INodeCredentialTestResult,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { getConnectorLocator } from './actions/common.descriptions';
import type { ProfitClient } from './api/profit';
import { createProfitClient, readGetConnector } from './api/profit';
import { searchGetConnectors } from './methods/listSearch';
import { parameters } from './parameters';
import type { ProfitWebhookEvent } from './wire/profit/webhook';
import {
	ALL_PROFIT_EVENT_TYPES,
	concernsDossierItem,
	parseProfitEvent,
	PROFIT_EVENT_TYPES,
	PROFIT_SIGNATURE_HEADER,
	selectedEventTypes,
	verifyProfitSignature,
} from './wire/profit/webhook';

const eventsProperty: INodeProperties = {
	displayName: 'Events',
	name: 'events',
	type: 'multiOptions',
	options: PROFIT_EVENT_TYPES.map((type) => ({
		name: type.name,
		value: type.value,
		description: `${type.value}; Data: ${type.data}`,
	})),
	default: [...ALL_PROFIT_EVENT_TYPES],
	description:
		'Events that start the workflow. Others are answered 200 (so Profit does not send them again) and ignored. None selected: all.',
};

const fetchDossierItemProperty: INodeProperties = {
	displayName: 'Fetch Dossier Item',
	name: 'fetchDossierItem',
	type: 'boolean',
	default: false,
	description:
		'Whether to read the dossier item of subject.* events (items and reactions) through a GetConnector and add it as dossierItem. The event itself only says that something changed.',
};

const dossierConnectorProperty: INodeProperties = {
	...getConnectorLocator,
	description: 'The GetConnector that lists dossier items, e.g. ProfitSubjects',
	displayOptions: { show: { fetchDossierItem: [true] } },
};

const dossierItemFieldProperty: INodeProperties = {
	displayName: 'Dossier Item ID Field',
	name: 'dossierItemField',
	type: 'string',
	default: 'SbId',
	required: true,
	description:
		"The GetConnector field that holds the dossier item's number, matched against the event's Data.SubjectId (SbId in AFAS's standard dossier GetConnectors)",
	displayOptions: { show: { fetchDossierItem: [true] } },
};

const readProperties = [
	eventsProperty,
	fetchDossierItemProperty,
	dossierConnectorProperty,
	dossierItemFieldProperty,
];

type JsonBody = Record<string, unknown>;

/** The part of n8n's (express) response the trigger writes itself: status, type, JSON body. */
interface PlainResponse {
	writeHead(status: number, headers: Record<string, string>): unknown;
	end(body: string): unknown;
}

function respond(context: IWebhookFunctions, status: number, body: JsonBody): IWebhookResponseData {
	const response = context.getResponseObject() as unknown as PlainResponse;
	response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
	response.end(JSON.stringify(body));
	return { noWebhookResponse: true };
}


/*
 * The body exactly as received. For a version-1 trigger n8n reads every non-multipart body into `rawBody` (a
 * Buffer) before webhook() runs (webhook-helpers parseRequestBody -> parseBody -> readRawBody, in n8n 1.123 and
 * 2.41 alike). There is no fallback to re-serialising `body`: other bytes can never match Profit's signature,
 * so without the raw bytes the request is refused like an unsigned one.
 */
function rawBodyOf(context: IWebhookFunctions): Uint8Array {
	const { rawBody } = context.getRequestObject() as unknown as { rawBody?: unknown };
	return rawBody instanceof Uint8Array ? rawBody : new Uint8Array(0);
}

interface DossierRead {
	client: ProfitClient;
	connectorId: string;
	field: string;
}

/** The event was parsed from JSON, so every value in it is a JSON value. */
function itemOf(event: ProfitWebhookEvent): IDataObject {
	return { ...event } as IDataObject;
}

function errorMessage(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/**
 * Reads the dossier item named by the event. The event was already accepted, so a failed read does not lose it:
 * the item then carries `dossierItemError` instead.
 */
async function withDossierItem(event: ProfitWebhookEvent, read: DossierRead): Promise<IDataObject> {
	const item = itemOf(event);
	if (event.EventType === 'subject.deleted') {
		item.dossierItem = null;
		return item;
	}
	const subjectId = event.Data.SubjectId;
	if (subjectId === undefined || subjectId === null || subjectId === '') {
		item.dossierItem = null;
		item.dossierItemError = 'The event has no Data.SubjectId';
		return item;
	}
	try {
		const rows = await readGetConnector(read.client, {
			connectorId: read.connectorId,
			filter: [[{ field: read.field, operator: 'equals', value: subjectId }]],
			sort: [{ field: read.field }],
			pageSize: 2,
			limit: 2,
			parallelRequests: 1,
			itemIndex: 0,
		});
		item.dossierItem = rows.length === 1 ? rows[0] : null;
		if (rows.length > 1)
			item.dossierItemError = `More than one row of ${read.connectorId} has ${read.field} = ${String(subjectId)}: set Dossier Item ID Field to a field that is unique per dossier item`;
	} catch (error) {
		item.dossierItem = null;
		item.dossierItemError = errorMessage(error);
	}
	return item;
}

export class AfasProfitWebhookTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'AFAS Profit Webhook Trigger',
		name: 'afasProfitWebhookTrigger',
		icon: { light: 'file:../../icons/afas.svg', dark: 'file:../../icons/afas.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ ($parameter["events"] || []).length + " event types" }}',
		description:
			'Starts the workflow when AFAS Profit 8+ sends a signed webhook event about a dossier item, a reaction or a workflow',
		defaults: { name: 'AFAS Profit Webhook Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'afasProfitWebhookApi', required: true, testedBy: 'afasProfitWebhookPassword' },
			{
				name: 'afasProfitApi',
				required: true,
				displayOptions: { show: { fetchDossierItem: [true] } },
			},
		],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'afas-profit' },
		],
		properties: [
			{
				displayName:
					'In AFAS Profit, add a webhook to the app connector with the Production URL above (Webhook URLs) and the password of the AFAS Profit Webhook credential, and subscribe it to the events. Profit signs each event with that password; events without a valid signature are refused with 401.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			eventsProperty,
			fetchDossierItemProperty,
			dossierConnectorProperty,
			dossierItemFieldProperty,
		],
	};

	methods = {
		listSearch: { searchGetConnectors },
		credentialTest: {
			async afasProfitWebhookPassword(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const password = (credential.data as IDataObject | undefined)?.password;
				if (typeof password !== 'string' || password === '')
					return { status: 'Error', message: 'Enter the password of the webhook in AFAS Profit' };
				// The password is never sent anywhere, so only a signed event from Profit can prove it right.
				return {
					status: 'OK',
					message: 'Saved. Only a signed event can prove it: use Test on the webhook in Profit',
				};
			},
		},
	};

	/*
	 * Profit has no API to register webhooks: the AFAS administrator adds URL and password to the app connector.
	 * There is nothing to create or delete, so the endpoint "exists" as soon as n8n listens on it.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	/*
	 * Order matters: nothing unauthenticated reaches parameter checks or AFAS (401, no execution), then a body that
	 * is no Profit event gets 400, an unselected type 200 (Profit retries anything else). Configuration errors
	 * throw before the answer, so n8n answers 500 and Profit sends the event again once the node is fixed. The 200
	 * is written before the dossier item is read: Profit gives up after 2 s and would send the event twice.
	 */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const body = rawBodyOf(this);
		const { password } = await this.getCredentials<{ password?: string }>('afasProfitWebhookApi');
		const signature = await verifyProfitSignature(
			body,
			this.getHeaderData()[PROFIT_SIGNATURE_HEADER],
			typeof password === 'string' ? password : '',
		);
		if (!signature.ok) {
			this.logger.warn(`AFAS Profit webhook refused (401): signature ${signature.reason}`, {
				node: this.getNode().name,
			});
			return respond(this, 401, {
				message: 'Missing or invalid X-Profit-Signature-256',
			});
		}

		const parsed = parseProfitEvent(body);
		if (!parsed.ok)
			return respond(this, 400, { message: `Not an AFAS Profit event: ${parsed.problem}` });
		const { event } = parsed;

		const p = parameters(this, 0, readProperties);
		const selected = selectedEventTypes(p.raw('events'));
		if (!selected.ok)
			throw new NodeOperationError(this.getNode(), 'Events must be a list of event types', {
				description: 'Pick the events in the list, or give an expression that returns their names.',
			});
		if (!selected.types.has(event.EventType))
			return respond(this, 200, { received: true, ignored: true });

		let read: DossierRead | undefined;
		if (p.boolean('fetchDossierItem') && concernsDossierItem(event.EventType)) {
			const connectorId = p.locator('connector');
			const field = p.string('dossierItemField', { required: true, trim: true });
			read = { client: await createProfitClient(this), connectorId, field };
		}

		respond(this, 200, { received: true });
		const item = read ? await withDossierItem(event, read) : itemOf(event);
		return { noWebhookResponse: true, workflowData: [this.helpers.returnJsonArray([item])] };
	}
}
