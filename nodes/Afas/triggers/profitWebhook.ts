import type {
	IDataObject,
	INodeProperties,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { getConnectorLocator } from '../actions/common.descriptions';
import type { ProfitClient } from '../api/profit';
import { readGetConnector } from '../api/profit';
import type { ProfitWebhookEvent } from '../wire/profit/webhook';
import { ALL_PROFIT_EVENT_TYPES, PROFIT_EVENT_TYPES } from '../wire/profit/webhook';

/** The Profit Webhook Trigger's parameters and the pieces of its webhook(): answers, raw body, dossier item. */

export const eventsProperty: INodeProperties = {
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

export const fetchDossierItemProperty: INodeProperties = {
	displayName: 'Fetch Dossier Item',
	name: 'fetchDossierItem',
	type: 'boolean',
	default: false,
	description:
		'Whether to read the dossier item of subject.* events (items and reactions) through a GetConnector and add it as dossierItem. The event itself only says that something changed.',
};

export const dossierConnectorProperty: INodeProperties = {
	...getConnectorLocator,
	description: 'The GetConnector that lists dossier items, e.g. ProfitSubjects',
	displayOptions: { show: { fetchDossierItem: [true] } },
};

export const dossierItemFieldProperty: INodeProperties = {
	displayName: 'Dossier Item ID Field',
	name: 'dossierItemField',
	type: 'string',
	default: 'SbId',
	required: true,
	description:
		"The GetConnector field that holds the dossier item's number, matched against the event's Data.SubjectId (SbId in AFAS's standard dossier GetConnectors)",
	displayOptions: { show: { fetchDossierItem: [true] } },
};

export const readProperties = [
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

export function respond(
	context: IWebhookFunctions,
	status: number,
	body: JsonBody,
): IWebhookResponseData {
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
export function rawBodyOf(context: IWebhookFunctions): Uint8Array {
	const { rawBody } = context.getRequestObject() as unknown as { rawBody?: unknown };
	return rawBody instanceof Uint8Array ? rawBody : new Uint8Array(0);
}

export interface DossierRead {
	client: ProfitClient;
	connectorId: string;
	field: string;
}

/** The event was parsed from JSON, so every value in it is a JSON value. */
export function itemOf(event: ProfitWebhookEvent): IDataObject {
	return { ...event } as IDataObject;
}

function errorMessage(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/**
 * Reads the dossier item named by the event. The event was already accepted, so a failed read does not lose it:
 * the item then carries `dossierItemError` instead.
 */
export async function withDossierItem(
	event: ProfitWebhookEvent,
	read: DossierRead,
): Promise<IDataObject> {
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
